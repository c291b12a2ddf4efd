// The ledger's one schema, the same in the office's SQLite file and a city's PostgreSQL: a table of
// matters (dates as YYYY-MM-DD text, so both sort and compare them alike) and the schema's version.
import type { Matter } from '../core/cases/types.js';
import type { Problem } from '../core/types.js';

export const SCHEMA_VERSION = '1';

/** Each column with the Matter field it holds. */
const COLUMNS: Array<[string, keyof Matter, 'text' | 'date' | 'integer' | 'json']> = [
  ['id', 'id', 'text'],
  ['visit_date', 'visitDate', 'text'],
  ['resident', 'resident', 'text'],
  ['contact', 'contact', 'text'],
  ['id_number', 'idNumber', 'text'],
  ['address', 'address', 'text'],
  ['concern', 'concern', 'text'],
  ['location', 'location', 'text'],
  ['leader', 'leader', 'text'],
  ['instruction', 'instruction', 'text'],
  ['unit', 'unit', 'text'],
  ['accepted_on', 'acceptedOn', 'date'],
  ['extension_days', 'extensionDays', 'integer'],
  ['extension_approved_by', 'extensionApprovedBy', 'text'],
  ['closed_on', 'closedOn', 'date'],
  ['result', 'result', 'text'],
  ['follow_up_on', 'followUpOn', 'date'],
  ['follow_up', 'followUp', 'text'],
  ['state', 'state', 'text'],
  ['extra', 'extra', 'json'],
];

export const COLUMN_NAMES = COLUMNS.map(([c]) => c);

const SQL_TYPE = { text: 'TEXT NOT NULL', date: 'TEXT', integer: 'INTEGER NOT NULL', json: 'TEXT NOT NULL' };

export const SCHEMA_SQL = [
  `CREATE TABLE IF NOT EXISTS matters (${COLUMNS.map(([c, , t]) => `${c} ${SQL_TYPE[t]}${c === 'id' ? ' PRIMARY KEY' : ''}`).join(', ')})`,
  'CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
];

/** INSERT … ON CONFLICT (id) DO UPDATE (SQLite 3.24+ and PostgreSQL 9.5+ alike); `mark(i)` writes the i-th placeholder. */
export function upsertSql(mark: (i: number) => string): string {
  const set = COLUMN_NAMES.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
  return `INSERT INTO matters (${COLUMN_NAMES.join(', ')}) VALUES (${COLUMN_NAMES.map((_, i) => mark(i + 1)).join(', ')}) ON CONFLICT (id) DO UPDATE SET ${set.join(', ')}`;
}

export const SELECT_SQL = `SELECT ${COLUMN_NAMES.join(', ')} FROM matters ORDER BY visit_date, id`;

/** The matter numbered by the one placeholder `mark` writes. */
export const selectOneSql = (mark: string) => `SELECT ${COLUMN_NAMES.join(', ')} FROM matters WHERE id = ${mark}`;

/** A matter as the values of an upsert, in COLUMN_NAMES order. */
export function matterValues(m: Matter): Array<string | number | null> {
  return COLUMNS.map(([, f, t]) => {
    const v = m[f];
    if (t === 'json') return JSON.stringify(v);
    if (t === 'date') return (v as string | undefined) ?? null;
    return v as string | number;
  });
}

/** A row read back (by column name) as a matter. */
export function matterOf(row: Record<string, unknown>): Matter {
  const m: Record<string, unknown> = {};
  for (const [c, f, t] of COLUMNS) {
    const v = row[c];
    if (t === 'json') m[f] = JSON.parse(String(v));
    else if (t === 'date') {
      if (v !== null && v !== undefined) m[f] = String(v);
    } else if (t === 'integer') m[f] = Number(v);
    else m[f] = String(v);
  }
  return m as unknown as Matter;
}

/** What every store gives the import, check and export: one transaction at a time per writer. */
export interface CaseTx {
  all(): Promise<Matter[]>;
  /** The matter numbered `id`, read alone (a step on one matter of a 30,000-matter ledger). */
  one(id: string): Promise<Matter | undefined>;
  upsert(matters: readonly Matter[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
}

export interface CaseStore {
  /** The ledger as messages name it: the file, or the URL without its password. */
  readonly name: string;
  /** Runs `fn` as one transaction, no other writer between its reads and its writes; nothing is written if it throws. */
  write<T>(fn: (tx: CaseTx) => Promise<T>): Promise<T>;
  /** Every matter, by visit date then number. */
  read(): Promise<Matter[]>;
  close(): Promise<void>;
}

/** The database's problems, in the clerk's words, thrown as one: the CLI prints them and exits 2. */
export class LedgerError extends Error {
  // Its name, not its class, tells the CLI what it is (each command is its own bundle).
  override name = 'LedgerError';
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.message).join('\n'));
  }
}
