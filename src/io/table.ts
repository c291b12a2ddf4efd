// A CSV table with a header row, as Excel/WPS save it, mapped to named fields by Chinese
// headers or their English aliases. Every row keeps its line number for messages.
import { parse } from 'csv-parse/sync';
import { clean } from '../core/text.js';
import type { Problem, RawRow } from '../core/types.js';
import { decode, type Encoding } from './decode.js';
import { countLines, RECORD_DELIMITERS } from './line-breaks.js';

export interface Column {
  field: string;
  /** Accepted headers, the Chinese one first (it is the one named in messages). */
  headers: string[];
  required?: boolean;
}

export interface Table {
  file: string;
  encoding: Encoding;
  rows: RawRow[];
  problems: Problem[];
}

const normHeader = (h: string) =>
  clean(h)
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();

/** Maps header cells to fields; unknown columns are kept out and ignored. */
export function mapHeader(cells: string[], columns: Column[], file: string): { index: Map<string, number>; problems: Problem[] } {
  const index = new Map<string, number>();
  const problems: Problem[] = [];
  cells.forEach((cell, i) => {
    const h = normHeader(cell);
    const col = columns.find((c) => c.headers.some((x) => normHeader(x) === h));
    if (!col) return;
    if (index.has(col.field)) {
      problems.push({
        severity: 'error',
        file,
        line: 1,
        field: col.headers[0],
        message: `column ${col.headers[0]} appears twice in the header`,
      });
    } else index.set(col.field, i);
  });
  for (const c of columns) {
    if (c.required && !index.has(c.field)) {
      problems.push({
        severity: 'error',
        file,
        line: 1,
        field: c.headers[0],
        message: `missing required column ${c.headers.join(' / ')}; the header row has: ${cells.map(clean).join(', ') || '(nothing)'}`,
      });
    }
  }
  return { index, problems };
}

/** Excel's "Unicode 文本" is tab-separated; everything else here is comma-separated. */
export function sniffDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
}

export function readTable(bytes: Uint8Array, file: string, columns: Column[]): Table {
  const { text, encoding, truncated } = decode(bytes);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      delimiter: sniffDelimiter(text),
      record_delimiter: RECORD_DELIMITERS,
      info: true,
      relax_column_count: true,
      // Blank lines come back as [''] so that every line is accounted for (see lineCountProblem).
      skip_empty_lines: false,
      bom: true,
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as { message: string; lines?: number };
    return {
      file,
      encoding,
      rows: [],
      problems: [{ severity: 'error', file, line: err.lines, code: 'csv.unreadable', message: `not readable as CSV: ${err.message}` }],
    };
  }
  const guard = lineCountProblem(file, records.length, countLines(text));
  const cut = truncated ? [truncatedProblem(file, countLines(text))] : [];
  if (guard) return { file, encoding, rows: [], problems: [guard, ...cut] };
  const start = records.findIndex((r) => !isBlankRecord(r.record));
  if (start < 0) {
    return {
      file,
      encoding,
      rows: [],
      problems: [{ severity: 'error', file, line: 1, code: 'csv.empty', message: 'the file is empty; expected a header row' }, ...cut],
    };
  }
  const { index, problems } = mapHeader(records[start].record, columns, file);
  problems.push(...cut);
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

/** Longest cell read: a pasted document in one cell is a mistake, and would slow everything after it. */
export const MAX_CELL = 65_536;
/** Longest name: far above any person's, well below what breaks file names and pages. */
export const MAX_NAME = 1000;

/** A cell over its limit (names 1,000 characters, any cell 64 K) is an error naming line and column; the row is not used. */
export function longCellProblems(file: string, row: RawRow, columns: readonly Column[]): Problem[] {
  const out: Problem[] = [];
  for (const c of columns) {
    const v = row.values[c.field];
    const max = c.field === 'name' ? MAX_NAME : MAX_CELL;
    if (v === undefined || v.length <= max) continue;
    out.push({
      severity: 'error',
      file,
      line: row.line,
      field: c.headers[0],
      code: 'csv.cell-too-long',
      message: `这一格有 ${v.length} 个字符，最多 ${max} 个；请检查是否误粘贴了大段内容 (the cell has ${v.length} characters, at most ${max} are taken)`,
    });
  }
  return out;
}

/** The guard that no row was lost: the parser's records must be the file's lines (blank ones included). */
export function lineCountProblem(file: string, records: number, lines: number): Problem | undefined {
  if (records === lines) return undefined;
  return {
    severity: 'error',
    file,
    code: 'csv.line-count',
    message: `读到 ${records} 行记录，但文件有 ${lines} 行：换行或引号有误，未使用此文件；请在 Excel 中另存为 CSV 后重试 (read ${records} records but the file has ${lines} lines: its line breaks or quotes are broken; save it again as CSV)`,
  };
}

/** The file ends inside a character: it was cut short (a copy that stopped, a full disk). */
export function truncatedProblem(file: string, line: number): Problem {
  return {
    severity: 'error',
    file,
    line,
    code: 'csv.truncated',
    message: `文件在第 ${line} 行的一个字符中间结束，可能没有保存完整；请重新保存或复制此文件 (the file ends in the middle of a character: it was cut short; save or copy it again)`,
  };
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
  for (const [field, i] of index) values[field] = clean(record[i] ?? '');
  return values;
}

/** A record whose every cell is blank (Excel's trailing ",,,," lines). */
export function isBlankRecord(record: string[]): boolean {
  return record.every((c) => clean(c) === '');
}
