// Duty-day patterns as notices write them (每周三, 每月15日（遇节假日顺延）, 每月第一个和第四个星期三 …),
// and a subset of RFC 5545 RRULE, read into one shape and laid over the holiday calendar. Hand-written:
// the Chinese spellings have no library, and the RRULE subset is three keys that map onto the same shape.
import type { Calendar } from './calendar.js';
import { addDays, daysInMonth, isoWeekday, parseDate, weekdayName } from './dates.js';
import type { Said } from './messages.js';
import type { DayInfo, IsoDate } from './types.js';

/** What happens to a pattern day that falls on a day off: next working day, previous one, or none. */
export type HolidayRule = '顺延' | '提前' | '取消';
export const HOLIDAY_RULES: readonly HolidayRule[] = ['顺延', '提前', '取消'];

/**
 * The default when a pattern names no holiday rule: 顺延, as most notices write it (遇节假日顺延), and
 * because it keeps the number of duty days in a month, so a monthly quota met by the one monthly day
 * still has a day. Explicit dates (公开接访日) are kept as written unless a rule is given.
 */
export const DEFAULT_HOLIDAY_RULE: HolidayRule = '顺延';

/** ISO weekday 1 = Monday … 7 = Sunday; n 1 … 5, or −1 for the last in the month. */
export interface NthWeekday {
  n: number;
  weekday: number;
}

export type PatternShape =
  | { kind: 'working-days' }
  | { kind: 'weekly'; weekdays: number[] }
  | { kind: 'month-days'; days: number[] }
  | { kind: 'nth-weekday'; days: NthWeekday[] }
  | { kind: 'dates'; dates: IsoDate[] };

export interface Pattern {
  /** As written, for messages and the page. */
  text: string;
  shape: PatternShape;
  /** The rule the text names, or undefined for the default (DEFAULT_HOLIDAY_RULE; dates as written). */
  holiday?: HolidayRule;
}

/** The spellings rota reads, shown in the error for any other text. */
export const PATTERN_EXAMPLES = [
  '每个工作日',
  '每周三',
  '每周一和周四',
  '每周三（遇节假日取消）',
  '每月15日（遇节假日顺延）',
  '每月8日和25日（遇节假日取消）',
  '每月第一个和第四个星期三（遇节假日提前）',
  '每月最后一个星期五',
  '2024-06-27、2024-07-25',
  'FREQ=WEEKLY;BYDAY=MO,TH',
  'FREQ=MONTHLY;BYMONTHDAY=8,25',
  'FREQ=MONTHLY;BYDAY=1WE,4WE',
] as const;

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const WEEKDAY_CHARS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, 七: 7 };
const RRULE_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const LIST = /和|、|,|及|与|;/;
const WEEK_WORD = /^(?:星期|周|礼拜)/;

/** 1 … 31 written 15, 十五, 二十五, 三十一. */
function chineseNumber(s: string): number | undefined {
  if (/^\d{1,2}$/.test(s)) return +s;
  const m = /^([二三])?十([一二三四五六七八九])?$|^([一二三四五六七八九])$/.exec(s);
  if (!m) return undefined;
  if (m[3]) return DIGITS[m[3]];
  return (m[1] ? DIGITS[m[1]] : 1) * 10 + (m[2] ? DIGITS[m[2]] : 0);
}

/** 一 … 日 (or 1 … 7), with or without 星期/周/礼拜. */
function weekday(s: string): number | undefined {
  const t = s.replace(WEEK_WORD, '');
  if (/^[1-7]$/.test(t)) return +t;
  return WEEKDAY_CHARS[t];
}

/** 一至五 (ranges) or single weekdays. */
function weekdays(list: string): number[] | undefined {
  const out: number[] = [];
  for (const piece of list.split(LIST)) {
    const range = piece.split(/至|到|~|-|—/);
    const ends = range.map(weekday);
    if (ends.some((e) => e === undefined) || ends.length > 2) return undefined;
    const [a, b = a] = ends as number[];
    if (b < a) return undefined;
    for (let d = a; d <= b; d++) out.push(d);
  }
  return sortedUnique(out);
}

function monthDays(list: string): number[] | undefined {
  const pieces = list.split(LIST);
  if (!/[日号]$/.test(list)) return undefined;
  const days = pieces.map((p) => chineseNumber(p.replace(/[日号]$/, '')));
  if (days.some((d) => d === undefined || d < 1 || d > 31)) return undefined;
  return sortedUnique(days as number[]);
}

/** 第一个和第四个星期三, 第1个周一和最后一个周五: a weekday written later serves the pieces before it. */
function nthWeekdays(list: string): NthWeekday[] | undefined {
  const parsed: Array<{ n: number; weekday?: number }> = [];
  for (const piece of list.split(LIST)) {
    const m = /^(?:第([一二三四五1-5])|(最后一?|倒数第一))个?(.*)$/.exec(piece);
    if (!m) return undefined;
    const n = m[1] ? (DIGITS[m[1]] ?? +m[1]) : -1;
    const wd = m[3] === '' ? undefined : weekday(m[3]);
    if (m[3] !== '' && (wd === undefined || !WEEK_WORD.test(m[3]))) return undefined;
    parsed.push({ n, weekday: wd });
  }
  let next: number | undefined;
  for (let i = parsed.length - 1; i >= 0; i--) {
    parsed[i].weekday ??= next;
    next = parsed[i].weekday;
  }
  if (parsed.some((p) => p.weekday === undefined)) return undefined;
  return parsed as NthWeekday[];
}

function dateList(text: string): IsoDate[] | undefined {
  const pieces = text.split(/[、,;]+|和/).filter(Boolean);
  const dates = pieces.map(parseDate);
  if (!pieces.length || dates.some((d) => d === undefined)) return undefined;
  return [...new Set(dates as IsoDate[])].sort();
}

/** FREQ=WEEKLY;BYDAY=MO,TH · FREQ=MONTHLY;BYMONTHDAY=8,25 · FREQ=MONTHLY;BYDAY=1WE,-1FR */
function rrule(text: string): PatternShape | undefined {
  const parts = new Map<string, string>();
  for (const kv of text.replace(/^RRULE:/i, '').split(';')) {
    const [k, v, ...rest] = kv.split('=');
    if (v === undefined || rest.length || parts.has(k.toUpperCase())) return undefined;
    parts.set(k.toUpperCase(), v.toUpperCase());
  }
  const freq = parts.get('FREQ');
  const known = ['FREQ', 'BYDAY', 'BYMONTHDAY', 'WKST'];
  if ([...parts.keys()].some((k) => !known.includes(k)) || (parts.get('INTERVAL') ?? '1') !== '1') return undefined;
  const byday = parts.get('BYDAY')?.split(',');
  const bymonthday = parts.get('BYMONTHDAY')?.split(',');
  if (freq === 'WEEKLY' && byday && !bymonthday) {
    const days = byday.map((d) => RRULE_DAYS.indexOf(d) + 1);
    return days.every((d) => d > 0) ? { kind: 'weekly', weekdays: sortedUnique(days) } : undefined;
  }
  if (freq === 'MONTHLY' && bymonthday && !byday) {
    const days = bymonthday.map(Number);
    return days.every((d) => Number.isInteger(d) && d >= 1 && d <= 31) ? { kind: 'month-days', days: sortedUnique(days) } : undefined;
  }
  if (freq === 'MONTHLY' && byday && !bymonthday) {
    const days = byday.map((d) => /^(-1|\+?[1-5])(MO|TU|WE|TH|FR|SA|SU)$/.exec(d));
    if (days.some((m) => !m)) return undefined;
    return { kind: 'nth-weekday', days: days.map((m) => ({ n: +m![1], weekday: RRULE_DAYS.indexOf(m![2]) + 1 })) };
  }
  return undefined;
}

const sortedUnique = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);

/** （遇节假日顺延）, ，如遇节假日取消, (节假日提前至前一个工作日) at the end of the text. */
const HOLIDAY_CLAUSE =
  /[(,]?(?:如|若)?(?:遇|逢)?(?:法定)?(?:节假日|节日|假日|休息日)(?:则|时)?(顺延|提前|取消|暂停)(?:至|到)?(?:下一个?工作日|前一个?工作日|上一个?工作日)?\)?$/;

/**
 * Reads a pattern as notices write it, or a subset of RRULE; the error lists the accepted spellings.
 * @example
 * parsePattern('每月15日（遇节假日顺延）') // { shape: { kind: 'month-days', days: [15] }, holiday: '顺延', … }
 */
export function parsePattern(text: string): { pattern?: Pattern; error?: Said } {
  // Spaces between two dates separate them; any other space is ignored (每周 三).
  const t = text
    .normalize('NFKC')
    .replace(/(?<=[\d日])\s+(?=\d)/g, ',')
    .replace(/\s+/g, '');
  const clause = HOLIDAY_CLAUSE.exec(t);
  const body = clause ? t.slice(0, clause.index) : t;
  const holiday = clause ? (clause[1] === '暂停' ? '取消' : (clause[1] as HolidayRule)) : undefined;
  const shape = readShape(body);
  if (!shape) return { error: { code: 'pattern.unknown', args: { text: shown(text), examples: [...PATTERN_EXAMPLES] } } };
  return { pattern: { text: text.trim(), shape, ...(holiday ? { holiday } : {}) } };
}

/** The text as a message shows it: cut, so a pasted page does not become the message. */
const shown = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

function readShape(body: string): PatternShape | undefined {
  if (/^(?:每个?)?工作日$/.test(body)) return { kind: 'working-days' };
  if (/^(?:RRULE:)?FREQ=/i.test(body)) return rrule(body);
  let m = /^每(?:个)?(?:周|星期|礼拜)(?:的)?(.+)$/.exec(body);
  if (m) {
    const days = weekdays(m[1]);
    return days ? { kind: 'weekly', weekdays: days } : undefined;
  }
  m = /^每(?:个)?月(?:的)?(.+)$/.exec(body);
  if (m) {
    if (/^(?:第|最后|倒数)/.test(m[1])) {
      const days = nthWeekdays(m[1]);
      return days ? { kind: 'nth-weekday', days } : undefined;
    }
    const days = monthDays(m[1]);
    return days ? { kind: 'month-days', days } : undefined;
  }
  const dates = dateList(body);
  return dates ? { kind: 'dates', dates } : undefined;
}

/** A duty day the pattern yields; `moved` when a holiday rule took it from another date. */
export interface PatternDay {
  date: IsoDate;
  moved?: { from: IsoDate; reason: string; rule: HolidayRule };
}

/** A pattern day that fell on a day off and was dropped (取消), moved out of the window, or onto a duty day (into). */
export interface DroppedDay {
  date: IsoDate;
  reason: string;
  rule: HolidayRule;
  into?: IsoDate;
}

const MAX_MOVE_DAYS = 60;

/** The dates a shape names in from..to, before any holiday rule. */
function candidates(shape: PatternShape, from: IsoDate, to: IsoDate): IsoDate[] {
  if (shape.kind === 'dates') return shape.dates.filter((d) => d >= from && d <= to);
  const out: IsoDate[] = [];
  const first = +from.slice(0, 4) * 12 + +from.slice(5, 7) - 1;
  const end = +to.slice(0, 4) * 12 + +to.slice(5, 7) - 1;
  for (let k = first; k <= end; k++) {
    const y = Math.floor(k / 12);
    const m = (k % 12) + 1;
    const last = daysInMonth(y, m);
    const date = (d: number) => `${y}-${pad(m)}-${pad(d)}`;
    const firstWeekday = isoWeekday(date(1));
    for (let d = 1; d <= last; d++) {
      const wd = ((firstWeekday - 1 + d - 1) % 7) + 1;
      const nth = Math.ceil(d / 7);
      const isLast = d + 7 > last;
      const hit =
        shape.kind === 'weekly'
          ? shape.weekdays.includes(wd)
          : shape.kind === 'month-days'
            ? shape.days.includes(d)
            : shape.kind === 'nth-weekday'
              ? shape.days.some((x) => x.weekday === wd && (x.n === nth || (x.n === -1 && isLast)))
              : false;
      if (hit) out.push(date(d));
    }
  }
  return out.filter((d) => d >= from && d <= to);
}

const pad = (n: number) => String(n).padStart(2, '0');

function nextWorking(calendar: Calendar, date: IsoDate, step: 1 | -1): IsoDate | undefined {
  for (let k = 1, d = addDays(date, step); k <= MAX_MOVE_DAYS; k++, d = addDays(d, step)) if (calendar.isWorkingDay(d)) return d;
  return undefined;
}

/**
 * The duty days a pattern yields in from..to on the calendar, with each move and drop explained. A
 * pattern day on a day off is moved (顺延 / 提前) or dropped (取消); two days that land on one date
 * are one duty day; a day moved out of the window is dropped, one moved into it from outside is kept.
 */
export function patternDays(
  pattern: Pattern,
  calendar: Calendar,
  from: IsoDate,
  to: IsoDate,
): { days: PatternDay[]; dropped: DroppedDay[] } {
  const { shape } = pattern;
  if (shape.kind === 'working-days') return { days: calendar.workingDays(from, to).map((date) => ({ date })), dropped: [] };
  const rule = pattern.holiday ?? (shape.kind === 'dates' ? undefined : DEFAULT_HOLIDAY_RULE);
  const all = candidates(shape, addDays(from, -MAX_MOVE_DAYS), addDays(to, MAX_MOVE_DAYS));
  const kept = (date: IsoDate) => !rule || calendar.isWorkingDay(date);
  const days = new Map<IsoDate, PatternDay>(all.filter((d) => d >= from && d <= to && kept(d)).map((date) => [date, { date }]));
  const dropped: DroppedDay[] = [];
  for (const date of all.filter((d) => !kept(d))) {
    const reason = calendar.day(date).reason ?? '';
    const target = rule === '取消' ? undefined : nextWorking(calendar, date, rule === '顺延' ? 1 : -1);
    const inside = target !== undefined && target >= from && target <= to;
    if (inside && !days.has(target)) days.set(target, { date: target, moved: { from: date, reason, rule: rule! } });
    else if (date >= from && date <= to) dropped.push({ date, reason, rule: rule!, ...(inside ? { into: target } : {}) });
  }
  return { days: [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1)), dropped };
}

/**
 * The calendar of a round with a pattern: a duty day is `working`, any other working day is marked
 * `nonDuty` (not a holiday: the page shows no holiday on it). Years are expanded as they are asked for,
 * so quota periods past the window follow the same pattern.
 */
export function patternCalendar(base: Calendar, pattern: Pattern): Calendar {
  const years = new Map<number, Map<IsoDate, PatternDay>>();
  const dutyDays = (year: number) => {
    let ds = years.get(year);
    if (!ds) {
      ds = new Map(patternDays(pattern, base, `${year}-01-01`, `${year}-12-31`).days.map((d) => [d.date, d]));
      years.set(year, ds);
    }
    return ds;
  };
  const cache = new Map<IsoDate, DayInfo>();
  const day = (date: IsoDate): DayInfo => {
    let info = cache.get(date);
    if (info) return info;
    const b = base.day(date);
    const duty = dutyDays(+date.slice(0, 4)).get(date);
    if (duty && !b.working) info = { ...b, working: true };
    else if (!duty && b.working) info = { ...b, working: false, nonDuty: true };
    else info = b;
    if (duty?.moved) info = { ...info, movedFrom: duty.moved.from };
    cache.set(date, info);
    return info;
  };
  return {
    ...base,
    plain: base,
    day,
    isWorkingDay: (date) => day(date).working,
    days: (from, to) => base.days(from, to).map((d) => day(d.date)),
    workingDays: (from, to) => base.days(from, to).flatMap((d) => (day(d.date).working ? [d.date] : [])),
  };
}

/** One line for a moved or dropped day: 2025-10-01 星期三（国庆节）顺延至 2025-10-09 星期四. */
export function moveText(d: PatternDay | DroppedDay): string {
  if ('moved' in d && d.moved) {
    const m = d.moved;
    return `${m.from} ${weekdayName(m.from)}（${m.reason}）${m.rule}至 ${d.date} ${weekdayName(d.date)}`;
  }
  const x = d as DroppedDay;
  const why =
    x.rule === '取消'
      ? '取消'
      : x.into
        ? `${x.rule}至 ${x.into} ${weekdayName(x.into)}，与当天的接访日合为一天`
        : `${x.rule}后不在范围内，不安排`;
  return `${x.date} ${weekdayName(x.date)}（${x.reason}）${why}`;
}
