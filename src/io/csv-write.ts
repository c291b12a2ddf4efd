// CSV for Excel/WPS on Chinese Windows: BOM + UTF-8 (or GB18030), CRLF, and no cell that a
// spreadsheet would evaluate as a formula (OWASP "CSV Injection"). Written as text: byte for byte what
// csv-stringify 6 wrote with these options (test/csv-write.test.ts holds it to that library), at a
// fraction of its cost (~0.6 ms of every publication for the seed's 30 rows: its options and casts per cell).
import type { RawRow } from '../core/types.js';
import { nodeRequire } from './node-require.js';

/**
 * Apostrophes then a formula start: text that reading back would otherwise mistake for neutralised.
 * The full-width ＝＋－＠ count too: Excel and WPS with a Chinese input method read them as = + - @.
 */
const QUOTED_FORMULA = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A cell starting like a formula gets an apostrophe; so does a cell that already starts with
 * apostrophes before a formula start ('=1 → ''=1), so that unneutralise(neutralise(x)) === x for all x.
 * Text such as the phone number 0990-6245539 stays as it is.
 */
export function neutralise(cell: string): string {
  return QUOTED_FORMULA.test(cell) ? `'${cell}` : cell;
}

/** Undoes neutralise() when reading our own CSV back. */
export function unneutralise(cell: string): string {
  return cell.length > 1 && cell[0] === "'" && QUOTED_FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * Undoes the CSV-injection guard on every cell of a row. Timetables and leader lists both go through
 * it, so a leader named '=1 in the list is the same leader as '=1 in the timetable.
 */
export function unneutraliseRow(row: RawRow): RawRow {
  const values: Record<string, string> = {};
  // for-in, not Object.entries: no list of pairs per row (every leader row at start-up).
  for (const k in row.values) values[k] = unneutralise(row.values[k]);
  return { line: row.line, values };
}

export type CsvEncoding = 'utf-8' | 'gb18030';

/** A cell quoted (its quotes doubled) when it holds a quote, a comma or a line break: readers take a lone CR or LF as a row's end. */
const csvCell = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** RFC 4180 text: each row's cells joined by commas, every row ended by CRLF. */
export function csvText(rows: readonly (readonly string[])[]): string {
  let text = '';
  for (const row of rows) text += `${row.map(csvCell).join(',')}\r\n`;
  return text;
}

export async function toExcelCsv(header: string[], rows: string[][], encoding: CsvEncoding = 'utf-8'): Promise<Uint8Array> {
  const text = csvText([header, ...rows.map((r) => r.map(neutralise))]);
  if (encoding === 'gb18030') {
    return loadIconv().encode(text, 'gb18030');
  }
  return new TextEncoder().encode(`\uFEFF${text}`);
}

/** iconv-lite is half the CLI bundle (its tables) and only GB18030 output needs it: the CLI bundle leaves it out. */
function loadIconv(): typeof import('iconv-lite') {
  return nodeRequire()('iconv-lite') as typeof import('iconv-lite');
}
