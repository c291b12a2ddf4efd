// Reading what the checker needs: rules (the configuration format), leaves, and record files
// streamed into a tally one line at a time.

import { buildLeaves, LEAVE_COLUMNS, type Leave, type Tally } from '../core/check/index.js';
import type { Institution } from '../core/institutions.js';
import { RECORD_COLUMNS, recordReader } from '../core/records.js';
import type { Leader, Problem, Rule } from '../core/types.js';
import { loadConfig } from './config-file.js';
import { loadTable } from './load.js';
import { streamTable } from './table-stream.js';

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
    const t = await streamTable(file, RECORD_COLUMNS, (row) => {
      const r = read(file, row);
      for (const p of r.problems) keep(o.lenient ? { ...p, severity: 'warning' } : p);
      if (r.duty) for (const p of o.tally.add(r.duty, r.leader)) keep(p);
    });
    lines += t.rows;
    for (const p of t.problems) keep(p);
  }
  return { problems, omitted, lines };
}
