// The user's holidays file (日期, 类型 休息|上班, 名称): local closures and extra working days.
import { badDateCode, byDate, parseDate } from './dates.js';
import { type MessageArgs, type MessageCode, problem } from './messages.js';
import type { HolidayEntry, Problem, RawRow } from './types.js';

export const HOLIDAY_COLUMNS = [
  { field: 'date', headers: ['日期', 'date'], required: true },
  { field: 'type', headers: ['类型', 'type'], required: true },
  { field: 'name', headers: ['名称', 'name'] },
];

const TYPES: Record<string, HolidayEntry['type']> = {
  休息: '休息',
  放假: '休息',
  休: '休息',
  off: '休息',
  上班: '上班',
  班: '上班',
  work: '上班',
};

export function buildHolidayOverrides(file: string, rows: RawRow[]): { entries: HolidayEntry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const entries: HolidayEntry[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of rows) {
    const err = <C extends MessageCode>(field: string, code: C, args: MessageArgs<C>) =>
      problems.push(problem(code, args, { file, line, field }));
    const date = parseDate(values.date ?? '');
    if (!date) err('日期', badDateCode(values.date ?? ''), { text: values.date ?? '' });
    const type = TYPES[(values.type ?? '').toLowerCase()];
    if (!type) err('类型', 'holiday.type-unknown', { text: values.type ?? '' });
    if (!date || !type) continue;
    if (seen.has(date)) {
      err('日期', 'row.duplicate', { what: date, line: seen.get(date)! });
      continue;
    }
    seen.set(date, line);
    entries.push({ date, type, name: values.name || (type === '休息' ? '本地休息日' : '本地上班日'), source: { file, line } });
  }
  entries.sort(byDate);
  return { entries, problems };
}
