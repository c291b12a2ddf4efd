// Swapping two days or putting another leader on a day: judged by every rule of the round; when
// refused, the valid alternatives for that day, best first. Days before today are the duty record:
// a swap never touches one, and never offers one as an alternative.
import { say } from '../core/messages.js';
import {
  type DutyRef,
  proposeSwap,
  type SubstituteChoice,
  type SwapRequest,
  type SwapResult,
  type SwapVerdict,
  substituteChoices,
  swapVerdicts,
} from '../core/replan/swap.js';
import type { Duty, IsoDate } from '../core/types.js';
import { planInput } from './plan.js';
import type { Round } from './round.js';

/**
 * Swaps two days' leaders or puts another leader on a day, judged by every rule of the round; when
 * refused, the rule broken and the valid alternatives for that day, best first. With `today`, a
 * day before it is refused and alternatives changing one are left out.
 * @example
 * const r = swapDuties(round, timetable, { kind: 'swap', a: { date: '2024-12-11' }, b: { date: '2024-12-19' } }, '2024-12-10');
 * if (r.status === 'ok') timetable = r.timetable;
 */
export function swapDuties(round: Round, timetable: Duty[], request: SwapRequest, today?: IsoDate): SwapResult {
  const past = today ? [request.a.date, ...(request.kind === 'swap' ? [request.b.date] : [])].filter((d) => d < today) : [];
  if (past.length)
    return {
      status: 'invalid',
      message: say('publish.past', { today: today!, days: past }),
      timetable,
      changes: [],
      violations: [],
      quotaWarnings: [],
      alternatives: [],
    };
  const r = proposeSwap({ ...planInput(round), timetable, request });
  return today ? { ...r, alternatives: r.alternatives.filter((x) => x.changes.every((c) => c.date >= today)) } : r;
}

/** Every other leader for one duty with the rules each would break, valid ones first, best first (the app's 换人 list). */
export function substitutesFor(round: Round, timetable: Duty[], ref: DutyRef): SubstituteChoice[] {
  return substituteChoices({ ...planInput(round), timetable }, ref);
}

/**
 * Duty `ref` exchanged with each of `targets` (the app's calendar while a duty is dragged), judged as
 * swapDuties judges a swap: a day before `today` is refused with the same sentence.
 */
export function exchangeVerdicts(round: Round, timetable: Duty[], ref: DutyRef, targets: DutyRef[], today?: IsoDate): SwapVerdict[] {
  const past = (date: IsoDate) => (today && date < today ? say('publish.past', { today, days: [date] }) : undefined);
  const judged = swapVerdicts({ ...planInput(round), timetable }, ref, targets);
  return judged.map((v, i): SwapVerdict => {
    const message = past(ref.date) ?? past(targets[i].date);
    return message ? { status: 'invalid', message } : v;
  });
}
