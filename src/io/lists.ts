// The clerk's lists from tables already read: leaders, holidays, sites and duty records, each row
// checked, every problem of every file at once. Files come through a reader, so the CLI (from disk)
// and the browser app (from the files the clerk picked) build the same lists.

import { fromDayNumber } from '../core/dates.js';
import type { HistoryRecord } from '../core/engine/types.js';
import { buildHolidayOverrides, HOLIDAY_COLUMNS } from '../core/holiday-overrides.js';
import type { Institution } from '../core/institutions.js';
import { buildLeaders, LEADER_COLUMNS, type LeaderVocabulary } from '../core/leaders.js';
import { problem } from '../core/messages.js';
import { RECORD_COLUMNS, recordReader } from '../core/records.js';
import { buildSites, SITE_COLUMNS, type Site } from '../core/sites.js';
import type { HolidayEntry, IsoDate, Leader, Problem, RawRow } from '../core/types.js';
import { unneutraliseRow } from './csv-write.js';
import type { PlainRowsOptions, RecordSink } from './plain-records.js';
import { type Column, readTable, type Table, withColumnLetters } from './table.js';
import type { StreamedTable } from './table-stream.js';

/**
 * A file's bytes by path, or one line saying why it could not be read. `records`, where the reader
 * has it (Node's readFromDisk, src/io/read-round.ts; not the browser app's), reads a plain records
 * file from its bytes without a row object (src/io/plain-records.ts): the same records and problems, faster.
 */
export type ReadFile = ((path: string) => { bytes?: Uint8Array; problem?: Problem }) & { records?: ReadRecords };
export type ReadRecords = (bytes: Uint8Array, file: string, o: PlainRowsOptions) => StreamedTable | undefined;

/** Reads one CSV table; a missing file becomes a problem, not an exception. */
export function tableFrom(read: ReadFile, file: string, columns: Column[]): Table {
  const { bytes, problem } = read(file);
  if (!bytes) return { file, encoding: 'utf-8', rows: [], problems: [problem!] };
  return readTable(bytes, file, columns);
}

/** The leaders of the lists; with `max` (a plan's limit), more rows than that are refused before each is checked. */
export function leadersFrom(
  read: ReadFile,
  files: string[],
  vocabulary: LeaderVocabulary,
  max = Number.POSITIVE_INFINITY,
): { leaders: Leader[]; problems: Problem[] } {
  const tables = files.map((f) => tableFrom(read, f, LEADER_COLUMNS));
  const rows = tables.reduce((n, t) => n + t.rows.length, 0);
  if (rows > max) return { leaders: [], problems: [problem('limit.leaders', { count: rows, max })] };
  const built = buildLeaders(
    tables.map((t) => ({ file: t.file, rows: t.rows.map(unneutraliseRow) })),
    vocabulary,
  );
  const problems = [...tables.flatMap((t) => t.problems), ...built.problems];
  return { leaders: built.leaders, problems: tables.reduce((ps, t) => withColumnLetters(ps, t), problems) };
}

export function holidaysFrom(read: ReadFile, file: string): { entries: HolidayEntry[]; problems: Problem[] } {
  const t = tableFrom(read, file, HOLIDAY_COLUMNS);
  const built = buildHolidayOverrides(t.file, t.rows);
  return { entries: built.entries, problems: withColumnLetters([...t.problems, ...built.problems], t) };
}

export function sitesFrom(read: ReadFile, file: string): { sites: Site[]; problems: Problem[] } {
  const table = tableFrom(read, file, SITE_COLUMNS);
  const built = buildSites(table.file, table.rows);
  return { sites: built.sites, problems: withColumnLetters([...table.problems, ...built.problems], table) };
}

/** Duty records so far: timetable-format CSVs, each row matched to a leader of the lists. */
export function historyFrom(
  read: ReadFile,
  files: string[],
  leaders: Leader[],
  institutions: Institution[],
  sessions: readonly string[] = [],
): { records: HistoryRecord[]; problems: Problem[] } {
  const reader = recordReader(leaders, institutions, sessions);
  const records: HistoryRecord[] = [];
  const problems: Problem[] = [];
  const index = new Map(leaders.map((l, i) => [l, i]));
  const dates = new Map<number, IsoDate>();
  const sink: RecordSink = {
    indexOf: (l) => index.get(l) ?? -1,
    addDay(li, day, kind) {
      let date = dates.get(day);
      if (date === undefined) dates.set(day, (date = fromDayNumber(day)));
      records.push({ date, kind: kind === 0 ? '接访' : '下访', name: leaders[li].name, institution: leaders[li].institution });
      return NONE;
    },
  };
  for (const file of files) {
    const found: Problem[] = [];
    // A row as the general path reads it; `name`: the file, or an .xlsx file's sheet (leaders.xlsx「名单」).
    const general = (name: string, row: RawRow) => {
      const r = reader(name, row);
      found.push(...r.problems);
      if (!r.duty) return;
      if (!r.leader) {
        const at = { severity: 'warning' as const, file: name, line: row.line, field: '姓名' };
        found.push(problem('record.not-counted', { name: r.duty.name }, at));
        return;
      }
      records.push({ date: r.duty.date, kind: r.duty.kind, name: r.leader.name, institution: r.leader.institution });
    };
    const { bytes, problem: unread } = read(file);
    const plain =
      bytes &&
      read.records?.(bytes, file, { sink, read: reader, leaders, general: (row) => general(file, row), keep: (p) => found.push(p) });
    if (plain) {
      problems.push(...plain.problems, ...found);
      continue;
    }
    const table = bytes ? readTable(bytes, file, RECORD_COLUMNS) : { file, rows: [], problems: [unread!] };
    for (const row of table.rows) general(table.file, row);
    problems.push(...withColumnLetters([...table.problems, ...found], table));
  }
  return { records, problems };
}

const NONE: Problem[] = [];
