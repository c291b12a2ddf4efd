// The case ledger in the page's kept Web Worker (src/web/jobs.ts): sql.js's SQLite, its WebAssembly
// unpacked from the page's data block (scripts/build-app.mjs; the page hands the block's text over)
// the first time a ledger is opened. One ledger at a time, in the worker's memory only: residents'
// personal data never goes to sessionStorage or localStorage, and leaves the page only in the .sqlite
// file the clerk saves. The page asks for a summary and for pages of rows, never for all the matters:
// a ledger of 30,000 matters froze the page for seconds when it was read and drawn there.
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { standing } from '../core/cases/deadline.js';
import { type LEDGER_COLUMNS, matterFromRow } from '../core/cases/ledger.js';
import { advance, type CaseEvent } from '../core/cases/states.js';
import { ledgerStatus, type MatterLine } from '../core/cases/status.js';
import { caseTallies } from '../core/cases/tally.js';
import type { CaseState, Matter } from '../core/cases/types.js';
import { problem } from '../core/messages.js';
import type { Problem } from '../core/types.js';
import { derivedId } from '../io/cases-csv.js';
import { ledgerBytesProblem, openLedger, selectAll, transaction } from '../io/cases-db.js';

let engine: Promise<SqlJsStatic> | undefined;

/** SQLite, from the gzipped, base64 WebAssembly the page carries (unpacked once per worker). */
function sqlite(wasm: string): Promise<SqlJsStatic> {
  engine ??= (async () => {
    const gz = Uint8Array.from(atob(wasm.trim()), (c) => c.charCodeAt(0));
    const bytes = await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
    return initSqlJs({ wasmBinary: bytes });
  })();
  return engine;
}

/** Rows shown per page of the matters table. */
export const PAGE_ROWS = 20;

/** Which matters a page lists: those overdue and due soon (as rota cases check lists them), all, or those in one state. */
export type LedgerFilter = 'due' | 'all' | CaseState;

/** A row of the matters table: what identifies a matter and where it stands, never the resident. */
export interface LedgerRow extends MatterLine {
  concern: string;
  extensionDays: number;
}

/** The ledger as the page shows it on a 今天: counts, the tally per leader and year, one page of matters. */
export interface LedgerView {
  name: string;
  today: string;
  total: number;
  byState: Record<CaseState, number>;
  overdue: number;
  dueSoon: number;
  /** 谁接访、谁包案, by year of visit (latest first): [year, leader, visitors, matters, closed on time, overdue]. */
  tallies: Array<[number, string, number, number, number, number]>;
  filter: LedgerFilter;
  /** The first row's place in the filtered list, and how many the filter lists. */
  offset: number;
  count: number;
  rows: LedgerRow[];
}

export interface ViewRequest {
  today: string;
  filter: LedgerFilter;
  offset: number;
}

let open:
  | { name: string; db: Database; matters: Matter[]; judged?: { today: string; status: ReturnType<typeof ledgerStatus> } }
  | undefined;

/** Opens the ledger in a picked file's bytes (closing the one open), or the problems that keep it shut. */
export async function openLedgerFile(
  input: { name: string; bytes: Uint8Array; wasm: string } & ViewRequest,
): Promise<{ view?: LedgerView; problems: Problem[] }> {
  const { name, bytes, wasm } = input;
  const bad = ledgerBytesProblem(bytes, name);
  if (bad) return { problems: [bad] };
  try {
    const db = openLedger(await sqlite(wasm), bytes, name);
    open?.db.close();
    open = { name, db, matters: selectAll(db) };
    return { view: view(input), problems: [] };
  } catch (e) {
    if ((e as Error)?.name === 'LedgerError') return { problems: (e as { problems: Problem[] }).problems };
    throw e;
  }
}

function opened(): NonNullable<typeof open> {
  if (!open) throw new Error('排班助手内部错误：后台没有打开的台帐，请重新打开台帐文件。internal error: no ledger open in the worker');
  return open;
}

const lineOf = (m: Matter, today: string): LedgerRow => {
  const s = standing(m, today);
  const { id, leader, unit, state, visitDate, concern, extensionDays } = m;
  return { id, leader, unit, state, visitDate, due: s.due, daysLeft: s.daysLeft, concern, extensionDays };
};

/** The summary and one page of matters for a 今天. */
export function view({ today, filter, offset }: ViewRequest): LedgerView {
  const l = opened();
  if (l.judged?.today !== today) l.judged = { today, status: ledgerStatus(l.matters, today) };
  const s = l.judged.status;
  const byId = filter === 'due' ? new Map(l.matters.map((m) => [m.id, m])) : undefined;
  const listed =
    filter === 'due'
      ? [...s.overdue, ...s.dueSoon].map((x) => byId!.get(x.id)!)
      : filter === 'all'
        ? l.matters
        : l.matters.filter((m) => m.state === filter);
  const start = Math.max(0, Math.min(offset, Math.floor(Math.max(listed.length - 1, 0) / PAGE_ROWS) * PAGE_ROWS));
  // Counted by the year of the visit, as the year-end report counts them (rota report --cases); latest year first.
  const years = [...new Set(l.matters.map((m) => +m.visitDate.slice(0, 4)))].sort((a, b) => b - a);
  return {
    name: l.name,
    today,
    total: s.total,
    byState: s.byState,
    overdue: s.overdue.length,
    dueSoon: s.dueSoon.length,
    tallies: years.flatMap((y) =>
      caseTallies(l.matters, y, today).map(
        (t) => [y, t.leader, t.visitors, t.matters, t.closedOnTime, t.overdue] as LedgerView['tallies'][number],
      ),
    ),
    filter,
    offset: start,
    count: listed.length,
    rows: listed.slice(start, start + PAGE_ROWS).map((m) => lineOf(m, today)),
  };
}

/** The ledger after a change: read again, and judged again on the next view. */
async function stored(l: NonNullable<typeof open>, matter: Matter): Promise<void> {
  await transaction(l.db).upsert([matter]);
  l.matters = selectAll(l.db);
  l.judged = undefined;
}

/** The fields of a visit the page's form registers (the ledger's own column headers are the form's names). */
export type VisitField = (typeof LEDGER_COLUMNS)[number]['field'];

/**
 * Adds a visit typed on the page: checked by the same rules as a row of an imported ledger
 * (matterFromRow), numbered as `rota cases import` numbers a row without one.
 */
export async function addVisit(input: { values: Partial<Record<VisitField, string>> } & ViewRequest) {
  const l = opened();
  const r = matterFromRow(l.name, { line: 0, values: input.values }, derivedId);
  if (!r.matter) return { problems: r.problems };
  const { id, leader } = r.matter;
  if (l.matters.some((m) => m.id === id)) return { problems: [problem('case.visit-known', { id }, { file: l.name })] };
  await stored(l, r.matter);
  return { added: { id, leader }, view: view(input), problems: [] };
}

/** Records an act on a matter (交办, 受理, 延期, 办结, 回访) by the core's transitions, or tells why not. */
export async function advanceMatter(input: { id: string; event: CaseEvent } & ViewRequest) {
  const l = opened();
  const m = l.matters.find((x) => x.id === input.id);
  if (!m) throw new Error(`排班助手内部错误：台帐中没有事项 ${input.id}。internal error: no matter ${input.id}`);
  const r = advance(m, input.event, l.name);
  if (!r.matter) return { problems: r.problems };
  await stored(l, r.matter);
  return { advanced: lineOf(r.matter, input.today), view: view(input), problems: [] };
}

/** The ledger's file as it stands, for the clerk to save. */
export function ledgerFileBytes(): { name: string; bytes: Uint8Array; total: number } {
  const l = opened();
  return { name: l.name, bytes: l.db.export(), total: l.matters.length };
}
