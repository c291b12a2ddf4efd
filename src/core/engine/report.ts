// The plan's report: who was left out and why (the rules' own reasons), who is still short of a
// quota after this plan, which preferences could not be met, and the objective measured from the
// timetable itself by each preference.
import { PERIOD_NAMES, periodKey, periodsOverlapping, periodsReach } from '../check/periods.js';
import { judge } from '../check/tally.js';
import { groupBy } from '../group-by.js';
import { leaderKey } from '../leaders.js';
import { ruleApplies } from '../rules.js';
import type { Duty, Rule } from '../types.js';
import type { PlanContext } from './context.js';
import { PREFERENCES } from './preferences.js';
import { SITE_RULES } from './sites.js';
import type { LeftOut, ObjectiveValue, OtherPlan, SoftUnmet, StillShort } from './types.js';

/** Each preference's measure, highest priority first; the site rules' too when there are sites. */
export function measureObjective(duties: Duty[], ctx: PlanContext): ObjectiveValue {
  const all = [...PREFERENCES, ...(ctx.sites.length ? SITE_RULES : [])];
  return Object.fromEntries(all.map((p) => [p.id, p.measure(duties, ctx)]));
}

export function softUnmet(duties: Duty[], ctx: PlanContext): SoftUnmet[] {
  return [...PREFERENCES, ...(ctx.sites.length ? SITE_RULES : [])].flatMap((p) => p.unmet(duties, ctx));
}

/**
 * Leaders short of a rule in a period the plan touches, after this plan, judged by the checker
 * itself (history + this timetable) so that plan and check can never disagree.
 */
export function stillShort(duties: Duty[], ctx: PlanContext, rules: Rule[] = ctx.reportRules): StillShort[] {
  const known = judged.get(duties);
  if (known?.ctx === ctx && known.rules === rules) return known.short;
  const short = judgeShort(duties, ctx, rules);
  judged.set(duties, { ctx, rules, short });
  return short;
}

/**
 * The quota level: the shortfall (min − count) summed over the quota rules' short periods. A plan's
 * report has just judged the same timetable by all its rules (quotaRules are some of them, the same
 * objects): each rule's periods and counts are the same whichever other rules are judged with it,
 * so the quota rules' part of that judgement is taken rather than judged again.
 */
export function quotaShortfall(duties: Duty[], ctx: PlanContext): number {
  const rules = ctx.set.quotaRules;
  const known = judged.get(duties);
  const short = known?.ctx === ctx && rules.every((r) => known.rules.includes(r)) ? known.short : stillShort(duties, ctx, rules);
  const ids = new Set(rules.map((r) => r.id));
  return short.filter((s) => ids.has(s.rule)).reduce((a, s) => a + s.min - s.count, 0);
}

/** The last stillShort of a timetable, with the context and rules it was judged by. */
const judged = new WeakMap<Duty[], { ctx: PlanContext; rules: Rule[]; short: StillShort[] }>();

function judgeShort(duties: Duty[], ctx: PlanContext, rules: Rule[]): StillShort[] {
  const { from, to } = ctx.config;
  if (rules.length === 0) return [];
  const { first, last } = periodsReach(
    rules.map((r) => r.period),
    from,
    to,
  );
  // Only the records in the periods the window touches count: a year of history costs a pass over it, not a copy.
  const past: Duty[] = ctx.history
    .filter((r) => (r.date < from || r.date > to) && r.date >= first && r.date <= last)
    .map((r) => ({ ...r, weekday: '', title: '', portfolio: '', place: '' }));
  const { results } = judge({
    leaders: ctx.leaders,
    duties: [...past, ...duties],
    rules,
    calendar: ctx.calendar,
    from: first,
    to: last,
    only: { from, to },
    keepRecords: false,
    lenient: true,
  });
  return results
    .filter((r) => r.status === 'short')
    .map((r) => ({ name: r.name, institution: r.institution, rule: r.rule, period: r.period, count: r.count, min: r.required }));
}

/**
 * Whether the leader's quotas are met by records outside the window (and the frozen past) in every
 * period the window touches: the reason he or she is left out, or, when a period the plan has no day
 * in is still short, that reason; undefined when the plan could still serve a shortfall.
 */
function metQuota(
  ctx: PlanContext,
  li: number,
  byLeader: Map<string, Array<Pick<Duty, 'date' | 'kind'>>>,
  periods: Map<Rule, QuotaPeriods>,
): string | undefined {
  const l = ctx.leaders[li];
  const counted = byLeader.get(leaderKey(l)) ?? [];
  const needs = ctx.set.quotaRules.filter((r) => ruleApplies(r, l));
  if (needs.length === 0) return undefined;
  const facts: string[] = [];
  const outside: string[] = [];
  for (const rule of needs) {
    const { open, keys } = periods.get(rule)!;
    for (const key of keys) {
      const dates = counted
        .filter((r) => rule.kinds.includes(r.kind) && periodKey(rule.period, r.date) === key)
        .map((r) => r.date)
        .sort();
      if (dates.length >= rule.min)
        facts.push(`本${PERIOD_NAMES[rule.period]}（${key}）已${rule.kinds.join('、')} ${dates.length} 次（${dates.join('、')}）`);
      else if (open.has(key)) return undefined;
      else outside.push(key);
    }
  }
  if (outside.length) return `${outside.join('、')} 在本安排中没有可排的工作日，本安排无法补足 (no day of that period to plan)`;
  return facts.length ? `${facts.join('；')}，优先安排尚未完成的领导 (already met the quota)` : undefined;
}

/** A quota rule's periods with an open day, and (the same the report's still-short list judges) every one the window overlaps. */
interface QuotaPeriods {
  open: Set<string>;
  keys: string[];
}

/** Why each leader with no duty was left out: the rule that excludes him or her, in rule order. */
export function leftOut(duties: Duty[], ctx: PlanContext): LeftOut[] {
  const serving = new Set(duties.map(leaderKey));
  const filters = ctx.rules.filter((r) => r.allows && r.excludes);
  // Records outside the window and the frozen past, by leader once: each left-out leader's quota
  // facts are then read without scanning every record (10,000 leaders took seconds).
  const byLeader = groupBy(
    [
      ...ctx.history.filter((r) => r.date < ctx.config.from || r.date > ctx.config.to),
      ...(ctx.published?.duties.filter((d) => d.date < ctx.published!.today) ?? []),
    ],
    leaderKey,
  );
  const rivals = rivalCounter(ctx);
  // Each leader's candidate days among the open ones, in their order, by one pass over the candidates
  // (a binary search per leader and day took 2.4 million in a 10,000-leader year).
  const candidateDays: number[][] = ctx.leaders.map(() => []);
  for (const d of ctx.open) for (const li of ctx.candidates[d]) candidateDays[li].push(d);
  // Each quota rule's periods, found once for every left-out leader.
  const periods = new Map(
    ctx.set.quotaRules.map((rule) => [
      rule,
      {
        open: new Set(ctx.open.map((d) => periodKey(rule.period, ctx.days[d]))),
        keys: periodsOverlapping(rule.period, ctx.config.from, ctx.config.to).map((p) => p.key),
      },
    ]),
  );
  return ctx.leaders.flatMap((l, li) => {
    if (serving.has(leaderKey(l))) return [];
    const days = ctx.open;
    const allowedBy = (skip?: (typeof filters)[number]) => days.filter((d) => filters.every((r) => r === skip || r.allows!(ctx, l, d)));
    let rule = '';
    let reason = '';
    // A rule that keeps the leader off every day by itself; else the last rule that keeps him or her
    // off the days every other rule allows.
    const alone = filters.find((r) => days.length > 0 && days.every((d) => !r.allows!(ctx, l, d)));
    // The days every filter allows: the leader's candidate days (each rule that allows also says why it excludes).
    const allowed = alone ? [] : candidateDays[li];
    if (alone) [rule, reason] = [alone.id, alone.excludes!(ctx, l, days)];
    else if (allowed.length === 0) {
      const last = [...filters].reverse().find((r) => allowedBy(r).length > 0);
      if (last) [rule, reason] = [last.id, last.excludes!(ctx, l, allowedBy(last))];
    }
    if (!rule) {
      const met = metQuota(ctx, li, byLeader, periods);
      if (met) [rule, reason] = ['quota-met', met];
      else {
        rule = 'more-leaders-than-places';
        reason = `可安排的 ${allowed.length} 个工作日由 ${rivals(allowed)} 名领导分担，按优先顺序未轮到 (more leaders than places)`;
      }
    }
    return [{ name: l.name, institution: l.institution, title: l.title, rank: l.rank, rule, reason }];
  });
}

/**
 * How many leaders could take any of the given open days: the union of the days' candidates, as
 * bit sets (a 10,000-leader year asks it for thousands of leaders, each with some 40 days). Each day's
 * set is kept with the span of words its candidates fill: leaders are in institution order, so a day
 * of one institution's fills a seventh of them, and the union passes over those words only.
 */
function rivalCounter(ctx: PlanContext): (open: number[]) => number {
  const words = Math.ceil(ctx.leaders.length / 32);
  const bits = new Map<number, { b: Uint32Array; lo: number; hi: number }>();
  const ofDay = (d: number) => {
    let day = bits.get(d);
    if (!day) {
      const c = ctx.candidates[d];
      // Candidates are in leader order: the first and last give the span.
      day = { b: new Uint32Array(words), lo: c.length ? c[0] >>> 5 : 0, hi: c.length ? (c[c.length - 1] >>> 5) + 1 : 0 };
      for (const l of c) day.b[l >>> 5] |= 1 << (l & 31);
      bits.set(d, day);
    }
    return day;
  };
  // All zero between calls: each call clears the words it wrote.
  const union = new Uint32Array(words);
  return (open) => {
    let lo = words;
    let hi = 0;
    for (const d of open) {
      const day = ofDay(d);
      for (let w = day.lo; w < day.hi; w++) union[w] |= day.b[w];
      if (day.lo < day.hi) {
        lo = Math.min(lo, day.lo);
        hi = Math.max(hi, day.hi);
      }
    }
    let n = 0;
    for (let w = lo; w < hi; w++) {
      // Population count of one 32-bit word.
      let x = union[w] - ((union[w] >>> 1) & 0x55555555);
      x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
      n += (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    union.fill(0, lo, hi);
    return n;
  };
}

/**
 * The configuration's rules this plan does not serve (not among its quota rules) but whose leaders it
 * can schedule, each summarised: the periods and the leaders still short, left for other plans. A rule
 * for ranks this plan never schedules (科级 staff's township-weekly in a district round) is left out.
 */
export function otherPlans(short: StillShort[], ctx: PlanContext): OtherPlan[] {
  const own = new Set(ctx.set.quotaRules.map((r) => r.id));
  const order = new Map(ctx.leaders.map((l, i) => [`${l.institution}\u0000${l.name}`, i]));
  return ctx.reportRules.flatMap((rule) => {
    if (own.has(rule.id)) return [];
    if (rule.who.ranks && !rule.who.ranks.some((r) => ctx.config.eligibleRanks.includes(r))) return [];
    const mine = short.filter((s) => s.rule === rule.id && ctx.config.eligibleRanks.includes(rankOf(ctx, s)));
    if (mine.length === 0) return [];
    const key = (s: StillShort) => `${s.institution}\u0000${s.name}`;
    const names = [...new Map(mine.map((s) => [key(s), s])).values()]
      .sort((a, b) => (order.get(key(a)) ?? 0) - (order.get(key(b)) ?? 0))
      .map((s) => s.name);
    return [{ rule: rule.id, description: rule.description, periods: [...new Set(mine.map((s) => s.period))].sort(), names }];
  });
}

const rankOf = (ctx: PlanContext, s: StillShort) => ctx.leaders[ctx.leaderIndex.get(leaderKey(s)) ?? -1]?.rank ?? '正处级';
