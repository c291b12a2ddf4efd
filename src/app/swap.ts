// Swapping two days or putting another leader on a day: judged by every rule of the round; when
// refused, the valid alternatives for that day, best first. What an applied change republishes.
import { proposeSwap, type SwapRequest, type SwapResult } from '../core/replan/swap.js';
import type { Duty } from '../core/types.js';
import type { Republication } from '../io/republish.js';
import type { PublishedState } from '../io/sequences.js';
import { planInput } from './plan.js';
import type { Round } from './round.js';

/**
 * Swaps two days' leaders or puts another leader on a day, judged by every rule of the round; when
 * refused, the rule broken and the valid alternatives for that day, best first.
 * @example
 * const r = swapDuties(round, timetable, { kind: 'swap', a: { date: '2024-12-11' }, b: { date: '2024-12-19' } });
 * if (r.status === 'ok') timetable = r.timetable;
 */
export function swapDuties(round: Round, timetable: Duty[], request: SwapRequest): SwapResult {
  return proposeSwap({ ...planInput(round), timetable, request });
}

/** The re-publication of an applied swap (republishFiles writes it), against what was published before. */
export function swapRepublication(round: Round, result: SwapResult, previous: PublishedState): Republication {
  return { duties: result.timetable, changes: result.changes, config: round.config, calendar: round.calendar, previous };
}
