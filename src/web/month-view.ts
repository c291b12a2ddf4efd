// The plan as a month calendar (周一…周日): each day's duties (kind, 时段, leader), the days changed
// against the publication marked, a leader's days found by name, the month printed on A4, undo and
// redo. The month's table is drawn again only when the timetable or the month changes; a search or
// a drag changes the drawn table in place (src/web/month-drag.ts).

import { kindText } from '../core/slot-text.js';
import type { Duty } from '../core/types.js';
import type { Ctx } from './context.js';
import { h, messageView, section } from './dom.js';
import { step, undoKeys } from './history.js';
import { dragKeys, dragMouse } from './month-drag.js';
import { changedDays, monthWeeks, shiftMonth } from './month-grid.js';
import { todayOf } from './state.js';

const WEEK = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const monthName = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

/** The month shown: the one chosen, else today's when the timetable has it, else the first with a duty. */
function monthOf(ctx: Ctx, duties: Duty[]): string {
  if (ctx.ui.month) return ctx.ui.month;
  const today = todayOf(ctx.state).slice(0, 7);
  return duties.some((d) => d.date.startsWith(today)) ? today : duties[0].date.slice(0, 7);
}

/** A duty as the calendar shows it: its kind and 时段, the leader, 锁定. */
function chip(d: Duty, i: number, id: string, tab: boolean): HTMLElement {
  return h(
    'button',
    { type: 'button', class: d.kind === '下访' ? 'duty visit' : 'duty', id, 'data-i': i, draggable: 'true', tabindex: tab ? 0 : -1 },
    h('span', { class: 'kind' }, d.session ? `${kindText(d)}·${d.session}` : kindText(d)),
    ' ',
    h('span', { class: 'who' }, d.name),
    d.pinned ? h('span', { class: 'pin' }, ' 锁定') : undefined,
  );
}

function drawMonth(ctx: Ctx, month: string, duties: Duty[]): HTMLElement {
  const changed = ctx.state.baseline ? changedDays(ctx.state.baseline.duties, duties) : new Set<string>();
  const byDate = new Map<string, number[]>();
  duties.forEach((d, i) => {
    if (d.date.startsWith(month)) byDate.set(d.date, [...(byDate.get(d.date) ?? []), i]);
  });
  const ids = [...byDate].flatMap(([date, list]) => list.map((_, n) => `m-${date}-${n}`));
  const tabId = ids.includes(ctx.ui.monthCursor ?? '') ? ctx.ui.monthCursor : ids[0];
  const day = (date: string | undefined) => {
    if (!date) return h('td', { class: 'blank' });
    const list = byDate.get(date) ?? [];
    return h(
      'td',
      { class: [list.length ? '' : 'off', changed.has(date) ? 'changed' : ''].join(' ').trim() || undefined, 'data-date': date },
      h('span', { class: 'day' }, `${Number(date.slice(8))}日`),
      changed.has(date) ? h('span', { class: 'changed-mark' }, ' 已改 changed') : undefined,
      ...list.map((i, n) => chip(duties[i], i, `m-${date}-${n}`, `m-${date}-${n}` === tabId)),
    );
  };
  const table = h(
    'table',
    { id: 'month-grid', 'aria-labelledby': 'month-title', 'aria-describedby': 'month-keys' },
    h('caption', { class: 'print-only' }, `${ctx.round?.config.title ?? ''} ${monthName(month)}`),
    h('thead', {}, h('tr', {}, ...WEEK.map((w) => h('th', { scope: 'col' }, w)))),
    h('tbody', {}, ...monthWeeks(month).map((week) => h('tr', {}, ...week.map(day)))),
  );
  dragKeys(ctx, table);
  dragMouse(ctx, table);
  return h('div', { class: 'scroll month-scroll' }, table);
}

/** Marks the searched leader's duties in the drawn month and says how many there are, this month and in all. */
export function searchIn(el: HTMLElement, duties: Duty[], name: string): string {
  const q = name.trim();
  let here = 0;
  for (const b of el.querySelectorAll<HTMLElement>('button.duty')) {
    const hit = Boolean(q) && duties[Number(b.dataset.i)].name.includes(q);
    b.classList.toggle('match', hit);
    if (hit) here++;
  }
  if (!q) return '';
  const all = duties.filter((d) => d.name.includes(q));
  const months = [...new Set(all.map((d) => monthName(d.date.slice(0, 7))))];
  return `「${q}」本月 ${here} 次，全部 ${all.length} 次${months.length ? `（${months.join('、')}）` : ''}。${here} this month, ${all.length} in all.`;
}

export function monthView(ctx: Ctx): HTMLElement | undefined {
  const duties = ctx.state.current;
  if (!duties?.length) return undefined;
  undoKeys(ctx, 'month');
  const month = monthOf(ctx, duties);
  const history = ctx.state.history;
  const message = ctx.ui.message?.at === 'month' ? ctx.ui.message : undefined;
  // Drawn again only when what it shows changed: a redraw for another part of the page (a message, the 换人 list) costs nothing here.
  const key = [month, duties, ctx.state.baseline, ctx.round, history, message];
  const kept = ctx.ui.monthView;
  if (kept && key.every((x, i) => x === kept.key[i])) return kept.el;
  const table = kept && key.slice(0, 4).every((x, i) => x === kept.key[i]) ? kept.table : drawMonth(ctx, month, duties);
  const el = sectionOf(ctx, month, duties, table);
  ctx.ui.monthView = { key, el, table };
  return el;
}

function sectionOf(ctx: Ctx, month: string, duties: Duty[], table: HTMLElement): HTMLElement {
  const found = h('p', { id: 'month-found', role: 'status' }, searchIn(table, duties, ctx.ui.search ?? ''));
  const first = duties[0].date.slice(0, 7);
  const last = duties[duties.length - 1].date.slice(0, 7);
  const go = (n: number) => () =>
    ctx.show((ui) => {
      ui.month = shiftMonth(month, n);
      ui.focus = n < 0 ? 'month-prev' : 'month-next';
    });
  const history = ctx.state.history;
  return section(
    'month',
    '日历 Calendar',
    h(
      'div',
      { class: 'month-bar' },
      h('button', { type: 'button', id: 'month-prev', disabled: month <= first, onclick: go(-1) }, '‹ 上个月 previous'),
      h('strong', { id: 'month-title' }, `${monthName(month)} ${month}`),
      h('button', { type: 'button', id: 'month-next', disabled: month >= last, onclick: go(1) }, '下个月 next ›'),
      h('label', { for: 'month-search' }, '按领导查找 find a leader '),
      h('input', {
        type: 'search',
        id: 'month-search',
        value: ctx.ui.search ?? '',
        // In place: marking a leader's days redraws nothing.
        oninput: (e) => {
          ctx.ui.search = (e.target as HTMLInputElement).value;
          found.textContent = searchIn(table, duties, ctx.ui.search);
        },
      }),
      h('button', { type: 'button', id: 'month-print', onclick: () => print() }, '打印本月 print'),
      h('button', { type: 'button', id: 'undo', disabled: !history?.undo.length, onclick: () => step(ctx, true, 'month') }, '撤销 undo'),
      h('button', { type: 'button', id: 'redo', disabled: !history?.redo.length, onclick: () => step(ctx, false, 'month') }, '重做 redo'),
    ),
    found,
    h(
      'p',
      { id: 'month-keys', class: 'hint' },
      '把一天的值班拖到另一天即对调两人；键盘：方向键选值班，空格或回车拿起，方向键选另一天，回车放下，Esc 取消。撤销 Ctrl+Z，重做 Ctrl+Y。Drag a duty onto another day to exchange; or Space to pick up, arrows, Enter to drop, Escape to cancel.',
    ),
    h('p', { id: 'month-live', class: 'sr-only', 'aria-live': 'polite' }),
    messageView(ctx.ui.message, 'month'),
    table,
  );
}
