// Civil-date arithmetic on day numbers. Hand-written rather than a date library (luxon) because the checker
// walks a million records and a DateTime per record costs ~100x this.
import type { IsoDate } from './types.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
export const WEEKDAYS = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'] as const;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** True for a real calendar date written YYYY-MM-DD (2024-02-30 is not). */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const y = +m[1],
    mo = +m[2],
    d = +m[3];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function dayNumber(date: IsoDate): number {
  let y = +date.slice(0, 4);
  const m = +date.slice(5, 7),
    d = +date.slice(8, 10);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function weekdayName(date: IsoDate): string {
  return WEEKDAYS[isoWeekday(date) - 1];
}

/** Every date from `from` to `to`, both included. */
export function eachDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let n = dayNumber(from), end = dayNumber(to); n <= end; n++) out.push(fromDayNumber(n));
  return out;
}

/** ISO week key like 2025-W01 (2024-12-30 belongs to 2025-W01). */
export function isoWeekKey(date: IsoDate): string {
  const n = dayNumber(date);
  const thursday = n - isoWeekday(date) + 4;
  const year = +fromDayNumber(thursday).slice(0, 4);
  const week = Math.floor((thursday - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function monthKey(date: IsoDate): string {
  return date.slice(0, 7);
}

export function quarterKey(date: IsoDate): string {
  return `${date.slice(0, 4)}-Q${Math.floor((+date.slice(5, 7) - 1) / 3) + 1}`;
}

/** Sorts anything with a date by that date (YYYY-MM-DD compares as text). */
export function byDate(a: { date: IsoDate }, b: { date: IsoDate }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** 12-19: the month and day, for messages inside one round. */
export const monthDay = (date: IsoDate): string => date.slice(5);

export function yearKey(date: IsoDate): string {
  return date.slice(0, 4);
}

/** The years the calendar accepts: past them every day is guesswork, and a typo such as 0000 or 9999 would mean centuries of work. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;
export const inCalendarYears = (date: IsoDate): boolean => +date.slice(0, 4) >= FIRST_YEAR && +date.slice(0, 4) <= LAST_YEAR;

/** The message code for a date text parseDate refused: a real date outside the calendar's years, or not a date. */
export function badDateCode(text: string): 'date.out-of-years' | 'date.invalid' {
  const iso = readDate(text);
  return iso && !inCalendarYears(iso) ? 'date.out-of-years' : 'date.invalid';
}

/**
 * Reads a date as clerks write it: 2024-12-11, 2024/12/11 (what Excel saves), 2024.12.11,
 * 2024年12月11日, with or without leading zeros. Returns undefined for anything else, an
 * impossible date or one outside the calendar's years (outOfYears says so).
 */
export function parseDate(text: string): IsoDate | undefined {
  const iso = readDate(text);
  return iso && inCalendarYears(iso) ? iso : undefined;
}

function readDate(text: string): IsoDate | undefined {
  const t = text.trim();
  // As rota and most lists write it: ISO, compiled already, instead of compiling the general pattern.
  if (ISO.test(t)) return isIsoDate(t) ? t : undefined;
  const m = /^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?$/.exec(t);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}
