// The calendar the plan will use: the window's working days, and each day that is not an ordinary
// weekday or weekend (holidays, 调休 make-up working days, the holidays file's changes).
import type { Ctx } from './context.js';
import { h } from './dom.js';

export function calendarView(ctx: Ctx): HTMLElement | undefined {
  const { round } = ctx;
  if (!round) return undefined;
  const days = round.calendar.days(round.config.from, round.config.to);
  const working = days.filter((d) => d.working).length;
  const special = days.filter((d) => (d.working ? d.makeup : d.isoWeekday < 6));
  return h(
    'div',
    { class: 'calendar' },
    h(
      'p',
      {},
      `${round.config.title}：${round.config.from} 至 ${round.config.to}，${working} 个工作日（${round.config.region === 'xinjiang' ? '新疆' : '全国'}节假日）。`,
      h('span', { lang: 'en' }, ` ${working} working days.`),
    ),
    workingDays(days.filter((d) => d.working).map((d) => d.date)),
    special.length
      ? h(
          'table',
          {},
          h('caption', {}, '节假日与调休 holidays and make-up days'),
          h(
            'thead',
            {},
            h('tr', {}, h('th', { scope: 'col' }, '日期'), h('th', { scope: 'col' }, '星期'), h('th', { scope: 'col' }, '安排')),
          ),
          h(
            'tbody',
            {},
            ...special.map((d) =>
              h('tr', {}, h('td', {}, d.date), h('td', {}, d.weekday), h('td', {}, `${d.working ? '调休上班' : '放假'} ${d.reason ?? ''}`)),
            ),
          ),
        )
      : undefined,
  );
}

/** Which days are working days, month by month (1月：2、3、6日…), folded so a year stays short. */
function workingDays(dates: string[]): HTMLElement {
  const months = new Map<string, string[]>();
  for (const d of dates) {
    const key = `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月`;
    months.set(key, [...(months.get(key) ?? []), String(Number(d.slice(8)))]);
  }
  return h(
    'details',
    { class: 'working-days' },
    h('summary', {}, `哪些是工作日 which days (${dates.length})`),
    h('ul', {}, ...[...months].map(([month, days]) => h('li', {}, `${month}：${days.join('、')}日`))),
  );
}
