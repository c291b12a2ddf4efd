// Benchmark of the browser app 排班助手.html (built by npm run build): its size against the 1.5 MB
// budget, the time from opening it to the seed plan on screen, and a township year in the Web Worker.
import { statSync } from 'node:fs';
import { timeRun } from './paired.js';
import type { BenchOptions, BenchSection } from './section.js';

export function appBench(o: BenchOptions): BenchSection[] {
  const size = statSync('dist/排班助手.html').size;
  const [seeds, years] = o.quick ? [1, 1] : [5, 3];
  const t = JSON.parse(timeRun([process.execPath, 'test/bench/app-timings.mjs', String(seeds), String(years)], [0], o.capMs).stdout) as {
    opened: number;
    planned: number;
    total: number;
    year: number;
    rows: number;
  };
  return [
    {
      title: 'Browser app 排班助手.html',
      header: [
        'file size',
        'open → page ready (ms)',
        '排班 → seed plan shown (ms)',
        'open → seed plan shown (ms)',
        'township year 排班 → shown (ms)',
        'year duties',
      ],
      rows: [[`${(size / 1024).toFixed(0)} KiB`, String(t.opened), String(t.planned), String(t.total), String(t.year), String(t.rows)]],
      notes: [
        `Headless Debian chromium via playwright-core, 1366×768, the file opened from file://; medians of ${seeds} seed run(s) and ${years} year run(s), all in one process capped at ${o.capMs / 1000} s.`,
        'open → seed plan shown includes picking the three fixture files (rota.json, leaders.csv, history.csv) and the plan in the Web Worker.',
        'Township year: fixtures/township (15 leaders, 小拐乡) over 2025-01-01..2025-12-31, solved in the worker, until the table is on screen.',
        'Targets: at most 1.5 MB; the seed plan on screen within 1 s of 排班; a township year without freezing the page (see test/app-browser.test.ts).',
      ],
    },
  ];
}
