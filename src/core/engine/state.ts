// What one piece of the solve (an independent component, or a week or month carried forward) needs
// to know about everything counted before it: records outside the window, the frozen published past,
// and the pieces already solved. The same state serves every preset.
import { periodKey, periodOf } from '../check/periods.js';
import { addDays, isoWeekday } from '../dates.js';
import { ruleApplies } from '../rules.js';
import type { IsoDate, Kind, Rule } from '../types.js';
import type { PlanContext } from './context.js';

/** An activity counted so far. */
export interface Counted {
  leader: number;
  date: IsoDate;
  kind: Kind;
  /** Inside the window (planned by this run, or frozen as published), not from the records. */
  planned: boolean;
}

export interface QuotaRow {
  leader: number;
  rule: Rule;
  period: string;
  need: number;
  /** The chunk's working days in the period. */
  days: number[];
}

/** Room a rule's maximum leaves leader l in one period, over the chunk's days of that period. */
export interface CapRow {
  leader: number;
  rule: Rule;
  period: string;
  room: number;
  days: number[];
}

export interface ChunkState {
  days: number[];
  /** Leaders who may serve on some day of the chunk. */
  leaders: number[];
  /** How many ISO weeks the chunk's days fall in (the weekly maximum's bound on a leader's activities). */
  weeks: number;
  /** Activities in the window so far per leader (the per-round maximum's room). */
  roundLoad: Int32Array;
  /** Activities so far per `${person}|${isoWeek}` (ctx.person), for the ISO weeks the chunk's days fall in. */
  weekLoad: Map<string, number>;
  quotas: QuotaRow[];
  /** Each rule with a max: the room left per leader and period (records and earlier pieces counted). */
  caps: CapRow[];
  /** Activities of each kind in the window so far, per leader: whole totals, as the balance level counts them. */
  kindSoFar: Record<Kind, Int32Array>;
  /** Leaders who served, inside the window, on the working day before each chunk day that follows a day outside the chunk. */
  servedBefore: Map<number, Set<number>>;
  /** 下访 still needed for the sites' monthly minimums, this chunk's share. */
  siteDemand: Array<{ month: string; target: number; days: number[] }>;
}

/** Activities leader l may still have in ISO week `week` under the weekly maximum (Infinity without one), counted per person. */
export function weekRoom(ctx: PlanContext, chunk: ChunkState, l: number, week: string): number {
  const K = ctx.set.maxPerWeek;
  return K === undefined ? Infinity : Math.max(0, K - (chunk.weekLoad.get(`${ctx.person[l]}|${week}`) ?? 0));
}

/** Whether leader l may have two activities in ISO week `week`: room under the weekly maximum, or best effort breaks it (engine/week-release.ts). */
export function roomForTwo(ctx: PlanContext, chunk: ChunkState, l: number, week: string, released?: ReadonlySet<string>): boolean {
  return weekRoom(ctx, chunk, l, week) > 1 || Boolean(released?.has(weekRow(ctx.person[l], week)));
}

/** The name of a person's weekly-maximum row (engine/rules.ts maxPerWeek). */
export const weekRow = (person: number, week: string) => `w${person}_${week}`;

export function chunkState(ctx: PlanContext, days: number[], counted: Counted[]): ChunkState {
  const inChunk = new Set(days);
  const leaders = [...new Set(days.flatMap((d) => ctx.candidates[d]))].sort((a, b) => a - b);
  const weekLoad = new Map<string, number>();
  // Typed arrays: zeroed in one step, not a value or an object per leader for every piece (10,000 leaders).
  const roundLoad = new Int32Array(ctx.leaders.length);
  const kindCount: Record<Kind, Int32Array> = { 接访: new Int32Array(ctx.leaders.length), 下访: new Int32Array(ctx.leaders.length) };
  // Only the working days just before the chunk's runs matter (servedBefore): not every date counted so far.
  const servedOn = new Map<IsoDate, Set<number>>();
  for (const d of days) if (d > 0 && !inChunk.has(d - 1)) servedOn.set(ctx.days[d - 1], new Set());
  const first = ctx.days[days[0]],
    last = ctx.days[days[days.length - 1]];
  const weeksFrom = addDays(first, 1 - isoWeekday(first)),
    weeksTo = addDays(last, 7 - isoWeekday(last));
  for (const c of counted) {
    if (c.date >= weeksFrom && c.date <= weeksTo) {
      const k = `${ctx.person[c.leader]}|${periodKey('week', c.date)}`;
      weekLoad.set(k, (weekLoad.get(k) ?? 0) + 1);
    }
    if (!c.planned) continue;
    kindCount[c.kind][c.leader]++;
    roundLoad[c.leader]++;
    servedOn.get(c.date)?.add(c.leader);
  }
  /** Each (leader, period) of the rule the chunk touches, with the leader's count of its kinds so far. */
  const perPeriod = (rule: Rule, add: (l: number, period: string, n: number, ds: number[]) => void) => {
    const periods = new Map<string, number[]>();
    for (const d of days) {
      const p = periodKey(rule.period, ctx.days[d]);
      const ds = periods.get(p);
      if (ds) ds.push(d);
      else periods.set(p, [d]);
    }
    // One pass over the activities dated within the chunk's periods (most are earlier), counted per leader and period.
    const from = periodOf(rule.period, ctx.days[days[0]]).from,
      to = periodOf(rule.period, ctx.days[days[days.length - 1]]).to;
    const count = new Map<string, number>();
    for (const c of counted) {
      if (c.date < from || c.date > to || !rule.kinds.includes(c.kind)) continue;
      const k = `${c.leader}|${periodKey(rule.period, c.date)}`;
      count.set(k, (count.get(k) ?? 0) + 1);
    }
    for (const l of leaders) {
      if (!ruleApplies(rule, ctx.leaders[l])) continue;
      for (const [period, ds] of periods) add(l, period, count.get(`${l}|${period}`) ?? 0, ds);
    }
  };
  const quotas: QuotaRow[] = [];
  for (const rule of ctx.set.quotaRules)
    perPeriod(rule, (leader, period, n, ds) => quotas.push({ leader, rule, period, need: Math.max(0, rule.min - n), days: ds }));
  const caps: CapRow[] = [];
  for (const rule of ctx.reportRules.filter((r) => r.max !== undefined))
    perPeriod(rule, (leader, period, n, ds) => caps.push({ leader, rule, period, room: Math.max(0, rule.max! - n), days: ds }));
  const servedBefore = new Map<number, Set<number>>();
  for (const d of days) {
    const before = d > 0 ? servedOn.get(ctx.days[d - 1]) : undefined;
    if (before?.size && !inChunk.has(d - 1)) servedBefore.set(d, before);
  }
  return {
    days,
    leaders,
    weeks: new Set(days.map((d) => ctx.week[d])).size,
    roundLoad,
    weekLoad,
    quotas,
    caps,
    kindSoFar: kindCount,
    servedBefore,
    siteDemand: siteDemandOf(ctx, days, counted),
  };
}

/**
 * Months wholly inside the window, with the 下访 the sites still need that month, spread over it: by
 * the end of each ISO week of the chunk, the share of the month's working days gone so far (rounded);
 * by the month's last working day, all of it.
 */
function siteDemandOf(ctx: PlanContext, days: number[], counted: Counted[]): ChunkState['siteDemand'] {
  const total = ctx.sites.reduce((s, x) => s + x.monthlyMin, 0);
  if (total === 0 || ctx.set.visits.max === 0) return [];
  const { from, to } = ctx.config;
  const out: ChunkState['siteDemand'] = [];
  for (const month of [...new Set(days.map((d) => ctx.month[d]))]) {
    const span = periodOf('month', `${month}-01`);
    if (span.from < from || span.to > to) continue;
    const inChunk = days.filter((d) => ctx.month[d] === month);
    const done = counted.filter((c) => c.planned && c.kind === '下访' && c.date >= span.from && c.date <= span.to).length;
    const remaining = Math.max(0, total - done);
    // The month's working days from the chunk's first on (working days are in date order: a month's are one run).
    const rest: number[] = [];
    for (let d = inChunk[0]; d < ctx.days.length && ctx.month[d] === month; d++) rest.push(d);
    inChunk.forEach((d, i) => {
      const last = i === inChunk.length - 1;
      if (!last && ctx.week[inChunk[i + 1]] === ctx.week[d]) return; // only at the end of each week
      const upTo = inChunk.slice(0, i + 1);
      const target = d === rest[rest.length - 1] ? remaining : Math.round((remaining * upTo.length) / rest.length);
      out.push({ month, target, days: upTo });
    });
  }
  return out;
}
