// Start-up: whole `rota` processes beside `node -e 0`, paired (see paired.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paired, ratioText } from './paired.js';
import type { BenchSection } from './section.js';

const PAIRS = 15;

export function startupBench(): BenchSection[] {
  const out = mkdtempSync(join(tmpdir(), 'rota-bench-out-'));
  const rota = (...args: string[]) => [process.execPath, 'bin/rota.js', ...args];
  const cases: Array<[string, string, string[], number]> = [
    ['rota --version', 'rota --version', rota('--version'), 1.2],
    ['rota --help', 'rota --help', rota('--help'), 1.2],
    ['rota plan -c fixtures/rota.json (the seed round)', 'rota plan (seed)', rota('plan', '-c', 'fixtures/rota.json'), 1.5],
    [
      'rota plan -c fixtures/rota.json --out DIR',
      'rota plan --out',
      rota('plan', '-c', 'fixtures/rota.json', '--out', out, '--replace'),
      1.7,
    ],
  ];
  const headline: Record<string, string> = {};
  const rows = cases.map(([label, key, args, goal]) => {
    const p = paired(args, PAIRS);
    headline[key] = `${p.ratio.toFixed(2)}×`;
    return [label, p.ms.toFixed(0), p.referenceMs.toFixed(0), ratioText(p.ratio, goal), String(PAIRS)];
  });
  rmSync(out, { recursive: true, force: true });
  return [
    {
      title: 'Start-up 启动: whole process against node -e 0',
      header: ['command', 'rota ms (median)', 'node -e 0 ms (median)', 'ratio (median of pairs) vs goal', 'pairs'],
      rows,
      notes: [
        `${PAIRS} pairs each: node -e 0, then the command, alternating, so both see the same load; the ratio is the median of the per-pair ratios.`,
        'The CLI is a small main bundle plus one bundle per command, each from its V8 code cache (bin/rota.js, scripts/build.mjs).',
        '--out replaces its folder each run (a new generation, the oldest pruned), as a clerk re-publishing does.',
      ],
      headline,
    },
  ];
}
