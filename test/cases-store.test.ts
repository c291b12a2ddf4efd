// Two writers at once lose nothing: on the office's SQLite file (file lock, waiting and retrying) and on a
// real PostgreSQL server (test/helpers/postgres.ts; never a mock).
// Each writer is its own rota process importing one matter at a time, both at once.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/app/cases.js';
import { itOnPostgres } from './helpers/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'rota-cases-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROTA = join(process.cwd(), 'bin/rota.js');
const HEADER = '来访日期,来访人,主要问题,接访领导';
const PER_WRITER = 8;

/** One writer: PER_WRITER imports in a row, each of a file holding one matter of its own. */
function writer(name: string, db: string): Promise<number[]> {
  const files = Array.from({ length: PER_WRITER }, (_, i) => {
    const f = join(dir, `${name}-${i}.csv`);
    writeFileSync(f, `${HEADER}\n2024-12-11,居民${name}${i},问题${name}${i},努尔兰·哈力木\n`);
    return f;
  });
  const script = files.map((f) => `node ${JSON.stringify(ROTA)} cases import ${JSON.stringify(f)} --db "$DB"; echo $?`).join('\n');
  return new Promise((done) => {
    const p = spawn('bash', ['-c', script], { env: { ...process.env, DB: db } });
    let out = '';
    p.stdout.on('data', (b) => {
      out += b;
    });
    p.on('close', () =>
      done(
        out
          .split('\n')
          .filter((l) => /^\d+$/.test(l))
          .map(Number),
      ),
    );
  });
}

async function twoWriters(db: string): Promise<void> {
  const codes = await Promise.all([writer('甲', db), writer('乙', db)]);
  expect(codes.flat()).toEqual(Array(2 * PER_WRITER).fill(0));
  const store = await openStore(db);
  try {
    const matters = await store.read();
    expect(matters).toHaveLength(2 * PER_WRITER);
    expect(new Set(matters.map((m) => m.resident)).size).toBe(2 * PER_WRITER);
  } finally {
    await store.close();
  }
}

describe('two writers at once', () => {
  it('lose no matter on an SQLite file', async () => {
    await twoWriters(join(dir, 'cases.sqlite'));
  }, 120_000);

  itOnPostgres('lose no matter on PostgreSQL', twoWriters, 120_000);
});
