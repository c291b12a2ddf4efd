// rota plan --batch DIR and rota check --batch DIR: every office folder under DIR planned or checked
// on all cores (one worker thread per core, each taking the next office when it is done), a progress
// bar on a terminal, one summary.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type BatchPlanOptions, batchExitCode, findOffices, type OfficeSummary } from '../app/batch.js';
import { type BatchCheckOptions, checkBatchExitCode, type OfficeCheck } from '../app/check-batch.js';
import type { BatchTask } from './batch-worker.js';
import { Exit, reportProblems } from './exit.js';
import { terminal, writeErr, writeOut } from './output.js';

/** What every office's summary line has; each task adds its own counts. */
interface Line {
  office: string;
  preset: string;
  status: string;
  reason?: string;
  ms: number;
}

/** How a task's batch is summed up. */
interface Summing<T extends Line> {
  task: BatchTask;
  /** The counts of an office whose thread died. */
  zero: Omit<T, keyof Line>;
  status: Record<T['status'], string>;
  /** The summary's columns between status and time: header and cell. */
  columns: Array<[string, (r: T) => string]>;
  exitCode: (results: T[]) => number;
  /** The sentence the batch stops with, from the number of offices of each status. */
  message: (total: number, count: (s: T['status']) => number) => string;
}

const PLAN: Summing<OfficeSummary> = {
  task: 'plan',
  zero: { duties: 0, unmet: 0 },
  status: { ok: '完成 ok', infeasible: '无法排出 infeasible', 'bad-input': '输入有误 bad input', failed: '出错 failed' },
  columns: [
    ['人次 duties', (r) => String(r.duties)],
    ['未满足 unmet', (r) => String(r.unmet)],
  ],
  exitCode: batchExitCode,
  message: (n, count) =>
    `${n} 个单位中：${count('infeasible')} 个无法排出，${count('bad-input')} 个输入有误，${count('failed')} 个出错 (of ${n} offices: ${count('infeasible')} infeasible, ${count('bad-input')} bad input, ${count('failed')} failed)`,
};

const CHECK: Summing<OfficeCheck> = {
  task: 'check',
  zero: { leaders: 0, records: 0, short: 0 },
  status: { ok: '合规 ok', short: '未达要求 short', 'bad-input': '输入有误 bad input', failed: '出错 failed' },
  columns: [
    ['领导 leaders', (r) => String(r.leaders)],
    ['记录 records', (r) => String(r.records)],
    ['不足 short', (r) => String(r.short)],
  ],
  exitCode: checkBatchExitCode,
  message: (n, count) =>
    `${n} 个单位中：${count('short')} 个有领导未达要求，${count('bad-input')} 个输入有误，${count('failed')} 个出错 (of ${n} offices: ${count('short')} with a leader short, ${count('bad-input')} bad input, ${count('failed')} failed)`,
};

/** Plans every office under `dir` and prints the summary; exit 1 if one is infeasible, 2 if an input is bad. */
export function planBatch(dir: string, options: BatchPlanOptions & { json?: boolean }): Promise<void> {
  const { json, ...planOptions } = options;
  return runBatch(PLAN, dir, planOptions, json);
}

/** Checks the records of every office under `dir` and prints the summary; exit 1 if a leader is short, 2 if an input is bad. */
export function checkBatch(dir: string, options: BatchCheckOptions): Promise<void> {
  return runBatch(CHECK, dir, options, options.format === 'json');
}

async function runBatch<T extends Line>(
  how: Summing<T>,
  dir: string,
  options: BatchPlanOptions | BatchCheckOptions,
  json?: boolean,
): Promise<void> {
  const found = findOffices(dir);
  reportProblems(found.problems);
  const bar = progressBar(found.offices.length);
  const failed = (office: string, reason: string) => ({ ...how.zero, office, preset: '', status: 'failed', reason, ms: 0 }) as T;
  const results = await inWorkers(how.task, dir, found.offices, options, failed, bar);
  bar(results.length, true);
  const header = ['单位 office', '预设 preset', '结果 status', ...how.columns.map(([h]) => h), '用时 ms', '原因 reason'];
  const rows = results.map((r) => [
    r.office,
    r.preset,
    how.status[r.status as T['status']],
    ...how.columns.map(([, cell]) => cell(r)),
    r.ms.toFixed(0),
    r.reason ?? '',
  ]);
  writeOut(json ? `${JSON.stringify({ offices: results }, null, 2)}\n` : summaryTable([header, ...rows]));
  const code = how.exitCode(results);
  if (code !== 0)
    throw new Exit(
      code,
      how.message(results.length, (s) => results.filter((r) => r.status === s).length),
    );
}

/** Runs the task for every office in worker threads; the results come back in the offices' order. */
function inWorkers<T>(
  task: BatchTask,
  dir: string,
  offices: string[],
  options: BatchPlanOptions | BatchCheckOptions,
  failed: (office: string, reason: string) => T,
  onDone: (done: number) => void,
): Promise<T[]> {
  const results: T[] = new Array(offices.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve) => {
    const start = () => {
      const w = new Worker(join(__dirname, 'batch-worker.cjs'), { workerData: { task, dir, options } });
      let current = -1;
      const give = () => {
        if (next >= offices.length) return void w.terminate();
        current = next++;
        w.postMessage(offices[current]);
      };
      const finish = (r: T) => {
        results[current] = r;
        onDone(++done);
        if (done === offices.length) resolve(results);
      };
      w.on('message', (r: T) => {
        finish(r);
        give();
      });
      // A thread that dies (out of memory, a bug) fails its office only; a new thread takes the rest.
      w.on('error', (e) => {
        finish(failed(offices[current], e.message));
        start();
      });
      give();
    };
    for (let i = Math.min(availableParallelism(), offices.length); i > 0; i--) start();
  });
}

/** A one-line bar on stderr for a person at a terminal; nothing in CI or when stderr is a file or pipe. */
function progressBar(total: number): (done: number, last?: boolean) => void {
  if (!terminal(2) || process.env.CI) return () => undefined;
  return (done, last) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    writeErr(`\r批量 batch [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}${last ? '\n' : ''}`);
  };
}

/** The summary's rows (the header first) in aligned columns. */
function summaryTable(rows: string[][]): string {
  // Chinese characters take two columns in a terminal.
  const width = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i]))));
  return (
    rows
      .map((r) =>
        r
          .map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i] - width(cell))))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}
