// A CSV table (or an .xlsx sheet) with a header row, as Excel/WPS save it, mapped to named fields by Chinese
// headers or their English aliases. Every row keeps its line number for messages.
import { parse } from 'csv-parse/sync';
import { LIMITS } from '../core/limits.js';
import { problem } from '../core/messages.js';
import { clean } from '../core/text.js';
import type { Problem, RawRow } from '../core/types.js';
import { decode, type Encoding, isZip } from './decode.js';
import { countLines, RECORD_DELIMITERS } from './line-breaks.js';
import { columnLetter, readWorkbook, type Sheet } from './xlsx.js';

export interface Column {
  field: string;
  /** Accepted headers, the Chinese one first (it is the one named in messages). */
  headers: readonly string[];
  required?: boolean;
}

export interface Table {
  file: string;
  encoding: Encoding;
  rows: RawRow[];
  problems: Problem[];
  /** From an .xlsx sheet: each column's letter by its Chinese header (级别 → D). */
  letters?: Record<string, string>;
}

const normHeader = (h: string) =>
  clean(h)
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();

export interface TableOptions {
  /** Keep the columns not listed too, as fields `other:<header>` (a ledger's own columns are written back). */
  keepOthers?: boolean;
}

/** Maps header cells to fields; unknown columns are named in one warning and ignored (with keepOthers, kept as other:<header>). A header wider than any list is refused first. */
export function mapHeader(
  cells: string[],
  columns: readonly Column[],
  file: string,
  line = 1,
  { keepOthers = false }: TableOptions = {},
): { index: Map<string, number>; problems: Problem[] } {
  const index = new Map<string, number>();
  if (cells.length > LIMITS.columns) {
    const p = problem('limit.columns', { count: cells.length, max: LIMITS.columns }, { file, line });
    return { index, problems: [p] };
  }
  const problems: Problem[] = [];
  const byHeader = new Map(columns.flatMap((c) => c.headers.map((x) => [normHeader(x), c] as const)));
  const unused: string[] = [];
  cells.forEach((cell, i) => {
    const col = byHeader.get(normHeader(cell));
    if (!col) {
      if (keepOthers && clean(cell) && !index.has(`other:${clean(cell)}`)) index.set(`other:${clean(cell)}`, i);
      else if (!keepOthers && clean(cell)) unused.push(clean(cell));
      return;
    }
    if (index.has(col.field)) {
      problems.push(problem('csv.column-twice', { column: col.headers[0] }, { file, line, field: col.headers[0] }));
    } else index.set(col.field, i);
  });
  // Never dropped without a word: a column rota does not read may hold what the clerk meant it to use.
  if (unused.length) {
    const known = columns.map((c) => c.headers[0]);
    problems.push(problem('csv.column-unused', { columns: unused, known }, { severity: 'warning', file, line }));
  }
  for (const c of columns) {
    if (c.required && !index.has(c.field)) {
      problems.push(
        problem('csv.column-missing', { columns: [...c.headers], header: cells.map(clean) }, { file, line, field: c.headers[0] }),
      );
    }
  }
  return { index, problems };
}

/** Excel's "Unicode 文本" is tab-separated; everything else here is comma-separated. */
export function sniffDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
}

type Records = Array<{ record: string[]; info: { lines: number } }>;

/** The records of a CSV text, each with the line it ends on: csv-parse, or splitPlain when that gives the same. */
function parseRecords(text: string): Records {
  const delimiter = sniffDelimiter(text);
  return splitPlain(text, delimiter) ?? parseCsv(text, delimiter);
}

/** csv-parse with readTable's options. */
export function parseCsv(text: string, delimiter: string): Records {
  return parse(text, {
    delimiter,
    record_delimiter: RECORD_DELIMITERS,
    info: true,
    relax_column_count: true,
    // Blank lines come back as [''] so that every line is accounted for (see lineCountProblem).
    skip_empty_lines: false,
    bom: true,
  }) as unknown as Records;
}

/**
 * csv-parse's records for a text without a quote character (and without a BOM left in it): there
 * every line break ends a record and every delimiter ends a cell, so splitting gives the same
 * records and line numbers (test/table-split.test.ts holds the two equal). The lists a round reads
 * are such files, and csv-parse's byte-by-byte machine, run once and so never compiled to fast code,
 * was about a twentieth of `rota plan`'s whole process.
 */
export function splitPlain(text: string, delimiter: string): Records | undefined {
  if (text.includes('"') || text.startsWith('\uFEFF')) return undefined;
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line, i) => ({ record: line.split(delimiter), info: { lines: i + 1 } }));
}

export function readTable(bytes: Uint8Array, file: string, columns: readonly Column[], options: TableOptions = {}): Table {
  if (isZip(bytes)) return readSheetTable(bytes, file, columns, options);
  const { text, encoding, truncated } = decode(bytes);
  // A header wider than any list (a whole file on one line) is refused before its cells are split.
  const width = headerWidth(text);
  if (width > LIMITS.columns)
    return { file, encoding, rows: [], problems: [problem('limit.columns', { count: width, max: LIMITS.columns }, { file, line: 1 })] };
  let records: Records;
  try {
    records = parseRecords(text);
  } catch (e) {
    const err = e as { code?: string; message: string; lines?: number };
    const open = QUOTE_ERRORS.has(err.code ?? '') ? openingQuoteLine(text, sniffDelimiter(text)) : undefined;
    const found = open
      ? problem('csv.unclosed-quote', {}, { file, line: open })
      : problem('csv.unreadable', { detail: err.message }, { file, line: err.lines });
    return { file, encoding, rows: [], problems: [found] };
  }
  const guard = lineCountProblem(file, records.length, countLines(text));
  const cut = truncated ? [truncatedProblem(file, countLines(text))] : [];
  if (guard) return { file, encoding, rows: [], problems: [guard, ...cut] };
  return tableOf(records, file, encoding, columns, cut, options);
}

/** csv-parse's errors for a quoted cell that never ends where it should (it reports where it gave up). */
const QUOTE_ERRORS = new Set(['CSV_QUOTE_NOT_CLOSED', 'CSV_INVALID_CLOSING_QUOTE']);

/**
 * The line of the quote that opened the cell csv-parse could not finish: the quote the clerk left
 * unclosed, not the end of the file (or the next quote further down) where the parser noticed.
 * The same reading as csv-parse: a quote opens a cell only at its start, "" inside is a quote, and a
 * closing quote must be followed by the delimiter or the end of the line.
 */
export function openingQuoteLine(text: string, delimiter: string): number | undefined {
  let line = 1;
  let open = 0;
  let cellStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (open) {
      if (c === '"' && text[i + 1] === '"') i++;
      else if (c === '"') {
        const next = text[i + 1];
        if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') return open;
        open = 0;
      }
    } else if (c === '"' && cellStart) open = line;
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
    cellStart = !open && (c === delimiter || c === '\n' || c === '\r');
  }
  return open || undefined;
}

/** Rows under the header, each checked; problems of reading the bytes (`cut`) come first. */
function tableOf(
  records: Records,
  file: string,
  encoding: Encoding,
  columns: readonly Column[],
  cut: Problem[],
  options: TableOptions,
): Table {
  const start = headerIndex(records, columns);
  if (start < 0) {
    return {
      file,
      encoding,
      rows: [],
      problems: [problem('csv.empty', {}, { file, line: 1 }), ...cut],
    };
  }
  const { index, problems } = mapHeader(records[start].record, columns, file, records[start].info.lines, options);
  problems.push(...cut, ...aboveHeader(records.slice(0, start), file));
  const rows: RawRow[] = [];
  // A wrong header makes every row wrong: one message about the header is clearer (as when streaming).
  if (problems.some((p) => p.severity === 'error')) return { file, encoding, rows, problems };
  for (const { record, info } of records.slice(start + 1)) {
    const row = toRawRow(record, index, info.lines);
    const long = row ? longCellProblems(file, row, columns) : [];
    problems.push(...long);
    if (row && !long.length) rows.push(row);
  }
  return { file, encoding, rows, problems };
}

const knows = (record: string[], columns: readonly Column[]) =>
  record.some((cell) => columns.some((c) => c.headers.some((x) => normHeader(x) === normHeader(cell))));

/**
 * The header row: the first that names a known column, so a template's title rows above it
 * (「克拉玛依区领导干部名单」, merged across the columns) are passed over; else the first non-blank
 * row, whose missing columns are then told.
 */
function headerIndex(records: Records, columns: readonly Column[]): number {
  const named = records.findIndex((r) => knows(r.record, columns));
  return named >= 0 ? named : records.findIndex((r) => !isBlankRecord(r.record));
}

/** A row above the header that is more than a title (several different cells) is not read, and said so. */
function aboveHeader(records: Records, file: string): Problem[] {
  return records.filter((r) => moreThanTitle(r.record)).map((r) => aboveHeaderProblem(file, r.info.lines));
}

const moreThanTitle = (record: string[]) => new Set(record.map(clean).filter(Boolean)).size > 1;
const aboveHeaderProblem = (file: string, line: number) => problem('csv.above-header', {}, { severity: 'warning', file, line });

export type MappedHeader = ReturnType<typeof mapHeader>;

/**
 * The header found one record at a time, as readTable finds it (headerIndex) but without holding the
 * rows: title rows above it are passed over. `take` gives the mapping at the header, `end` at the end
 * of a file where no row names a column (the first non-blank row's, whose missing columns are told;
 * the columns streamed all have required ones, so no data row can follow such a header).
 */
export function headerSearch(columns: readonly Column[], file: string) {
  let first: { record: string[]; line: number } | undefined;
  const above: number[] = [];
  return {
    take(record: string[], line: number): MappedHeader | undefined {
      if (isBlankRecord(record)) return undefined;
      if (!knows(record, columns)) {
        first ??= { record, line };
        if (moreThanTitle(record)) above.push(line);
        return undefined;
      }
      const mapped = mapHeader(record, columns, file, line);
      mapped.problems.push(...above.map((l) => aboveHeaderProblem(file, l)));
      return mapped;
    },
    end: (): MappedHeader | undefined => first && mapHeader(first.record, columns, file, first.line),
  };
}

/**
 * An .xlsx workbook's table: the one sheet whose rows name a known column (the first sheet when
 * none does); several such sheets are refused by name, since which to read is the clerk's call.
 * Messages name the sheet beside the file (leaders.xlsx「名单」) and Excel's row numbers as lines.
 */
function readSheetTable(bytes: Uint8Array, file: string, columns: readonly Column[], options: TableOptions): Table {
  let sheets: Sheet[];
  try {
    sheets = readWorkbook(bytes);
  } catch (e) {
    return { file, encoding: 'utf-8', rows: [], problems: [problem('xlsx.unreadable', { detail: (e as Error).message }, { file })] };
  }
  const toRecords = (s: Sheet): Records => s.rows.map((r) => ({ record: r.cells, info: { lines: r.row } }));
  const withHeader = sheets.filter((s) => toRecords(s).some((r) => knows(r.record, columns)));
  if (withHeader.length > 1) {
    const problems = [problem('xlsx.several-sheets', { sheets: withHeader.map((s) => s.name) }, { file })];
    return { file, encoding: 'utf-8', rows: [], problems };
  }
  const sheet = withHeader[0] ?? sheets[0];
  const table = tableOf(sheet ? toRecords(sheet) : [], sheet ? `${file}「${sheet.name}」` : file, 'utf-8', columns, [], options);
  return { ...table, letters: sheet ? letters(toRecords(sheet), columns) : {} };
}

/** Each field's Excel column letter, from the header row, so messages can name D列 beside 级别. */
function letters(records: Records, columns: readonly Column[]): Record<string, string> {
  const header = records[headerIndex(records, columns)]?.record ?? [];
  const { index } = mapHeader(header, columns, '');
  const out: Record<string, string> = {};
  for (const c of columns) if (index.has(c.field)) out[c.headers[0]] = columnLetter(index.get(c.field)!);
  return out;
}

/** A sheet's problems with the column letter beside the header they name: 级别 → 级别（D 列）. */
export function withColumnLetters(problems: Problem[], table: Pick<Table, 'file' | 'letters'>): Problem[] {
  if (!table.letters) return problems;
  return problems.map((p) =>
    p.file === table.file && p.field && table.letters![p.field] ? { ...p, field: `${p.field}（${table.letters![p.field]} 列）` } : p,
  );
}

/** Cells of the first line, counted by its delimiters (a quoted delimiter counts too: a bound, not a parse). */
function headerWidth(text: string): number {
  const end = text.search(/[\r\n]/);
  const first = end < 0 ? text : text.slice(0, end);
  const delimiter = sniffDelimiter(first);
  let n = 1;
  for (let i = first.indexOf(delimiter); i >= 0 && n <= LIMITS.columns; i = first.indexOf(delimiter, i + 1)) n++;
  return n > LIMITS.columns ? first.split(delimiter).length : n;
}

/** Longest cell read: a pasted document in one cell is a mistake, and would slow everything after it. */
export const MAX_CELL = 65_536;
/** Longest name: far above any person's, well below what breaks file names and pages. */
export const MAX_NAME = 1000;

/** A cell over its limit (names 1,000 characters, any cell 64 K) is an error naming line and column; the row is not used. */
export function longCellProblems(file: string, row: RawRow, columns: readonly Column[]): Problem[] {
  const out: Problem[] = [];
  for (let j = 0; j < columns.length; j++) {
    const c = columns[j];
    const v = row.values[c.field];
    const max = c.field === 'name' ? MAX_NAME : MAX_CELL;
    if (v === undefined || v.length <= max) continue;
    out.push(problem('csv.cell-too-long', { length: v.length, max }, { file, line: row.line, field: c.headers[0] }));
  }
  return out;
}

/** The guard that no row was lost: the parser's records must be the file's lines (blank ones included). */
export function lineCountProblem(file: string, records: number, lines: number): Problem | undefined {
  if (records === lines) return undefined;
  return problem('csv.line-count', { records, lines }, { file });
}

/** The file ends inside a character: it was cut short (a copy that stopped, a full disk). */
export function truncatedProblem(file: string, line: number): Problem {
  return problem('csv.truncated', { line }, { file, line });
}

/** One data record as a RawRow of cleaned cells by field; undefined for a blank line (Excel's trailing ",,,,"). */
export function toRawRow(
  record: string[],
  index: Map<string, number> | ReadonlyArray<readonly [string, number]>,
  line: number,
): RawRow | undefined {
  return isBlankRecord(record) ? undefined : { line, values: rowValues(record, index) };
}

/** The cleaned cells of a record by field name. */
export function rowValues(record: string[], index: Map<string, number> | ReadonlyArray<readonly [string, number]>): Record<string, string> {
  const values: Record<string, string> = {};
  // No for-of: before V8 optimises it (a list's first rows, every row at start-up) each step allocates.
  const put = (i: number, field: string) => {
    values[field] = clean(record[i] ?? '');
  };
  if (index instanceof Map) index.forEach(put);
  else for (let j = 0; j < index.length; j++) put(index[j][1], index[j][0]);
  return values;
}

/** A record whose every cell is blank (Excel's trailing ",,,," lines). */
export function isBlankRecord(record: string[]): boolean {
  return record.every((c) => clean(c) === '');
}
