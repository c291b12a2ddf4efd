// The round's slots (rota.json `slots`) as a hard rule: each duty day's leaders of a kind must be
// able to fill its slots one leader a seat, each slot taking only the leaders its `who` admits. The
// plan keeps Hall's condition per day (a row per group of restricted slots, a certificate on a network:
// src/core/slots.ts) and gives out the seats after the solve (assignSlots); the check reads the
// duties' 时段 / 地点 / 方式 / 角色, names a duty in a slot its leader may not fill, a duty matching no
// slot, and a slot of a duty day left empty.
import { groupBy } from '../group-by.js';
import { dutyFitsSlot, matchSlots, type SlotSpec, slotAdmits, slotLabel, slotSeats } from '../slots.js';
import type { Duty, Kind, Leader } from '../types.js';
import type { PlanContext } from './context.js';
import { dutyLeader, frozen, type HardRule, KIND_LIST, terms, violation } from './hard-rule.js';
import type { Activity } from './piece-network.js';
import type { Cause, Violation } from './types.js';

/** 带班（正处级） — a slot and who may fill it. */
export function slotWho(slot: SlotSpec): string {
  const w = slot.who;
  const parts = w ? [w.titles, w.ranks, w.institutions, w.names].flatMap((xs) => (xs?.length ? [xs.join('、')] : [])) : [];
  return `「${slotLabel(slot)}」${parts.length ? `（${parts.join('；')}）` : ''}`;
}

export const slotsFilled: HardRule = {
  id: 'slots',
  field: '姓名',
  inUse: (_set, config) => (config.slots?.length ?? 0) > 0,
  sentence: ({ config }) =>
    `每个接访日的每个时段都有人，且只由符合条件的领导担任（${(config.slots ?? []).map(slotWho).join('、')}）（every slot filled by leaders it admits）`,
  allows: (ctx, l) => ctx.config.slots!.some((s) => slotAdmits(s, l)),
  excludes: (ctx) => `不符合任何时段的条件 ${ctx.config.slots!.map(slotWho).join('、')}（admitted by no slot）`,
  addRows({ b, ctx, chunk, elastic, breakCost }) {
    ctx.slotGroups.forEach((g, i) => {
      const admitted = new Set(g.leaders);
      for (const d of chunk.days) {
        const t = ctx.candidates[d].filter((l) => admitted.has(l)).flatMap((l) => terms(b, l, d, [g.kind]));
        b.boundedSum(
          `s${i}_${d}`,
          { min: g.need },
          t,
          elastic ? { level: 'breaks', cost: breakCost, most: g.need, once: true } : undefined,
        );
      }
    });
  },
  // Hall's sets cross the leaders' own sets (a week, the round), so the network leaves them out and
  // accepts its optimum only when every day's leaders can fill the slots; else the integer program.
  addArcs({ net, ctx }) {
    if (!ctx.slotGroups.length) return;
    net.certify((acts) =>
      [...groupBy(acts, (a) => `${a.day}\u0000${a.kind}`).values()].every((day) =>
        ctx.slotGroups.every((g) => g.kind !== day[0].kind || day.filter((a) => g.leaders.includes(a.leader)).length >= g.need),
      ),
    );
  },
  check(duties, ctx, opts = {}) {
    const slots = ctx.config.slots!;
    const out: Violation[] = [];
    const byDay = groupBy(duties, (d) => `${d.date}\u0000${d.kind}`);
    const dates = [...new Set([...ctx.days, ...duties.map((d) => d.date)])].sort();
    for (const date of dates) {
      if (frozen(ctx, date)) continue;
      for (const kind of KIND_LIST) {
        const here = byDay.get(`${date}\u0000${kind}`) ?? [];
        const seats = slotSeats(slots, kind);
        if (!here.length && !seats.length) continue;
        const leaders = here.map((d) => dutyLeader(ctx, d));
        const fits = (p: number, s: number) => dutyFitsSlot(here[p], slots[s]) && (!leaders[p] || slotAdmits(slots[s], leaders[p]!));
        const seatOf = matchSlots(seats, here.length, fits);
        here.forEach((duty, p) => {
          if (seatOf[p] < 0) out.push(violation(this, ctx, unmatched(duty, leaders[p], slots, kind), [duty.name], [date], duty));
        });
        // A day with none of the kind is told once, by the per-day rule; a day partly filled names its empty slots.
        if (opts.complete === false || !ctx.dayIndex.has(date) || !here.length) continue;
        // A duty written into a slot it cannot take still stands in it (named above): the slot is not also empty.
        const standing = here.flatMap((d, p) => (seatOf[p] < 0 ? [slots.findIndex((x) => dutyFitsSlot(d, x))] : []));
        slots.forEach((slot, s) => {
          if (slot.kind !== kind) return;
          const filled = seatOf.filter((x) => x === s).length + standing.filter((x) => x === s).length;
          if (filled < slot.leaders)
            out.push(
              violation(
                this,
                ctx,
                `${date} 的时段${slotWho(slot)}应有 ${slot.leaders} 名领导，只安排了 ${filled} 名（slot ${slotLabel(slot)} left short）`,
                [],
                [date],
              ),
            );
        });
      }
    }
    return out;
  },
};

/** Why a duty has no seat: its 时段/地点/方式/角色 name no slot, its leader fits none that does, or those are full. */
function unmatched(duty: Duty, leader: Leader | undefined, slots: readonly SlotSpec[], kind: Kind): string {
  const named = slots.filter((s) => dutyFitsSlot(duty, s));
  const said = [duty.session, duty.mode, duty.role].filter(Boolean).join(' ') || kind;
  if (!named.length)
    return `${duty.date} ${duty.name} 的${said}（${duty.place}）不是本轮的任何时段（${slots.map((s) => slotLabel(s)).join('、')}）（no such slot）`;
  if (leader && !named.some((s) => slotAdmits(s, leader)))
    return `${duty.date} ${duty.name}（${leader.title}，${leader.rank}）不能担任${named.map(slotWho).join('、')}（not eligible for the slot）`;
  return `${duty.date} 的${named.map(slotWho).join('、')}已满，${duty.name} 多出（the slot is full）`;
}

/**
 * Each activity's slot: per day and kind, the day's leaders in the round's leader order given the
 * slots' seats in the order of `slots` (matchSlots). A leader no seat can take (a best-effort plan
 * that broke the rule) gets the first seat left, and the check names it.
 */
export function assignSlots(ctx: PlanContext, acts: readonly Activity[]): Map<Activity, SlotSpec> {
  const slots = ctx.config.slots;
  const out = new Map<Activity, SlotSpec>();
  if (!slots) return out;
  for (const group of groupBy([...acts], (a) => `${a.day}\u0000${a.kind}`).values()) {
    const people = [...group].sort((a, b) => a.leader - b.leader);
    const seats = slotSeats(slots, people[0].kind);
    const seatOf = matchSlots(seats, people.length, (p, s) => slotAdmits(slots[s], ctx.leaders[people[p].leader]));
    const left = [...seats];
    for (const s of seatOf) if (s >= 0) left.splice(left.indexOf(s), 1);
    people.forEach((a, p) => {
      const s = seatOf[p] >= 0 ? seatOf[p] : left.shift();
      if (s !== undefined) out.set(a, slots[s]);
    });
  }
  return out;
}

/**
 * Days whose restricted slots fewer leaders may fill than they take (the 院长 away on a day only he
 * may lead): one cause per group of slots, naming the slots, the days and who may fill them.
 */
export function slotCauses(ctx: PlanContext): Cause[] {
  const slots = ctx.config.slots ?? [];
  return ctx.slotGroups.flatMap((g) => {
    const short = ctx.open.filter((d) => ctx.candidates[d].filter((l) => g.leaders.includes(l)).length < g.need);
    if (!short.length) return [];
    const dates = short.map((d) => ctx.days[d]);
    const able = g.leaders.map((l) => ctx.leaders[l]);
    const away = able.filter((l) => dates.some((d) => l.unavailable.includes(d)));
    const named = g.slots.map((i) => slotWho(slots[i])).join('、');
    return [
      {
        kind: 'no-leader-on-day' as const,
        dates,
        names: able.map((l) => l.name),
        message:
          `${dates.join('、')} 的${named}需要 ${g.need} 名领导，能担任的只有 ${able.map((l) => l.name).join('、') || '（无）'}` +
          `${away.length ? `，其中 ${away.map((l) => `${l.name} 不可接访`).join('、')}` : ''}；请调整 slots 的 who 或不可接访日期。` +
          `On ${dates.join(', ')} slot ${g.slots.map((i) => slotLabel(slots[i])).join(', ')} needs ${g.need} but too few of the leaders it admits can serve.`,
      },
    ];
  });
}
