// The plan as a month calendar (周一…周日): each day's duties (kind, 时段, leader), the days changed
// against the publication marked, a leader's days found by name, the month printed on A4, undo and
// redo, and the round's leaders beside it (src/web/month-leaders.ts). The section is drawn once and
// then changed in place: an edit redraws only the days whose duties changed (a township year's edit
// must cost the page well under 100 ms); the month's table is drawn again only for another month.

import { kindText } from '../core/slot-text.js';
import type { Duty, IsoDate } from '../core/types.js';
import type { Ctx, Message } from './context.js';
import { h, messageView, section } from './dom.js';
import { step, undoKeys } from './history.js';
import { judgeFor } from './judge.js';
import { dragFocus, dragKeys, dragMouse, dragTurn, heldRedrawn, isHeld } from './month-drag.js';
import { changedDays, monthWeeks, shiftMonth } from './month-grid.js';
import { leaderList } from './month-leaders.js';
import { todayOf } from './state.js';

const WEEK = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
export const monthName = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

/** The month shown: the one chosen, else today's when the timetable has it, else the first with a duty. */
function monthOf(ctx: Ctx, duties: Duty[]): string {
  if (ctx.ui.month) return ctx.ui.month;
  const today = todayOf(ctx.state).slice(0, 7);
  return duties.some((d) => d.date.startsWith(today)) ? today : duties[0].date.slice(0, 7);
}

/** A duty as the calendar shows it: its kind and 时段, the leader, 锁定. */
function chip(d: Duty, i: number, id: string): HTMLElement {
  return h(
    'button',
    { type: 'button', class: d.kind === '下访' ? 'duty visit' : 'duty', id, 'data-i': i, draggable: 'true', tabindex: -1 },
    h('span', { class: 'kind' }, d.session ? `${kindText(d)}·${d.session}` : kindText(d)),
    ' ',
    h('span', { class: 'who' }, d.name),
    d.pinned ? h('span', { class: 'pin' }, ' 锁定') : undefined,
  );
}

/** One day of the month as drawn: its rows (by row number) and whether it differs from the publication. */
interface Day {
  rows: number[];
  duties: Duty[];
  changed: boolean;
}

const sameDay = (a: Day | undefined, b: Day) =>
  Boolean(a) &&
  a!.changed === b.changed &&
  a!.rows.length === b.rows.length &&
  a!.rows.every((r, k) => r === b.rows[k] && a!.duties[k] === b.duties[k]);

/** The month's days: each date's duties (by identity, so an edit's untouched rows compare in no time) and the changed ones. */
function daysOf(ctx: Ctx, month: string, duties: Duty[]): Map<IsoDate, Day> {
  const inMonth = (d: Duty) => d.date.startsWith(month);
  const base = ctx.state.baseline?.duties.filter(inMonth);
  const out = new Map<IsoDate, Day>();
  duties.forEach((d, i) => {
    if (!inMonth(d)) return;
    const day = out.get(d.date) ?? { rows: [], duties: [], changed: false };
    day.rows.push(i);
    day.duties.push(d);
    out.set(d.date, day);
  });
  if (base)
    for (const date of changedDays(base, duties.filter(inMonth)))
      out.set(date, { ...(out.get(date) ?? { rows: [], duties: [] }), changed: true });
  return out;
}

function cell(date: IsoDate | undefined, day: Day | undefined): HTMLTableCellElement {
  if (!date) return h('td', { class: 'blank' });
  const list = day?.rows ?? [];
  return h(
    'td',
    { class: [list.length ? '' : 'off', day?.changed ? 'changed' : ''].join(' ').trim() || undefined, 'data-date': date },
    h('span', { class: 'day' }, `${Number(date.slice(8))}日`),
    day?.changed ? h('span', { class: 'changed-mark' }, ' 已改 changed') : undefined,
    ...list.map((i, n) => chip(day!.duties[n], i, `m-${date}-${n}`)),
  );
}

/** The month's table as drawn, with what each day was drawn from. */
interface Grid {
  month: string;
  round: unknown;
  el: HTMLElement;
  table: HTMLTableElement;
  days: Map<IsoDate, Day>;
}

function drawGrid(ctx: Ctx, live: Live, month: string, days: Map<IsoDate, Day>): Grid {
  const table = h(
    'table',
    { id: 'month-grid', 'aria-labelledby': 'month-title', 'aria-describedby': 'month-keys' },
    h('caption', { class: 'print-only' }, `${ctx.round?.config.title ?? ''} ${monthName(month)}`),
    h('thead', {}, h('tr', {}, ...WEEK.map((w) => h('th', { scope: 'col' }, w)))),
    h('tbody', {}, ...monthWeeks(month).map((week) => h('tr', {}, ...week.map((date) => cell(date, date ? days.get(date) : undefined))))),
  );
  dragKeys(live, table, (n) => turn(live, n));
  dragMouse(live, table);
  dragFocus(live, table);
  return { month, round: ctx.round, el: h('div', { class: 'scroll month-scroll' }, table), table, days };
}

/** Only the days whose duties (or changed mark) differ from what is drawn are drawn again. */
function updateGrid(grid: Grid, days: Map<IsoDate, Day>): void {
  for (const td of grid.table.querySelectorAll<HTMLTableCellElement>('td[data-date]')) {
    const date = td.dataset.date!;
    const day = days.get(date) ?? { rows: [], duties: [], changed: false };
    const was = grid.days.get(date) ?? { rows: [], duties: [], changed: false };
    if (!sameDay(was, day)) td.replaceWith(cell(date, day));
  }
  grid.days = days;
}

/** The month's one tab stop: the duty last moved to, else the month's first. */
function rove(ctx: Ctx, table: HTMLElement): void {
  const chips = [...table.querySelectorAll<HTMLElement>('button.duty')];
  const tab = chips.find((c) => c.id === ctx.ui.monthCursor) ?? chips[0];
  for (const c of chips) c.tabIndex = c === tab ? 0 : -1;
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

/** The page as the handlers drawn long ago must see it: the latest render's. */
export interface Live {
  ctx: Ctx;
}

interface Drawn {
  live: Live;
  section: HTMLElement;
  title: HTMLElement;
  prev: HTMLButtonElement;
  next: HTMLButtonElement;
  search: HTMLInputElement;
  found: HTMLElement;
  undo: HTMLButtonElement;
  redo: HTMLButtonElement;
  slot: HTMLElement;
  body: HTMLElement;
  message?: Message;
  grid?: Grid;
  leaders?: { round: unknown; el: HTMLElement };
}

let drawn: Drawn | undefined;

export function monthView(ctx: Ctx): HTMLElement | undefined {
  const duties = ctx.state.current;
  if (!duties?.length) return undefined;
  undoKeys(ctx, 'month');
  if (!drawn && ctx.config) {
    // The judge's worker made while the clerk reads the month, not when the first duty is picked up.
    const { source, config } = ctx;
    const { files } = ctx.state;
    setTimeout(() => judgeFor(source, config, files), 500);
  }
  const d = (drawn ??= drawSection(ctx));
  d.live.ctx = ctx;
  const month = monthOf(ctx, duties);
  const days = daysOf(ctx, month, duties);
  if (!d.grid || d.grid.month !== month || d.grid.round !== ctx.round) {
    const grid = drawGrid(ctx, d.live, month, days);
    if (d.grid) d.grid.el.replaceWith(grid.el);
    else d.body.prepend(grid.el);
    d.grid = grid;
  } else updateGrid(d.grid, days);
  rove(ctx, d.grid.table);
  if (d.leaders?.round !== ctx.round) {
    const el = leaderList(d.live);
    if (d.leaders) d.leaders.el.replaceWith(el);
    else d.body.append(el);
    d.leaders = { round: ctx.round, el };
  }
  const first = duties[0].date.slice(0, 7);
  d.title.textContent = `${monthName(month)} ${month}`;
  d.prev.disabled = month <= first;
  d.next.disabled = month >= duties[duties.length - 1].date.slice(0, 7);
  d.undo.disabled = !ctx.state.history?.undo.length;
  d.redo.disabled = !ctx.state.history?.redo.length;
  if (d.search.value !== (ctx.ui.search ?? '')) d.search.value = ctx.ui.search ?? '';
  d.found.textContent = searchIn(d.grid.table, duties, ctx.ui.search ?? '');
  if (ctx.ui.message !== d.message) {
    d.message = ctx.ui.message;
    d.slot.replaceChildren(...[messageView(ctx.ui.message, 'month')].filter((x): x is HTMLElement => Boolean(x)));
  }
  heldRedrawn(ctx);
  return d.section;
}

/** The month `n` months on; a duty held stays held (an exchange across months), the new month's first duty focused. */
function turn(live: Live, n: number): void {
  const ctx = live.ctx;
  const month = shiftMonth(monthOf(ctx, ctx.state.current ?? []), n);
  const duties = ctx.state.current ?? [];
  if (!duties.length || month < duties[0].date.slice(0, 7) || month > duties[duties.length - 1].date.slice(0, 7)) return;
  const held = isHeld();
  ctx.show((ui) => {
    ui.month = month;
    ui.monthCursor = undefined;
    ui.focus = held ? undefined : n < 0 ? 'month-prev' : 'month-next';
  });
  // (in a task of its own once the new month is laid out: focus() there and then would lay it out in this one)
  if (held)
    requestAnimationFrame(() => setTimeout(() => document.querySelector<HTMLElement>('#month-grid button.duty[tabindex="0"]')?.focus()));
}

function drawSection(ctx: Ctx): Drawn {
  const live: Live = { ctx };
  const button = (id: string, text: string, onclick: () => void) => h('button', { type: 'button', id, onclick }, text);
  const prev = button('month-prev', '‹ 上个月 previous', () => turn(live, -1));
  const next = button('month-next', '下个月 next ›', () => turn(live, 1));
  dragTurn(prev, () => turn(live, -1));
  dragTurn(next, () => turn(live, 1));
  const found = h('p', { id: 'month-found', role: 'status' });
  const title = h('strong', { id: 'month-title' });
  const search = h('input', {
    type: 'search',
    id: 'month-search',
    value: ctx.ui.search ?? '',
    // In place: marking a leader's days redraws nothing.
    oninput: (e) => {
      const { ctx } = live;
      ctx.ui.search = (e.target as HTMLInputElement).value;
      if (drawn?.grid) found.textContent = searchIn(drawn.grid.table, ctx.state.current ?? [], ctx.ui.search);
    },
  });
  const undo = button('undo', '撤销 undo', () => step(live.ctx, true, 'month'));
  const redo = button('redo', '重做 redo', () => step(live.ctx, false, 'month'));
  const slot = h('div', { class: 'month-message' });
  const body = h('div', { class: 'month-body' });
  const el = section(
    'month',
    '日历 Calendar',
    h(
      'div',
      { class: 'month-bar' },
      prev,
      title,
      next,
      h('label', { for: 'month-search' }, '按领导查找 find a leader '),
      search,
      button('month-print', '打印本月 print', () => print()),
      undo,
      redo,
    ),
    found,
    h(
      'p',
      { id: 'month-keys', class: 'hint' },
      '把一天的值班拖到另一天即对调两人，拖到右侧的领导即换人，拖到「上个月」「下个月」即翻月。键盘：方向键选值班，空格或回车拿起，方向键选另一天（PageUp/PageDown 翻月）回车放下，或按 Tab 到领导名单回车换人，Esc 取消。撤销 Ctrl+Z，重做 Ctrl+Y。Drag a duty onto another day to exchange, onto a leader to substitute, onto the month buttons to turn the month; or Space to pick up, arrows (PageUp/PageDown for months), Enter to drop, Tab to the leaders, Escape to cancel.',
    ),
    h('p', { id: 'month-live', class: 'sr-only', 'aria-live': 'polite' }),
    slot,
    body,
  );
  return { live, section: el, title, prev, next, search, found, undo, redo, slot, body };
}
