// The ledger as an SQLite database in memory (sql.js): opened from a file's bytes with its schema
// checked, read and changed. No file system here, so the CLI (src/io/cases-sqlite.ts) and the browser
// app (src/web/ledger.ts) open a ledger the same way and refuse the same bad files.
import type { Database, SqlJsStatic } from 'sql.js';
import type { Matter } from '../core/cases/types.js';
import { LIMITS } from '../core/limits.js';
import { problem } from '../core/messages.js';
import {
  type CaseTx,
  LedgerError,
  matterOf,
  matterValues,
  SCHEMA_SQL,
  SCHEMA_VERSION,
  SELECT_SQL,
  selectOneSql,
  upsertSql,
} from './cases-schema.js';

/** Every SQLite database file begins with these 16 bytes. */
const MAGIC = 'SQLite format 3\u0000';

/** A file of `size` bytes is too big to open as a ledger (told before it is read). */
export function ledgerSizeProblem(size: number, file: string) {
  const mb = (n: number) => Math.ceil(n / 2 ** 20);
  return size > LIMITS.ledgerBytes ? problem('case.ledger-too-big', { size: mb(size), max: mb(LIMITS.ledgerBytes) }, { file }) : undefined;
}

/** Why these bytes are no ledger rota can open, before SQLite is asked: too big, or not SQLite at all. */
export function ledgerBytesProblem(bytes: Uint8Array, file: string) {
  const big = ledgerSizeProblem(bytes.length, file);
  if (big) return big;
  const head = String.fromCharCode(...bytes.subarray(0, MAGIC.length));
  return bytes.length > 0 && head !== MAGIC ? problem('case.ledger-not-sqlite', {}, { file }) : undefined;
}

const hasTable = (db: Database, name: string) =>
  db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).length > 0;

/** Opens the bytes of a ledger file (none or empty: a new ledger) with its schema in place; a bad file throws a LedgerError. */
export function openLedger(SQL: SqlJsStatic, bytes: Uint8Array | undefined, file: string): Database {
  const bad = bytes && ledgerBytesProblem(bytes, file);
  if (bad) throw new LedgerError([bad]);
  const db = new SQL.Database(bytes);
  try {
    // Another program's SQLite file is not written into: rota's tables are made only in a new ledger.
    if (bytes?.length && !hasTable(db, 'meta')) throw new LedgerError([problem('case.ledger-foreign', {}, { file })]);
    for (const sql of SCHEMA_SQL) db.run(sql);
    const version = db.exec("SELECT value FROM meta WHERE key = 'schema'")[0]?.values[0]?.[0];
    if (version === undefined) db.run("INSERT INTO meta (key, value) VALUES ('schema', ?)", [SCHEMA_VERSION]);
    else if (version !== SCHEMA_VERSION)
      throw new LedgerError([problem('case.ledger-schema', { found: String(version), expected: SCHEMA_VERSION }, { file })]);
  } catch (e) {
    db.close();
    if (e instanceof LedgerError) throw e;
    throw new LedgerError([problem('case.database-unreadable', { detail: (e as Error).message }, { file })]);
  }
  return db;
}

/** Every matter, by visit date then number. */
export function selectAll(db: Database): Matter[] {
  const st = db.prepare(SELECT_SQL);
  const out: Matter[] = [];
  while (st.step()) out.push(matterOf(st.getAsObject()));
  st.free();
  return out;
}

/** The store's transaction on an open database. */
export function transaction(db: Database): CaseTx {
  return {
    all: async () => selectAll(db),
    one: async (id) => {
      const st = db.prepare(selectOneSql('?'));
      try {
        st.bind([id]);
        return st.step() ? matterOf(st.getAsObject()) : undefined;
      } finally {
        st.free();
      }
    },
    upsert: async (ms) => {
      const st = db.prepare(upsertSql(() => '?'));
      for (const m of ms) st.run(matterValues(m));
      st.free();
    },
    remove: async (ids) => {
      for (const id of ids) db.run('DELETE FROM matters WHERE id = ?', [id]);
    },
  };
}
