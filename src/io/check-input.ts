// Reading what the checker needs: rules (the configuration format), leaves, and record files
// streamed into a tally one line at a time.

import { closeSync, openSync, readSync } from 'node:fs';
import { buildLeaves, LEAVE_COLUMNS, type Leave, type Tally } from '../core/check/index.js';
import type { Institution } from '../core/institutions.js';
import { RECORD_COLUMNS, recordReader } from '../core/records.js';
import type { Leader, Problem, RawRow, Rule } from '../core/types.js';
import { loadConfig } from './config-file.js';
import { isZip } from './decode.js';
import { specialFileProblem } from './file-kind.js';
import { loadTable } from './load.js';
import { plainRows } from './plain-records.js';
import { withColumnLetters } from './table.js';
import { parsePlain } from './table-plain.js';
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
    const fast = o.fast && parsePlain(file, RECORD_COLUMNS, plainRows(file, { sink: o.tally, read, leaders: o.leaders, general, keep }));
    const t = fast || (await streamTable(file, RECORD_COLUMNS, general));
    lines += t.rows;
    for (const p of t.problems) keep(p);
  }
  return { problems, omitted, lines };
}
