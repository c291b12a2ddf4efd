// The plan's report: who was left out and why, who is still short of a quota after this round,
// which preferences could not be met, and the objective measured from the timetable itself.
import { PERIOD_NAMES, periodOf } from '../check/periods.js';
import { judge } from '../check/tally.js';
import { leaderKey } from '../leaders.js';
import type { Duty } from '../types.js';
import type { PlanContext } from './context.js';
import { PREFERENCES } from './preferences.js';
import type { LeftOut, ObjectiveValue, SoftUnmet, StillShort } from './types.js';

export function measureObjective(duties: Duty[], ctx: PlanContext): ObjectiveValue {
  const value = (id: string) => PREFERENCES.find((p) => p.id === id)!.measure(duties, ctx);
  return {
    quotaShortfall: value('quota-first'),
    consecutive: value('no-consecutive-days'),
    unevenness: value('even-spread'),
    tieBreak: value('seeded-tie-break'),
  };
}

export function softUnmet(duties: Duty[], ctx: PlanContext): SoftUnmet[] {
  return PREFERENCES.flatMap((p) => p.unmet(duties, ctx));
}

/**
 * Leaders short of a rule in a period the round touches, after this round, judged by the checker
 * itself (history + this timetable) so that plan and check can never disagree.
 */
export function stillShort(duties: Duty[], ctx: PlanContext): StillShort[] {
  const { from, to } = ctx.config;
  const rules = ctx.reportRules;
  if (rules.length === 0) return [];
  const past: Duty[] = ctx.history
    .filter((r) => r.date < from || r.date > to)
    .map((r) => ({ ...r, weekday: '', title: '', portfolio: '', place: '' }));
  const spans = rules.flatMap((r) => [periodOf(r.period, from), periodOf(r.period, to)]);
  const { results } = judge({
    leaders: ctx.leaders,
    duties: [...past, ...duties],
    rules,
    calendar: ctx.calendar,
    from: spans.reduce((a, s) => (s.from < a ? s.from : a), from),
    to: spans.reduce((a, s) => (s.to > a ? s.to : a), to),
    keepRecords: false,
    lenient: true,
  });
  return results
    .filter((r) => r.status === 'short' && r.from <= to && r.to >= from)
    .map((r) => ({ name: r.name, institution: r.institution, rule: r.rule, period: r.period, count: r.count, min: r.required }));
}

export function leftOut(duties: Duty[], ctx: PlanContext): LeftOut[] {
  const serving = new Set(duties.map(leaderKey));
  const { eligibleRanks } = ctx.config;
  return ctx.leaders.flatMap((l, li) => {
    if (serving.has(leaderKey(l))) return [];
    const instDays = ctx.days.filter((_, d) => ctx.dayInstitution[d] === l.institution);
    const free = instDays.filter((d) => !l.unavailable.includes(d));
    const needs = ctx.needs.filter((n) => n.leader === li && n.days.length > 0);
    let reason: string;
    if (!eligibleRanks.includes(l.rank)) {
      reason = `${l.rank}，不在 ${eligibleRanks.join('、')} 之列，不安排本轮接访 (rank not eligible)`;
    } else if (instDays.length === 0) {
      reason = `${l.institution} 本轮没有接访日 (no day for ${l.institution} in this round)`;
    } else if (free.length === 0) {
      reason = `${l.institution} 的接访日（${instDays.join('、')}）均不可接访 (unavailable on all of them)`;
    } else if (needs.length > 0 && needs.every((n) => n.need === 0)) {
      const n = needs[0];
      reason = `本${PERIOD_NAMES[n.rule.period]}（${n.period}）已接访 ${n.count} 次（${n.dates.join('、')}），优先安排尚未接访的领导 (already met the quota)`;
    } else {
      const rivals = ctx.leaders.filter((o, oi) => o.institution === l.institution && ctx.candidates.some((c) => c.includes(oi))).length;
      reason = `${l.institution} 本轮 ${instDays.length} 个接访日、${rivals} 名可排领导，按优先顺序未轮到 (more leaders than days)`;
    }
    return [{ name: l.name, institution: l.institution, title: l.title, rank: l.rank, reason }];
  });
}
