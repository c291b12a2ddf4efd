// The batch 批量: N generated township-years planned by `rota plan --batch` on all cores, and the
// time 1,000 would take at the same pace (the offices are independent, so the time is linear in N).
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { timeRun } from './paired.js';
import type { BenchSection } from './section.js';
import { writeTownships } from './township-gen.js';

const N = 16;
const GOAL_S = 60;

export function batchBench(): BenchSection[] {
  const dir = mkdtempSync(join(tmpdir(), 'rota-bench-batch-'));
  writeTownships(join(dir, 'in'), N, 100);
  const ms = timeRun([process.execPath, 'bin/rota.js', 'plan', '--batch', join(dir, 'in'), '--out', join(dir, 'out')]);
  rmSync(dir, { recursive: true, force: true });
  const per1000 = (ms / 1000 / N) * 1000;
  const ratio = per1000 / GOAL_S;
  return [
    {
      title: 'Batch 批量: township-years on all cores',
      header: ['township-years', 'cores', 'rota plan --batch s', '1,000 township-years (extrapolated) s', 'ratio to the 60 s goal'],
      rows: [
        [
          String(N),
          String(availableParallelism()),
          (ms / 1000).toFixed(1),
          per1000.toFixed(0),
          `${ratio.toFixed(2)}×${ratio <= 1 ? ' ✓' : ' ✗'}`,
        ],
      ],
      notes: [
        `${N} generated townships (test/bench/township-gen.ts, seeds 100-${99 + N}: 8-20 leaders, 4-12 sites, leaves, local closures), each 2025-01-01..12-31, written with --out; one whole process.`,
        `Extrapolated linearly (× 1000 / ${N}): the offices are independent and the worker pool keeps every core busy; start-up is paid once.`,
      ],
      headline: { '1,000 township-years vs 60 s': `${per1000.toFixed(0)} s (${ratio.toFixed(2)}×)` },
    },
  ];
}
