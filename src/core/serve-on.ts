// Who serves fixed by date, as data (rota.json serveOn): 书记 in odd months and 县长 in even months;
// 正职 on Mondays, 副职 the other days. A leader whom an entry names serves only on days one of his or
// her entries allows; a leader no entry names may serve any duty day.
import { isoWeekday } from './dates.js';
import { ruleApplies } from './rules.js';
import type { IsoDate, Leader, RuleWho } from './types.js';

export interface ServeOn {
  who: RuleWho;
  /** Months 1 … 12; omitted: every month. */
  months?: number[];
  /** ISO weekdays 1 = Monday … 7 = Sunday; omitted: every weekday. */
  weekdays?: number[];
}

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** Whether the entries let the leader serve on the date. */
export function servesOn(entries: readonly ServeOn[], leader: Leader, date: IsoDate): boolean {
  const mine = entries.filter((e) => ruleApplies(e, leader));
  return (
    mine.length === 0 ||
    mine.some((e) => (!e.months || e.months.includes(+date.slice(5, 7))) && (!e.weekdays || e.weekdays.includes(isoWeekday(date))))
  );
}

/** 单月（1、3、5…月）的周一 — the days the leader's entries allow, in words. */
export function serveOnText(entries: readonly ServeOn[], leader: Leader): string {
  return entries
    .filter((e) => ruleApplies(e, leader))
    .map((e) => {
      const months = e.months ? `${e.months.join('、')}月` : '';
      const days = e.weekdays ? e.weekdays.map((d) => WEEKDAY_NAMES[d]).join('、') : '';
      return `${months}${months && days ? '的' : ''}${days}` || '任何接访日';
    })
    .join('或');
}
