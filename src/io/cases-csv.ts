// The ledger as offices keep it in Excel: read from CSV (UTF-8, GB18030 or UTF-16, the office's own
// columns kept) and written back for Excel, ID numbers masked unless asked.
import { hash } from 'node:crypto';
import { LEDGER_COLUMNS, LEDGER_HEADER, matterFromRow, matterRow } from '../core/cases/ledger.js';
import type { Matter } from '../core/cases/types.js';
import { problem } from '../core/messages.js';
import type { Problem } from '../core/types.js';
import { type CsvEncoding, toExcelCsv, unneutraliseRow } from './csv-write.js';
import { readTable } from './table.js';

/**
 * The 编号 of a row without one: its visit date and a digest of what was registered that day (date,
 * resident, ID number, concern), so importing the same ledger again updates its rows instead of adding them.
 */
export function derivedId(m: Omit<Matter, 'id'>): string {
  const digest = hash('sha256', JSON.stringify([m.visitDate, m.resident, m.idNumber, m.concern]), 'hex');
  return `${m.visitDate.replaceAll('-', '')}-${digest.slice(0, 6)}`;
}

export function readLedger(bytes: Uint8Array, file: string): { matters: Matter[]; problems: Problem[] } {
  const table = readTable(bytes, file, LEDGER_COLUMNS, { keepOthers: true });
  const problems = [...table.problems];
  const matters: Matter[] = [];
  const lineOf = new Map<string, number>();
  for (const raw of table.rows) {
    const row = unneutraliseRow(raw);
    const r = matterFromRow(file, row, derivedId);
    problems.push(...r.problems);
    if (!r.matter) continue;
    const first = lineOf.get(r.matter.id);
    if (first !== undefined) {
      problems.push(problem('case.id-twice', { id: r.matter.id, first }, { file, line: row.line, field: '编号' }));
      continue;
    }
    lineOf.set(r.matter.id, row.line);
    matters.push(r.matter);
  }
  return { matters, problems };
}

/** The ledger for Excel: rota's columns, then every office column any matter has, in the order first met. */
export async function ledgerCsv(
  matters: readonly Matter[],
  { unmasked = false, encoding = 'utf-8' as CsvEncoding } = {},
): Promise<Uint8Array> {
  const others = [...new Set(matters.flatMap((m) => m.extra.map(([h]) => h)))];
  const rows = matters.map((m) => {
    const extra = new Map(m.extra);
    return [...matterRow(m, { unmasked }), ...others.map((h) => extra.get(h) ?? '')];
  });
  return toExcelCsv([...LEDGER_HEADER, ...others], rows, encoding);
}
