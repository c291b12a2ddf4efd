// Runs the checker benchmark on its own and prints its table (until test/bench/run.ts includes it):
//   npm run build && npx esbuild test/bench/check-run.ts --bundle --platform=node --format=esm \
//     --packages=external --outfile=node_modules/.cache/rota-bench/check-run.mjs && node node_modules/.cache/rota-bench/check-run.mjs
import { checkBench } from './check-bench.js';

const s = await checkBench();
const widths = s.header.map((h, i) => Math.max(h.length, ...s.rows.map((r) => r[i].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(`## ${s.title}\n`);
console.log(line(s.header));
console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
for (const r of s.rows) console.log(line(r));
console.log(`\n${s.notes.join('\n')}`);
