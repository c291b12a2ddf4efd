// The batch 批量: N generated township-years planned by `rota plan --batch --out` on all cores (1,000 by
// default, the goal itself; a quick run's N < 1,000 is extrapolated, the offices being independent),
// and the batch's own overhead: its wall time against the offices' own times (each measured in its
// worker, reading and writing included) spread over the cores, on township-years and on many small
// township-months where the overhead shows most.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OfficeSummary } from '../../src/app/batch.js';
import { failedCell, timeRun } from './paired.js';
import type { BenchOptions, BenchSection } from './section.js';
import { writeTownships } from './township-gen.js';

const GOAL_S = 60;
const GOAL_OFFICES = 1000;

/** One `rota plan --batch` of `count` generated townships over from..to: wall ms and the offices' summaries. */
function batch(count: number, to: string, capMs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'rota-bench-batch-'));
  try {
    writeTownships(join(dir, 'in'), count, 100, { from: '2025-01-01', to });
    const r = timeRun(
      [process.execPath, 'bin/rota.js', 'plan', '--batch', join(dir, 'in'), '--out', join(dir, 'out'), '--json'],
      [0],
      capMs,
    );
    const offices = JSON.parse(r.stdout).offices as OfficeSummary[];
    const busy = offices.reduce((s, x) => s + x.ms, 0) / Math.min(availableParallelism(), count);
    return { ms: r.ms, busy, overhead: `${(((r.ms - busy) / r.ms) * 100).toFixed(0)}%` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function batchBench(o: BenchOptions): BenchSection[] {
  const n = o.quick ? Math.min(o.batch, 8) : o.batch;
  const small = o.quick ? 50 : 200;
  // A batch is capped at the general cap's pace per office, so a full 1,000 can be asked for.
  const capMs = (count: number, perOfficeShare: number) => Math.max(o.capMs, count * perOfficeShare);
  const rows: string[][] = [];
  const headline: Record<string, string> = {};
  try {
    const y = batch(n, '2025-12-31', capMs(n, o.capMs / 20));
    const per1000 = (y.ms / 1000 / n) * GOAL_OFFICES;
    headline['1,000 township-years vs 60 s'] = `${(per1000 / GOAL_S).toFixed(1)}×${n < GOAL_OFFICES ? ` from ${n}` : ''}`;
    rows.push([
      `${n} township-years`,
      (y.ms / 1000).toFixed(1),
      (y.busy / 1000).toFixed(1),
      y.overhead,
      `${per1000.toFixed(0)} s${n < GOAL_OFFICES ? ` (× ${GOAL_OFFICES}/${n})` : ''}: ${(per1000 / GOAL_S).toFixed(2)}× the 60 s goal ${per1000 <= GOAL_S ? '✓' : '✗'}`,
    ]);
  } catch (e) {
    headline['1,000 township-years vs 60 s'] = failedCell(e);
    rows.push([`${n} township-years`, failedCell(e), '', '', '']);
  }
  try {
    const m = batch(small, '2025-01-31', capMs(small, o.capMs / 200));
    rows.push([`${small} township-months`, (m.ms / 1000).toFixed(1), (m.busy / 1000).toFixed(1), m.overhead, '']);
  } catch (e) {
    rows.push([`${small} township-months`, failedCell(e), '', '', '']);
  }
  return [
    {
      title: `Batch 批量: generated townships on ${availableParallelism()} cores`,
      header: ['batch', 'rota plan --batch --out s', 'Σ office s / cores', 'batch overhead', '1,000 township-years'],
      rows,
      headline,
      notes: [
        `Generated townships (test/bench/township-gen.ts, seeds from 100: 8-20 leaders, 4-12 sites, leaves, local closures), one whole process writing every office's timetable.html/.csv/.ics/.json, timetable.docx and 送审稿.docx; ${n} township-years from 2025-01-01 to 12-31, ${small} township-months (January 2025).`,
        n < GOAL_OFFICES
          ? `1,000 township-years extrapolated linearly from a quick run of ${n} (\`--batch ${n}\`, × ${GOAL_OFFICES}/${n}): start-up and each thread's warm-up (JIT) are paid once, so a small N overstates the time (24 township-years extrapolated to about twice what 1,000 take).`
          : 'All 1,000 township-years run, the goal itself (`--batch N` with N < 1000 runs fewer and extrapolates): no extrapolation.',
        "Σ office s / cores: each office's own time in its worker thread (reading, planning, writing), summed and spread over the cores; the batch overhead is the rest of the wall time (start-up, threads, uneven last offices), as a share of the wall time.",
        `Caps: the general cap (${o.capMs / 1000} s) or the same pace per office, whichever is longer.`,
      ],
    },
  ];
}
