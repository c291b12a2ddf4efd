// The leaves file (姓名, 开始, 结束, 事由; 单位 optional for namesakes): a leader on leave for all
// the working days of a period is exempt from that period.
import { badDateCode, parseDate } from '../dates.js';
import { type Institution, resolveInstitution } from '../institutions.js';
import { type MessageArgs, type MessageCode, problem } from '../messages.js';
import { cleanName } from '../text.js';
import type { IsoDate, Leader, Problem, RawRow, SourceRef } from '../types.js';

export const LEAVE_COLUMNS = [
  { field: 'name', headers: ['姓名', 'name'], required: true },
  { field: 'from', headers: ['开始', '开始日期', 'from', 'start'], required: true },
  { field: 'to', headers: ['结束', '结束日期', 'to', 'end'], required: true },
  { field: 'reason', headers: ['事由', 'reason'] },
  { field: 'institution', headers: ['单位', 'institution'] },
];

export interface Leave {
  name: string;
  institution: string;
  from: IsoDate;
  to: IsoDate;
  /** 事由: 病假, 出差, 学习… */
  reason: string;
  source?: SourceRef;
}

/** Checks the leave rows against the leader list; every problem names file, line and field. */
export function buildLeaves(
  file: string,
  rows: RawRow[],
  leaders: Leader[],
  institutions: Institution[],
): { leaves: Leave[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const leaves: Leave[] = [];
  for (const { line, values } of rows) {
    const err = <C extends MessageCode>(field: string, code: C, args: MessageArgs<C>) =>
      problems.push(problem(code, args, { file, line, field }));
    const name = cleanName(values.name ?? '');
    if (!name) err('姓名', 'name.empty', {});
    const from = parseDate(values.from ?? '');
    if (!from) err('开始', badDateCode(values.from ?? ''), { text: values.from ?? '' });
    const to = parseDate(values.to ?? '');
    if (!to) err('结束', badDateCode(values.to ?? ''), { text: values.to ?? '' });
    if (from && to && to < from) err('结束', 'leave.reversed', { from, to });
    let institution: string | undefined;
    if (values.institution) {
      institution = resolveInstitution(values.institution, institutions);
      if (!institution) err('单位', 'institution.unknown', { text: values.institution, known: institutions.map((i) => i.name) });
    }
    if (!name || !from || !to || to < from || (values.institution && !institution)) continue;
    const matches = leaders.filter((l) => l.name === name && (!institution || l.institution === institution));
    if (matches.length === 0) {
      err('姓名', 'leader.not-listed', { name, institution: institution ?? '' });
      continue;
    }
    if (matches.length > 1) {
      err('单位', 'leader.ambiguous', { name, institutions: matches.map((l) => l.institution) });
      continue;
    }
    leaves.push({ name, institution: matches[0].institution, from, to, reason: values.reason || '请假', source: { file, line } });
  }
  return { leaves, problems };
}
