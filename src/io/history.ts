// Duty records so far (--history): timetable-format CSVs, each row matched to a leader of the lists.
import type { Institution } from '../core/institutions.js';
import type { HistoryRecord } from '../core/planner/types.js';
import { RECORD_COLUMNS, recordReader } from '../core/records.js';
import type { Leader, Problem } from '../core/types.js';
import { loadTable } from './load.js';

export function loadHistory(
  files: string[],
  leaders: Leader[],
  institutions: Institution[],
): { records: HistoryRecord[]; problems: Problem[] } {
  const read = recordReader(leaders, institutions);
  const records: HistoryRecord[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const table = loadTable(file, RECORD_COLUMNS);
    problems.push(...table.problems);
    for (const row of table.rows) {
      const r = read(file, row);
      problems.push(...r.problems);
      if (!r.duty) continue;
      if (!r.leader) {
        problems.push({
          severity: 'warning',
          file,
          line: row.line,
          field: '姓名',
          message: `${r.duty.name} 不在领导名单中，此记录不计入配额 (not in the leader lists; not counted)`,
        });
        continue;
      }
      records.push({ date: r.duty.date, kind: r.duty.kind, name: r.leader.name, institution: r.leader.institution });
    }
  }
  return { records, problems };
}
