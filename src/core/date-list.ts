// 不可接访日期 as clerks write it: dates and ranges separated by ; ； 、 , ， or spaces. A range is
// written with ~ 至 到 — or a hyphen (2024/12/15-2024/12/17, 2024/12/23-12/24, 2024年12月15日-17日,
// 12月15日至17日); a date without a year takes it from the round's window when only one fits.
import { addDays, dayNumber, eachDay, inCalendarYears, isIsoDate } from './dates.js';
import type { Said } from './messages.js';
import type { IsoDate } from './types.js';

const SEPARATORS = /[;；、,，\s\u3000]+/;
/** Range signs other than the hyphen; the hyphen also separates year, month and day. */
const RANGE = /\s*(?:~|～|〜|至|到|—|－|–)\s*/g;

/** 上午 / 下午 / 全天 after a date. */
const HALF_DAY = /(上午|下午|全天)/g;
/** （出差） or (培训): a note in brackets. */
const NOTE = /[（(][^）)]*[）)]/g;
/** 自…起, …起, …以后, …之后, …~ with nothing after. */
const OPEN_END = /^(?:自|从)?(.+?)(?:起|以后|之后|~)$/;

// Pieces of PIECE, as regular expressions' source rather than String.raw, whose Chinese characters the
// CLI's build could not write as \u escapes (scripts/ascii-bundles.mjs).
/** 2024-12-15, 2024/12/15, 2024.12.15, 2024年12月15日 */
const FULL = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/.source;
/** 12月15日, 12/15, 12.15, 12-15 (no year) */
const MONTH_DAY = /(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/.source;
/** 17日 or 17: the end of a range in the start's month */
const DAY = /(\d{1,2})\s*日?/.source;
const START = `(?:${FULL}|${MONTH_DAY})`;
const END = `(?:${FULL}|${MONTH_DAY}|${DAY})`;
const PIECE = new RegExp(`^${START}(?:\\s*[~-]\\s*${END})?$`);

/** The round's window, which gives a year to dates written without one. */
export interface DateWindow {
  from: IsoDate;
  to: IsoDate;
}

interface Parts {
  year?: number;
  month: number;
  day: number;
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * The year of a month-day: the one year of the window's years in which the date falls inside the
 * window; a single-year window gives its year to any date; otherwise the clerk is asked to choose.
 */
function yearFor(text: string, month: number, day: number, window: DateWindow | undefined): number | Said {
  if (!window) return { code: 'date.year-missing', args: { text } };
  const first = +window.from.slice(0, 4);
  const last = +window.to.slice(0, 4);
  if (first === last) return first;
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  const inside = years.filter((y) => {
    const d = iso(y, month, day);
    return isIsoDate(d) && d >= window.from && d <= window.to;
  });
  if (inside.length === 1) return inside[0];
  return { code: 'date.year-ambiguous', args: { text, choices: years.map((y) => iso(y, month, day)) } };
}

/** One date or range written exactly 2024-12-15 or 2024-12-15~2024-12-17, as rota's templates and most lists write it. */
const PLAIN = /^(\d{4}-\d{2}-\d{2})(?:~(\d{4}-\d{2}-\d{2}))?$/;
/** Plain dates separated by one separator each. */
const PLAIN_LIST = /^\d{4}-\d{2}-\d{2}(?:[;；、,，]\d{4}-\d{2}-\d{2})*$/;

/** Parses a list of dates and ranges; each bad piece gives one message saying what to write. */
export function parseDateList(text: string, window?: DateWindow): { dates: IsoDate[]; errors: Said[]; notes: string[] } {
  // An empty cell, and the plain and valid case, without the general reading's regular expressions,
  // whose first use (compiling them) is most of the time a small list takes; all else is read below.
  if (text === '') return { dates: [], errors: [], notes: [] };
  const plain = PLAIN.exec(text);
  if (plain) {
    const [, a, b = a] = plain;
    if (isIsoDate(a) && isIsoDate(b) && inCalendarYears(a) && inCalendarYears(b) && a <= b)
      return { dates: eachDay(a, b), errors: [], notes: [] };
  }
  // Plain dates alone (2024-12-15;2024-12-17, as a generated list writes them): each one is read as below
  // would read it, without the notes', ranges' and pieces' expressions (10,000 leaders' lists took 0.3 s).
  if (PLAIN_LIST.test(text)) {
    const each = text.split(SEPARATORS);
    if (each.every((d) => isIsoDate(d) && inCalendarYears(d))) return { dates: [...new Set(each)].sort(), errors: [], notes: [] };
  }
  const dates = new Set<IsoDate>();
  const errors: Said[] = [];
  const notes: string[] = [];
  // A half day (上午/下午) keeps the leader off that whole day: a duty is a day's reception. Notes in
  // brackets go first; then "a ~ b" (and "a - b" with spaces) are joined so the split keeps ranges whole.
  const bare = text
    .replace(NOTE, (m) => {
      notes.push(m);
      return ' ';
    })
    .replace(HALF_DAY, '');
  const joined = bare.replace(RANGE, '~').replace(/\s+-\s+/g, '~');
  for (const whole of joined.split(SEPARATORS).filter(Boolean)) {
    // Words without a digit after dates (12月18日上午、出差) are the reason; alone (下周一) they are refused.
    if (!/\d/.test(whole) && /\d/.test(bare)) {
      notes.push(whole);
      continue;
    }
    // Open-ended: 自12月18日起, 12月18日以后, 2024-12-18~ — to the end of the round.
    const open = OPEN_END.exec(whole);
    if (open && !window) {
      errors.push({ code: 'date.open-no-window', args: { text: whole } });
      continue;
    }
    const piece = open ? `${open[1]}~${window!.to}` : whole;
    if ((piece.match(/~/g) ?? []).length > 1) {
      errors.push({ code: 'date.range-twice', args: { text: piece } });
      continue;
    }
    const m = PIECE.exec(piece);
    if (!m) {
      errors.push({ code: 'date.invalid', args: { text: piece } });
      continue;
    }
    const start: Parts = m[1] ? { year: +m[1], month: +m[2], day: +m[3] } : { month: +m[4], day: +m[5] };
    const end: Parts | undefined = m[6]
      ? { year: +m[6], month: +m[7], day: +m[8] }
      : m[9]
        ? { month: +m[9], day: +m[10] }
        : m[11]
          ? { month: start.month, day: +m[11] }
          : undefined;
    let year = start.year;
    if (year === undefined) {
      const y = yearFor(whole, start.month, start.day, window);
      if (typeof y !== 'number') {
        errors.push(y);
        continue;
      }
      year = y;
    }
    const a = iso(year, start.month, start.day);
    if (!isIsoDate(a) || !inCalendarYears(a)) {
      errors.push({ code: isIsoDate(a) ? 'date.out-of-years' : 'date.invalid', args: { text: whole } });
      continue;
    }
    if (open && a > window!.to) continue; // from a day after the round: nothing in it
    if (!end) {
      dates.add(a);
      continue;
    }
    // An end without a year is in the start's year, or the next one when it would end before it starts (12/30-1/2).
    let b = iso(end.year ?? year, end.month, end.day);
    if (end.year === undefined && isIsoDate(b) && b < a && end.month < start.month) b = iso(year + 1, end.month, end.day);
    if (!isIsoDate(b) || !inCalendarYears(b))
      errors.push({ code: isIsoDate(b) ? 'date.out-of-years' : 'date.invalid', args: { text: whole } });
    else if (dayNumber(b) < dayNumber(a)) errors.push({ code: 'date.range-reversed', args: { from: a, to: b } });
    else for (const d of eachDay(a, b)) dates.add(d);
  }
  return { dates: [...dates].sort(), errors, notes };
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
