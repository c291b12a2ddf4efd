// Duty records and timetables share one CSV format, so a published timetable is a record.
// Only 日期 and 姓名 are required; 类型 defaults to 接访; 单位 and 职务 tell namesakes apart.
import { coReceiverList, coReceiverText, showsCoReceivers, type Unit } from './co-receivers.js';
import { badDateCode, parseDate, weekdayName } from './dates.js';
import { type Institution, resolveInstitution } from './institutions.js';
import { inOfficeOn } from './leaders.js';
import { type MessageArgs, type MessageCode, problem } from './messages.js';
import { lostCharacterWarning } from './problems.js';
import { hoursOf, hoursText, kindText, MODE_KIND, modeOf, roleOf, SESSIONS, sessionOf } from './slot-text.js';
import { DUTY_ROLES } from './slots.js';
import { cleanName } from './text.js';
import type { Duty, Kind, Leader, Problem, RawRow } from './types.js';

export const RECORD_COLUMNS = [
  { field: 'date', headers: ['日期', 'date'], required: true },
  { field: 'weekday', headers: ['星期', 'weekday'] },
  { field: 'session', headers: ['时段', '时间段', '上下午', '接访时段', 'session'] },
  { field: 'hours', headers: ['接访时间', '接待时间', '时间', 'hours'] },
  { field: 'kind', headers: ['类型', '接访方式', '接访形式', '方式', 'kind'] },
  { field: 'institution', headers: ['单位', 'institution'] },
  { field: 'name', headers: ['姓名', 'name'], required: true },
  { field: 'title', headers: ['职务', 'title'] },
  { field: 'role', headers: ['角色', '身份', '接访角色', 'role'] },
  { field: 'portfolio', headers: ['分管工作', 'portfolio'] },
  { field: 'place', headers: ['地点', 'place'] },
  { field: 'pinned', headers: ['锁定', 'pinned'] },
  { field: 'with', headers: ['陪同单位', 'co-receivers'] },
];

/** The header a timetable CSV is written with, in this order. */
export const TIMETABLE_HEADER = ['日期', '星期', '类型', '单位', '姓名', '职务', '分管工作', '地点'];

const KIND_ALIASES: Record<string, Kind> = { 接访: '接访', 下访: '下访', reception: '接访', visit: '下访' };
const YES = new Set(['是', '锁定', '锁', 'y', 'yes', 'true', '1', '√', '✓']);

/** The activity kind a (cleaned) 类型 cell names: empty is 接访, a mode (视频接访) counts as 接访; undefined when it names none. */
export function kindOf(text: string): Kind | undefined {
  const t = text.toLowerCase();
  return t === '' ? '接访' : (KIND_ALIASES[t] ?? (modeOf(text) ? MODE_KIND : undefined));
}

export interface RecordResult {
  duty?: Duty;
  /** The leader the record names; undefined when nobody in the list matches. */
  leader?: Leader;
  problems: Problem[];
}

/**
 * Returns a function that turns one CSV row into a Duty, matching its leader by name and, among
 * namesakes, by 单位 then 职务. Fields the record leaves empty are taken from the leader list. A 时段 is
 * one rota knows (上午 …) or one of `sessions`, those the round's slots name (slotSessions).
 */
export function recordReader(
  leaders: Leader[],
  institutions: Institution[],
  sessions: readonly string[] = [],
): (file: string, row: RawRow) => RecordResult {
  const byName = new Map<string, Leader[]>();
  for (const l of leaders) byName.set(l.name, [...(byName.get(l.name) ?? []), l]);
  // A million-line file has a few hundred distinct dates and a handful of institutions: remember them.
  const dates = memo((text: string) => parseDate(text));
  const weekdays = memo(weekdayName);
  const insts = memo((text: string) => resolveInstitution(text, institutions));
  return (file, { line, values }) => {
    const problems: Problem[] = [];
    const err = <C extends MessageCode>(field: string, code: C, args: MessageArgs<C>) =>
      problems.push(problem(code, args, { file, line, field }));
    const date = dates(values.date ?? '');
    if (!date) err('日期', badDateCode(values.date ?? ''), { text: values.date ?? '' });
    const name = cleanName(values.name ?? '');
    if (!name) err('姓名', 'name.empty', {});
    // A bad byte in any published cell (not only 姓名) would reach the page as ? or �: told by field.
    for (const [field, text] of [
      ['姓名', name],
      ['职务', values.title ?? ''],
      ['分管工作', values.portfolio ?? ''],
      ['地点', values.place ?? ''],
    ] as const) {
      const lost = text ? lostCharacterWarning(file, line, field, text) : undefined;
      if (lost) problems.push(lost);
    }
    const kind = kindOf(values.kind ?? '');
    if (!kind) err('类型', 'kind.unknown', { text: values.kind ?? '' });
    let institution: string | undefined;
    if (values.institution) {
      institution = insts(values.institution);
      if (!institution) {
        err('单位', 'institution.unknown', { text: values.institution, known: institutions.map((i) => i.name) });
      }
    }
    const slot = slotFields(values, err, sessions);
    if (!date || !name || !kind || (values.institution && !institution) || !slot) return { problems };
    let candidates = byName.get(name) ?? [];
    if (candidates.length > 1 && institution) candidates = candidates.filter((l) => l.institution === institution);
    if (candidates.length > 1 && values.title) candidates = candidates.filter((l) => l.title === values.title);
    // A leader who moved is listed once per institution, each with its term: the record belongs to the one in office that day.
    if (candidates.length > 1) candidates = inOfficeOn(candidates, date);
    if (candidates.length > 1) {
      err('单位', 'leader.ambiguous', { name, institutions: candidates.map((l) => l.institution) });
      return { problems };
    }
    const leader = candidates[0];
    if (leader && institution && leader.institution !== institution) {
      err('单位', 'leader.other-institution', { name, listed: leader.institution, given: institution });
      return { problems };
    }
    const duty: Duty = {
      date,
      weekday: weekdays(date),
      kind,
      institution: institution ?? leader?.institution ?? '',
      name,
      title: values.title || leader?.title || '',
      portfolio: values.portfolio || leader?.portfolio || '',
      place: values.place ?? '',
      ...slot,
      source: { file, line },
    };
    if (values.pinned && YES.has(values.pinned.toLowerCase())) duty.pinned = true;
    if (values.with !== undefined) duty.with = coReceiverList(values.with);
    return { duty, leader, problems };
  };
}

/**
 * A row's 时段, 接访时间, 角色 and the mode its 类型 names, each only when given; undefined (after
 * telling each) when a cell names something rota does not know, so no duty is made from a half-read row.
 */
function slotFields(
  values: Record<string, string>,
  err: <C extends MessageCode>(field: string, code: C, args: MessageArgs<C>) => void,
  sessions: readonly string[],
): Pick<Duty, 'session' | 'hours' | 'mode' | 'role'> | undefined {
  const out: Pick<Duty, 'session' | 'hours' | 'mode' | 'role'> = {};
  let ok = true;
  const bad: typeof err = (field, code, args) => {
    ok = false;
    err(field, code, args);
  };
  if (values.session) {
    const session = sessionOf(values.session, sessions);
    if (session) out.session = session;
    else bad('时段', 'slot.session-unknown', { text: values.session, known: [...new Set([...SESSIONS, ...sessions])] });
  }
  if (values.hours) {
    const hours = hoursOf(values.hours);
    if (hours) out.hours = hours;
    else bad('接访时间', 'slot.hours-bad', { text: values.hours });
  }
  const mode = modeOf(values.kind ?? '');
  if (mode) out.mode = mode;
  if (values.role) {
    const role = roleOf(values.role);
    if (role) out.role = role;
    else bad('角色', 'slot.role-unknown', { text: values.role, known: [...DUTY_ROLES] });
  }
  return ok ? out : undefined;
}

/** Caches a pure function of a string; forgets everything past 4096 entries so memory stays bounded. */
export function memo<T>(f: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    if (cache.has(text)) return cache.get(text)!;
    const v = f(text);
    if (cache.size >= 4096) cache.clear();
    cache.set(text, v);
    return v;
  };
}

/** The cells of one timetable row, in TIMETABLE_HEADER order (类型 shows the mode, 视频接访, when there is one). */
export function dutyCells(d: Duty): string[] {
  return [d.date, d.weekday, kindText(d), d.institution, d.name, d.title, d.portfolio, d.place];
}

interface TimetableColumn {
  header: string;
  cell: (d: Duty) => string;
  /** Shown only when this holds: a timetable without sessions, roles, co-receivers or pins keeps its eight columns byte for byte. */
  when?: (duties: readonly Duty[], config: { units?: readonly Unit[] }) => boolean;
}

const some =
  (field: 'session' | 'hours' | 'role' | 'pinned') =>
  (duties: readonly Duty[]): boolean =>
    duties.some((d) => d[field]);

/** Every column a timetable can have, in the order it is written; read back through RECORD_COLUMNS. */
const TIMETABLE_COLUMNS: readonly TimetableColumn[] = [
  { header: '日期', cell: (d) => d.date },
  { header: '星期', cell: (d) => d.weekday },
  { header: '时段', cell: (d) => d.session ?? '', when: some('session') },
  { header: '接访时间', cell: (d) => (d.hours ? hoursText(d.hours) : ''), when: some('hours') },
  { header: '类型', cell: kindText },
  { header: '单位', cell: (d) => d.institution },
  { header: '姓名', cell: (d) => d.name },
  { header: '职务', cell: (d) => d.title },
  { header: '角色', cell: (d) => d.role ?? '', when: some('role') },
  { header: '分管工作', cell: (d) => d.portfolio },
  { header: '地点', cell: (d) => d.place },
  { header: '陪同单位', cell: (d) => coReceiverText(d.with ?? []), when: showsCoReceivers },
  { header: '锁定', cell: (d) => (d.pinned ? '是' : ''), when: some('pinned') },
];

/** The columns a timetable of these duties is written with: the eight always, the others when some duty (or the round's units) needs them. */
export function timetableColumns(duties: readonly Duty[], config: { units?: readonly Unit[] }): TimetableColumn[] {
  return TIMETABLE_COLUMNS.filter((c) => !c.when || c.when(duties, config));
}
