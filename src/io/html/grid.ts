// The month grid: Monday-first weeks, holidays and make-up working days (调休上班) marked with
// their names from the calendar, each duty in its day. Built from the same duties as the table.
import type { Calendar } from '../../core/calendar.js';
import type { Config } from '../../core/config.js';
import { addDays, daysInMonth, eachDay, isoWeekday, WEEKDAYS } from '../../core/dates.js';
import type { Duty, IsoDate } from '../../core/types.js';
import { escapeHtml } from '../html-escape.js';

/** The months the window touches, as YYYY-MM. */
function months(from: IsoDate, to: IsoDate): string[] {
  const out: string[] = [];
  let y = +from.slice(0, 4),
    m = +from.slice(5, 7);
  const endKey = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= endKey) return out;
    if (m === 12) {
      y++;
      m = 1;
    } else m++;
  }
}

/** A day's holiday or make-up tag; weekends are shaded, not named. */
function dayTag(calendar: Calendar, date: IsoDate): string {
  const info = calendar.day(date);
  if (info.makeup && info.local) return `<span class="tag mk">${escapeHtml(info.reason ?? '')}（上班）</span>`;
  if (info.makeup) return `<span class="tag mk">${escapeHtml(info.reason ?? '')}调休上班</span>`;
  if (!info.working && info.reason && info.reason !== '周六' && info.reason !== '周日') {
    return `<span class="tag hol">${escapeHtml(info.reason)}</span>`;
  }
  return '';
}

function dayCell(date: IsoDate, duties: Duty[], config: Config, calendar: Calendar): string {
  const info = calendar.day(date);
  const inside = date >= config.from && date <= config.to;
  // A working day the pattern leaves without duty (每周三 …) is neither shaded nor tagged as a day off.
  const cls = [info.working || info.nonDuty ? '' : 'rest', inside ? '' : 'outside'].filter(Boolean).join(' ');
  const items = duties
    .map(
      (d) =>
        `<li data-find="${escapeHtml(`${d.portfolio} ${d.title}`)}"><b>${escapeHtml(d.name)}</b><small>${escapeHtml([d.session, d.institution].filter(Boolean).join(' '))}</small></li>`,
    )
    .join('');
  const day = +date.slice(8, 10);
  const label = `<span class="d"><span class="vh">${+date.slice(5, 7)}月</span>${day}<span class="vh">日</span></span>`;
  return `<td${cls ? ` class="${cls}"` : ''}>${label}${dayTag(calendar, date)}${items ? `<ul>${items}</ul>` : ''}</td>`;
}

export function renderMonthGrids(duties: readonly Duty[], config: Config, calendar: Calendar): string {
  const byDay = new Map<IsoDate, Duty[]>();
  for (const d of duties) byDay.set(d.date, [...(byDay.get(d.date) ?? []), d]);
  const head = `<thead><tr>${WEEKDAYS.map((w) => `<th scope="col" abbr="${w}">${w.replace('星期', '周')}</th>`).join('')}</tr></thead>`;
  return months(config.from, config.to)
    .map((ym) => {
      const y = +ym.slice(0, 4),
        m = +ym.slice(5, 7);
      const monthStart = `${ym}-01`,
        monthEnd = `${ym}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
      const first = config.from > monthStart ? config.from : monthStart;
      const last = config.to < monthEnd ? config.to : monthEnd;
      const start = addDays(first, 1 - isoWeekday(first));
      const end = addDays(last, 7 - isoWeekday(last));
      const weeks: string[] = [];
      let cells: string[] = [];
      for (const date of eachDay(start, end)) {
        cells.push(date.slice(0, 7) === ym ? dayCell(date, byDay.get(date) ?? [], config, calendar) : '<td class="blank"></td>');
        if (cells.length === 7) {
          weeks.push(`<tr>${cells.join('')}</tr>`);
          cells = [];
        }
      }
      return `<table class="grid"><caption>${y}年${m}月</caption>${head}<tbody>${weeks.join('')}</tbody></table>`;
    })
    .join('\n');
}
