// Why no plan exists, found directly and named: a day nobody can take, an institution with fewer
// available leaders than days (Hall's condition), a pin that breaks a rule. The elastic solve in
// plan.ts then gives the smallest set of broken rules.

import { formatDateList } from '../date-list.js';
import { monthDay } from '../dates.js';
import type { IsoDate, Leader } from '../types.js';
import { type Component, HARD_CONSTRAINTS } from './constraints.js';
import type { PlanContext } from './context.js';
import { hallViolation } from './flow.js';
import type { Cause } from './types.js';

const joinDates = (ds: IsoDate[]) => ds.join('、');
const enDates = (ds: IsoDate[]) => (ds.length <= 1 ? ds.join('') : `${ds.slice(0, -1).join(', ')} and ${ds[ds.length - 1]}`);

/** 何振华：不可接访 12-16~12-18 — a leader's absences, the way the clerk wrote them. */
function absence(l: Leader): string {
  return l.unavailable.length
    ? `${l.name}：不可接访 ${formatDateList(l.unavailable).replace(/\d{4}-(\d{2}-\d{2})/g, '$1')}`
    : `${l.name}：无不可接访日期`;
}

function eligibleOf(ctx: PlanContext, inst: string): Leader[] {
  return ctx.leaders.filter((l) => l.institution === inst && ctx.config.eligibleRanks.includes(l.rank));
}

/** Days whose institution has fewer allowed leaders than places, grouped by institution. */
export function dayCauses(ctx: PlanContext): Cause[] {
  const byInst = new Map<string, number[]>();
  ctx.days.forEach((_, d) => {
    if (ctx.candidates[d].length < ctx.config.perDay && !ctx.fixedDays?.has(d))
      byInst.set(ctx.dayInstitution[d], [...(byInst.get(ctx.dayInstitution[d]) ?? []), d]);
  });
  const out: Cause[] = [];
  for (const [inst, ds] of byInst) {
    const dates = ds.map((d) => ctx.days[d]);
    const eligible = eligibleOf(ctx, inst);
    const roundDates = ctx.days.filter((_, d) => ctx.dayInstitution[d] === inst);
    if (eligible.length === 0) {
      const others = ctx.leaders.filter((l) => l.institution === inst);
      out.push({
        kind: 'no-leader-on-day',
        institution: inst,
        dates,
        names: others.map((l) => l.name),
        message:
          `${inst} 需在 ${joinDates(roundDates)} 安排接访，但名单中没有 ${ctx.config.eligibleRanks.join('、')} 领导` +
          `${others.length ? `（${others.map((l) => `${l.name}：${l.rank}`).join('；')}）` : ''}。` +
          `${inst} needs leaders on ${enDates(roundDates)} but has no eligible leader in the lists.`,
      });
      continue;
    }
    for (const d of ds) {
      const date = ctx.days[d];
      const away = eligible.filter((l) => l.unavailable.includes(date));
      const free = eligible.filter((l) => !l.unavailable.includes(date));
      const need = ctx.config.perDay;
      const zh =
        free.length === 0
          ? `但 ${monthDay(date)} 其 ${eligible.length} 名符合条件的领导都不可接访`
          : `但 ${monthDay(date)} 只有 ${free.length} 名符合条件的领导可以接访（${free.map((l) => l.name).join('、')}），需要 ${need} 名`;
      const en =
        free.length === 0
          ? `none of its ${eligible.length} eligible leaders is available on ${date}`
          : `only ${free.length} of its ${eligible.length} eligible leaders ${free.length === 1 ? 'is' : 'are'} available on ${date}, ${need} needed`;
      out.push({
        kind: 'no-leader-on-day',
        institution: inst,
        dates: [date],
        names: away.map((l) => l.name),
        message:
          `${inst} 需在 ${joinDates(roundDates)} 安排接访，${zh}（${away.map(absence).join('；')}）。` +
          `${inst} needs leaders on ${enDates(roundDates)} but ${en} (${away.map(absence).join('; ')}).`,
      });
    }
  }
  return out;
}

/** Hall's condition per component, leaving out days already explained by dayCauses. */
export function hallCauses(ctx: PlanContext, components: Component[], explained: Set<IsoDate>): Cause[] {
  const out: Cause[] = [];
  const { perDay, maxPerLeader } = ctx.config;
  for (const comp of components) {
    const days = comp.days.filter((d) => !explained.has(ctx.days[d]) && !ctx.fixedDays?.has(d));
    const S = hallViolation({ leaders: comp.leaders, days, allowed: (d) => ctx.candidates[d], perDay, maxPerLeader });
    if (S.length === 0) continue;
    const able = comp.leaders
      .map((l) => ({ l: ctx.leaders[l], n: S.filter((d) => ctx.candidates[d].includes(l)).length }))
      .filter((x) => x.n > 0);
    const capacity = able.reduce((s, x) => s + Math.min(maxPerLeader, x.n), 0);
    const insts = [...new Set(S.map((d) => ctx.dayInstitution[d]))];
    const inst = insts.join('、');
    const dates = S.map((d) => ctx.days[d]);
    const eligible = insts.flatMap((i) => eligibleOf(ctx, i));
    const away = eligible.filter((l) => dates.some((d) => l.unavailable.includes(d)));
    const need = perDay * S.length;
    out.push({
      kind: 'hall',
      institution: inst,
      dates,
      names: eligible.map((l) => l.name),
      message:
        `${inst} 需在 ${joinDates(dates)} 共安排 ${need} 人次接访，但这些天里可以接访的符合条件领导只有 ${able.length} 名` +
        `${able.length ? `（${able.map((x) => x.l.name).join('、')}）` : ''}，每人本轮最多 ${maxPerLeader} 次，最多 ${capacity} 人次` +
        `${away.length ? `（${away.map(absence).join('；')}）` : ''}。` +
        `${inst} needs ${need} duties on ${enDates(dates)} but only ${able.length} of its ${eligible.length} eligible leaders can serve on any of them, ` +
        `at most ${maxPerLeader} each: ${capacity} in all.`,
    });
  }
  return out;
}

/** Pins that cannot be kept: unknown leader, not a working day, or a rule that forbids the pair. */
export function pinCauses(ctx: PlanContext): Cause[] {
  const out: Cause[] = [];
  const perDayCount = new Map<number, number>();
  const perLeaderCount = new Map<number, number>();
  for (const { pin, leader, day } of ctx.pins) {
    const who = `锁定 ${pin.date} ${pin.name}`;
    if (leader === undefined) {
      const n = ctx.leaders.filter((l) => l.name === pin.name).length;
      out.push({
        kind: 'pin',
        dates: [pin.date],
        names: [pin.name],
        message:
          n > 1
            ? `${who}：名单中有 ${n} 名同名领导，请注明单位 (several leaders have this name; give the institution)`
            : `${who}：领导名单中没有此人 (no such leader in the lists)`,
      });
      continue;
    }
    const l = ctx.leaders[leader];
    if (day === undefined) {
      out.push({ kind: 'pin', dates: [pin.date], names: [pin.name], message: `${who}：不是本轮的工作日 (not a working day of the round)` });
      continue;
    }
    const broken = HARD_CONSTRAINTS.filter((c) => c.allows && !c.allows(ctx, l, day));
    if (broken.length) {
      out.push({
        kind: 'pin',
        institution: l.institution,
        dates: [pin.date],
        names: [l.name],
        message:
          `${who} 违反：${broken.map((c) => `「${c.sentence(ctx.config)}」`).join('、')}` +
          `${l.unavailable.includes(pin.date) ? `（${absence(l)}）` : ''}` +
          `${l.institution !== ctx.dayInstitution[day] ? `（${pin.date} 轮到 ${ctx.dayInstitution[day]}，${l.name} 属 ${l.institution}）` : ''}` +
          ` (the pin breaks a hard rule)`,
      });
      continue;
    }
    perDayCount.set(day, (perDayCount.get(day) ?? 0) + 1);
    perLeaderCount.set(leader, (perLeaderCount.get(leader) ?? 0) + 1);
  }
  for (const [day, n] of perDayCount) {
    if (n > ctx.config.perDay) {
      const names = ctx.pins.filter((p) => p.day === day).map((p) => p.pin.name);
      out.push({
        kind: 'pin',
        dates: [ctx.days[day]],
        names,
        message: `${ctx.days[day]} 锁定了 ${n} 名领导（${names.join('、')}），每天只安排 ${ctx.config.perDay} 名 (more pins than places)`,
      });
    }
  }
  for (const [leader, n] of perLeaderCount) {
    if (n > ctx.config.maxPerLeader) {
      const l = ctx.leaders[leader];
      const dates = ctx.pins.filter((p) => p.leader === leader).map((p) => p.pin.date);
      out.push({
        kind: 'pin',
        institution: l.institution,
        dates,
        names: [l.name],
        message: `${l.name} 被锁定 ${n} 天（${joinDates(dates)}），超过每人本轮最多 ${ctx.config.maxPerLeader} 次 (more pins than the per-round maximum)`,
      });
    }
  }
  return out;
}
