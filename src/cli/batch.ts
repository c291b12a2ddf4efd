// rota plan --batch DIR: every office folder under DIR planned on all cores (one worker thread per
// core, each taking the next office when it is done), a progress bar on a terminal, one summary.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type BatchPlanOptions, batchExitCode, findOffices, type OfficeSummary } from '../app/batch.js';
import { Exit, reportProblems } from './exit.js';
import { terminal, writeErr, writeOut } from './output.js';

/** Plans every office under `dir` and prints the summary; exit 1 if one is infeasible, 2 if an input is bad. */
export async function planBatch(dir: string, options: BatchPlanOptions & { json?: boolean }): Promise<void> {
  const found = findOffices(dir);
  reportProblems(found.problems);
  const { json, ...planOptions } = options;
  const bar = progressBar(found.offices.length);
  const results = await inWorkers(dir, found.offices, planOptions, bar);
  bar(results.length, true);
  writeOut(json ? `${JSON.stringify({ offices: results }, null, 2)}\n` : summaryTable(results));
  const code = batchExitCode(results);
  if (code !== 0) {
    const count = (s: OfficeSummary['status']) => results.filter((r) => r.status === s).length;
    throw new Exit(
      code,
      `${results.length} 个单位中：${count('infeasible')} 个无法排出，${count('bad-input')} 个输入有误，${count('failed')} 个出错 (of ${results.length} offices: ${count('infeasible')} infeasible, ${count('bad-input')} bad input, ${count('failed')} failed)`,
    );
  }
}

/** Runs planOffice for every office in worker threads; the summaries come back in the offices' order. */
function inWorkers(dir: string, offices: string[], options: BatchPlanOptions, onDone: (done: number) => void): Promise<OfficeSummary[]> {
  const results: OfficeSummary[] = new Array(offices.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve) => {
    const start = () => {
      const w = new Worker(join(__dirname, 'batch-worker.cjs'), { workerData: { dir, options } });
      let current = -1;
      const give = () => {
        if (next >= offices.length) return void w.terminate();
        current = next++;
        w.postMessage(offices[current]);
      };
      const finish = (r: OfficeSummary) => {
        results[current] = r;
        onDone(++done);
        if (done === offices.length) resolve(results);
      };
      w.on('message', (r: OfficeSummary) => {
        finish(r);
        give();
      });
      // A thread that dies (out of memory, a bug) fails its office only; a new thread takes the rest.
      w.on('error', (e) => {
        finish({ office: offices[current], preset: '', status: 'failed', duties: 0, unmet: 0, reason: e.message, ms: 0 });
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

const STATUS: Record<OfficeSummary['status'], string> = {
  ok: '完成 ok',
  infeasible: '无法排出 infeasible',
  'bad-input': '输入有误 bad input',
  failed: '出错 failed',
};

function summaryTable(results: OfficeSummary[]): string {
  const rows = [
    ['单位 office', '预设 preset', '结果 status', '人次 duties', '未满足 unmet', '用时 ms', '原因 reason'],
    ...results.map((r) => [r.office, r.preset, STATUS[r.status], String(r.duties), String(r.unmet), r.ms.toFixed(0), r.reason ?? '']),
  ];
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
