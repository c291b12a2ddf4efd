// Start-up: whole `rota` processes beside `node -e 0`, paired (see paired.ts), with the V8 code cache the
// build writes, and on a copy of the install whose code cache is gone before every run: what a
// read-only install, or one run by another Node version (which rejects the cache), meets every time.
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { paired, ratioText } from './paired.js';
import type { BenchSection } from './section.js';

const PAIRS = 15;

/** A copy of bin/ and dist/ (node_modules linked) in a temporary folder, and a function that removes its code cache. */
function uncachedInstall(): { root: string; clear: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'rota-bench-nocache-'));
  for (const d of ['bin', 'dist']) cpSync(d, join(root, d), { recursive: true });
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  const cli = join(root, 'dist', 'cli');
  // The cache files and any left half-written (NAME.cache.PID).
  const clear = () => {
    for (const f of readdirSync(cli)) if (/\.cache(\.\d+)?$/.test(f)) rmSync(join(cli, f));
  };
  return { root, clear };
}

export function startupBench(): BenchSection[] {
  const out = mkdtempSync(join(tmpdir(), 'rota-bench-out-'));
  const bare = uncachedInstall();
  const rota = (...args: string[]) => [process.execPath, 'bin/rota.js', ...args];
  const uncached = (...args: string[]) => [process.execPath, join(bare.root, 'bin', 'rota.js'), ...args];
  const seed = ['plan', '-c', 'fixtures/rota.json'];
  // Each --out case its own folder, so both re-publish as often.
  const withOut = (dir: string) => [...seed, '--out', join(out, dir), '--replace'];
  const cases: Array<[string, string, string[], number, (() => void)?]> = [
    ['rota --version', 'rota --version', rota('--version'), 1.2],
    ['rota --help', 'rota --help', rota('--help'), 1.2],
    ['rota plan -c fixtures/rota.json (the seed round)', 'rota plan (seed)', rota(...seed), 1.3],
    ['rota plan -c fixtures/rota.json --out DIR', 'rota plan --out', rota(...withOut('cached')), 1.5],
    ['rota --help, no code cache', '--help, no cache', uncached('--help'), 1.2, bare.clear],
    ['rota plan (the seed round), no code cache', 'plan (seed), no cache', uncached(...seed), 1.3, bare.clear],
    ['rota plan --out DIR, no code cache', 'plan --out, no cache', uncached(...withOut('uncached')), 1.5, bare.clear],
  ];
  const headline: Record<string, string> = {};
  const rows = cases.map(([label, key, args, goal, before]) => {
    const p = paired(args, PAIRS, undefined, undefined, before);
    headline[key] = `${p.ratio.toFixed(2)}×`;
    return [label, p.ms.toFixed(0), p.referenceMs.toFixed(0), ratioText(p.ratio, goal), String(PAIRS)];
  });
  rmSync(out, { recursive: true, force: true });
  rmSync(bare.root, { recursive: true, force: true });
  return [
    {
      title: 'Start-up 启动: whole process against node -e 0',
      header: ['command', 'rota ms (median)', 'node -e 0 ms (median)', 'ratio (median of pairs) vs goal', 'pairs'],
      rows,
      notes: [
        `${PAIRS} pairs each: node -e 0, then the command, alternating, so both see the same load; the ratio is the median of the per-pair ratios.`,
        'The CLI is a small main bundle plus one bundle per command, each from its V8 code cache (bin/rota.js, scripts/build.mjs).',
        'No code cache: a copy of bin/ and dist/ whose NAME.cache files are removed before every run, so each run compiles every bundle it loads and writes the cache afresh, as a first run, a read-only install or another Node version does every time.',
        '--out replaces its folder each run (a new generation, the oldest pruned), as a clerk re-publishing does: the page, CSV, calendar, JSON, timetable.docx, 送审稿.docx and the change notice (.html, .txt, .docx).',
      ],
      headline,
    },
  ];
}
