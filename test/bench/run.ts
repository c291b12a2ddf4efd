// npm run bench: runs the benchmark sections, prints their tables, and (on a full run) appends the
// headline ratios to the dated table of docs/benchmarks.md and replaces the details below it.
//   npm run bench -- --only township,batch   some sections (names below); prints, writes nothing
//   npm run bench -- --quick                 fewer pairs and smaller cases; prints, writes nothing
//   npm run bench -- --cap 60                the most one measured run may take, in seconds
//   npm run bench -- --batch 200             township-years in the batch (default 1000, the goal itself; fewer are extrapolated)
// The runner reads the clock and the machine (it is not core). `--job NAME ARGS…` runs one in-process
// measurement in its own process, so that it can be capped too (replan-bench.ts).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { parseArgs } from 'node:util';
import { appBench } from './app-bench.js';
import { batchBench } from './batch-bench.js';
import { checkBench } from './check-bench.js';
import { failedCell } from './paired.js';
import { planBench } from './plan-bench.js';
import { replanBench, replanJob } from './replan-bench.js';
import { qualityBench, yearsBench } from './rotation-bench.js';
import type { BenchOptions, BenchSection } from './section.js';
import { solverBench } from './solver-bench.js';
import { startupBench } from './startup-bench.js';

// Node reads the file NODE_EXTRA_CA_CERTS names (a proxy's CA bundle, set on some build machines) at
// every start, ~45 ms on the 2-core machine, which would swell `node -e 0` and rota alike and hide
// rota's own start-up in the ratio. A clerk's machine has none, so no run of the bench has it either.
delete process.env.NODE_EXTRA_CA_CERTS;

const SECTIONS: Record<string, (o: BenchOptions) => BenchSection[] | Promise<BenchSection[]>> = {
  startup: () => startupBench(),
  district: planBench,
  solver: solverBench,
  township: yearsBench,
  quality: qualityBench,
  batch: batchBench,
  records: async () => [await checkBench()],
  replan: replanBench,
  app: appBench,
};

/** Columns of the dated table with their goals, each filled from a section's headline. */
const HEADLINE: Array<[string, string]> = [
  ['rota --version', '≤1.2×'],
  ['rota --help', '≤1.2×'],
  ['rota plan (seed)', '≤1.3×'],
  ['rota plan --out', '≤1.5×'],
  ['township year', '≤10×'],
  ['county year', '≤25×'],
  ['200 sites year', '≤2 s'],
  ['10,000 leaders', '≤5 s'],
  ['county 160 leaders', '≤50×'],
  ['infeasible 250 days', '≤2 s'],
  ['check 1M vs DuckDB', '≤1.5×'],
  ['1,000 township-years vs 60 s', '≤1×'],
  ['1,000 leaders + year of history', '≈1×'],
  // A fresh install's first run (the cache removed before every run; before 2026-12-07 07:30 called "no cache").
  ['--help, first run', 'once'],
  ['plan (seed), first run', 'once'],
  ['plan --out, first run', 'once'],
  // A read-only install or another Node version: no cache beside the bundles, runs after the first.
  ['--help, read-only', '≤1.2×'],
  ['plan (seed), read-only', '≤1.3×'],
  ['plan --out, read-only', '≤1.5×'],
];
const DOC = 'docs/benchmarks.md';
const DATED = '<!-- dated table: npm run bench appends a row -->';
const DETAILS = '<!-- details of the latest run -->';

const { values, positionals } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    cap: { type: 'string', default: '60' },
    batch: { type: 'string', default: '1000' },
    job: { type: 'string' },
  },
  allowPositionals: true,
});

if (values.job === 'replan') {
  process.stdout.write(JSON.stringify(replanJob(Number(positionals[0]), Number(positionals[1]))));
} else {
  await bench();
}

function table(s: BenchSection): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    `## ${s.title}`,
    '',
    line(s.header),
    line(s.header.map(() => '---')),
    ...s.rows.map(line),
    '',
    ...s.notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}

async function bench(): Promise<void> {
  const options: BenchOptions = { quick: values.quick, capMs: Number(values.cap) * 1000, batch: Number(values.batch) };
  const only = values.only?.split(',') ?? Object.keys(SECTIONS);
  const unknown = only.filter((name) => !(name in SECTIONS));
  if (unknown.length || !(options.capMs > 0) || !(options.batch > 0)) {
    process.stderr.write(`usage: npm run bench -- [--only ${Object.keys(SECTIONS).join(',')}] [--quick] [--cap SECONDS] [--batch N]\n`);
    process.exit(2);
  }
  const started = performance.now();
  const sections: BenchSection[] = [];
  for (const name of only) {
    const t = performance.now();
    let got: BenchSection[];
    try {
      got = await SECTIONS[name](options);
    } catch (e) {
      // One section's failure (a cap, a crash) is its own line; the bench goes on.
      got = [{ title: name, header: ['result'], rows: [[failedCell(e)]], notes: [] }];
    }
    sections.push(...got);
    process.stderr.write(`bench: ${name} in ${((performance.now() - t) / 1000).toFixed(0)} s\n`);
    for (const s of got) process.stdout.write(`${table(s)}\n`);
  }
  const took = `${((performance.now() - started) / 60_000).toFixed(1)} min`;
  process.stderr.write(`bench: all in ${took}\n`);
  if (values.only || values.quick) {
    process.stderr.write(`${DOC} not written: --only and --quick runs are not comparable with the dated table\n`);
    return;
  }
  const cpu = cpus();
  const machine = `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${platform()} ${release()}, Node ${process.version}`;
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const figures: Record<string, string> = Object.assign({}, ...sections.map((s) => s.headline ?? {}));
  const row = `| ${when} | ${cpu.length} cores | ${took} | ${HEADLINE.map(([k, goal]) => (figures[k] ? `${figures[k]} (${goal})` : '')).join(' | ')} |`;
  const old = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
  const start = old.indexOf(DATED);
  const end = old.indexOf(DETAILS);
  const previous =
    start >= 0 && end > start
      ? old
          .slice(start + DATED.length, end)
          .trim()
          .split('\n')
          .slice(2)
      : [];
  const doc = [
    '# Benchmarks 性能测试',
    '',
    '历次 `npm run bench` 的主要数字：每个都是同一次运行中与参照的比值（CLI 对 `node -e 0`，记录检查对 DuckDB，批量对 60 秒目标），括号里是目标。',
    'Headline figures of every full `npm run bench`, each a ratio to its reference measured in the same run (the CLI',
    'to `node -e 0`, the checker to DuckDB, the batch to its 60 s goal), its goal in brackets. The bench itself:',
    '`npm run bench` (builds first; `-- --only township`, `--quick`, `--cap SECONDS`, `--batch N`; see test/bench/run.ts).',
    'Rows from 2026-12-07 15:30 UTC on run without `NODE_EXTRA_CA_CERTS` (the 2-core machine sets it; Node then reads ~140 CA certificates at every start,',
    '~45 ms, which swelled `node -e 0` from ~29 to ~77 ms and made every ratio to it look smaller): earlier rows are not comparable with them.',
    '自 2026-12-07 15:30 起的各行在没有 `NODE_EXTRA_CA_CERTS` 的环境中运行（此前各行中 `node -e 0` 每次多读约 140 个证书，约 45 毫秒，比值因此偏小，不可与之后的比较）。',
    '',
    DATED,
    `| UTC | machine | bench took | ${HEADLINE.map(([k]) => k).join(' | ')} |`,
    `| --- | --- | --- | ${HEADLINE.map(() => '---').join(' | ')} |`,
    ...previous,
    row,
    '',
    DETAILS,
    '',
    `Latest run: ${when} UTC on ${machine}, by \`npm run bench\` (${took}).`,
    '',
    ...sections.map(table),
  ].join('\n');
  writeFileSync(DOC, doc);
  process.stderr.write(`wrote ${DOC}\n`);
}
