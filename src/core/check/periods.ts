// The periods a quota rule counts in: ISO week (Monday-Sunday, 2024-12-30 is in 2025-W01),
// month, quarter and year, each with its key (2024-W47, 2024-11, 2024-Q4, 2024) and its days.
import { addDays, daysInMonth, isoWeekday, isoWeekKey, monthKey, quarterKey, yearKey } from '../dates.js';
import type { IsoDate, Period } from '../types.js';

export interface PeriodSpan {
  period: Period;
  /** 2024-W47, 2024-11, 2024-Q4 or 2024. */
  key: string;
  from: IsoDate;
  to: IsoDate;
}

export const PERIOD_NAMES: Record<Period, string> = { week: '周', month: '月', quarter: '季度', year: '年' };

/** The period of kind `period` that contains `date`. */
export function periodOf(period: Period, date: IsoDate): PeriodSpan {
  const y = +date.slice(0, 4);
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (period) {
    case 'week': {
      const from = addDays(date, 1 - isoWeekday(date));
      return { period, key: isoWeekKey(date), from, to: addDays(from, 6) };
    }
    case 'month': {
      const m = +date.slice(5, 7);
      return { period, key: monthKey(date), from: `${date.slice(0, 7)}-01`, to: `${date.slice(0, 7)}-${pad(daysInMonth(y, m))}` };
    }
    case 'quarter': {
      const q = Math.floor((+date.slice(5, 7) - 1) / 3);
      const last = q * 3 + 3;
      return { period, key: quarterKey(date), from: `${y}-${pad(q * 3 + 1)}-01`, to: `${y}-${pad(last)}-${pad(daysInMonth(y, last))}` };
    }
    case 'year':
      return { period, key: yearKey(date), from: `${y}-01-01`, to: `${y}-12-31` };
  }
}

const keys = new Map<Period, Map<IsoDate, string>>();

/** periodOf(period, date).key, remembered: the planner asks for the same few hundred dates many times. */
export function periodKey(period: Period, date: IsoDate): string {
  let byDate = keys.get(period);
  if (!byDate) keys.set(period, (byDate = new Map()));
  let key = byDate.get(date);
  if (key === undefined) byDate.set(date, (key = periodOf(period, date).key));
  return key;
}

/** Every period of kind `period` that shares at least one day with from..to, in order. */
export function periodsOverlapping(period: Period, from: IsoDate, to: IsoDate): PeriodSpan[] {
  const out: PeriodSpan[] = [];
  for (let d = from; d <= to; ) {
    const span = periodOf(period, d);
    out.push(span);
    d = addDays(span.to, 1);
  }
  return out;
}

/** The days from the first to the last of the whole periods (of each kind given) that from..to overlaps. */
export function periodsReach(periods: Period[], from: IsoDate, to: IsoDate): { first: IsoDate; last: IsoDate } {
  let first = from;
  let last = to;
  for (const p of periods) {
    const a = periodOf(p, from).from;
    const b = periodOf(p, to).to;
    if (a < first) first = a;
    if (b > last) last = b;
  }
  return { first, last };
}

/** True when the whole period lies inside from..to (only such periods are judged). */
export function wholeInside(span: PeriodSpan, from: IsoDate, to: IsoDate): boolean {
  return span.from >= from && span.to <= to;
}
