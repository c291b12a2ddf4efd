// The facts a plan is made of, computed once from the input: working days, the institution of each
// day, who may serve when (every rule's allows), pins, sites, the past frozen by a re-plan. The
// planner, the explanations, the report and the checker all read this one context.
import { type Calendar, makeCalendar } from '../calendar.js';
import { periodsReach } from '../check/periods.js';
import { byDate, isoWeekKey, monthKey } from '../dates.js';
import { leaderKey } from '../leaders.js';
import { institutionsForDays } from '../order.js';
import { placeText } from '../place.js';
import { rulesetOf } from '../presets.js';
import type { Site } from '../sites.js';
import { type SlotGroup, slotGroups } from '../slots.js';
import { termsOverlap } from '../term.js';
import { cleanName } from '../text.js';
import type { DayInfo, Duty, IsoDate, Kind, Leader, Rule } from '../types.js';
import { HARD_RULES, type HardRule } from './rules.js';
import type { HistoryRecord, Pin, PlanConfig, PlanInput, Ruleset } from './types.js';

export interface ResolvedPin {
  pin: Pin;
  kind: Kind;
  /** Index of the pinned leader; undefined when no leader of the lists matches. */
  leader?: number;
  /** Index of the pinned working day; undefined when the date is not a working day of the window. */
  day?: number;
}

/** A re-plan's input beyond a plan's: the published timetable and the first day that may change. */
export interface Published {
  duties: Duty[];
  /** Days before this date are frozen exactly as published. */
  today: IsoDate;
}

export interface PlanContext {
  config: PlanConfig;
  /** The preset's parameters. */
  set: Ruleset;
  /** The hard rules in use for this preset, in the order they are checked and reported. */
  rules: HardRule[];
  /** The place every 接访 is written with. */
  place: string;
  window: DayInfo[];
  /** Working days of the window, in date order. */
  days: IsoDate[];
  dayIndex: Map<IsoDate, number>;
  /** Institution serving each working day ('' when any may). */
  dayInstitution: string[];
  /** ISO week (2025-W05) and month (2025-01) of each working day. */
  week: string[];
  month: string[];
  leaders: Leader[];
  leaderIndex: Map<string, number>;
  history: HistoryRecord[];
  /** Working days beyond the window too, for judging whole quota periods. */
  calendar: Calendar;
  /** Rules the report judges with the checker after planning (the configuration's rules). */
  reportRules: Rule[];
  sites: Site[];
  /** Per working day: indexes of the leaders every hard rule allows on it, in leader order. */
  candidates: number[][];
  /** Leaders allowed on at least one working day, in leader order. */
  serving: number[];
  pins: ResolvedPin[];
  /** Re-planning: the published timetable and today (days before it are frozen). */
  published?: Published;
  /** Working days the solve decides: all of them, or those from today on when re-planning. */
  open: number[];
  /** The round's slots' Hall groups (src/core/slots.ts): none without slots restricted by `who`. */
  slotGroups: SlotGroup[];
  /** Each row's person: the first row of the same name when both rows have a term (one who moved institution), else itself. */
  person: number[];
}

/**
 * The records a plan can count: those in a period of some rule (or an ISO week, for the weekly
 * maximum) that the window overlaps. Every reader of the context's history counts only those, so a
 * year of history before the window costs one pass here, not one in each piece and report.
 */
function inReach(history: HistoryRecord[], rules: Rule[], { from, to }: { from: IsoDate; to: IsoDate }): HistoryRecord[] {
  const { first, last } = periodsReach(['week', ...rules.map((r) => r.period)], from, to);
  return history.filter((h) => h.date >= first && h.date <= last);
}

/** Whether every hard rule allows leader l on working day d (candidates are in leader order: a binary search). */
export function isCandidate(ctx: Pick<PlanContext, 'candidates'>, l: number, d: number): boolean {
  const c = ctx.candidates[d];
  let lo = 0,
    hi = c.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c[mid] < l) lo = mid + 1;
    else hi = mid;
  }
  return c[lo] === l;
}

export function isEligible(config: Pick<PlanConfig, 'eligibleRanks'>, l: Leader): boolean {
  return config.eligibleRanks.includes(l.rank);
}

export function buildContext(input: PlanInput & { published?: Published }): PlanContext {
  const { config } = input;
  const set = rulesetOf(config);
  const window = [...input.days].sort(byDate);
  const days = window.filter((d) => d.working).map((d) => d.date);
  const eligible = new Map<string, number>();
  for (const l of input.leaders)
    if (isEligible(config, l) && termsOverlap(l.term, config)) eligible.set(l.institution, (eligible.get(l.institution) ?? 0) + 1);
  const dayInstitution = institutionsForDays({
    days,
    order: config.institutions.map((i) => i.name),
    mode: config.order.mode,
    start: config.order.start,
    eligible,
  });
  const leaders = input.leaders;
  const today = input.published?.today;
  const ctx: PlanContext = {
    config,
    set,
    rules: HARD_RULES.filter((r) => r.inUse?.(set, config) ?? true),
    place: placeText(config.place),
    window,
    days,
    dayIndex: new Map(days.map((d, i) => [d, i])),
    dayInstitution,
    week: days.map(isoWeekKey),
    month: days.map(monthKey),
    leaders,
    leaderIndex: new Map(leaders.map((l, i) => [leaderKey(l), i])),
    history: inReach(input.history ?? [], [...(config.rules ?? []), ...set.quotaRules], config),
    calendar: input.calendar ?? windowCalendar(window),
    reportRules: config.rules ?? [],
    sites: [...(input.sites ?? [])],
    candidates: [],
    serving: [],
    pins: [],
    ...(input.published ? { published: input.published } : {}),
    open: days.flatMap((d, i) => (today === undefined || d >= today ? [i] : [])),
    slotGroups: config.slots ? slotGroups(config.slots, leaders) : [],
    person: leaders.map((l, i) => (l.term ? leaders.findIndex((m) => m.name === l.name && m.term !== undefined) : i)),
  };
  const allows = ctx.rules.flatMap((r) => (r.allows ? [r.allows] : []));
  // A plain loop, not allows.every(…): a 10,000-leader year asks 2.4 million (leader, day) pairs.
  const allowed = (l: Leader, d: number) => {
    for (const f of allows) if (!f(ctx, l, d)) return false;
    return true;
  };
  ctx.candidates = days.map((_, d) => {
    const here: number[] = [];
    for (let li = 0; li < leaders.length; li++) if (allowed(leaders[li], d)) here.push(li);
    return here;
  });
  const serving = new Set(ctx.candidates.flat());
  ctx.serving = leaders.flatMap((_, li) => (serving.has(li) ? [li] : []));
  ctx.pins = (input.pins ?? []).map((pin) => resolvePin(ctx, pin));
  return ctx;
}

function resolvePin(ctx: PlanContext, pin: Pin): ResolvedPin {
  const name = cleanName(pin.name);
  const matches = ctx.leaders.flatMap((l, i) => (l.name === name && (!pin.institution || l.institution === pin.institution) ? [i] : []));
  return { pin, kind: pin.kind ?? '接访', leader: matches.length === 1 ? matches[0] : undefined, day: ctx.dayIndex.get(pin.date) };
}

/** Without a calendar from the caller: the national one, with the window's days exactly as given. */
function windowCalendar(window: DayInfo[]): Calendar {
  return makeCalendar({ overrides: window.map((d) => ({ date: d.date, type: d.working ? '上班' : '休息', name: d.reason ?? '' })) });
}
