// rota plan --batch DIR and rota check --batch DIR: every office folder under DIR planned or checked
// on all cores (one worker thread per core, each taking the next office when it is done), a progress
// bar on a terminal, one summary.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type BatchPlanOptions, batchExitCode, findOffices, type OfficeSummary, PLAN_STATUSES } from '../app/batch.js';
import { type BatchCheckOptions, CHECK_STATUSES, checkBatchExitCode, type OfficeCheck } from '../app/check-batch.js';
import type { CheckFormat } from '../io/check-format.js';
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
  /** The statuses, most serious first: the summary's groups. */
  order: Array<T['status']>;
  /** The summary's counts between status and time: header, JSON key of the total, cell. */
  columns: Array<[string, string, (r: T) => number]>;
  exitCode: (results: T[]) => number;
  /** The sentence the batch stops with, from the number of offices of each status. */
  message: (total: number, count: (s: T['status']) => number) => string;
}

const PLAN: Summing<OfficeSummary> = {
  task: 'plan',
  zero: { duties: 0, unmet: 0, calendar: 0 },
  status: {
    ok: '完成 ok',
    short: '完成，有未满足 planned, quotas unmet',
    infeasible: '无法排出 infeasible',
    'bad-input': '输入有误 bad input',
    failed: '出错 failed',
  },
  order: PLAN_STATUSES,
  columns: [
    ['人次 duties', 'duties', (r) => r.duties],
    ['未满足 unmet', 'unmet', (r) => r.unmet],
    ['其中节假日所致 of them calendar', 'calendar', (r) => r.calendar],
  ],
  exitCode: batchExitCode,
  message: (n, count) =>
    `${n} 个单位中：${count('infeasible')} 个无法排出，${count('bad-input')} 个输入有误，${count('failed')} 个出错 (of ${n} offices: ${count('infeasible')} infeasible, ${count('bad-input')} bad input, ${count('failed')} failed)`,
};

const CHECK: Summing<OfficeCheck> = {
  task: 'check',
  zero: { leaders: 0, records: 0, short: 0, calendar: 0 },
  status: {
    ok: '合规 ok',
    short: '有领导未达要求 missed duties',
    calendar: '仅节假日所致不足 short only in holiday periods',
    'bad-input': '输入有误 bad input',
    failed: '出错 failed',
  },
  order: CHECK_STATUSES,
  columns: [
    ['领导 leaders', 'leaders', (r) => r.leaders],
    ['记录 records', 'records', (r) => r.records],
    ['未达要求的领导 leaders short', 'short', (r) => r.short],
    ['节假日所致不足 calendar', 'calendar', (r) => r.calendar],
  ],
  exitCode: checkBatchExitCode,
  message: (n, count) =>
    `${n} 个单位中：${count('short')} 个有领导未达要求，${count('calendar')} 个仅有节假日所致的不足，${count('bad-input')} 个输入有误，${count('failed')} 个出错 (of ${n} offices: ${count('short')} with missed duties, ${count('calendar')} short only in holiday periods, ${count('bad-input')} bad input, ${count('failed')} failed)`,
};

/** Plans every office under `dir` and prints the summary; exit 1 if one is infeasible, 2 if an input is bad. */
export function planBatch(dir: string, options: BatchPlanOptions & { json?: boolean }): Promise<void> {
  const { json, ...planOptions } = options;
  return runBatch(PLAN, dir, planOptions, json ? 'json' : 'text');
}

/** Checks the records of every office under `dir` and prints the summary in `format`; exit 1 if a leader is short, 2 if an input is bad. */
export function checkBatch(dir: string, options: BatchCheckOptions): Promise<void> {
  return runBatch(CHECK, dir, options, options.format ?? 'text');
}

async function runBatch<T extends Line & { rendered?: string }>(
  how: Summing<T>,
  dir: string,
  options: BatchPlanOptions | BatchCheckOptions,
  format: CheckFormat,
): Promise<void> {
  const found = findOffices(dir);
  reportProblems(found.problems);
  const bar = progressBar(found.offices.length);
  const failed = (office: string, reason: string) => ({ ...how.zero, office, preset: '', status: 'failed', reason, ms: 0 }) as T;
  const results = await inWorkers(how.task, dir, found.offices, options, failed, bar);
  bar(results.length, true);
  // Grouped by status, most serious first; within a group in the offices' order.
  const groups = how.order
    .map((status) => ({ status, offices: results.filter((r) => r.status === status) }))
    .filter((g) => g.offices.length);
  const grouped = groups.flatMap((g) => g.offices);
  const totals = {
    offices: results.length,
    byStatus: Object.fromEntries(how.order.map((s) => [s, results.filter((r) => r.status === s).length])),
    ...Object.fromEntries(how.columns.map(([, key, cell]) => [key, results.reduce((n, r) => n + cell(r), 0)])),
  };
  if (format === 'json') {
    const offices = grouped.map(({ rendered: _, ...r }) => r);
    writeOut(`${JSON.stringify({ totals, offices }, null, 2)}\n`);
  } else if (format === 'junit') {
    const { joinJunit } = await import('../io/check-format.js');
    writeOut(joinJunit(grouped.flatMap((r) => r.rendered ?? [])));
  } else {
    if (format === 'github') writeOut(grouped.map((r) => r.rendered ?? '').join(''));
    writeOut(summaryText(how, groups, results));
  }
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

/** The summary for a person: one block per status with its count, then the totals. */
function summaryText<T extends Line>(how: Summing<T>, groups: Array<{ status: T['status']; offices: T[] }>, all: T[]): string {
  const header = ['单位 office', '预设 preset', ...how.columns.map(([h]) => h), '用时 ms', '原因 reason'];
  const rows = groups.flatMap((g) => [
    [`${how.status[g.status]}（${g.offices.length} 个单位 offices）`],
    ...g.offices.map((r) => [
      `  ${r.office}`,
      r.preset,
      ...how.columns.map(([, , cell]) => String(cell(r))),
      r.ms.toFixed(0),
      r.reason ?? '',
    ]),
  ]);
  const sums = how.columns.map(([h, , cell]) => `${h} ${all.reduce((n, r) => n + cell(r), 0)}`);
  const counts = groups.map((g) => `${how.status[g.status]} ${g.offices.length}`);
  return `${summaryTable([header, ...rows])}合计 total：${all.length} 个单位 offices — ${counts.join('，')}；${sums.join('，')}\n`;
}

/** The summary's rows (the header first) in aligned columns; a one-cell row is a group's heading. */
function summaryTable(rows: string[][]): string {
  // Chinese characters take two columns in a terminal.
  const width = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
  const widths = rows[0].map((_, i) => Math.max(...rows.filter((r) => r.length > 1).map((r) => width(r[i]))));
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
