// Reading a timetable (or duty-record) CSV back into duties; the apostrophe that toExcelCsv puts
// before formula-like cells is taken off again, as for leader lists.
import type { Institution } from '../core/institutions.js';
import { problem } from '../core/messages.js';
import { RECORD_COLUMNS, recordReader } from '../core/records.js';
import type { Duty, Leader, Problem } from '../core/types.js';
import { unneutraliseRow } from './csv-write.js';
import type { Encoding } from './decode.js';
import { readTable, type Table, withColumnLetters } from './table.js';

/** One timetable row: its duty and the leader it names (undefined when nobody matches). */
export interface TimetableEntry {
  duty: Duty;
  leader?: Leader;
}

export interface TimetableRead {
  file: string;
  encoding: Encoding;
  entries: TimetableEntry[];
  duties: Duty[];
  problems: Problem[];
}

export interface TimetableReadOptions {
  /**
   * Hold each row to the leader list (render, replan, swap): a 职务 or 分管工作 that disagrees with the
   * list is an error naming both values, or with 'fix' is taken from the list with a warning per cell.
   */
  reconcile?: 'error' | 'fix';
  /** The sessions the round's slots name (slotSessions), read as 时段 besides rota's own. */
  sessions?: readonly string[];
}

/** The cells a published row takes from the leader list (单位 is checked by recordReader). */
const FROM_LIST = [
  ['title', '职务'],
  ['portfolio', '分管工作'],
] as const;

/**
 * A hand edit that changed only 姓名 keeps the other leader's 职务 and 分管工作, and the page would send
 * residents to the wrong leader: each such cell is told (or corrected), so the published row matches the list.
 */
function reconcile(file: string, duty: Duty, leader: Leader, mode: 'error' | 'fix'): Problem[] {
  const out: Problem[] = [];
  for (const [field, header] of FROM_LIST) {
    if (duty[field] === leader[field]) continue;
    const args = { name: duty.name, header, was: duty[field], list: leader[field] };
    const at = { file, line: duty.source?.line, field: header };
    if (mode === 'fix') {
      duty[field] = leader[field];
      out.push(problem('timetable.fixed-from-leaders', args, { ...at, severity: 'warning' }));
    } else out.push(problem('timetable.differs-from-leaders', args, at));
  }
  return out;
}

export function timetableFromTable(
  table: Table,
  leaders: Leader[],
  institutions: Institution[],
  options: TimetableReadOptions = {},
): TimetableRead {
  const read = recordReader(leaders, institutions, options.sessions);
  const entries: TimetableEntry[] = [];
  const problems: Problem[] = [...table.problems];
  for (const row of table.rows) {
    const r = read(table.file, unneutraliseRow(row));
    problems.push(...r.problems);
    if (r.duty && r.leader && options.reconcile) problems.push(...reconcile(table.file, r.duty, r.leader, options.reconcile));
    if (r.duty) entries.push({ duty: r.duty, ...(r.leader ? { leader: r.leader } : {}) });
  }
  return {
    file: table.file,
    encoding: table.encoding,
    entries,
    duties: entries.map((e) => e.duty),
    problems: withColumnLetters(problems, table),
  };
}

/** A timetable CSV's bytes (UTF-8 with or without BOM, GB18030, UTF-16) read into duties. */
export function readTimetableBytes(
  bytes: Uint8Array,
  file: string,
  leaders: Leader[],
  institutions: Institution[],
  options: TimetableReadOptions = {},
): TimetableRead {
  return timetableFromTable(readTable(bytes, file, RECORD_COLUMNS), leaders, institutions, options);
}
