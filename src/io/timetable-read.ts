// Reading a timetable (or duty-record) CSV back into duties; the apostrophe that toExcelCsv puts
// before formula-like cells is taken off again, as for leader lists.
import type { Institution } from '../core/institutions.js';
import { RECORD_COLUMNS, recordReader } from '../core/records.js';
import type { Duty, Leader, Problem } from '../core/types.js';
import { unneutraliseRow } from './csv-write.js';
import type { Encoding } from './decode.js';
import { readTable, type Table } from './table.js';

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

export function timetableFromTable(table: Table, leaders: Leader[], institutions: Institution[]): TimetableRead {
  const read = recordReader(leaders, institutions);
  const entries: TimetableEntry[] = [];
  const problems: Problem[] = [...table.problems];
  for (const row of table.rows) {
    const r = read(table.file, unneutraliseRow(row));
    problems.push(...r.problems);
    if (r.duty) entries.push({ duty: r.duty, ...(r.leader ? { leader: r.leader } : {}) });
  }
  return { file: table.file, encoding: table.encoding, entries, duties: entries.map((e) => e.duty), problems };
}

/** A timetable CSV's bytes (UTF-8 with or without BOM, GB18030, UTF-16) read into duties. */
export function readTimetableBytes(bytes: Uint8Array, file: string, leaders: Leader[], institutions: Institution[]): TimetableRead {
  return timetableFromTable(readTable(bytes, file, RECORD_COLUMNS), leaders, institutions);
}
