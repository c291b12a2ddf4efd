// The planner in a Web Worker: a township or county year takes a while, and the page must stay
// usable (and the clerk able to cancel) meanwhile. The worker runs the same planRound as the CLI.
import { planRound } from '../app/plan.js';
import { loadRound } from '../app/round.js';
import type { Config } from '../core/config.js';
import { pickedReader } from './session.js';
import type { StoredFile } from './state.js';

export interface PlanRequest {
  config: Config;
  files: StoredFile[];
  bestEffort: boolean;
}

export type PlanMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; outcome: ReturnType<typeof planRound> }
  | { type: 'failed'; message: string };

interface WorkerScope {
  onmessage: ((e: MessageEvent<PlanRequest>) => void) | null;
  postMessage(m: PlanMessage): void;
}

export function startWorker(scope: WorkerScope): void {
  scope.onmessage = (e) => {
    const { config, files, bestEffort } = e.data;
    try {
      const { round, problems } = loadRound(config, pickedReader(files));
      if (!round) throw new Error(problems.map((p) => p.message).join('\n'));
      const outcome = planRound(round, { bestEffort, onProgress: (done, total) => scope.postMessage({ type: 'progress', done, total }) });
      scope.postMessage({ type: 'done', outcome });
    } catch (err) {
      scope.postMessage({ type: 'failed', message: String((err as Error).message ?? err) });
    }
  };
}

/** Plans in a worker made from the page's own script; resolves with the outcome, or rejects when cancelled. */
export function planInWorker(
  source: string,
  request: PlanRequest,
  onProgress: (done: number, total: number) => void,
): { result: Promise<ReturnType<typeof planRound>>; cancel: () => void } {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(url);
  worker.postMessage(request);
  let cancel = () => {};
  const result = new Promise<ReturnType<typeof planRound>>((resolve, reject) => {
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
      if (m.type === 'done') resolve(m.outcome);
      else reject(new Error(m.message));
    };
    worker.onerror = (e) => {
      end();
      reject(new Error(e.message));
    };
  });
  return { result, cancel };
}
