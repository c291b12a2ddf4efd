// National holidays and make-up workdays (调休) from the State Council's yearly notices
// (国务院办公厅关于20XX年部分节假日安排的通知), as maintained by the chinese-days package.
// test/holidays-national.test.ts checks 2024-2026 day by day against the notices themselves.

import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { byDate } from '../dates.js';
import { groupBy } from '../group-by.js';
import type { HolidayEntry } from '../types.js';

/** chinese-days stores "English name,中文名,days"; we keep the Chinese name. */
function chineseName(value: string): string {
  return value.split(',')[1] ?? value;
}

function entries(table: Record<string, string>, type: HolidayEntry['type']): HolidayEntry[] {
  return Object.keys(table).map((date) => ({ date, type, name: chineseName(table[date]) }));
}

const byYear = groupBy([...entries(data.holidays, '休息'), ...entries(data.workdays, '上班')].sort(byDate), (e) => e.date.slice(0, 4));

/** Years for which the State Council's arrangement is in the data. */
export const nationalYears: ReadonlySet<number> = new Set([...byYear.keys()].map(Number));

/** One year's holidays and make-up days, in date order (none for a year not in the data). */
export function nationalEntriesOf(year: number): readonly HolidayEntry[] {
  return byYear.get(String(year)) ?? [];
}
