// Each changing command's publication into --out, through the one step (publishInto → publish):
// what it counts as the previous publication and what it writes in timetable.json. The command's
// own work (planning, re-planning, a swap) is done before, or — for a swap, which reads the
// timetable it changes — under the folder's lock, so two swaps at once both take effect.
import type { SwapRequest, SwapResult } from '../core/replan/swap.js';
import type { Duty, IsoDate } from '../core/types.js';
import { WriteError } from '../io/atomic-write.js';
import type { CsvEncoding } from '../io/csv-write.js';
import type { InputDigest } from '../io/input-digest.js';
import { planOverPublishedAdvice } from '../io/publication.js';
import type { PublishedState } from '../io/sequences.js';
import type { PlanOutcome } from './plan.js';
import { type Published, publishInto } from './publish-out.js';
import type { ReplanOutcome } from './replan.js';
import type { Round } from './round.js';
import { swapDuties } from './swap.js';

export interface OutOptions {
  /** Days before it never change (the frozen past); also the publication's date. */
  today: IsoDate;
  encoding?: CsvEncoding;
  icsPerLeader?: boolean;
}

/** rota plan --out: a first publication, or (replace) a new plan over a published folder, SEQUENCE still rising. */
export function publishPlan(
  out: string,
  round: Round,
  result: PlanOutcome,
  inputs: InputDigest,
  o: OutOptions & { replace?: boolean },
): Promise<Published> {
  return publishInto(out, round.config, async (folder) => {
    if (folder.state && !o.replace) throw new WriteError(`已经发布过的文件夹 ${out}：${planOverPublishedAdvice(out)}`);
    return {
      command: 'plan',
      duties: result.duties,
      config: round.config,
      calendar: round.calendar,
      today: o.today,
      previous: folder.state,
      replace: true,
      plan: { report: result.report, inputs },
      extra: { report: result.report, inputs },
      encoding: o.encoding,
      icsPerLeader: o.icsPerLeader,
    };
  });
}

/**
 * rota replan --out and rota render --out: the folder's own publication is the previous one wherever
 * the CSV was saved; a folder never published takes the timetable.json beside the CSV (`beside`).
 */
export function publishTimetable(
  command: 'replan' | 'render',
  out: string,
  round: Pick<Round, 'config' | 'calendar'>,
  duties: Duty[],
  beside: () => PublishedState | undefined,
  o: OutOptions & { extra?: Record<string, unknown> },
): Promise<Published> {
  return publishInto(out, round.config, async (folder) => ({
    command,
    duties,
    config: round.config,
    calendar: round.calendar,
    today: o.today,
    previous: folder.state ?? beside(),
    extra: o.extra,
    encoding: o.encoding,
    icsPerLeader: o.icsPerLeader,
  }));
}

/** rota replan --out. */
export function publishReplan(
  out: string,
  round: Round,
  r: ReplanOutcome,
  inputs: InputDigest,
  beside: () => PublishedState | undefined,
  o: OutOptions,
): Promise<Published> {
  return publishTimetable('replan', out, round, r.duties, beside, {
    ...o,
    extra: { today: r.today, report: r.report, inputs },
  });
}

/**
 * rota swap into a published folder: the timetable read, the swap judged and the folder re-published
 * under one lock. `read` gives the timetable as it is now and what was published beside it.
 */
export async function swapAndPublish(
  out: string,
  round: Round,
  read: () => { duties: Duty[]; encoding: CsvEncoding; beside: () => PublishedState | undefined },
  request: SwapRequest,
  o: OutOptions,
): Promise<{ result: SwapResult; published: Published }> {
  let result: SwapResult | undefined;
  const published = await publishInto(out, round.config, async (folder) => {
    const now = read();
    result = swapDuties(round, now.duties, request, o.today);
    if (result.status !== 'ok' || result.changes.length === 0) return undefined;
    return {
      command: 'swap',
      duties: result.timetable.map(({ source: _s, ...d }) => d),
      config: round.config,
      calendar: round.calendar,
      today: o.today,
      previous: folder.state ?? now.beside(),
      encoding: now.encoding,
      icsPerLeader: o.icsPerLeader,
    };
  });
  return { result: result!, published };
}
