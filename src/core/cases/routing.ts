// Which duty a resident should come to: the first one after the given day whose leader's 分管工作 covers
// the concern, else the first one after it at all; never a day already past.
import { addDays } from '../dates.js';
import { portfolioWords } from '../engine/sites.js';
import type { Duty, IsoDate } from '../types.js';

/** Whether a 分管工作 covers a concern: one of its words contains the concern's word or is contained in it. */
export function coversTopic(portfolio: string, topic: string): boolean {
  const topics = portfolioWords(topic);
  return topics.length > 0 && portfolioWords(portfolio).some((p) => topics.some((t) => p.includes(t) || t.includes(p)));
}

export interface Routed {
  duty: Duty;
  /** The leader's 分管工作 covers the concern (else it is simply the first duty after the day). */
  matched: boolean;
}

/**
 * The duty to book for `topic`: 接访 duties strictly after `after` (today, or the day before the resident's
 * wished date), the earliest whose 分管工作 covers the topic, else the earliest; undefined when none is left.
 * Duties on one day keep the timetable's order.
 */
export function route(duties: readonly Duty[], topic: string, after: IsoDate): Routed | undefined {
  const future = duties.filter((d) => d.kind === '接访' && d.date > after);
  const earliest = (ds: Duty[]) => ds.reduce<Duty | undefined>((best, d) => (!best || d.date < best.date ? d : best), undefined);
  const match = earliest(future.filter((d) => coversTopic(d.portfolio, topic)));
  if (match) return { duty: match, matched: true };
  const first = earliest(future);
  return first ? { duty: first, matched: false } : undefined;
}

/** The day a booking is routed after: today, or the day before the wished date when that is later. */
export function bookingAfter(today: IsoDate, wished: IsoDate | undefined): IsoDate {
  const dayBefore = wished ? addDays(wished, -1) : today;
  return dayBefore > today ? dayBefore : today;
}
