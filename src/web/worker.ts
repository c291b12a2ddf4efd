// The planner in a Web Worker: a township or county year takes a while, and the page must stay
// usable (and the clerk able to cancel) meanwhile. The worker runs the same planRound as the CLI,
// and judges the 换人 list (every leader against every rule over the year) off the main thread too,
// and, in a worker kept for the calendar (src/web/judge.ts), each exchange a dragged duty could make.
import { planRound } from '../app/plan.js';
import { pastChanges } from '../app/publish.js';
import { type ReplanOutcome, replanRound } from '../app/replan.js';
import { exchangeVerdicts, substitutesFor, swapDuties } from '../app/swap.js';
import type { Config } from '../core/config.js';
import { say } from '../core/messages.js';
import type { DutyRef, SubstituteChoice, SwapRequest, SwapResult, SwapVerdict } from '../core/replan/swap.js';
import type { Duty, IsoDate } from '../core/types.js';
import { publishedStateFrom } from '../io/sequences.js';
import { type Patch, patchOf } from './patch.js';
import { keptRound } from './session.js';
import type { Baseline, StoredFile } from './state.js';
import { refusalForPage } from './words.js';

export interface PlanRequest {
  config: Config;
  files: StoredFile[];
  bestEffort: boolean;
  /** Instead of a plan: the 换人 list for this duty of this timetable. */
  choices?: { timetable: Duty[]; ref: DutyRef };
  /** Instead of a plan: duty `ref` exchanged with each of `targets` (the calendar while dragging). */
  verdicts?: { timetable: Duty[]; ref: DutyRef; targets: DutyRef[]; today?: IsoDate };
  /** Instead of a plan: an exchange or a substitute, judged and applied as `rota swap` does. */
  swap?: { timetable: Duty[]; request: SwapRequest; today?: IsoDate };
  /** Instead of a plan: 重新安排 of this timetable from `today` (`rota replan`), against the publication when there is one. */
  replan?: { timetable: Duty[]; today: IsoDate; baseline?: Pick<Baseline, 'name' | 'duties' | 'json'> };
  /** Echoed in the answer, for a worker that takes several requests. */
  id?: number;
}

export type PlanMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; outcome: ReturnType<typeof planRound>; id?: number }
  | { type: 'choices'; choices: SubstituteChoice[]; id?: number }
  | { type: 'verdicts'; verdicts: SwapVerdict[]; id?: number }
  | { type: 'swapped'; result: SwapAnswer; id?: number }
  | { type: 'replanned'; outcome: Omit<ReplanOutcome, 'duties'>; patch: Patch; id?: number }
  | { type: 'failed'; message: string; id?: number };

/**
 * An exchange or substitute as the page takes it: the rows it changed of the timetable sent (a
 * township year is some 750 rows; taking them all into the page cost a long task per edit), without
 * the alternatives of a refused change (the page names the rule broken, not them).
 */
export type SwapAnswer = Omit<SwapResult, 'timetable' | 'alternatives'> & { patch: Patch };

function answerOf(timetable: Duty[], r: SwapResult): SwapAnswer {
  const { timetable: after, alternatives: _a, ...rest } = r;
  return {
    ...rest,
    patch: patchOf(
      timetable,
      after.map(({ source: _s, ...x }) => x),
    ),
  };
}

interface WorkerScope {
  onmessage: ((e: MessageEvent<PlanRequest>) => void) | null;
  postMessage(m: PlanMessage): void;
}

export function startWorker(scope: WorkerScope): void {
  const roundOf = keptRound();
  scope.onmessage = (e) => {
    const { config, files, bestEffort, choices, verdicts, swap, replan, id } = e.data;
    try {
      const round = roundOf(config, files);
      if (choices) {
        scope.postMessage({ type: 'choices', choices: substitutesFor(round, choices.timetable, choices.ref), id });
        return;
      }
      if (verdicts) {
        const { timetable, ref, targets, today } = verdicts;
        scope.postMessage({ type: 'verdicts', verdicts: exchangeVerdicts(round, timetable, ref, targets, today), id });
        return;
      }
      if (swap) {
        const result = swapDuties(round, swap.timetable, swap.request, swap.today);
        scope.postMessage({ type: 'swapped', result: answerOf(swap.timetable, result), id });
        return;
      }
      if (replan) {
        // As `rota replan` refuses: an edit not yet published on a day before 今天 would rewrite the past.
        const b = replan.baseline;
        const json = b?.json ? { text: b.json, file: b.name } : undefined;
        const past = b
          ? pastChanges(publishedStateFrom(json, b.duties, round.config).state, replan.timetable, round.config, replan.today)
          : [];
        if (past.length) throw new Error(refusalForPage(say('publish.past', { today: replan.today, days: past })));
        // The rows it changed, not the year: the page keeps the rest as they are (see SwapAnswer).
        const { duties, ...outcome } = replanRound(round, replan.timetable, { today: replan.today });
        scope.postMessage({ type: 'replanned', outcome, patch: patchOf(replan.timetable, duties), id });
        return;
      }
      const outcome = planRound(round, { bestEffort, onProgress: (done, total) => scope.postMessage({ type: 'progress', done, total }) });
      scope.postMessage({ type: 'done', outcome });
    } catch (err) {
      scope.postMessage({ type: 'failed', message: String((err as Error).message ?? err), id });
    }
  };
}

/** The 换人 list for one duty, judged in a worker; rejects when cancelled (another duty opened). */
export function choicesInWorker(
  source: string,
  request: Omit<PlanRequest, 'bestEffort'> & { choices: NonNullable<PlanRequest['choices']> },
): { result: Promise<SubstituteChoice[]>; cancel: () => void } {
  const job = runInWorker(source, { ...request, bestEffort: false }, () => {});
  return { result: job.result.then((m) => (m.type === 'choices' ? m.choices : [])), cancel: job.cancel };
}

/** Plans in a worker made from the page's own script; resolves with the outcome, or rejects when cancelled. */
export function planInWorker(
  source: string,
  request: PlanRequest,
  onProgress: (done: number, total: number) => void,
): { result: Promise<ReturnType<typeof planRound>>; cancel: () => void } {
  const job = runInWorker(source, request, onProgress);
  return { result: job.result.then((m) => (m as Extract<PlanMessage, { type: 'done' }>).outcome), cancel: job.cancel };
}

/** One request to a worker made from the page's own script: its last message, or a rejection when cancelled or failed. */
function runInWorker(
  source: string,
  request: PlanRequest,
  onProgress: (done: number, total: number) => void,
): { result: Promise<Exclude<PlanMessage, { type: 'progress' | 'failed' }>>; cancel: () => void } {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(url);
  worker.postMessage(request);
  let cancel = () => {};
  const result = new Promise<Exclude<PlanMessage, { type: 'progress' | 'failed' }>>((resolve, reject) => {
    const end = () => {
      worker.terminate();
      URL.revokeObjectURL(url);
    };
    cancel = () => {
      end();
      reject(new Error('cancelled'));
    };
    worker.onmessage = (e: MessageEvent<PlanMessage>) => {
      const m = e.data;
      if (m.type === 'progress') return onProgress(m.done, m.total);
      end();
      if (m.type === 'failed') reject(new Error(m.message));
      else resolve(m);
    };
    worker.onerror = (e) => {
      end();
      reject(new Error(e.message));
    };
  });
  return { result, cancel };
}
