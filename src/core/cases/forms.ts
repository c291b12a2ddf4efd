// What the 领导干部接访表 and the liaison's list hold, apart from how they are printed: pure data
// shared by the HTML page and the Word document.
import type { Duty } from '../types.js';
import { bookingAfter, route } from './routing.js';
import type { Booking } from './types.js';

/** The visitor columns of the form, left blank for the staff to fill in on the day. */
export const VISITOR_COLUMNS = ['序号', '来访人', '联系方式', '身份证号', '住址', '反映问题', '领导批示', '责任单位', '办理期限'];
/** Blank visitor rows on each form: what fits one A4 page under the duty's details. */
export const VISITOR_ROWS = 8;

export interface FormFields {
  title: string;
  /** [label, value] in print order; an empty value is a line to write on. */
  fields: Array<[string, string]>;
}

/**
 * The form of one 接访 duty; `session` is the reception hours (rota.json hours) for a duty without its own.
 * A duty in a named session says it (上午 08:30—11:30); its 方式 and 角色 are rows of their own when it has them.
 */
export function receptionForm(d: Duty, session: string): FormFields {
  return {
    title: '领导干部接访表',
    fields: [
      ['接访日期', `${d.date}（${d.weekday}）`],
      ['时段', [d.session, d.hours ? sessionText(d.hours) : session].filter(Boolean).join(' ')],
      ...(d.mode ? [['接访方式', d.mode] as [string, string]] : []),
      ['接访领导', d.name],
      ...(d.role ? [['角色', d.role] as [string, string]] : []),
      ['单位职务', `${d.institution}　${d.title}`],
      ['分管工作', d.portfolio],
      ['接访地点', d.place],
      ['陪同单位', (d.with ?? []).join('、')],
    ],
  };
}

export const sessionText = (hours: { start: string; end: string } | undefined) => (hours ? `${hours.start}—${hours.end}` : '');

/** The forms of the 接访 duties from `from` to `to` (each optional), and the last of their days (the CLI and the app print these). */
export function formsOfDays(
  duties: readonly Duty[],
  hours: { start: string; end: string } | undefined,
  range: { from?: string; to?: string } = {},
): { forms: FormFields[]; last?: string } {
  const chosen = duties.filter((d) => d.kind === '接访' && (!range.from || d.date >= range.from) && (!range.to || d.date <= range.to));
  const last = chosen
    .map((d) => d.date)
    .sort()
    .at(-1);
  return { forms: chosen.map((d) => receptionForm(d, sessionText(hours))), last };
}

/** One leader's day on the liaison's list, and the bookings routed to it. */
export interface LiaisonDay {
  duty: Duty;
  bookings: Array<Booking & { matched: boolean }>;
}

/**
 * Routes every booking (src/core/cases/routing.ts) and groups them by the duty they go to, in date
 * order; bookings with no duty left are returned apart, by their line.
 */
export function liaisonDays(
  duties: readonly Duty[],
  bookings: readonly Booking[],
  today: string,
): { days: LiaisonDay[]; unrouted: Booking[] } {
  const byDuty = new Map<Duty, LiaisonDay>();
  const unrouted: Booking[] = [];
  for (const b of bookings) {
    const r = route(duties, b.concern, bookingAfter(today, b.wished));
    if (!r) {
      unrouted.push(b);
      continue;
    }
    const day = byDuty.get(r.duty) ?? { duty: r.duty, bookings: [] };
    day.bookings.push({ ...b, matched: r.matched });
    byDuty.set(r.duty, day);
  }
  const days = [...byDuty.values()].sort(
    (a, b) => a.duty.date.localeCompare(b.duty.date) || duties.indexOf(a.duty) - duties.indexOf(b.duty),
  );
  return { days, unrouted };
}
