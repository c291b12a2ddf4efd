// The fast path of streamTable for the common file: UTF-8 (with or without a BOM), comma-separated,
// without a single quote character. Then a line is a record and a comma a cell boundary, so the file
// is read in large pieces, each decoded once and cut at line breaks (CRLF, LF and a lone CR, in any
// mix) and commas: no CSV state machine, no worker thread, no per-row object. It hands onRecord the
// same records, header index and line numbers as parseStream (test/table-plain.test.ts compares the
// two on random files); any other file is left to parseStream, decided before the first record.
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { problem } from '../core/messages.js';
import type { Problem } from '../core/types.js';
import { type Column, isBlankRecord, longCellProblems, MAX_CELL, MAX_NAME, mapHeader, rowValues, sniffDelimiter } from './table.js';
import type { OnRecord, StreamedTable } from './table-stream.js';

const PIECE = 1 << 20;
const QUOTE = 0x22;

/** Reads the whole file from its start in pieces, calling `each` with every piece (the same buffer, refilled). */
function eachPiece(fd: number, each: (piece: Buffer) => boolean | undefined): void {
  const buf = Buffer.allocUnsafe(PIECE);
  let at = 0;
  for (let n = readSync(fd, buf, 0, PIECE, at); n > 0; n = readSync(fd, buf, 0, PIECE, at)) {
    at += n;
    if (each(buf.subarray(0, n)) === false) return;
  }
}

/** True when the file is UTF-8 without a quote, its first line comma-separated: the fast path's files. */
function isPlain(fd: number): boolean {
  let plain = true;
  let first = true;
  let tail = Buffer.alloc(0);
  eachPiece(fd, (piece) => {
    if (piece.indexOf(QUOTE) >= 0) return (plain = false);
    let bytes = tail.length ? Buffer.concat([tail, piece]) : piece;
    if (first) {
      first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      const text = bytes.toString('utf8', 0, Math.min(bytes.length, 1 << 16));
      // The first line must end inside the piece parseStream sniffs (64 KiB) and be comma-separated.
      if (!/[\r\n]/.test(text) || sniffDelimiter(text) !== ',') return (plain = false);
    }
    // A character cut by the piece's end is checked with the next piece.
    let cut = 0;
    for (let back = 1; back <= Math.min(3, bytes.length); back++) {
      const b = bytes[bytes.length - back];
      if ((b & 0xc0) === 0x80) continue;
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      cut = need > back ? back : 0;
      break;
    }
    if (!isUtf8(bytes.subarray(0, bytes.length - cut))) return (plain = false);
    tail = Buffer.from(bytes.subarray(bytes.length - cut));
    return true;
  });
  return plain && tail.length === 0 && !first;
}

/**
 * Streams a plain file (see above) into onRecord; undefined, before any call, when the file is not
 * plain or cannot be opened (parseStream then reads it and reports what is wrong).
 */
export function parsePlain(file: string, columns: Column[], onRecord: OnRecord): StreamedTable | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    if (!isPlain(fd)) return undefined;
    const problems: Problem[] = [];
    let index: Array<[string, number]> | undefined;
    let stop = false;
    let rows = 0;
    let line = 0;
    const record = (text: string) => {
      line++;
      if (stop) return;
      const cells = text.split(',');
      if (!index) {
        if (isBlankRecord(cells)) return;
        const mapped = mapHeader(cells, columns, file);
        problems.push(...mapped.problems);
        if (mapped.problems.some((p) => p.severity === 'error')) stop = true;
        index = [...mapped.index];
        return;
      }
      if (isBlankRecord(cells)) return;
      rows++;
      if (index.some(([f, i]) => (cells[i]?.length ?? 0) > (f === 'name' ? MAX_NAME : MAX_CELL))) {
        const long = longCellProblems(file, { line, values: rowValues(cells, index) }, columns);
        problems.push(...long);
        if (long.length) return;
      }
      onRecord(cells, index, line);
    };
    const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
    let rest = '';
    let afterCr = false;
    const lines = (text: string, end: boolean) => {
      let from = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== 13 && c !== 10) continue;
        // The LF of a CRLF ends no second line.
        if (c === 10 && afterCr && i === from) {
          afterCr = false;
          from = i + 1;
          continue;
        }
        record(rest + text.slice(from, i));
        rest = '';
        afterCr = c === 13;
        from = i + 1;
      }
      if (from < text.length) {
        afterCr = false;
        rest += text.slice(from);
      }
      if (end && rest !== '') record(rest);
    };
    eachPiece(fd, (piece) => {
      lines(decoder.decode(piece, { stream: true }), false);
      return true;
    });
    lines(decoder.decode(), true);
    if (!index && !problems.some((p) => p.severity === 'error')) {
      problems.push(problem('csv.empty', {}, { file, line: 1 }));
    }
    return { file, encoding: 'utf-8', rows, problems };
  } finally {
    closeSync(fd);
  }
}
