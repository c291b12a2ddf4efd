// A CSV table read as a stream, row by row, in memory that does not grow with the file: the
// same headers, cleaning and line numbers as readTable, for files of a million lines.
// Encoding as in decode.ts, decided from the first bytes: a BOM (UTF-8, UTF-16LE/BE); else
// strict UTF-8, checked chunk by chunk; GB18030 when the first non-ASCII bytes are not UTF-8.
import { isUtf8 } from 'node:buffer';
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type Parser, parse } from 'csv-parse';
import { problem } from '../core/messages.js';
import { clean } from '../core/text.js';
import type { Problem, RawRow } from '../core/types.js';
import { type Encoding, incompleteTail } from './decode.js';
import { LineCount, RECORD_DELIMITERS } from './line-breaks.js';
import { unreadable } from './read-file.js';
import {
  type Column,
  headerSearch,
  isBlankRecord,
  lineCountProblem,
  longCellProblems,
  MAX_CELL,
  MAX_NAME,
  type MappedHeader,
  rowValues,
  sniffDelimiter,
  truncatedProblem,
} from './table.js';

export interface StreamedTable {
  file: string;
  encoding: Encoding;
  rows: number;
  problems: Problem[];
}

type Push = (record: string[]) => void;
/** csv-parse's incremental parser (the engine behind its stream), driven chunk by chunk so each
 * record is handled while parser.info.lines still points at its last line. */
interface Engine {
  parse(chunk: Buffer | string | undefined, end: boolean, push: Push, close: () => void): Error | undefined;
}

/** The engine of csv-parse's stream Parser (its `api`); test/table-stream.test.ts guards its presence. */
export function csvEngine(parser: Parser): Engine {
  const api = (parser as unknown as { api?: Engine }).api;
  if (!api || typeof api.parse !== 'function') throw new Error('csv-parse no longer exposes Parser.api; see src/io/table-stream.ts');
  return api;
}

const hasHighByte = (buf: Buffer) => buf.some((b) => b >= 0x80);

export interface StreamOptions {
  /** Bytes read at a time (default 64 KiB). */
  chunkSize?: number;
  /**
   * Parse in a worker thread while the caller's onRow runs on this one (default: when running from
   * the built bundle, unless ROTA_CSV_WORKER=0). Rows, order and problems are the same either way.
   */
  worker?: boolean;
  /** The built worker script (default: csv-worker.cjs beside the CLI bundle). */
  workerFile?: string;
}

/**
 * Streams `file`, calling onRow for each data row (line = the row's last line in the file).
 * Problems (missing file, missing required column, broken CSV or encoding) come back, never thrown.
 */
export async function streamTable(
  file: string,
  columns: Column[],
  onRow: (row: RawRow) => void,
  options: StreamOptions = {},
): Promise<StreamedTable> {
  const workerFile = options.workerFile ?? builtWorkerFile();
  const worker = options.worker ?? (workerFile !== undefined && process.env.ROTA_CSV_WORKER !== '0');
  if (worker && workerFile) return streamInWorker(workerFile, file, columns, onRow, options.chunkSize);
  return parseStream(file, columns, (record, index, line) => onRow({ line, values: rowValues(record, index) }), options.chunkSize);
}

// ---- the parsing thread ------------------------------------------------------------------------
// Rows cross threads in batches: their line numbers in an Int32Array and their raw cells (mapped
// columns only) joined by NUL, or as an array when a cell contains NUL; cleaning happens on the
// receiving side. The parser waits when too many batches are unread, so memory stays bounded even
// if the consumer is slower.

export const BATCH = 2048;
export const MAX_UNREAD = 8;

export type FromWorker =
  | { type: 'fields'; fields: string[] }
  | { type: 'rows'; lines: Int32Array; joined?: string; cells?: string[] }
  | { type: 'done'; result: StreamedTable }
  | { type: 'failed'; message: string };

/** dist/csv-worker.cjs beside the CLI bundle; undefined when running from sources or the ESM library. */
function builtWorkerFile(): string | undefined {
  if (typeof __dirname !== 'string') return undefined;
  const f = join(__dirname, 'csv-worker.cjs');
  return existsSync(f) ? f : undefined;
}

async function streamInWorker(
  workerFile: string,
  file: string,
  columns: Column[],
  onRow: (row: RawRow) => void,
  chunkSize?: number,
): Promise<StreamedTable> {
  const w = new Worker(workerFile, { workerData: { file, columns, chunkSize } });
  let fields: string[] = [];
  try {
    return await new Promise<StreamedTable>((resolve, reject) => {
      w.on('message', (m: FromWorker) => {
        try {
          if (m.type === 'fields') fields = m.fields;
          else if (m.type === 'rows') {
            w.postMessage('read');
            const cells = m.cells ?? m.joined!.split('\u0000');
            const n = fields.length;
            for (let r = 0, k = 0; r < m.lines.length; r++) {
              const values: Record<string, string> = {};
              for (let f = 0; f < n; f++, k++) values[fields[f]] = clean(cells[k]);
              onRow({ line: m.lines[r], values });
            }
          } else if (m.type === 'done') resolve(m.result);
          else reject(new Error(m.message));
        } catch (e) {
          reject(e);
        }
      });
      w.on('error', reject);
      w.on('exit', (code) => reject(new Error(`the CSV worker stopped (exit ${code})`)));
    });
  } finally {
    await w.terminate();
  }
}

// ---- the parser ----------------------------------------------------------------------------------

export type OnRecord = (record: string[], index: Array<[string, number]>, line: number) => void;

/** Reads and parses `file`, calling onRecord for every non-blank data record with the header's field index. */
export async function parseStream(
  file: string,
  columns: Column[],
  onRecord: OnRecord,
  chunkSize?: number,
  afterChunk?: () => Promise<void>,
): Promise<StreamedTable> {
  const problems: Problem[] = [];
  const result = (encoding: Encoding, rows: number): StreamedTable => ({ file, encoding, rows, problems });
  let mode: 'ascii' | 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be' | undefined;
  let decoder: { decode(input?: Uint8Array, options?: { stream?: boolean }): string } | undefined;
  let carry: Buffer = Buffer.alloc(0);
  let offset = 0;
  let parser: Parser | undefined;
  let engine: Engine | undefined;
  let index: Array<[string, number]> | undefined;
  let rows = 0;
  let records = 0;
  const lines = new LineCount();
  let stop = false;
  const header = headerSearch(columns, file);
  const useHeader = (mapped: MappedHeader) => {
    problems.push(...mapped.problems);
    if (mapped.problems.some((p) => p.severity === 'error')) stop = true;
    index = [...mapped.index];
  };

  const push: Push = (record) => {
    if (stop) return;
    records++;
    const line = parser!.info.lines;
    if (!index) {
      const mapped = header.take(record, line);
      if (mapped) useHeader(mapped);
      return;
    }
    if (isBlankRecord(record)) return;
    rows++;
    // Raw lengths first: cleaning every cell of a million rows only to measure it would double the work.
    if (index.some(([f, i]) => (record[i]?.length ?? 0) > (f === 'name' ? MAX_NAME : MAX_CELL))) {
      const long = longCellProblems(file, { line, values: rowValues(record, index) }, columns);
      problems.push(...long);
      if (long.length) return;
    }
    onRecord(record, index, line);
  };
  const feed = (chunk: Buffer | string | undefined, end: boolean) => {
    if (stop) return;
    if (!engine) {
      const text = typeof chunk === 'string' ? chunk : (chunk ?? Buffer.alloc(0)).toString('utf8');
      // Blank lines come back as [''] so that every line is accounted for (see lineCountProblem).
      parser = parse({
        delimiter: sniffDelimiter(text),
        record_delimiter: RECORD_DELIMITERS,
        relax_column_count: true,
        skip_empty_lines: false,
      });
      engine = csvEngine(parser);
    }
    if (chunk !== undefined) lines.feed(chunk);
    // The engine works on bytes (UTF-8), as the stream Parser hands it after its own conversion.
    const err = engine.parse(typeof chunk === 'string' ? Buffer.from(chunk) : chunk, end, push, () => undefined);
    if (err) {
      problems.push(problem('csv.unreadable', { detail: err.message }, { file, line: parser!.info.lines }));
      stop = true;
    }
  };

  const stream = createReadStream(file, { highWaterMark: chunkSize ?? 1 << 16 });
  try {
    for await (const raw of stream as AsyncIterable<Buffer>) {
      if (stop) break;
      let chunk: Buffer = carry.length ? Buffer.concat([carry, raw]) : raw;
      carry = Buffer.alloc(0);
      if (mode === undefined) {
        if (chunk.length < 3 && offset === 0) {
          carry = chunk;
          continue;
        }
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
          mode = 'utf-8';
          chunk = chunk.subarray(3);
        } else if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
          mode = chunk[0] === 0xff ? 'utf-16le' : 'utf-16be';
          decoder = new TextDecoder(mode);
          chunk = chunk.subarray(2);
        } else mode = 'ascii';
      }
      // Only the first byte of a character so far (a title row of commas, then 日期 in GB18030, read a
      // byte at a time): wait for the rest of it before telling UTF-8 from GB18030.
      const tail = mode === 'ascii' && hasHighByte(chunk) ? incompleteTail(chunk) : 0;
      const waiting = tail > 0 && !hasHighByte(chunk.subarray(0, chunk.length - tail));
      if (mode === 'ascii' && hasHighByte(chunk) && !waiting) {
        mode = isUtf8(chunk.subarray(0, chunk.length - tail)) ? 'utf-8' : 'gb18030';
        if (mode === 'gb18030') decoder = new TextDecoder('gb18030');
      }
      if (waiting) {
        carry = Buffer.from(chunk.subarray(chunk.length - tail));
        feed(chunk.subarray(0, chunk.length - tail), false);
      } else if (mode === 'utf-8') {
        const tail = incompleteTail(chunk);
        if (!isUtf8(chunk.subarray(0, chunk.length - tail))) {
          problems.push(problem('csv.bad-utf8', { offset }, { file, line: parser?.info.lines }));
          stop = true;
          break;
        }
        carry = Buffer.from(chunk.subarray(chunk.length - tail));
        feed(chunk.subarray(0, chunk.length - tail), false);
      } else if (decoder) feed(decoder.decode(chunk, { stream: true }), false);
      else feed(chunk, false);
      offset += raw.length;
      if (afterChunk) await afterChunk();
    }
    if (!stop) {
      if (mode === 'ascii' && hasHighByte(carry)) mode = 'utf-8'; // it ended inside its first character
      let cut = false;
      if (decoder) {
        // A character left incomplete at the end decodes to U+FFFD: the file was cut short.
        const last = decoder.decode(carry.length ? carry : undefined);
        cut = last.endsWith('\uFFFD');
        feed(cut ? last.slice(0, -1) : last, false);
      } else if (mode === 'utf-8' && carry.length) cut = true;
      else if (carry.length) feed(carry, false);
      feed(undefined, true);
      const fallback = index || stop ? undefined : header.end();
      if (fallback) useHeader(fallback);
      if (cut) problems.push(truncatedProblem(file, lines.lines));
      const guard = stop ? undefined : lineCountProblem(file, records, lines.lines);
      if (guard) problems.push(guard);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!code || code.startsWith('ERR_')) throw e;
    problems.push(unreadable(file, e));
  } finally {
    stream.destroy();
  }
  const encoding: Encoding = mode === undefined || mode === 'ascii' ? 'utf-8' : mode;
  if (!index && !problems.some((p) => p.severity === 'error')) {
    problems.push(problem('csv.empty', {}, { file, line: 1 }));
  }
  return result(encoding, rows);
}
