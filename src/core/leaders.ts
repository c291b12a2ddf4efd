// Leader lists: rows from each institution office's CSV into one checked, merged list.
import { parseDateList } from './date-list.js';
import { type Institution, resolveInstitution } from './institutions.js';
import { type MessageArgs, type MessageCode, placed, problem } from './messages.js';
import { lostCharacterWarning } from './problems.js';
import { parseRank, RANK_ALIASES, type RankAliases } from './ranks.js';
import { inTerm, parseTerm, termsOverlap } from './term.js';
import { cleanName } from './text.js';
import type { IsoDate, Leader, Problem, RawRow } from './types.js';
import { RANKS } from './types.js';

/** Columns of a leader list: Chinese header first, then English aliases. */
export const LEADER_COLUMNS = [
  { field: 'name', headers: ['姓名', 'name'], required: true },
  { field: 'institution', headers: ['单位', 'institution'], required: true },
  { field: 'title', headers: ['职务', 'title'], required: true },
  { field: 'rank', headers: ['级别', '职级', 'rank'], required: true },
  { field: 'portfolio', headers: ['分管工作', '分管领域', '分管范围', 'portfolio'] },
  { field: 'unavailable', headers: ['不可接访日期', '不能接访时间', '不可接访时间', '不能接访日期', '请假时间', 'unavailable'] },
  { field: 'liaison', headers: ['联络员', 'liaison'] },
  { field: 'phone', headers: ['联系电话', '手机', '手机号码', '电话', 'phone'] },
  { field: 'start', headers: ['到任', '到任日期', 'start'] },
  { field: 'end', headers: ['调离', '调离日期', 'end'] },
  { field: 'term', headers: ['任职起止', 'term'] },
];

/** The published text columns besides 姓名 (checked as cleaned), in the order their problems are told; one list for every row. */
const PUBLISHED_TEXTS = [
  ['职务', 'title'],
  ['分管工作', 'portfolio'],
  ['联系电话', 'phone'],
  ['联络员', 'liaison'],
] as const;

/** The columns `rota init` writes in a new leader list (the term columns are added when someone moves). */
export const LEADER_TEMPLATE = LEADER_COLUMNS.slice(0, 8).map((c) => c.headers[0]);

/** One leader, however often named: institution + name (namesakes in two institutions are two people). */
export const leaderKey = (l: { institution: string; name: string }) => `${l.institution}\u0000${l.name}`;

export interface LeaderFile {
  file: string;
  rows: RawRow[];
}

/** What reading a leader list needs from the round: its institutions, rank spellings and window (a rota Config fits). */
export interface LeaderVocabulary {
  institutions: Institution[];
  rankAliases?: RankAliases;
  /** The round's window: gives a year to 不可接访日期 written without one (12月15日). */
  from?: IsoDate;
  to?: IsoDate;
}

/** Checks every row of every file, merges them, and reports all problems at once. */
export function buildLeaders(files: LeaderFile[], vocabulary: LeaderVocabulary): { leaders: Leader[]; problems: Problem[] } {
  const { institutions, rankAliases = RANK_ALIASES, from, to } = vocabulary;
  const window = from && to ? { from, to } : undefined;
  const problems: Problem[] = [];
  const leaders: Leader[] = [];
  const seen = new Map<string, { file: string; line: number }>();
  const known = institutions.map((i) => i.name);
  for (const { file, rows } of files) {
    for (const { line, values } of rows) {
      const err = <C extends MessageCode>(field: string, code: C, args: MessageArgs<C>) =>
        problems.push(problem(code, args, { file, line, field }));
      const name = cleanName(values.name ?? '');
      if (!name) err('姓名', 'name.empty', {});
      // A bad byte anywhere on a published field (not only 姓名) would reach the page as ? or �: told by field.
      const lostName = lostCharacterWarning(file, line, '姓名', name);
      if (lostName) problems.push(lostName);
      for (const [field, key] of PUBLISHED_TEXTS) {
        const lost = lostCharacterWarning(file, line, field, values[key] ?? '');
        if (lost) problems.push(lost);
      }
      const institution = resolveInstitution(values.institution ?? '', institutions);
      if (!institution) err('单位', 'institution.unknown', { text: values.institution ?? '', known });
      const rank = parseRank(values.rank ?? '', rankAliases);
      if (!rank) err('级别', 'rank.unknown', { text: values.rank ?? '', known: [...RANKS] });
      const title = values.title ?? '';
      if (!title) err('职务', 'title.empty', {});
      const { dates, errors, notes } = parseDateList(values.unavailable ?? '', window);
      for (const e of errors) problems.push(placed(e, { file, line, field: '不可接访日期' }));
      if (notes.length) problems.push(problem('date.note', { notes }, { severity: 'warning', file, line, field: '不可接访日期' }));
      const term = parseTerm(values);
      for (const e of term.errors) problems.push(placed(e.said, { file, line, field: e.field }));
      // A duplicate is reported even when the first row has other errors: every problem at once.
      const key = name && institution ? leaderKey({ institution, name }) : undefined;
      const first = key === undefined ? undefined : seen.get(key);
      if (first) err('姓名', 'leader.duplicate', { name, institution: institution!, first: `${first.file}:${first.line}` });
      else if (key !== undefined) seen.set(key, { file, line });
      if (!name || !institution || !rank || !title || errors.length || term.errors.length || first) continue;
      const leader: Leader = {
        name,
        institution,
        title,
        rank,
        portfolio: values.portfolio ?? '',
        unavailable: dates,
        liaison: values.liaison ?? '',
        phone: values.phone ?? '',
        ...(term.term ? { term: term.term } : {}),
        source: { file, line },
      };
      leaders.push(leader);
    }
  }
  const order = new Map(institutions.map((inst, i) => [inst.name, i]));
  // Institution order, then rank, then as the office listed them (stable sort keeps file order).
  leaders.sort((a, b) => order.get(a.institution)! - order.get(b.institution)! || RANKS.indexOf(a.rank) - RANKS.indexOf(b.rank));
  for (const [name, group] of groupNamesakes(leaders)) {
    problems.push(problem('leader.namesake', { name, institutions: group }, { severity: 'warning' }));
  }
  return { leaders, problems };
}

/** Names listed in several institutions with terms that overlap: a leader who moved (terms apart) is one person, no namesake. */
function groupNamesakes(leaders: Leader[]): Array<[string, string[]]> {
  const by = new Map<string, Leader[]>();
  for (const l of leaders) by.set(l.name, [...(by.get(l.name) ?? []), l]);
  return [...by]
    .filter(([, g]) => g.some((a, i) => g.some((b, j) => j > i && termsOverlap(a.term, b.term))))
    .map(([name, g]): [string, string[]] => [name, g.map((l) => l.institution)])
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

/** Among leaders of one name, those in office on `date` when that narrows them down. */
export function inOfficeOn<L extends Leader>(candidates: L[], date: IsoDate): L[] {
  const on = candidates.filter((l) => inTerm(l, date));
  return on.length > 0 ? on : candidates;
}
