// Planning a round: the one planner, with the rules of the configuration's preset (district round,
// township, county), so the CLI, the library and the browser app agree.
import { plan } from '../core/engine/plan.js';
import type { PlanInput, PlanReport } from '../core/engine/types.js';
import type { Duty } from '../core/types.js';
import type { Round } from './round.js';

export interface PlanOutcome {
  duties: Duty[];
  report: PlanReport;
}

export interface PlanRoundOptions {
  /** Write the plan breaking the fewest hard rules when no plan keeps them all. */
  bestEffort?: boolean;
  /** Told after each piece (component, week or month) of the plan is solved. */
  onProgress?: (done: number, total: number) => void;
}

/** The planner's input for the round (replan and swap judge by the same rules). */
export function planInput(r: Round): PlanInput {
  return {
    config: r.config,
    days: r.calendar.days(r.config.from, r.config.to),
    leaders: r.leaders,
    history: r.history,
    sites: r.sites,
    calendar: r.calendar,
  };
}

/**
 * Plans the round with its preset's rules: optimal, or (infeasible) the named causes and, with
 * `bestEffort`, the timetable breaking the fewest rules.
 * @example
 * const { duties, report } = planRound(round);
 * report.status; // 'optimal' | 'infeasible' | 'best-effort'
 */
export function planRound(round: Round, options: PlanRoundOptions = {}): PlanOutcome {
  return plan({ ...planInput(round), bestEffort: options.bestEffort, onProgress: options.onProgress });
}
