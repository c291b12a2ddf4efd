// Reading the clerk's CSV files into checked core data; every problem of every file at once.
import { buildHolidayOverrides, HOLIDAY_COLUMNS } from '../core/holiday-overrides.js';
import type { Institution } from '../core/institutions.js';
import { buildLeaders, LEADER_COLUMNS, type LeaderFile } from '../core/leaders.js';
import type { HolidayEntry, Leader, Problem } from '../core/types.js';
import { readBytes } from './read-file.js';
import { type Column, readTable, type Table } from './table.js';

/** Reads one CSV table; a missing file becomes a problem, not an exception. */
export function loadTable(file: string, columns: Column[]): Table {
  const { bytes, problem } = readBytes(file);
  if (!bytes) return { file, encoding: 'utf-8', rows: [], problems: [problem!] };
  return readTable(bytes, file, columns);
}

export function loadLeaders(files: string[], institutions: Institution[]): { leaders: Leader[]; problems: Problem[] } {
  const tables = files.map((f) => loadTable(f, LEADER_COLUMNS));
  const parsed: LeaderFile[] = tables.map((t) => ({ file: t.file, rows: t.rows }));
  const built = buildLeaders(parsed, institutions);
  return { leaders: built.leaders, problems: [...tables.flatMap((t) => t.problems), ...built.problems] };
}

export function loadHolidays(file: string): { entries: HolidayEntry[]; problems: Problem[] } {
  const t = loadTable(file, HOLIDAY_COLUMNS);
  const built = buildHolidayOverrides(file, t.rows);
  return { entries: built.entries, problems: [...t.problems, ...built.problems] };
}
