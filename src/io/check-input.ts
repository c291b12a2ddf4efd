// Reading what the checker needs: rules (the configuration format), leaves, and record files
// streamed into a tally one line at a time.

import { buildLeaves, LEAVE_COLUMNS, type Leave, type Tally } from '../core/check/index.js';
import { parseDate } from '../core/dates.js';
import type { Institution } from '../core/institutions.js';
import { kindOf, memo, RECORD_COLUMNS, recordReader } from '../core/records.js';
import { clean } from '../core/text.js';
import type { Leader, Problem, RawRow, Rule } from '../core/types.js';
import { loadConfig } from './config-file.js';
import { loadTable } from './load.js';
import { rowValues } from './table.js';
import { parsePlain } from './table-plain.js';
import { type OnRecord, streamTable } from './table-stream.js';

/** A rules file is a configuration file (or just {"rules": [...]}), validated by validateConfig. */
export function loadRules(file: string): { rules?: Rule[]; problems: Problem[] } {
  const { config, problems } = loadConfig(file);
  return { rules: config?.rules, problems };
}

export function loadLeaves(file: string, leaders: Leader[], institutions: Institution[]): { leaves: Leave[]; problems: Problem[] } {
  const t = loadTable(file, LEAVE_COLUMNS);
  const built = buildLeaves(file, t.rows, leaders, institutions);
  return { leaves: built.leaves, problems: [...t.problems, ...built.problems] };
}

export interface TallyFilesOptions {
  leaders: Leader[];
  institutions: Institution[];
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
  const read = recordReader(o.leaders, o.institutions);
  const problems: Problem[] = [];
  const max = o.maxProblems ?? 10_000;
  let omitted = 0;
  let lines = 0;
  const keep = (p: Problem) => {
    if (problems.length < max) problems.push(p);
    else omitted++;
  };
  for (const file of files) {
    const general = (row: RawRow) => {
      const r = read(file, row);
      for (const p of r.problems) keep(o.lenient ? { ...p, severity: 'warning' } : p);
      if (r.duty) for (const p of o.tally.add(r.duty, r.leader)) keep(p);
    };
    const t =
      (o.fast ? parsePlain(file, RECORD_COLUMNS, plainRows(file, o.tally, read, general, keep)) : undefined) ??
      (await streamTable(file, RECORD_COLUMNS, general));
    lines += t.rows;
    for (const p of t.problems) keep(p);
  }
  return { problems, omitted, lines };
}

/**
 * The fast path's rows: a row whose date, kind and leader read without a problem (each worked out
 * once per distinct text, as recordReader works it out) goes straight to the tally; any other row,
 * one with something to report, goes through recordReader as when streaming.
 */
function plainRows(
  file: string,
  tally: Tally,
  read: ReturnType<typeof recordReader>,
  general: (row: RawRow) => void,
  keep: (p: Problem) => void,
): OnRecord {
  const dates = memo((raw: string) => parseDate(clean(raw)));
  const kinds = memo((raw: string) => kindOf(clean(raw)));
  // The leader named by 姓名, 单位 and 职务, when recordReader finds exactly one without a problem.
  const leaders = memo((key: string) => {
    const [name, institution, title] = key.split('\u0000');
    const r = read(file, { line: 0, values: { date: '2000-01-03', name, institution, title } });
    return r.problems.length === 0 ? r.leader : undefined;
  });
  let at: Map<string, number> | undefined;
  let seen: Array<[string, number]> | undefined;
  const cell = (record: string[], field: string) => {
    const i = at!.get(field);
    return i === undefined ? '' : (record[i] ?? '');
  };
  return (record, index, line) => {
    if (index !== seen) {
      seen = index;
      at = new Map(index);
    }
    const date = dates(cell(record, 'date'));
    const kind = kinds(cell(record, 'kind'));
    const key = `${clean(cell(record, 'name'))}\u0000${clean(cell(record, 'institution'))}\u0000${clean(cell(record, 'title'))}`;
    const leader = date && kind && key.split('\u0000').length === 3 ? leaders(key) : undefined;
    if (!date || !kind || !leader) return general({ line, values: rowValues(record, index) });
    for (const p of tally.addFor(leader, date, kind, { file, line })) keep(p);
  };
}
