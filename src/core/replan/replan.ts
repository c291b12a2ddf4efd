// Re-planning a published timetable: keep every duty that is still valid, move as few days as
// possible (the keep-published level, above every other preference), and never rewrite the past
// (the frozen-past rule: days before today are taken from the publication as they are, even when a
// leader has since left the lists or moved). Any plan the planner makes (district, county, township)
// is re-planned the same way. Pure: the caller says what "today" is.

import { weekdayName } from '../dates.js';
import { buildContext, type PlanContext } from '../engine/context.js';
import { pinCauses } from '../engine/explain.js';
import { solveContext } from '../engine/plan.js';
import { measureObjective } from '../engine/report.js';
import { checkTimetable } from '../engine/rules.js';
import type { Pin, PlanInput, PlanReport, Violation } from '../engine/types.js';
import { leaderKey } from '../leaders.js';
import { cleanName } from '../text.js';
import type { Duty, IsoDate, Kind } from '../types.js';
import { changedDates, type DayChange, diffTimetables } from './diff.js';
import { pinsTogetherCauses } from './pin-blame.js';
export interface ReplanInput extends PlanInput {
  /** The published timetable (its 锁定 duties are pins too). */
  previous: Duty[];
  /** Days before this date are frozen exactly as published. */
  today: IsoDate;
}

/** A pin that cannot be kept, naming the pin and the rule it breaks. */
export interface PinError {
  pin: Pin;
  rule: string;
  message: string;
}

export interface ReplanReport extends Omit<PlanReport, 'status'> {
  /** pin-conflict: a pin breaks a hard rule (nothing planned). */
  status: PlanReport['status'] | 'pin-conflict';
  today: IsoDate;
  /** Dates of the window before today: kept as published. */
  frozen: IsoDate[];
  /** Rules the frozen past breaks now (e.g. a leader since marked unavailable): reported, not rewritten. */
  pastBreaks: Violation[];
  pinErrors: PinError[];
  /** Days whose duties (who, which kind, which 下访 site) differ from the published timetable. */
  changedDays: number;
}

export interface ReplanResult {
  duties: Duty[];
  changes: DayChange[];
  report: ReplanReport;
}

const pinKey = (p: Pin) => `${p.date}\u0000${cleanName(p.name)}\u0000${p.institution ?? ''}`;

/** The pins of a re-plan: those given, and the published duties marked 锁定. */
export function replanPins(input: Pick<ReplanInput, 'pins' | 'previous'>): Pin[] {
  const all = [
    ...(input.pins ?? []).map((p) => (p.kind ? p : { ...p, ...publishedKind(input.previous, p) })),
    ...input.previous.filter((d) => d.pinned).map((d) => ({ date: d.date, name: d.name, institution: d.institution, kind: d.kind })),
  ];
  const seen = new Set<string>();
  return all.filter((p) => {
    const k = pinKey(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A pin without a kind keeps the published one: --pin on a published 下访 pins that 下访, not a 接访. */
function publishedKind(previous: Duty[], p: Pin): { kind?: Kind } {
  const name = cleanName(p.name);
  const kinds = [
    ...new Set(
      previous
        .filter((d) => d.date === p.date && d.name === name && (!p.institution || d.institution === p.institution))
        .map((d) => d.kind),
    ),
  ];
  return kinds.length === 1 ? { kind: kinds[0] } : {};
}

function pinDuty(ctx: PlanContext, p: Pin, leader: number): Duty {
  const l = ctx.leaders[leader];
  return {
    date: p.date,
    weekday: weekdayName(p.date),
    kind: p.kind ?? '接访',
    institution: l.institution,
    name: l.name,
    title: l.title,
    portfolio: l.portfolio,
    place: ctx.place,
  };
}

/** Rules that count a day's duties: pinCauses already names a day with more pins than places. */
const DAY_COUNTS = new Set(['reception-per-day', 'visits-per-day', 'one-per-day']);

/** Pins that break a hard rule, given the frozen past: each error names the pin and the rule. */
function pinErrors(ctx: PlanContext, plain: PlanContext, frozen: Duty[], today: IsoDate, pastBreaks: Violation[]): PinError[] {
  const out: PinError[] = [];
  const future = ctx.pins.filter((p) => p.pin.date >= today);
  for (const { pin, leader } of ctx.pins.filter((p) => p.pin.date < today)) {
    const kept = leader !== undefined && frozen.some((d) => d.date === pin.date && leaderKey(d) === leaderKey(ctx.leaders[leader]));
    if (kept) continue;
    const was =
      frozen
        .filter((d) => d.date === pin.date)
        .map((d) => d.name)
        .join('、') || '无安排';
    out.push({
      pin,
      rule: 'frozen-past',
      message: `锁定 ${pin.date} ${pin.name} 违反「${today} 之前的安排已经发生，不再改动（the past is never rewritten）」：当天已公布的是 ${was}`,
    });
  }
  const futureCtx: PlanContext = { ...ctx, pins: future };
  for (const c of pinCauses(futureCtx)) {
    const pin = future.find((p) => c.dates.includes(p.pin.date) && c.names.some((n) => n === cleanName(p.pin.name)))?.pin ?? future[0].pin;
    out.push({ pin, rule: 'pin', message: c.message });
  }
  // Together with the frozen past: e.g. a leader pinned again who already served his maximum. Every
  // rule a pin breaks is named: those of a single day above, those of the pins together here.
  const single = new Set(ctx.rules.filter((r) => r.allows).map((r) => r.id));
  const pinned = future.filter((p) => p.leader !== undefined).map((p) => ({ p, duty: pinDuty(ctx, p.pin, p.leader!) }));
  const known = new Set(pastBreaks.map((v) => `${v.rule}\u0000${v.message}`));
  for (const v of checkTimetable([...frozen, ...pinned.map((x) => x.duty)], plain, { complete: false })) {
    if (single.has(v.rule) || v.rule === 'known-leader' || v.rule === 'working-day' || v.rule === 'within-window') continue;
    if (known.has(`${v.rule}\u0000${v.message}`)) continue;
    const hit = pinned.find((x) => v.dates.includes(x.duty.date) && v.names.includes(x.duty.name));
    if (!hit || (DAY_COUNTS.has(v.rule) && out.some((e) => e.pin === hit.p.pin))) continue; // pinCauses counted the day's pins
    out.push({ pin: hit.p.pin, rule: v.rule, message: `锁定 ${hit.p.pin.date} ${hit.p.pin.name} 违反「${v.sentence}」：${v.message}` });
  }
  return out;
}

export function replan(input: ReplanInput): ReplanResult {
  const { previous, today } = input;
  const pins = replanPins(input);
  const ctx = buildContext({ ...input, pins, published: { duties: previous, today } });
  const frozenDuties = previous.filter((d) => d.date < today);
  const frozen = ctx.window.filter((d) => d.date < today).map((d) => d.date);
  // The past judged as it was published, against today's lists: reported, never rewritten.
  const plain = buildContext({ ...input, pins: [] });
  // A leader who served and has since left the lists (or moved) is no break: the past names who served then.
  const pastBreaks = checkTimetable(frozenDuties, plain, { complete: false }).filter(
    (v) => v.rule !== 'known-leader' && v.dates.every((d) => d < today),
  );
  const errors = pinErrors(ctx, plain, frozenDuties, today, pastBreaks);
  const extra = { today, frozen, pastBreaks, pinErrors: errors };
  if (errors.length) {
    const empty: PlanReport = {
      status: 'infeasible',
      workingDays: ctx.days.length,
      duties: 0,
      unstaffed: 0,
      kinds: { 接访: 0, 下访: 0 },
      leftOut: [],
      served: [],
      stillShort: [],
      otherPlans: [],
      softUnmet: [],
      causes: [],
      breaks: [],
      sites: [],
      objective: measureObjective([], ctx),
      model: { variables: 0, constraints: 0, components: 0, networks: 0, coarsened: 0 },
    };
    return { duties: [], changes: [], report: { ...empty, ...extra, status: 'pin-conflict', changedDays: 0 } };
  }
  const result = solveContext(ctx, Boolean(input.bestEffort));
  if (result.report.status !== 'optimal') result.report.causes.push(...pinsTogetherCauses(ctx, today));
  if (result.report.status === 'infeasible') return { duties: [], changes: [], report: { ...result.report, ...extra, changedDays: 0 } };
  const pinned = new Set(
    ctx.pins.flatMap((p) =>
      p.leader === undefined || p.pin.date < today ? [] : [`${p.pin.date}\u0000${leaderKey(ctx.leaders[p.leader])}`],
    ),
  );
  const duties = result.duties.map((d) => (d.date >= today && pinned.has(`${d.date}\u0000${leaderKey(d)}`) ? { ...d, pinned: true } : d));
  const changes = diffTimetables(previous, duties);
  return { duties, changes, report: { ...result.report, ...extra, changedDays: changedDates(changes) } };
}
