// Start-up: whole `rota` processes beside `node -e 0`, paired (see paired.ts), in three installs: this
// one, with the V8 code cache the build writes; a read-only copy without it (what a system-wide install
// or another Node version meets), after its first run has filled the per-user cache; and a copy
// whose cache is removed before every run, so each run is a first run.
import { chmodSync, chownSync, cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { paired, type RunAs, ratioText, timeRun } from './paired.js';
import type { BenchSection } from './section.js';

const PAIRS = 15;
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/** A temporary folder the runs may write to (as nobody when the bench runs as root). */
function scratch(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(d, 0o755);
  if (asRoot) chownSync(d, NOBODY, NOBODY);
  return d;
}

/** A copy of bin/ and dist/ (node_modules linked) without any code cache, and the function that removes it again. */
function copyInstall(): { root: string; clear: () => void } {
  const root = scratch('rota-bench-install-');
  for (const d of ['bin', 'dist']) cpSync(d, join(root, d), { recursive: true });
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  const cli = join(root, 'dist', 'cli');
  // The cache files and any left half-written (NAME.TAG.cache.PID).
  const clear = () => {
    for (const f of readdirSync(cli)) if (/\.cache(\.\d+)?$/.test(f)) rmSync(join(cli, f));
  };
  clear();
  return { root, clear };
}

/** Made read-only for real: chmod a-w, and run as nobody when the bench runs as root (who may write anyway). */
function readOnly(root: string, cacheHome: string): RunAs {
  for (const d of ['bin', 'dist']) modeTree(join(root, d), 0o555);
  return { env: { ...process.env, XDG_CACHE_HOME: cacheHome }, ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}) };
}

function modeTree(path: string, mode: number): void {
  for (const f of readdirSync(path, { recursive: true }) as string[]) chmodSync(join(path, f), mode);
  chmodSync(path, mode);
}

export function startupBench(): BenchSection[] {
  const out = scratch('rota-bench-out-');
  const rota = (...args: string[]) => [process.execPath, 'bin/rota.js', ...args];
  const seed = ['plan', '-c', resolve('fixtures/rota.json')];
  // Each --out case its own folder, so each re-publishes as often.
  const withOut = (dir: string) => [...seed, '--out', join(out, dir), '--replace'];

  const ro = copyInstall();
  const roCache = scratch('rota-bench-cache-');
  const roAs = readOnly(ro.root, roCache);
  const roRota = (...args: string[]) => [process.execPath, join(ro.root, 'bin', 'rota.js'), ...args];

  const first = copyInstall();
  const firstCache = scratch('rota-bench-cache-');
  const firstAs: RunAs = { env: { ...process.env, XDG_CACHE_HOME: firstCache } };
  const firstRota = (...args: string[]) => [process.execPath, join(first.root, 'bin', 'rota.js'), ...args];
  const clearFirst = () => {
    first.clear();
    rmSync(join(firstCache, 'rota'), { recursive: true, force: true });
  };

  type Case = { label: string; key: string; args: string[]; goal: number | undefined; before?: () => void; as?: RunAs };
  const cases: Case[] = [
    { label: 'rota --version', key: 'rota --version', args: rota('--version'), goal: 1.2 },
    { label: 'rota --help', key: 'rota --help', args: rota('--help'), goal: 1.2 },
    { label: "rota help (commander's, as a terminal's rota --help)", key: 'rota help', args: rota('help'), goal: undefined },
    { label: 'rota plan -c fixtures/rota.json (the seed round)', key: 'rota plan (seed)', args: rota(...seed), goal: 1.3 },
    { label: 'rota plan -c fixtures/rota.json --out DIR', key: 'rota plan --out', args: rota(...withOut('cached')), goal: 1.5 },
    { label: 'rota --help, read-only install', key: '--help, read-only', args: roRota('--help'), goal: 1.2, as: roAs },
    { label: 'rota plan (the seed round), read-only install', key: 'plan (seed), read-only', args: roRota(...seed), goal: 1.3, as: roAs },
    {
      label: 'rota plan --out DIR, read-only install',
      key: 'plan --out, read-only',
      args: roRota(...withOut('read-only')),
      goal: 1.5,
      as: roAs,
    },
    {
      label: 'rota --help, first run',
      key: '--help, first run',
      args: firstRota('--help'),
      goal: undefined,
      before: clearFirst,
      as: firstAs,
    },
    {
      label: 'rota plan (the seed round), first run',
      key: 'plan (seed), first run',
      args: firstRota(...seed),
      goal: undefined,
      before: clearFirst,
      as: firstAs,
    },
    {
      label: 'rota plan --out DIR, first run',
      key: 'plan --out, first run',
      args: firstRota(...withOut('first')),
      goal: undefined,
      before: clearFirst,
      as: firstAs,
    },
  ];
  const headline: Record<string, string> = {};
  const rows = cases.map(({ label, key, args, goal, before, as }) => {
    // The read-only install's first run (untimed) fills its per-user cache, as a clerk's first run does.
    if (as === roAs) timeRun(args, [0], undefined, as);
    const p = paired(args, PAIRS, undefined, undefined, before, as);
    headline[key] = `${p.ratio.toFixed(2)}×`;
    return [label, p.ms.toFixed(0), p.referenceMs.toFixed(0), ratioText(p.ratio, goal), String(PAIRS)];
  });
  for (const d of ['bin', 'dist']) modeTree(join(ro.root, d), 0o755);
  for (const d of [out, ro.root, roCache, first.root, firstCache]) rmSync(d, { recursive: true, force: true });
  return [
    {
      title: 'Start-up 启动: whole process against node -e 0',
      header: ['command', 'rota ms (median)', 'node -e 0 ms (median)', 'ratio (median of pairs) vs goal', 'pairs'],
      rows,
      notes: [
        `${PAIRS} pairs each: node -e 0, then the command, alternating, so both see the same load; the ratio is the median of the per-pair ratios.`,
        "rota --version and rota --help to a pipe (as here) load no bundle: bin/rota.js prints package.json's version and dist/cli/help.txt, the text commander gave the build's own rota --help. A terminal's rota --help is commander's, at the terminal's width: rota help, which always is, shows its cost.",
        'The CLI is a small main bundle plus one bundle per command, each from its V8 code cache (bin/rota.js, scripts/build.mjs): NAME.<node version>-<arch>.cache beside the bundle, else the per-user cache ($XDG_CACHE_HOME/rota, ~/.cache/rota, or a folder of the user’s own in the temporary directory).',
        `Read-only install: a copy of bin/ and dist/ without the build's code cache, chmod a-w${asRoot ? ' and run as the user nobody (the bench ran as root, who may write anyway)' : ''}, so no cache can be written beside the bundles — as a system-wide install, or any install run by a Node version other than the build's, meets it. Its first run (untimed) writes the per-user cache; the timed runs are the runs after it. The headline figures for a missing or rejected cache.`,
        'First run: a writable copy whose code cache (beside the bundles and per-user) is removed before every run, so each run compiles every bundle it loads and writes the cache: what a fresh install pays once.',
        '--out replaces its folder each run (a new generation, written over the oldest of the 5 kept), as a clerk re-publishing does: the page, CSV, calendar, JSON, timetable.docx, 送审稿.docx and the change notice (.html, .txt, .docx), with every earlier dated notice, each a file of its own (src/io/publish-folder.ts).',
      ],
      headline,
    },
  ];
}
