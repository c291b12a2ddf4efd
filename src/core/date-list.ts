// 不可接访日期 as clerks write it: dates and ranges separated by ; ； 、 , ， or spaces.
import { addDays, dayNumber, eachDay, outOfYears, parseDate, parseMonthDay } from './dates.js';
import type { IsoDate } from './types.js';

const SEPARATORS = /[;；、,，\s\u3000]+/;
const RANGE = /\s*(?:~|～|〜|至|到|—|－)\s*/g;

/** Parses a list of dates and ranges; each bad piece gives one message saying what was expected. */
export function parseDateList(text: string): { dates: IsoDate[]; errors: string[] } {
  const dates = new Set<IsoDate>();
  const errors: string[] = [];
  // Join "a ~ b" first so the separator split does not cut a range at its spaces.
  const joined = text.replace(RANGE, '~');
  for (const piece of joined.split(SEPARATORS).filter(Boolean)) {
    const [a, b, ...rest] = piece.split('~');
    if (rest.length > 0) {
      errors.push(`"${piece}" has more than one range sign; expected a date or a range like 2024-12-11~2024-12-13`);
      continue;
    }
    const start = parseDate(a);
    if (!start) {
      errors.push(outOfYears(a) ?? `"${a}" is not a real date; expected YYYY-MM-DD, e.g. 2024-12-11`);
      continue;
    }
    if (b === undefined) {
      dates.add(start);
      continue;
    }
    const end = parseDate(b) ?? parseMonthDay(b, +start.slice(0, 4));
    if (!end) {
      errors.push(outOfYears(b) ?? `"${b}" is not a real date; expected YYYY-MM-DD, e.g. 2024-12-13`);
    } else if (dayNumber(end) < dayNumber(start)) {
      errors.push(`range ${start}~${end} ends before it starts`);
    } else {
      for (const d of eachDay(start, end)) dates.add(d);
    }
  }
  return { dates: [...dates].sort(), errors };
}

/** The inverse of parseDateList: sorted dates, consecutive runs as ranges, joined by 、. */
export function formatDateList(dates: IsoDate[]): string {
  const sorted = [...new Set(dates)].sort();
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === addDays(sorted[j], 1)) j++;
    out.push(i === j ? sorted[i] : `${sorted[i]}~${sorted[j]}`);
    i = j + 1;
  }
  return out.join('、');
}
