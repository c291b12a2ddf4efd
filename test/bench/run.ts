// npm run bench: runs every benchmark section, prints the tables, appends the headline figures to
// the dated table of docs/benchmarks.md and replaces the detailed tables below it with this run's.
// The runner reads the clock and the machine (it is not core). One import per section file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { appBench } from './app-bench.js';
import { batchBench } from './batch-bench.js';
import { checkBench } from './check-bench.js';
import { planBench } from './plan-bench.js';
import { replanBench } from './replan-bench.js';
import { rotationBench } from './rotation-bench.js';
import type { BenchSection } from './section.js';
import { startupBench } from './startup-bench.js';

const SECTIONS: Array<[string, () => BenchSection[] | Promise<BenchSection[]>]> = [
  ['start-up', startupBench],
  ['district rounds', planBench],
  ['township and county years', rotationBench],
  ['batch', batchBench],
  ['records', async () => [await checkBench()]],
  ['re-planning', replanBench],
  ['browser app', appBench],
];

/** Columns of the dated table, each filled from a section's headline. */
const HEADLINE = [
  'rota --version',
  'rota --help',
  'rota plan (seed)',
  'rota plan --out',
  'township year',
  'county year',
  'check 1M vs DuckDB',
  '1,000 township-years vs 60 s',
];
const DOC = 'docs/benchmarks.md';
const DATED = '<!-- dated table: npm run bench appends a row -->';
const DETAILS = '<!-- details of the latest run -->';

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

const sections: BenchSection[] = [];
for (const [name, run] of SECTIONS) {
  const t = performance.now();
  const got = await run();
  sections.push(...got);
  process.stderr.write(`bench: ${name} in ${((performance.now() - t) / 1000).toFixed(0)} s\n`);
  for (const s of got) process.stdout.write(`${table(s)}\n`);
}
const cpu = cpus();
const machine = `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${platform()} ${release()}, Node ${process.version}`;
const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const figures = Object.assign({}, ...sections.map((s) => s.headline ?? {}));
const row = `| ${when} | ${cpu.length} cores | ${HEADLINE.map((k) => figures[k] ?? '').join(' | ')} |`;
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
  '历次 `npm run bench` 的主要数字（均为同一次运行中与参照的比值：CLI 对 `node -e 0`，记录检查对 DuckDB，批量对 60 秒目标）。',
  'Headline figures of every `npm run bench`, each a ratio to its reference measured in the same run (the CLI to',
  '`node -e 0`, the checker to DuckDB, the batch to its 60 s goal). Goals: --version/--help ≤ 1.2, plan ≤ 1.5,',
  'plan --out ≤ 1.7, township year ≤ 10, county year ≤ 25, check ≤ 1.5, 1,000 township-years ≤ 60 s (1.0).',
  '',
  DATED,
  `| UTC | machine | ${HEADLINE.join(' | ')} |`,
  `| --- | --- | ${HEADLINE.map(() => '---').join(' | ')} |`,
  ...previous,
  row,
  '',
  DETAILS,
  '',
  `Latest run: ${when} UTC on ${machine}, by \`npm run bench\`.`,
  '',
  ...sections.map(table),
].join('\n');
writeFileSync(DOC, doc);
process.stderr.write(`wrote ${DOC}\n`);
