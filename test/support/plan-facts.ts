// Tiny facts for planner tests: leaders, working days, a configuration with named institutions.
import { type Config, SEED_CONFIG } from '../../src/core/config.js';
import { eachDay, isoWeekday, weekdayName } from '../../src/core/dates.js';
import type { PlanInput } from '../../src/core/engine/types.js';
import type { DayInfo, Leader, Rank, Rule, SourceRef } from '../../src/core/types.js';

export function leader(
  name: string,
  institution: string,
  opts: { rank?: Rank; unavailable?: string[]; title?: string; portfolio?: string; source?: SourceRef } = {},
): Leader {
  return {
    name,
    institution,
    title: opts.title ?? `${institution}领导`,
    rank: opts.rank ?? '副处级',
    portfolio: opts.portfolio ?? '信访',
    unavailable: [...(opts.unavailable ?? [])].sort(),
    liaison: '',
    phone: '',
    ...(opts.source ? { source: opts.source } : {}),
  };
}

/** Every day from..to, Monday–Friday working (no holiday table: tests state their own facts). */
export function weekdays(from: string, to: string): DayInfo[] {
  return eachDay(from, to).map((date) => {
    const wd = isoWeekday(date);
    return {
      date,
      isoWeekday: wd,
      weekday: weekdayName(date),
      working: wd <= 5,
      makeup: false,
      ...(wd > 5 ? { reason: wd === 6 ? '周六' : '周日' } : {}),
    };
  });
}

export const QUARTERLY: Rule = {
  id: 'district-quarterly',
  description: '每季度接访不少于一次',
  who: { ranks: ['正处级', '副处级'] },
  kinds: ['接访'],
  period: 'quarter',
  min: 1,
};

export function config(institutions: string[], over: Partial<Config> = {}): Config {
  return {
    ...structuredClone(SEED_CONFIG),
    institutions: institutions.map((name) => ({ name, aliases: [] })),
    ...over,
  };
}

/** 2025-01-06 (Mon) … 2025-01-06 + n working days, all in 2025-Q1. */
export function input(
  institutions: string[],
  leaders: Leader[],
  from: string,
  to: string,
  over: Partial<Config> = {},
  extra: Partial<PlanInput> = {},
): PlanInput {
  return { config: config(institutions, { from, to, rules: [QUARTERLY], ...over }), days: weekdays(from, to), leaders, ...extra };
}
