// Appointments booked in advance (提前约访), read from a CSV the office keeps: who, how to reach them,
// what about, and from which day they can come. Messages never repeat the name or the phone.
import { badDateCode, parseDate } from '../dates.js';
import { problem } from '../messages.js';
import { clean } from '../text.js';
import type { Problem, RawRow } from '../types.js';
import type { Booking } from './types.js';

export const BOOKING_COLUMNS = [
  { field: 'resident', headers: ['来访人', '姓名', 'resident'], required: true },
  { field: 'contact', headers: ['联系方式', '联系电话', 'contact'] },
  { field: 'concern', headers: ['主要问题', '反映问题', 'concern'], required: true },
  { field: 'wished', headers: ['希望日期', '约访日期', 'wished date'] },
];

export function bookingFromRow(file: string, row: RawRow): { booking?: Booking; problems: Problem[] } {
  const v = (f: string) => clean(row.values[f] ?? '');
  const problems: Problem[] = [];
  const at = (field: string) => ({ file, line: row.line, field });
  if (!v('resident')) problems.push(problem('case.cell-empty', { header: '来访人' }, at('来访人')));
  if (!v('concern')) problems.push(problem('case.cell-empty', { header: '主要问题' }, at('主要问题')));
  const wished = v('wished') ? parseDate(v('wished')) : undefined;
  if (v('wished') && !wished) problems.push(problem(badDateCode(v('wished')), { text: v('wished') }, at('希望日期')));
  if (problems.length) return { problems };
  return {
    booking: { resident: v('resident'), contact: v('contact'), concern: v('concern'), ...(wished ? { wished } : {}), line: row.line },
    problems,
  };
}
