// Deadlines of 《信访工作条例》(2022) 第三十五条: a matter is concluded within 60 days of its acceptance;
// a complex one may be extended, with approval, by at most 30 days. Days are calendar days, and as in
// 民法典第二百零一条 the day of acceptance is not counted: accepted 2024-12-11, due 2025-02-09.
import { addDays, dayNumber } from '../dates.js';
import type { IsoDate } from '../types.js';
import { MAX_EXTENSION } from './states.js';
import type { Matter } from './types.js';

export const TIME_LIMIT_DAYS = 60;
/** Open matters due within this many days are listed as due soon (rota cases check --soon). */
export const DUE_SOON_DAYS = 7;

/** The last day to conclude the matter; undefined before it is accepted. */
export function dueDate(m: Pick<Matter, 'acceptedOn' | 'extensionDays' | 'extensionApprovedBy'>): IsoDate | undefined {
  if (!m.acceptedOn) return undefined;
  const extension = m.extensionApprovedBy ? Math.min(Math.max(m.extensionDays, 0), MAX_EXTENSION) : 0;
  return addDays(m.acceptedOn, TIME_LIMIT_DAYS + extension);
}

/** Where a matter stands on a day. */
export type Standing = 'not-accepted' | 'open' | 'due-soon' | 'overdue' | 'closed-on-time' | 'closed-late';

export function standing(m: Matter, today: IsoDate, soonDays = DUE_SOON_DAYS): { standing: Standing; due?: IsoDate; daysLeft?: number } {
  const due = dueDate(m);
  if (!due) return { standing: m.closedOn ? 'closed-on-time' : 'not-accepted' };
  if (m.closedOn) return { standing: m.closedOn <= due ? 'closed-on-time' : 'closed-late', due };
  const daysLeft = dayNumber(due) - dayNumber(today);
  return { standing: daysLeft < 0 ? 'overdue' : daysLeft <= soonDays ? 'due-soon' : 'open', due, daysLeft };
}
