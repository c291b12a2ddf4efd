// A thread of `rota plan --batch` and `rota check --batch` (built as dist/cli/batch-worker.cjs):
// plans or checks each office it is sent, one at a time, and posts back the office's summary line.
import { parentPort, workerData } from 'node:worker_threads';
import { type BatchPlanOptions, planOffice } from '../app/batch.js';
import { type BatchCheckOptions, checkOffice } from '../app/check-batch.js';

export type BatchTask = 'plan' | 'check';

const { task, dir, options } = workerData as { task: BatchTask; dir: string; options: BatchPlanOptions & BatchCheckOptions };
parentPort!.on('message', async (office: string) => {
  parentPort!.postMessage(await (task === 'check' ? checkOffice(dir, office, options) : planOffice(dir, office, options)));
});
