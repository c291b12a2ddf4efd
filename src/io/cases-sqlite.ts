// The office's ledger: one SQLite file, through sql.js (SQLite compiled to WebAssembly, so no native build
// and the same file opens in the browser app). sql.js works on a copy in memory: a writer takes the file's
// lock (proper-lockfile, waiting and retrying while another writer holds it), reads the file, changes it
// and puts the new file in place with one rename, so two writers never lose each other's rows and a
// reader sees the old file or the new one.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { lock } from 'proper-lockfile';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { openLedger, selectAll, transaction } from './cases-db.js';
import type { CaseStore } from './cases-schema.js';
import { nodeRequire } from './node-require.js';

let engine: Promise<SqlJsStatic> | undefined;

/** sql.js with its WebAssembly read from the installed package (the browser app hands over its own copy). */
function sqlite(): Promise<SqlJsStatic> {
  engine ??= initSqlJs({ wasmBinary: readFileSync(nodeRequire().resolve('sql.js/dist/sql-wasm.wasm')) as unknown as ArrayBuffer });
  return engine;
}

/** Writes `bytes` to `file` through a synced sibling and one rename. */
function replaceFile(file: string, bytes: Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

const readIfThere = (file: string) => (existsSync(file) ? readFileSync(file) : undefined);

/** The ledger in the SQLite file `file` (made on the first write). */
export async function sqliteStore(file: string): Promise<CaseStore> {
  const SQL = await sqlite();
  return {
    name: file,
    async write(fn) {
      // A writer killed while holding the lock leaves it behind; after 10 s without an update it is stale and taken over.
      const release = await lock(file, { realpath: false, stale: 10_000, retries: { retries: 600, minTimeout: 20, maxTimeout: 100 } });
      try {
        const db = openLedger(SQL, readIfThere(file), file);
        try {
          db.run('BEGIN');
          const out = await fn(transaction(db));
          db.run('COMMIT');
          replaceFile(file, db.export());
          return out;
        } finally {
          db.close();
        }
      } finally {
        await release();
      }
    },
    async read() {
      const db = openLedger(SQL, readIfThere(file), file);
      try {
        return selectAll(db);
      } finally {
        db.close();
      }
    },
    async close() {},
  };
}
