// npm run bench: runs every benchmark section, prints the tables and writes docs/benchmarks.md.
// The runner reads the clock and the machine (it is not core). One import per section file.
import { writeFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { checkBench } from './check-bench.js';
import { planBench } from './plan-bench.js';
import { replanBench } from './replan-bench.js';
import { rotationBench } from './rotation-bench.js';
import type { BenchSection } from './section.js';

const SECTIONS: Array<() => BenchSection[] | Promise<BenchSection[]>> = [
  planBench,
  async () => [await checkBench()],
  replanBench,
  rotationBench,
];

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
for (const run of SECTIONS) sections.push(...(await run()));
const cpu = cpus();
const machine = `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${platform()} ${release()}, Node ${process.version}`;
const doc = [
  `# Benchmarks 性能测试`,
  '',
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}, by \`npm run bench\`.`,
  '',
  ...sections.map(table),
].join('\n');
process.stdout.write(doc);
writeFileSync('docs/benchmarks.md', doc);
process.stderr.write('wrote docs/benchmarks.md\n');
