// The facts of a rotation, computed once for the whole horizon: working days and who may serve on
// each (the district round's own eligibility, availability and order rules decide), the quota rules,
// the sites, and how the horizon is cut into chunks (ISO weeks, months, or one piece).
import { isoWeekKey, monthKey } from '../dates.js';
import { buildContext, type PlanContext } from '../planner/context.js';
import type { Site } from '../sites.js';
import type { Rule } from '../types.js';
import type { RotationConfig, RotationInput } from './types.js';

export interface RotationContext {
  /** The district planner's context: window, working days, leaders, candidates, history, calendar, report rules. */
  base: PlanContext;
  config: RotationConfig;
  sites: Site[];
  /** The rules met as quotas (config.rotation.quotaRules). */
  quotaRules: Rule[];
  /** ISO week (2025-W05) and month (2025-01) of each working day. */
  week: string[];
  month: string[];
  /** Working-day indexes of each chunk, in order. */
  chunks: number[][];
}

export function buildRotationContext(input: RotationInput): RotationContext {
  const { config } = input;
  const base = buildContext({
    config,
    days: input.days,
    leaders: input.leaders,
    history: input.history,
    quotaRules: [],
    reportRules: config.rules,
    calendar: input.calendar,
  });
  const week = base.days.map(isoWeekKey);
  const month = base.days.map(monthKey);
  const key = config.rotation.decompose === 'week' ? week : config.rotation.decompose === 'month' ? month : base.days.map(() => '');
  const chunks: number[][] = [];
  key.forEach((k, d) => {
    if (d === 0 || k !== key[d - 1]) chunks.push([]);
    chunks[chunks.length - 1].push(d);
  });
  const quotaRules = config.rotation.quotaRules.flatMap((id) => config.rules.filter((r) => r.id === id));
  return { base, config, sites: [...(input.sites ?? [])], quotaRules, week, month, chunks };
}
