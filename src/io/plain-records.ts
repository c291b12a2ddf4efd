// The records of a plain file (src/io/table-plain.ts) read from their bytes: a row whose date, kind
// and leader read without a problem goes straight to a sink (rota check's tally, or rota plan's
// records so far) without a row object; any other row, one with something to report, goes through
// recordReader as the general path reads it. test/table-plain.test.ts holds the two paths equal.
import { dayNumber, parseDate } from '../core/dates.js';
import { lostCharacterWarning } from '../core/problems.js';
import { kindOf, memo, RECORD_COLUMNS, type recordReader } from '../core/records.js';
import { clean } from '../core/text.js';
import type { Leader, Problem, RawRow } from '../core/types.js';
import { ByteKeys } from './byte-keys.js';
import { rowValues } from './table.js';
import { type OnPlainRow, parsePlainBytes, plainRecord } from './table-plain.js';
import type { StreamedTable } from './table-stream.js';

/** Where the fast path's rows go: the checker's tally, or the plan's records so far. */
export interface RecordSink {
  /** The sink's number for a leader of the lists (-1: none). */
  indexOf(leader: Leader): number;
  /** One row: the leader's number, the date as a day number (dayNumber), 0 for 接访 and 1 for 下访; returns the line's problems. */
  addDay(leader: number, day: number, kind: number, file: string, line: number): Problem[];
}

export interface PlainRowsOptions {
  sink: RecordSink;
  /** recordReader over `leaders`. */
  read: ReturnType<typeof recordReader>;
  leaders: readonly Leader[];
  /** A row with something to report (or anything the fast path does not read), as the general path reads it. */
  general: (row: RawRow) => void;
  keep: (p: Problem) => void;
}

const SLOT_FIELDS = new Set(['session', 'hours', 'role']);
/** Cells recordReader checks for a lost character that are not part of the leader's key (姓名, 单位, 职务). */
const LOST_FIELDS = ['portfolio', 'place'];

/**
 * The fast path's rows: a row whose date, kind and leader read without a problem (each worked out
 * once per distinct text, as recordReader works it out) goes straight to the sink; any other row,
 * one with something to report, goes through recordReader as when streaming (so does a row whose
 * 分管工作 or 地点 might hold a lost character, which recordReader tells). The common row is read
 * from its bytes: a date written exactly YYYY-MM-DD, a kind of 接访, 下访 or nothing, and the leader's
 * cells looked up as bytes in a table of those already seen; anything else is read as text.
 */
export function plainRows(file: string, { sink, read, leaders: list, general, keep }: PlainRowsOptions): OnPlainRow {
  const dates = memo((raw: string) => parseDate(clean(raw)));
  const kinds = memo((raw: string) => kindOf(clean(raw)));
  // A name listed more than once with a term (one who moved): which row a record means depends on its date.
  const listed = new Map<string, number>();
  for (const l of list) listed.set(l.name, (listed.get(l.name) ?? 0) + 1);
  const byDate = new Set(list.filter((l) => l.term && listed.get(l.name)! > 1).map((l) => l.name));
  // The sink's index of the leader named by 姓名, 单位 and 职务 (cleaned), when recordReader finds exactly one without a problem, whatever the date; else -1.
  const leaderOf = (name: string, institution: string, title: string) => {
    if (`${name}${institution}${title}`.includes('\u0000')) return -1;
    const r = read(file, { line: 0, values: { date: '2000-01-03', name, institution, title } });
    return r.problems.length === 0 && r.leader && !byDate.has(r.leader.name) ? sink.indexOf(r.leader) : -1;
  };
  const leaders = memo((key: string) => leaderOf(...(key.split('\u0000') as [string, string, string])));
  let at: Map<string, number> | undefined;
  let seen: Array<[string, number]> | undefined;
  const cell = (record: string[], field: string) => {
    const i = at!.get(field);
    return i === undefined ? '' : (record[i] ?? '');
  };
  const asText = (record: string[], index: Array<[string, number]>, line: number) => {
    const date = dates(cell(record, 'date'));
    const kind = kinds(cell(record, 'kind'));
    const key = `${clean(cell(record, 'name'))}\u0000${clean(cell(record, 'institution'))}\u0000${clean(cell(record, 'title'))}`;
    const li = date && kind && key.split('\u0000').length === 3 ? leaders(key) : -1;
    const lost = LOST_FIELDS.some((f) => lostCharacterWarning(file, line, f, cell(record, f)));
    if (!date || !kind || li < 0 || lost) return general({ line, values: rowValues(record, index) });
    for (const p of sink.addDay(li, dayNumber(date), kind === '接访' ? 0 : 1, file, line)) keep(p);
  };

  // Where date, kind and the leader's cells are among the mapped fields (-1: not mapped).
  let dateAt = -1;
  let kindAt = -1;
  let nameParts: number[] = [];
  // When 单位, 姓名 and 职务 (those mapped) are neighbouring columns, as in a timetable, the leader's key
  // is the bytes from the first to the last of them; else their bytes copied, each followed by 0xFF
  // (never in UTF-8).
  let span = false;
  // A file with 时段, 接访时间 or 角色 goes row by row through recordReader, which checks those cells.
  let slotCells = false;
  let scratch = Buffer.allocUnsafe(256);
  const days = new Map<number, number>();
  let lastKey = -1;
  let lastDay = -1;
  const keys = new ByteKeys();
  /** The end of the leader's key in `scratch`, copied from the row's cells. */
  const copyKey = (b: Buffer, cells: Int32Array) => {
    let k = 0;
    for (const p of nameParts) {
      const start = p < 0 ? 0 : cells[2 * p];
      const end = p < 0 || start < 0 ? 0 : cells[2 * p + 1];
      if (k + end - start + 1 > scratch.length) {
        const grown = Buffer.allocUnsafe(2 * (k + end - start + 1));
        scratch.copy(grown, 0, 0, k);
        scratch = grown;
      }
      for (let i = start; i < end; i++) scratch[k++] = b[i];
      scratch[k++] = 0xff;
    }
    return k;
  };
  /** The day number of a cell written exactly YYYY-MM-DD that parseDate accepts; -1 for any other. */
  const dayOf = (b: Buffer, s: number, e: number) => {
    if (s < 0 || e - s !== 10 || b[s + 4] !== 0x2d || b[s + 7] !== 0x2d) return -1;
    let key = 0;
    for (let i = s; i < e; i++) {
      if (i === s + 4 || i === s + 7) continue;
      const d = b[i] - 0x30;
      if (d < 0 || d > 9) return -1;
      key = key * 10 + d;
    }
    if (key === lastKey) return lastDay;
    let day = days.get(key);
    if (day === undefined) {
      const iso = parseDate(b.toString('latin1', s, e));
      day = iso ? dayNumber(iso) : -1;
      if (days.size >= 4096) days.clear();
      days.set(key, day);
    }
    lastKey = key;
    lastDay = day;
    return day;
  };
  /** 0 for 接访 or an empty cell, 1 for 下访, -1 for any other text. */
  const kindOfBytes = (b: Buffer, s: number, e: number) => {
    if (s < 0 || e === s) return 0;
    if (e - s !== 6 || b[s + 3] !== 0xe8 || b[s + 4] !== 0xae || b[s + 5] !== 0xbf) return -1;
    if (b[s] === 0xe6 && b[s + 1] === 0x8e && b[s + 2] === 0xa5) return 0;
    if (b[s] === 0xe4 && b[s + 1] === 0xb8 && b[s + 2] === 0x8b) return 1;
    return -1;
  };
  // Where 分管工作 and 地点 are among the mapped fields.
  let lostParts: number[] = [];
  /** A control byte, ? or the lead byte of U+F000-U+FFFF (U+FFFD among them) in 分管工作 or 地点: read as text, which tells a lost character. */
  const mayHaveLost = (b: Buffer, cells: Int32Array) => {
    for (const p of lostParts)
      for (let i = cells[2 * p], end = cells[2 * p + 1]; i < end; i++) if (b[i] < 0x20 || b[i] === 0x3f || b[i] === 0xef) return true;
    return false;
  };
  const text = (b: Buffer, cells: Int32Array, j: number) =>
    j < 0 || cells[2 * j] < 0 ? '' : b.toString('utf8', cells[2 * j], cells[2 * j + 1]);
  return (bytes, cells, line, index) => {
    if (index !== seen) {
      seen = index;
      at = new Map(index);
      const j = (field: string) => index.findIndex(([f]) => f === field);
      dateAt = j('date');
      kindAt = j('kind');
      nameParts = [j('name'), j('institution'), j('title')];
      const columns = nameParts
        .filter((p) => p >= 0)
        .map((p) => index[p][1])
        .sort((a, b) => a - b);
      span = columns.every((c, i) => i === 0 || c === columns[i - 1] + 1);
      slotCells = index.some(([f]) => SLOT_FIELDS.has(f));
      lostParts = LOST_FIELDS.map(j).filter((p) => p >= 0);
    }
    if (slotCells) return general({ line, values: rowValues(plainRecord(bytes, cells, index), index) });
    const day = dateAt < 0 ? -1 : dayOf(bytes, cells[2 * dateAt], cells[2 * dateAt + 1]);
    const kind = kindAt < 0 ? 0 : kindOfBytes(bytes, cells[2 * kindAt], cells[2 * kindAt + 1]);
    let li = -1;
    if (day >= 0 && kind >= 0) {
      let key: Uint8Array = scratch;
      let start = 0;
      let end = 0;
      if (span) {
        // The first and last of the neighbouring cells; a row too short to have them all is read as text.
        // (Whole numbers only: a sentinel such as Infinity would make every position a float.)
        start = 0x7fffffff;
        end = -1;
        for (let q = 0; q < 3 && start >= 0; q++) {
          const p = nameParts[q];
          if (p < 0) continue;
          const s = cells[2 * p];
          if (s < start) start = s;
          if (cells[2 * p + 1] > end) end = cells[2 * p + 1];
        }
        key = bytes;
      } else end = copyKey(bytes, cells);
      li = start < 0 ? -1 : keys.get(key, start, end, -2);
      if (li === -2) {
        const [name, institution, title] = nameParts.map((p) => clean(text(bytes, cells, p)));
        li = leaderOf(name, institution, title);
        keys.set(key, start, end, li);
      }
    }
    if (li < 0 || mayHaveLost(bytes, cells)) return asText(plainRecord(bytes, cells, index), index, line);
    const problems = sink.addDay(li, day, kind, file, line);
    for (let i = 0; i < problems.length; i++) keep(problems[i]);
  };
}

/** A plain records file's rows, from its bytes, into `o.sink` (readFromDisk's records, src/io/read-round.ts); undefined when the file is not plain. */
export function readPlainRecords(bytes: Uint8Array, file: string, o: PlainRowsOptions): StreamedTable | undefined {
  return parsePlainBytes(bytes, file, RECORD_COLUMNS, plainRows(file, o));
}
