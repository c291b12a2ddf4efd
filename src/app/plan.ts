// Planning a round: the district round with the planner, a township or county plan with the
// rotation planner. The one place that chooses, so the CLI, the library and the browser app agree.
import { plan, quotaRulesFor } from '../core/planner/index.js';
import type { PlanInput, PlanReport } from '../core/planner/types.js';
import { planRotation } from '../core/rotation/plan.js';
import type { RotationReport } from '../core/rotation/types.js';
import type { Duty } from '../core/types.js';
import type { Round } from './round.js';

export interface PlanOutcome {
  duties: Duty[];
  report: PlanReport | RotationReport;
}

export interface PlanRoundOptions {
  /** Write the plan breaking the fewest hard rules when no plan keeps them all. */
  bestEffort?: boolean;
  /** Told after each week or month of a township or county plan is solved. */
  onProgress?: (done: number, total: number) => void;
}

/** The district planner's input for the round (replan and swap judge by the same). */
export function planInput(r: Round): PlanInput {
  return {
    config: r.config,
    days: r.calendar.days(r.config.from, r.config.to),
    leaders: r.leaders,
    history: r.history,
    quotaRules: quotaRulesFor(r.config.rules),
    reportRules: r.config.rules,
    calendar: r.calendar,
  };
}

export function planRound(round: Round, options: PlanRoundOptions = {}): PlanOutcome {
  const { config, calendar } = round;
  if (config.rotation) {
    return planRotation({
      config: { ...config, rotation: config.rotation },
      days: calendar.days(config.from, config.to),
      leaders: round.leaders,
      sites: round.sites,
      history: round.history,
      calendar,
      bestEffort: options.bestEffort,
      onProgress: options.onProgress,
    });
  }
  return plan({ ...planInput(round), bestEffort: options.bestEffort });
}
