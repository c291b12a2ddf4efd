// The fast path of streamTable for the common file: UTF-8 (with or without a BOM), comma-separated,
// without a single quote character. Then a line is a record and a comma a cell boundary, so the file
// is read in large pieces and cut at line breaks (CRLF, LF and a lone CR, in any
// mix) and commas as bytes: no CSV state machine, no worker thread, no per-row string or object. It
// hands onRow the byte ranges of the cells parseStream would give as records, with the same header
// index and line numbers (test/table-plain.test.ts compares the two on random files); any other file
// is left to parseStream, decided before the first record.
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { problem } from '../core/messages.js';
import type { Problem } from '../core/types.js';
import { type Column, headerSearch, isBlankRecord, longCellProblems, MAX_CELL, MAX_NAME, rowValues, sniffDelimiter } from './table.js';
import type { StreamedTable } from './table-stream.js';

const PIECE = 1 << 20;
const QUOTE = 0x22;

/** Bytes from a file or from memory: up to `length` of them from `position` into buf at `offset`; how many were read. */
type Source = (buf: Buffer, offset: number, length: number, position: number) => number;

/** Reads the whole source from its start in pieces, calling `each` with every piece (the same buffer, refilled). */
function eachPiece(read: Source, size: number, each: (piece: Buffer) => boolean | undefined): void {
  const buf = Buffer.allocUnsafe(size);
  let at = 0;
  for (let n = read(buf, 0, size, at); n > 0; n = read(buf, 0, size, at)) {
    at += n;
    if (each(buf.subarray(0, n)) === false) return;
  }
}

/** The length of the UTF-8 sequence a lead byte starts. */
const utf8Length = (b: number) => (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1);

/** True when the file is UTF-8 without a quote, its first line comma-separated: the fast path's files. */
function isPlain(read: Source, size: number): boolean {
  // The first line must end inside what parseStream sniffs (64 KiB after a BOM) and be comma-separated.
  const head = Buffer.allocUnsafe(3 + (1 << 16));
  const got = read(head, 0, head.length, 0);
  const bom = got >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const text = head.toString('utf8', bom, Math.min(got, bom + (1 << 16)));
  if (!/[\r\n]/.test(text) || sniffDelimiter(text) !== ',') return false;
  let plain = true;
  let tail = Buffer.alloc(0);
  eachPiece(read, size, (piece) => {
    if (piece.indexOf(QUOTE) >= 0) return (plain = false);
    let bytes = piece;
    if (tail.length) {
      // The character cut by the last piece's end, with its continuation bytes from this one (a few bytes copied, not the piece).
      let k = 0;
      while (k < 3 && k < piece.length && (piece[k] & 0xc0) === 0x80) k++;
      const joined = Buffer.concat([tail, piece.subarray(0, k)]);
      if (k === piece.length && joined.length < utf8Length(joined[0])) {
        tail = joined;
        return true;
      }
      if (!isUtf8(joined)) return (plain = false);
      bytes = piece.subarray(k);
    }
    // A character cut by the piece's end is checked with the next piece.
    let cut = 0;
    for (let back = 1; back <= Math.min(3, bytes.length); back++) {
      const b = bytes[bytes.length - back];
      if ((b & 0xc0) === 0x80) continue;
      cut = utf8Length(b) > back ? back : 0;
      break;
    }
    if (!isUtf8(bytes.subarray(0, bytes.length - cut))) return (plain = false);
    tail = Buffer.from(bytes.subarray(bytes.length - cut));
    return true;
  });
  return plain && tail.length === 0;
}

/**
 * A data row of a plain file: the bytes it lies in and, for each mapped field in `index` order, the
 * byte range of its cell (cells[2j] to cells[2j + 1]; -1, -1 when the row has fewer cells). The
 * buffer and the ranges are reused for the next row.
 */
export type OnPlainRow = (bytes: Buffer, cells: Int32Array, line: number, index: Array<[string, number]>) => void;

/** The cells of a row as text, by column (only the mapped ones are filled), as parseStream would give them. */
export function plainRecord(bytes: Buffer, cells: Int32Array, index: Array<[string, number]>): string[] {
  const record: string[] = [];
  index.forEach(([, i], j) => {
    if (cells[2 * j] >= 0) record[i] = bytes.toString('utf8', cells[2 * j], cells[2 * j + 1]);
  });
  return record;
}

const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/** True when a byte shows the line is not blank: printable ASCII other than a comma (clean() trims none of it). */
const visible = (b: number) => b > 0x20 && b < 0x7f && b !== COMMA;

/**
 * Streams a plain file (see above) into onRow, one pass over its bytes: lines cut at CR, LF and CRLF,
 * cells at commas, no text made for a row unless it is blank-looking or has a long cell. Undefined,
 * before any call, when the file is not plain or cannot be opened (parseStream then reads it and
 * reports what is wrong). `pieceSize`: bytes read at a time (a line longer than that is read whole).
 */
export function parsePlain(file: string, columns: Column[], onRow: OnPlainRow, pieceSize = PIECE): StreamedTable | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    return parseSource((buf, offset, length, position) => readSync(fd, buf, offset, length, position), file, columns, onRow, pieceSize);
  } finally {
    closeSync(fd);
  }
}

/** parsePlain for a file's bytes already read (rota plan's records: readFromDisk has checked its kind and size). */
export function parsePlainBytes(bytes: Uint8Array, file: string, columns: Column[], onRow: OnPlainRow): StreamedTable | undefined {
  const read: Source = (buf, offset, length, position) => {
    const n = Math.max(0, Math.min(length, bytes.length - position));
    buf.set(bytes.subarray(position, position + n), offset);
    return n;
  };
  return parseSource(read, file, columns, onRow, PIECE);
}

/** parsePlain's work, reading through `read`: the file in pieces, or bytes in memory piece by piece. */
function parseSource(read: Source, file: string, columns: Column[], onRow: OnPlainRow, pieceSize: number): StreamedTable | undefined {
  if (!isPlain(read, pieceSize)) return undefined;
  const problems: Problem[] = [];
  let index: Array<[string, number]> | undefined;
  let stop = false;
  let rows = 0;
  let line = 0;
  // Commas of the current line, as many as the mapped columns need.
  let commas = new Int32Array(1);
  let cells = new Int32Array(0);
  let want = 0;
  const header = headerSearch(columns, file);
  const record = (buf: Buffer, from: number, to: number, found: number) => {
    line++;
    if (stop) return;
    if (!index) {
      const mapped = header.take(buf.toString('utf8', from, to).split(','), line);
      if (!mapped) return;
      problems.push(...mapped.problems);
      if (mapped.problems.some((p) => p.severity === 'error')) stop = true;
      index = [...mapped.index];
      want = Math.max(0, ...index.map(([, i]) => i)) + 1;
      commas = new Int32Array(want);
      cells = new Int32Array(2 * index.length);
      return;
    }
    if (!visible(buf[from])) {
      let seen = false;
      for (let i = from; i < to && !seen; i++) seen = visible(buf[i]);
      if (!seen && isBlankRecord(buf.toString('utf8', from, to).split(','))) return;
    }
    rows++;
    let long = false;
    for (let j = 0; j < index.length; j++) {
      const i = index[j][1];
      const start = i === 0 ? from : i <= found ? commas[i - 1] + 1 : -1;
      const end = start < 0 ? -1 : i < found ? commas[i] : to;
      cells[2 * j] = start;
      cells[2 * j + 1] = end;
      if (end - start > (index[j][0] === 'name' ? MAX_NAME : MAX_CELL)) long = true;
    }
    if (long) {
      // Bytes are an upper bound of characters: the general check, on text, decides.
      const text = buf.toString('utf8', from, to).split(',');
      if (index.some(([f, i]) => (text[i]?.length ?? 0) > (f === 'name' ? MAX_NAME : MAX_CELL))) {
        const refused = longCellProblems(file, { line, values: rowValues(text, index) }, columns);
        problems.push(...refused);
        if (refused.length) return;
      }
    }
    onRow(buf, cells, line, index);
  };
  let lineStart = 0;
  let found = 0;
  let afterCr = false;
  /**
   * Cuts b[from..to) at line breaks and notes the commas of each line; returns where it stopped: at
   * `to`, or after the header line (which sets how many commas to note). Its state is in locals in
   * the loop (a closure's variables are slower to reach) and saved for the next piece.
   */
  const scan = (b: Buffer, from: number, to: number) => {
    const marks = commas;
    const max = want;
    let n = found;
    let start = lineStart;
    let cr = afterCr;
    let i = from;
    for (; i < to; i++) {
      const c = b[i];
      if (c > COMMA) continue;
      if (c === COMMA) {
        if (n < max) marks[n] = i;
        n++;
        continue;
      }
      if (c !== CR && c !== LF) continue;
      // The LF of a CRLF ends no second line.
      if (c === LF && cr && i === start) {
        cr = false;
        start = i + 1;
        continue;
      }
      record(b, start, i, n);
      cr = c === CR;
      start = i + 1;
      n = 0;
      if (marks !== commas) {
        i++;
        break;
      }
    }
    found = n;
    lineStart = start;
    afterCr = cr;
    return i;
  };
  let buf = Buffer.allocUnsafe(pieceSize);
  let filled = 0;
  // A BOM is not part of the first line.
  const head = Buffer.alloc(3);
  let at = read(head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  for (;;) {
    if (filled === buf.length) {
      // The unfinished line moves to the front (the buffer doubles when it is the whole buffer).
      const grown = lineStart === 0 ? Buffer.allocUnsafe(buf.length * 2) : buf;
      buf.copy(grown, 0, lineStart, filled);
      filled -= lineStart;
      buf = grown;
      lineStart = 0;
      // Its commas so far are found again at their new places.
      found = 0;
      for (let k = 0; k < filled; k++) if (buf[k] === COMMA && found++ < want) commas[found - 1] = k;
    }
    const scanFrom = filled;
    const n = read(buf, filled, buf.length - filled, at);
    if (n === 0) break;
    at += n;
    filled += n;
    for (let i = Math.max(scanFrom, lineStart); i < filled; ) i = scan(buf, i, filled);
    if (lineStart < filled) afterCr = false;
  }
  if (lineStart < filled) record(buf, lineStart, filled, found);
  const fallback = index ? undefined : header.end();
  if (fallback) problems.push(...fallback.problems);
  if (!index && !problems.some((p) => p.severity === 'error')) {
    problems.push(problem('csv.empty', {}, { file, line: 1 }));
  }
  return { file, encoding: 'utf-8', rows, problems };
}
