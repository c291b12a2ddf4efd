// Quotas (seed 四、(一): 副处级以上每季度接访不少于一次): how many duties each leader still needs in each
// period the round touches, counted from the records so far. The plan prefers to serve those needs first.
import { periodOf } from '../check/periods.js';
import { leaderKey } from '../leaders.js';
import { ruleApplies } from '../rules.js';
import type { IsoDate, Kind, Leader, Period, Rule } from '../types.js';
import type { HistoryRecord } from './types.js';

/** The period a date falls in: 2024-Q4, 2024-12, 2025-W01, 2024 (the checker's periods). */
const periodKey = (period: Period, date: IsoDate): string => periodOf(period, date).key;

export interface QuotaNeed {
  leader: number;
  rule: Rule;
  period: string;
  /** Duties counted so far (records outside the window). */
  count: number;
  /** Dates of those records, sorted. */
  dates: IsoDate[];
  /** max(0, rule.min − count). */
  need: number;
  /** Indexes of the round's working days in this period. */
  days: number[];
}

/**
 * One entry per (rule, leader the rule applies to, period touched by the round's working days), in
 * rule, leader, period order. Records dated inside the window do not count: this round replaces them.
 */
export function quotaNeeds(input: {
  rules: Rule[];
  kind: Kind;
  leaders: Leader[];
  days: IsoDate[];
  from: IsoDate;
  to: IsoDate;
  history: HistoryRecord[];
}): QuotaNeed[] {
  const byLeader = new Map<string, HistoryRecord[]>();
  for (const r of input.history) {
    if (r.date >= input.from && r.date <= input.to) continue;
    const k = leaderKey(r);
    byLeader.set(k, [...(byLeader.get(k) ?? []), r]);
  }
  const out: QuotaNeed[] = [];
  for (const rule of input.rules) {
    if (!rule.kinds.includes(input.kind)) continue;
    const periods = new Map<string, number[]>();
    input.days.forEach((d, i) => {
      const p = periodKey(rule.period, d);
      periods.set(p, [...(periods.get(p) ?? []), i]);
    });
    input.leaders.forEach((leader, li) => {
      if (!ruleApplies(rule, leader)) return;
      const records = (byLeader.get(leaderKey(leader)) ?? []).filter((r) => rule.kinds.includes(r.kind));
      for (const [period, days] of periods) {
        const dates = records
          .filter((r) => periodKey(rule.period, r.date) === period)
          .map((r) => r.date)
          .sort();
        out.push({ leader: li, rule, period, count: dates.length, dates, need: Math.max(0, rule.min - dates.length), days });
      }
    });
  }
  return out;
}

/** Rules the district round serves first (seed 四、(一): 副处级以上每季度接访不少于一次). */
export const DISTRICT_QUOTA_RULE_IDS = ['district-quarterly'];

export function quotaRulesFor(rules: Rule[], ids: string[] = DISTRICT_QUOTA_RULE_IDS): Rule[] {
  return rules.filter((r) => ids.includes(r.id));
}
