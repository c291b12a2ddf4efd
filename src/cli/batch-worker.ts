// A thread of `rota plan --batch` (built as dist/cli/batch-worker.cjs): plans each office it is sent,
// one at a time, and posts back the office's summary line.
import { parentPort, workerData } from 'node:worker_threads';
import { type BatchPlanOptions, planOffice } from '../app/batch.js';

const { dir, options } = workerData as { dir: string; options: BatchPlanOptions };
parentPort!.on('message', async (office: string) => {
  parentPort!.postMessage(await planOffice(dir, office, options));
});
