// Reading the clerk's CSV files from disk into checked core data; every problem of every file at once.
import type { Institution } from '../core/institutions.js';
import type { LeaderVocabulary } from '../core/leaders.js';
import { RECORD_COLUMNS } from '../core/records.js';
import type { HolidayEntry, Leader, Problem } from '../core/types.js';
import { holidaysFrom, leadersFrom, tableFrom } from './lists.js';
import { readBytes } from './read-file.js';
import type { Column, Table } from './table.js';
import { type TimetableRead, type TimetableReadOptions, timetableFromTable } from './timetable-read.js';

/** Reads one CSV table; a missing file becomes a problem, not an exception. */
export function loadTable(file: string, columns: Column[]): Table {
  return tableFrom(readBytes, file, columns);
}

export function loadLeaders(files: string[], vocabulary: LeaderVocabulary): { leaders: Leader[]; problems: Problem[] } {
  return leadersFrom(readBytes, files, vocabulary);
}

export function loadHolidays(file: string): { entries: HolidayEntry[]; problems: Problem[] } {
  return holidaysFrom(readBytes, file);
}

/** Reads a timetable CSV file (UTF-8 with or without BOM, GB18030, UTF-16) into duties. */
export function readTimetable(
  file: string,
  leaders: Leader[],
  institutions: Institution[],
  options: TimetableReadOptions = {},
): TimetableRead {
  return timetableFromTable(loadTable(file, RECORD_COLUMNS), leaders, institutions, options);
}
