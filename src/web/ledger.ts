// The case ledger in the page: sql.js's SQLite, its WebAssembly unpacked from the page's data block
// (scripts/build-app.mjs) the first time a ledger is opened. One ledger at a time, in this tab's memory
// only: residents' personal data never goes to sessionStorage or localStorage, and leaves the page only
// in the .sqlite file the clerk saves.
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { type LEDGER_COLUMNS, matterFromRow } from '../core/cases/ledger.js';
import type { Matter } from '../core/cases/types.js';
import { problem } from '../core/messages.js';
import type { Problem } from '../core/types.js';
import { derivedId } from '../io/cases-csv.js';
import { ledgerBytesProblem, openLedger, selectAll, transaction } from '../io/cases-db.js';

let engine: Promise<SqlJsStatic> | undefined;

async function wasmBinary(): Promise<ArrayBuffer> {
  const gz = Uint8Array.from(atob(document.getElementById('sqlite-wasm')?.textContent?.trim() ?? ''), (c) => c.charCodeAt(0));
  return new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}

const sqlite = () => {
  engine ??= wasmBinary().then((bytes) => initSqlJs({ wasmBinary: bytes }));
  return engine;
};

export interface OpenLedger {
  /** The file's name, as picked (and as it is saved back). */
  name: string;
  db: Database;
  matters: Matter[];
}

const isLedgerError = (e: unknown): e is { problems: Problem[] } => (e as Error)?.name === 'LedgerError';

/** The ledger in a picked file's bytes, or the problems that keep it shut (not SQLite, another schema, too big). */
export async function openLedgerFile(name: string, bytes: Uint8Array): Promise<{ ledger?: OpenLedger; problems: Problem[] }> {
  const bad = ledgerBytesProblem(bytes, name);
  if (bad) return { problems: [bad] };
  try {
    const db = openLedger(await sqlite(), bytes, name);
    return { ledger: { name, db, matters: selectAll(db) }, problems: [] };
  } catch (e) {
    if (isLedgerError(e)) return { problems: e.problems };
    throw e;
  }
}

/** The fields of a visit the page's form registers (the ledger's own column headers are the form's names). */
export type VisitField = (typeof LEDGER_COLUMNS)[number]['field'];

/**
 * Adds a visit typed on the page: checked by the same rules as a row of an imported ledger
 * (matterFromRow), numbered as `rota cases import` numbers a row without one.
 */
export async function addVisit(
  l: OpenLedger,
  values: Partial<Record<VisitField, string>>,
): Promise<{ matter?: Matter; problems: Problem[] }> {
  const r = matterFromRow(l.name, { line: 0, values }, derivedId);
  if (!r.matter) return r;
  if (l.matters.some((m) => m.id === r.matter!.id))
    return { problems: [problem('case.visit-known', { id: r.matter.id }, { file: l.name })] };
  await transaction(l.db).upsert([r.matter]);
  l.matters = selectAll(l.db);
  return r;
}

/** The ledger's file as it stands, for the clerk to save. */
export const ledgerFileBytes = (l: OpenLedger): Uint8Array => l.db.export();
