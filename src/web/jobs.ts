// Work the page hands to one Web Worker kept for the page's life, so that its own thread only asks
// and shows: the exports (the same publish as the CLI) and the case ledger (SQLite in sql.js). The
// worker is made from the page's own script, as the planner's is; bytes come back in transferred
// buffers, not copies. The planner's requests (src/web/worker.ts) go on to the planner unchanged.
import { type ExportFile, type ExportInput, exportFiles } from './export-job.js';
import { addVisit, advanceMatter, ledgerFileBytes, openLedgerFile, view } from './ledger.js';
import { keptRound } from './session.js';

type Job<F extends (input: never) => unknown> = { input: Parameters<F>[0]; answer: Awaited<ReturnType<F>> };

/** Each job: what the page sends and what the worker answers. */
interface Jobs {
  export: { input: ExportInput; answer: ExportFile[] | string };
  'ledger-open': Job<typeof openLedgerFile>;
  'ledger-view': Job<typeof view>;
  'ledger-add': Job<typeof addVisit>;
  'ledger-advance': Job<typeof advanceMatter>;
  'ledger-save': { input: undefined; answer: ReturnType<typeof ledgerFileBytes> };
}
type JobName = keyof Jobs;
type Input<K extends JobName> = Jobs[K]['input'];
type Answer<K extends JobName> = Jobs[K]['answer'];

interface JobRequest<K extends JobName = JobName> {
  job: K;
  id: number;
  input: Input<K>;
}
type JobReply = { id: number; answer: unknown } | { id: number; failed: string };

interface Scope {
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage(m: unknown, transfer?: Transferable[]): void;
}

const isJob = (x: unknown): x is JobRequest => typeof x === 'object' && x !== null && 'job' in x && 'id' in x;

/** The buffers an answer's byte arrays own whole (a view into a larger buffer is copied, as postMessage does anyway). */
function ownBuffers(x: unknown, out = new Set<ArrayBuffer>()): Set<ArrayBuffer> {
  if (x instanceof Uint8Array) {
    if (x.byteOffset === 0 && x.byteLength === x.buffer.byteLength && x.buffer instanceof ArrayBuffer) out.add(x.buffer);
  } else if (Array.isArray(x)) for (const v of x) ownBuffers(v, out);
  else if (typeof x === 'object' && x !== null) for (const v of Object.values(x)) ownBuffers(v, out);
  return out;
}

/** In the worker: job requests go to their handlers, everything else to the handler already in place (the planner's). */
export function routeJobs(scope: Scope): void {
  const roundOf = keptRound();
  const handlers: { [K in JobName]: (input: Input<K>) => Promise<Answer<K>> } = {
    export: (input) => exportFiles(input, roundOf(input.config, input.files)),
    'ledger-open': openLedgerFile,
    'ledger-view': async (input) => view(input),
    'ledger-add': addVisit,
    'ledger-advance': advanceMatter,
    'ledger-save': async () => ledgerFileBytes(),
  };
  const other = scope.onmessage;
  scope.onmessage = (e) => {
    if (!isJob(e.data)) return other?.(e);
    const { job, id, input } = e.data;
    (handlers[job] as (i: unknown) => Promise<unknown>)(input).then(
      (answer) => scope.postMessage({ id, answer } satisfies JobReply, [...ownBuffers(answer)]),
      (err) => scope.postMessage({ id, failed: String((err as Error)?.message ?? err) } satisfies JobReply),
    );
  };
}

let worker: Worker | undefined;
const waiting = new Map<number, { resolve: (a: unknown) => void; reject: (e: Error) => void }>();
let next = 0;

function jobWorker(source: string): Worker {
  if (worker) return worker;
  const w = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  w.onmessage = (e: MessageEvent<JobReply>) => {
    const r = e.data;
    const asked = waiting.get(r.id);
    waiting.delete(r.id);
    if ('failed' in r) asked?.reject(new Error(r.failed));
    else asked?.resolve(r.answer);
  };
  w.onerror = (e) => {
    for (const asked of waiting.values()) asked.reject(new Error(e.message));
    waiting.clear();
  };
  worker = w;
  return w;
}

/** On the page: one job done in the kept worker (made from the page's script on first use); `transfer` hands buffers over. */
export function runJob<K extends JobName>(source: string, job: K, input: Input<K>, transfer: Transferable[] = []): Promise<Answer<K>> {
  const id = next++;
  return new Promise<Answer<K>>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (a: unknown) => void, reject });
    jobWorker(source).postMessage({ job, id, input } satisfies JobRequest<K>, transfer);
  });
}
