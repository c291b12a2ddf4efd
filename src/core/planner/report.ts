// The plan's report: who was left out and why, who is still short of a quota after this round,
// which preferences could not be met, and the objective measured from the timetable itself.
import type { Duty } from '../types.js';
import type { PlanContext } from './context.js';
import { PERIOD_NAMES, leaderKey } from './quota.js';
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

/** Leaders the quota rules cover who still have fewer than min duties in a period the round touches. */
export function stillShort(duties: Duty[], ctx: PlanContext): StillShort[] {
  const served = new Set(duties.filter((d) => d.kind === ctx.kind).map((d) => `${leaderKey(d)}\u0000${d.date}`));
  return ctx.needs.flatMap((n) => {
    const l = ctx.leaders[n.leader];
    const count = n.count + n.days.filter((d) => served.has(`${leaderKey(l)}\u0000${ctx.days[d]}`)).length;
    if (count >= n.rule.min) return [];
    return [{ name: l.name, institution: l.institution, rule: n.rule.id, period: n.period, count, min: n.rule.min }];
  });
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
      reason = `${PERIOD_NAMES[n.rule.period]}（${n.period}）已接访 ${n.count} 次（${n.dates.join('、')}），优先安排尚未接访的领导 (already met the quota)`;
    } else {
      const rivals = ctx.leaders.filter((o, oi) => o.institution === l.institution && ctx.candidates.some((c) => c.includes(oi))).length;
      reason = `${l.institution} 本轮 ${instDays.length} 个接访日、${rivals} 名可排领导，按优先顺序未轮到 (more leaders than days)`;
    }
    return [{ name: l.name, institution: l.institution, title: l.title, rank: l.rank, reason }];
  });
}
