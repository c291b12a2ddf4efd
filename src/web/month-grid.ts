// The calendar's month as weeks, 周一 first, and which days the edits changed: plain data for
// src/web/month-view.ts (no page, so it is tested on its own).
import { daysInMonth, isoWeekday } from '../core/dates.js';
import type { Duty, IsoDate } from '../core/types.js';

/** The month 'YYYY-MM' as weeks of seven (周一…周日), undefined before the 1st and after the last day. */
export function monthWeeks(month: string): Array<Array<IsoDate | undefined>> {
  const [y, m] = month.split('-').map(Number);
  const days = Array.from({ length: daysInMonth(y, m) }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
  const cells: Array<IsoDate | undefined> = [...Array(isoWeekday(days[0]) - 1).fill(undefined), ...days];
  while (cells.length % 7) cells.push(undefined);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** The month `n` months after 'YYYY-MM' (before it when n < 0). */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

const daySignature = (duties: Duty[]) =>
  duties
    .map((d) => `${d.kind}|${d.session ?? ''}|${d.institution}|${d.name}|${d.place}`)
    .sort()
    .join('\n');

/** The days whose duties differ between the publication and the timetable as it stands (a pin alone is no change). */
export function changedDays(published: Duty[], current: Duty[]): Set<IsoDate> {
  const group = (t: Duty[]) => {
    const by = new Map<IsoDate, Duty[]>();
    for (const d of t) by.set(d.date, [...(by.get(d.date) ?? []), d]);
    return by;
  };
  const a = group(published);
  const b = group(current);
  const out = new Set<IsoDate>();
  for (const date of new Set([...a.keys(), ...b.keys()]))
    if (daySignature(a.get(date) ?? []) !== daySignature(b.get(date) ?? [])) out.add(date);
  return out;
}
