// The facts a plan is made of, computed once from the input: working days, the institution of each
// day, who may serve when, pins and quota needs. The planner, the explanations and the checker all
// read this one context, so they cannot disagree.

import { type Calendar, makeCalendar } from '../calendar.js';
import { byDate } from '../dates.js';
import { leaderKey } from '../leaders.js';
import { institutionsForDays } from '../order.js';
import { placeText } from '../place.js';
import { cleanName } from '../text.js';
import type { DayInfo, IsoDate, Kind, Leader, Rule } from '../types.js';
import { HARD_CONSTRAINTS } from './constraints.js';
import { type QuotaNeed, quotaNeeds } from './quota.js';
import type { HistoryRecord, Pin, PlanConfig, PlanInput } from './types.js';

export interface ResolvedPin {
  pin: Pin;
  /** Index of the pinned leader; undefined when no leader of the lists matches. */
  leader?: number;
  /** Index of the pinned working day; undefined when the date is not a working day of the window. */
  day?: number;
}

export interface PlanContext {
  config: PlanConfig;
  kind: Kind;
  /** The place every duty of the round is written with. */
  place: string;
  window: DayInfo[];
  /** Working days of the window, in date order. */
  days: IsoDate[];
  dayIndex: Map<IsoDate, number>;
  /** Institution serving each working day. */
  dayInstitution: string[];
  leaders: Leader[];
  leaderIndex: Map<string, number>;
  history: HistoryRecord[];
  /** Working days beyond the window too, for judging whole quota periods. */
  calendar: Calendar;
  /** Rules the report judges with the checker after planning. */
  reportRules: Rule[];
  /** Per working day: indexes of the leaders every hard rule allows on it, in leader order. */
  candidates: number[][];
  pins: ResolvedPin[];
  needs: QuotaNeed[];
  /**
   * Re-planning (src/core/replan): working days frozen as published (the past); their candidates are
   * exactly the published leaders, and the per-day and per-leader rows keep them as they are.
   */
  fixedDays?: Set<number>;
  /** Re-planning: the published leaders (leaderKey) per working day; a day that differs is a change. */
  published?: string[][];
}

export function isEligible(config: PlanConfig, l: Leader): boolean {
  return config.eligibleRanks.includes(l.rank);
}

export function buildContext(input: PlanInput): PlanContext {
  const { config } = input;
  const window = [...input.days].sort(byDate);
  const days = window.filter((d) => d.working).map((d) => d.date);
  const eligible = new Map<string, number>();
  for (const l of input.leaders) if (isEligible(config, l)) eligible.set(l.institution, (eligible.get(l.institution) ?? 0) + 1);
  const dayInstitution = institutionsForDays({
    days,
    order: config.institutions.map((i) => i.name),
    mode: config.order.mode,
    start: config.order.start,
    eligible,
  });
  const leaders = input.leaders;
  const leaderIndex = new Map(leaders.map((l, i) => [leaderKey(l), i]));
  const kind = input.kind ?? '接访';
  const history = input.history ?? [];
  const ctx: PlanContext = {
    config,
    kind,
    place: placeText(config.place),
    window,
    days,
    dayIndex: new Map(days.map((d, i) => [d, i])),
    dayInstitution,
    leaders,
    leaderIndex,
    history,
    calendar: input.calendar ?? windowCalendar(window),
    reportRules: input.reportRules ?? input.quotaRules ?? [],
    candidates: [],
    pins: [],
    needs: [],
  };
  const filters = HARD_CONSTRAINTS.flatMap((c) => (c.allows ? [c.allows] : []));
  ctx.candidates = days.map((_, d) => leaders.flatMap((l, li) => (filters.every((f) => f(ctx, l, d)) ? [li] : [])));
  ctx.pins = (input.pins ?? []).map((pin) => resolvePin(ctx, pin));
  ctx.needs = quotaNeeds({ rules: input.quotaRules ?? [], kind, leaders, days, from: config.from, to: config.to, history });
  return ctx;
}

function resolvePin(ctx: PlanContext, pin: Pin): ResolvedPin {
  const name = cleanName(pin.name);
  const matches = ctx.leaders.flatMap((l, i) => (l.name === name && (!pin.institution || l.institution === pin.institution) ? [i] : []));
  return { pin, leader: matches.length === 1 ? matches[0] : undefined, day: ctx.dayIndex.get(pin.date) };
}

/** Without a calendar from the caller: the national one, with the window's days exactly as given. */
function windowCalendar(window: DayInfo[]): Calendar {
  return makeCalendar({ overrides: window.map((d) => ({ date: d.date, type: d.working ? '上班' : '休息', name: d.reason ?? '' })) });
}
