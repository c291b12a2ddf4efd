// Reading what the checker needs: rules (the configuration format), leaves, and record files
// streamed into a tally one line at a time.

import { closeSync, openSync, readSync } from 'node:fs';
import { buildLeaves, LEAVE_COLUMNS, type Leave, type Tally } from '../core/check/index.js';
import { dayNumber, parseDate } from '../core/dates.js';
import type { Institution } from '../core/institutions.js';
import { kindOf, memo, RECORD_COLUMNS, recordReader } from '../core/records.js';
import { clean } from '../core/text.js';
import type { Leader, Problem, RawRow, Rule } from '../core/types.js';
import { ByteKeys } from './byte-keys.js';
import { loadConfig } from './config-file.js';
import { isZip } from './decode.js';
import { specialFileProblem } from './file-kind.js';
import { loadTable } from './load.js';
import { rowValues, withColumnLetters } from './table.js';
import { type OnPlainRow, parsePlain, plainRecord } from './table-plain.js';
import { streamTable } from './table-stream.js';

/** A rules file is a configuration file (or just {"rules": [...]}), validated by validateConfig. */
export function loadRules(file: string): { rules?: Rule[]; problems: Problem[] } {
  const { config, problems } = loadConfig(file);
  return { rules: config?.rules, problems };
}

export function loadLeaves(file: string, leaders: Leader[], institutions: Institution[]): { leaves: Leave[]; problems: Problem[] } {
  const t = loadTable(file, LEAVE_COLUMNS);
  const built = buildLeaves(t.file, t.rows, leaders, institutions);
  return { leaves: built.leaves, problems: withColumnLetters([...t.problems, ...built.problems], t) };
}

/** The file begins as a zip archive does (an .xlsx); false when it cannot be read (streaming tells why). */
function startsAsZip(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = new Uint8Array(4);
    readSync(fd, head, 0, 4, 0);
    return isZip(head);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export interface TallyFilesOptions {
  leaders: Leader[];
  institutions: Institution[];
  /** The sessions the round's slots name (slotSessions), read as 时段 besides rota's own. */
  sessions?: readonly string[];
  tally: Tally;
  lenient?: boolean;
  /** Problems kept beyond this are only counted. */
  maxProblems?: number;
  /**
   * Read plain files (UTF-8, commas, no quotes) on the fast path (table-plain.ts): the same counts and
   * problems. Only for a tally that does not keep records (the fast path does not read 地点).
   */
  fast?: boolean;
}

/**
 * Streams each records file through recordReader into the tally. Problems with a line are errors,
 * or warnings when lenient; problems with a whole file (missing, unreadable) are always errors.
 */
export async function tallyRecordFiles(
  files: string[],
  o: TallyFilesOptions,
): Promise<{ problems: Problem[]; omitted: number; lines: number }> {
  const read = recordReader(o.leaders, o.institutions, o.sessions);
  const problems: Problem[] = [];
  const max = o.maxProblems ?? 10_000;
  let omitted = 0;
  let lines = 0;
  const keep = (p: Problem) => {
    if (problems.length < max) problems.push(p);
    else omitted++;
  };
  for (const file of files) {
    const special = specialFileProblem(file);
    if (special) {
      keep(special);
      continue;
    }
    const general = (row: RawRow) => {
      const r = read(file, row);
      for (const p of r.problems) keep(o.lenient ? { ...p, severity: 'warning' } : p);
      if (r.duty) for (const p of o.tally.add(r.duty, r.leader)) keep(p);
    };
    if (startsAsZip(file)) {
      // An .xlsx is read whole, as for plan: a sheet of records is small beside a CSV of a million lines.
      const sheet = loadTable(file, RECORD_COLUMNS);
      const found: Problem[] = [...sheet.problems];
      for (const row of sheet.rows) {
        const r = read(sheet.file, row);
        found.push(...r.problems.map((p) => (o.lenient ? { ...p, severity: 'warning' as const } : p)));
        if (r.duty) found.push(...o.tally.add(r.duty, r.leader));
      }
      for (const p of withColumnLetters(found, sheet)) keep(p);
      lines += sheet.rows.length;
      continue;
    }
    const t =
      (o.fast ? parsePlain(file, RECORD_COLUMNS, plainRows(file, o.tally, read, general, keep)) : undefined) ??
      (await streamTable(file, RECORD_COLUMNS, general));
    lines += t.rows;
    for (const p of t.problems) keep(p);
  }
  return { problems, omitted, lines };
}

const SLOT_FIELDS = new Set(['session', 'hours', 'role']);

/**
 * The fast path's rows: a row whose date, kind and leader read without a problem (each worked out
 * once per distinct text, as recordReader works it out) goes straight to the tally; any other row,
 * one with something to report, goes through recordReader as when streaming. The common row is read
 * from its bytes: a date written exactly YYYY-MM-DD, a kind of 接访, 下访 or nothing, and the leader's
 * cells looked up as bytes in a table of those already seen; anything else is read as text.
 */
function plainRows(
  file: string,
  tally: Tally,
  read: ReturnType<typeof recordReader>,
  general: (row: RawRow) => void,
  keep: (p: Problem) => void,
): OnPlainRow {
  const dates = memo((raw: string) => parseDate(clean(raw)));
  const kinds = memo((raw: string) => kindOf(clean(raw)));
  // The tally's index of the leader named by 姓名, 单位 and 职务 (cleaned), when recordReader finds exactly one without a problem; else -1.
  const leaderOf = (name: string, institution: string, title: string) => {
    if (`${name}${institution}${title}`.includes('\u0000')) return -1;
    const r = read(file, { line: 0, values: { date: '2000-01-03', name, institution, title } });
    return r.problems.length === 0 && r.leader ? tally.indexOf(r.leader) : -1;
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
    if (!date || !kind || li < 0) return general({ line, values: rowValues(record, index) });
    for (const p of tally.addDay(li, dayNumber(date), kind === '接访' ? 0 : 1, file, line)) keep(p);
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
    if (li < 0) return asText(plainRecord(bytes, cells, index), index, line);
    const problems = tally.addDay(li, day, kind, file, line);
    for (let i = 0; i < problems.length; i++) keep(problems[i]);
  };
}
