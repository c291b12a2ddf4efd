// The built bundle parses in a worker thread; it must hand over exactly the rows, lines and
// problems of the in-thread parser, in order, across batches, with NUL in a cell, and on errors.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { afterAll, describe, expect, it } from 'vitest';
import { RECORD_COLUMNS } from '../src/core/records.js';
import type { RawRow } from '../src/core/types.js';
import { csvEngine, streamTable } from '../src/io/table-stream.js';

// The worker script as npm run build makes it (npm test builds first).
const WORKER = join(process.cwd(), 'dist/cli/csv-worker.cjs');
const dir = mkdtempSync(join(tmpdir(), 'rota-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function both(content: string | Buffer) {
  const file = join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, content);
  const a: RawRow[] = [];
  const b: RawRow[] = [];
  const ra = await streamTable(file, RECORD_COLUMNS, (r) => a.push(r), { worker: true, workerFile: WORKER });
  const rb = await streamTable(file, RECORD_COLUMNS, (r) => b.push(r), { worker: false });
  return { a, b, ra, rb };
}

describe('streamTable in a worker thread', () => {
  it('gives the same rows in the same order over many batches', async () => {
    const lines = ['日期,类型,姓名,地点'];
    for (let i = 0; i < 5000; i++) lines.push(`2024-11-${String((i % 28) + 1).padStart(2, '0')},接访,"王,${i}","多行\n地点${i}"`);
    const { a, b, ra, rb } = await both(lines.join('\r\n'));
    expect(a).toHaveLength(5000);
    expect(a).toEqual(b);
    expect(ra).toEqual(rb);
    expect(a[4999].line).toBe(10001); // each record spans two lines
  });
  it('carries a NUL inside a cell and reports problems like the in-thread parser', async () => {
    const nul = await both('日期,姓名\n2024-11-05,王\u0000建国\n');
    expect(nul.a).toEqual(nul.b);
    expect(nul.a[0].values.name).toBe('王\u0000建国');
    const missing = await both('日期,类型\n2024-11-05,接访\n');
    expect(missing.ra.problems).toEqual(missing.rb.problems);
    expect(missing.ra.problems[0].message).toContain('missing required column 姓名');
    const quote = await both('日期,姓名\n2024-11-05,"王\n');
    expect(quote.ra.problems).toEqual(quote.rb.problems);
    expect(quote.ra.problems[0].message).toContain('not readable as CSV');
  });
  it('relies on csv-parse exposing its engine (fails loudly if an upgrade removes it)', () => {
    expect(typeof csvEngine(parse()).parse).toBe('function');
  });
});
