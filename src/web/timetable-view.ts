// The timetable as it stands: a grid whose first column is the date (YYYY-MM-DD), each day with
// who, 职务, 分管工作 and place (and 时段, 角色 when the round has them; 类型 shows a mode such as 视频接访); per row a 锁定 (pin) box and a button to put another leader on it.
// One Tab enters the grid and the next leaves it (roving focus): arrow keys, Home/End and
// PageUp/PageDown move inside, so 导出 is a few Tabs from 排班 however long the year is.
import { kindText } from '../core/slot-text.js';
import type { Duty } from '../core/types.js';
import type { Ctx } from './context.js';
import { h, messageView } from './dom.js';
import { editPanel } from './edit-view.js';
import { record } from './history.js';

function togglePin(ctx: Ctx, d: Duty, on: boolean): void {
  record(ctx, `${on ? '锁定' : '取消锁定'} ${d.date} ${d.name}`, (s) => {
    s.current = (s.current ?? []).map((x) =>
      x === d || (x.date === d.date && x.name === d.name && x.kind === d.kind) ? { ...x, pinned: on || undefined } : x,
    );
    if (!on) for (const x of s.current) if (x.pinned === undefined) delete x.pinned;
    s.step = s.step === 'replan' ? 'replan' : 'edit';
  });
}

type TextColumn = [string, (d: Duty) => string];

/** The text columns after 日期: 时段 and 角色 only when some duty has them (a round with slots). */
function textColumns(duties: readonly Duty[]): TextColumn[] {
  const session = duties.some((d) => d.session || d.hours);
  const role = duties.some((d) => d.role);
  return [
    ['星期', (d) => d.weekday],
    ...(session
      ? [['时段', (d: Duty) => [d.session, d.hours && `${d.hours.start}-${d.hours.end}`].filter(Boolean).join(' ')] as TextColumn]
      : []),
    ['类型', kindText],
    ['单位', (d) => d.institution],
    ['姓名', (d) => d.name],
    ...(role ? [['角色', (d: Duty) => d.role ?? ''] as TextColumn] : []),
    ['职务', (d) => d.title],
    ['分管工作', (d) => d.portfolio],
    ['地点', (d) => d.place],
  ];
}
const PAGE = 10;

/** The element that takes focus in a cell: its control when it has one, else the cell itself. */
const focusable = (cell: Element) => (cell.querySelector('input, button') ?? cell) as HTMLElement;

/** Arrow keys, Home/End (Ctrl: first/last row) and PageUp/PageDown move the one tab stop, across the months' row groups. */
function onKey(ctx: Ctx, e: KeyboardEvent, rows: HTMLTableRowElement[]): void {
  const from = rows.findIndex((r) => r.contains(e.target as Node));
  if (from < 0) return;
  const col = [...rows[from].cells].findIndex((c) => c.contains(e.target as Node));
  const last = rows[from].cells.length - 1;
  const to: Record<string, [number, number]> = {
    ArrowUp: [from - 1, col],
    ArrowDown: [from + 1, col],
    ArrowLeft: [from, col - 1],
    ArrowRight: [from, col + 1],
    Home: e.ctrlKey ? [0, 0] : [from, 0],
    End: e.ctrlKey ? [rows.length - 1, last] : [from, last],
    PageUp: [from - PAGE, col],
    PageDown: [from + PAGE, col],
  };
  const next = to[e.key];
  if (!next) return;
  e.preventDefault();
  const row = Math.max(0, Math.min(rows.length - 1, next[0]));
  const c = Math.max(0, Math.min(last, next[1]));
  focusable(rows[from].cells[col]).tabIndex = -1;
  const target = focusable(rows[row].cells[c]);
  target.tabIndex = 0;
  target.focus();
  ctx.ui.cursor = { row, col: c };
}

/** What a row is drawn from, its pin left out (a 锁定 box already shows its own change). */
const rowKey = (d: Duty) =>
  [d.date, d.kind, d.institution, d.name, d.title, d.portfolio, d.place, d.session, d.hours?.start, d.hours?.end, d.mode, d.role].join('|');

/** The drawn table: its rows' keys, and the page, duties and row elements its controls act on (kept current when rows are changed in place). */
export interface DrawnTable {
  key: string;
  rows: string[];
  round: unknown;
  el: HTMLElement;
  live: { ctx: Ctx; duties: Duty[]; text: TextColumn[]; els: HTMLTableRowElement[] };
}

const monthOf = (d: Duty) => d.date.slice(0, 7);

/**
 * The timetable grid, drawn once and then changed in place: a township year is some 750 rows, and a
 * table drawn again (or even laid out again from scratch) cost hundreds of milliseconds on every edit.
 * An edit that keeps the rows and columns (an exchange, 换人, an undo) rewrites only the rows it
 * changed; a pin's box is set in place. Each month's rows are a row group of their own, laid out only
 * when near the screen (style.css): a change, or the calendar above growing while a duty is held, lays
 * out a month's rows, not the year's. Kept in place by the page (src/web/main.ts).
 */
export function timetableView(ctx: Ctx): HTMLElement | undefined {
  const duties = ctx.state.current;
  if (!duties?.length) return undefined;
  const text = textColumns(duties);
  const key = `${ctx.round?.config.title ?? ''}\n${text.map(([head]) => head).join()}\n${duties.map(monthOf).join()}`;
  const kept = ctx.ui.table;
  // A row an edit kept is the same object: neither its key nor its box needs a look.
  const was = kept?.live.duties;
  const rows = duties.map((d, i) => (was?.[i] === d ? kept!.rows[i] : rowKey(d)));
  if (kept && kept.key === key && kept.round === ctx.round && kept.rows.length === rows.length) {
    Object.assign(kept.live, { ctx, duties, text });
    const { els } = kept.live;
    rows.forEach((r, i) => {
      if (was?.[i] === duties[i]) return;
      if (r !== kept.rows[i]) {
        const row = drawRow(kept.live, i, tabOf(ctx, duties.length));
        els[i].replaceWith(row);
        els[i] = row;
      }
      const box = els[i].querySelector<HTMLInputElement>('input[type="checkbox"]');
      if (box) box.checked = Boolean(duties[i].pinned);
    });
    kept.rows = rows;
    return kept.el;
  }
  const live = { ctx, duties, text, els: [] };
  const el = drawTable(live);
  ctx.ui.table = { key, rows, round: ctx.round, el, live };
  return el;
}

/** Which cell holds the table's one tab stop. */
function tabOf(ctx: Ctx, count: number): (row: number, col: number) => number {
  const cursor = ctx.ui.cursor ?? { row: 0, col: 0 };
  const active = { row: Math.min(cursor.row, count - 1), col: cursor.col };
  return (row, col) => (row === active.row && col === active.col ? 0 : -1);
}

/** Row `i` of the table; its controls act on the duty in that row when used, not when drawn. */
function drawRow(live: DrawnTable['live'], i: number, tab: (row: number, col: number) => number): HTMLTableRowElement {
  const d = live.duties[i];
  const label = `${d.date} ${d.name}`;
  const [pinCol, editCol] = [live.text.length + 1, live.text.length + 2];
  return h(
    'tr',
    { role: 'row' },
    h('th', { scope: 'row', role: 'rowheader', tabindex: tab(i, 0) }, d.date),
    ...live.text.map(([head, value], k) => h('td', { role: 'gridcell', 'data-label': head, tabindex: tab(i, k + 1) }, value(d))),
    h(
      'td',
      { role: 'gridcell', 'data-label': '锁定' },
      h('input', {
        type: 'checkbox',
        id: `pin-${d.date}-${d.name}`,
        tabindex: tab(i, pinCol),
        'aria-label': `锁定 ${label}`,
        checked: Boolean(d.pinned),
        onchange: (e) => togglePin(live.ctx, live.duties[i], (e.target as HTMLInputElement).checked),
      }),
    ),
    h(
      'td',
      { role: 'gridcell' },
      h(
        'button',
        {
          type: 'button',
          id: `edit-${d.date}-${d.name}`,
          tabindex: tab(i, editCol),
          'aria-label': `换人 ${label}`,
          onclick: () =>
            live.ctx.show((ui) => {
              ui.editing = { date: live.duties[i].date, name: live.duties[i].name };
              ui.message = undefined;
              ui.cursor = { row: i, col: editCol };
              ui.focus = 'edit-h';
            }),
        },
        '换人',
      ),
    ),
  );
}

/** The table's columns have fixed widths (style.css), one set for each of 时段 and 角色 shown or not. */
function columnsClass(text: TextColumn[]): string | undefined {
  const has = (head: string) => text.some(([h]) => h === head);
  return [has('时段') && 'with-session', has('角色') && 'with-role'].filter(Boolean).join(' ') || undefined;
}

function drawTable(live: DrawnTable['live']): HTMLElement {
  const { ctx, duties, text } = live;
  const tab = tabOf(ctx, duties.length);
  const cols = ['日期', ...text.map(([head]) => head), '锁定', '调整'];
  live.els = duties.map((_, i) => drawRow(live, i, tab));
  // One row group per month, in the timetable's order.
  const months: HTMLTableSectionElement[] = [];
  live.els.forEach((row, i) => {
    if (i === 0 || monthOf(duties[i]) !== monthOf(duties[i - 1])) months.push(h('tbody', { role: 'rowgroup' }));
    months[months.length - 1].append(row);
  });
  return h(
    'div',
    { class: 'scroll year' },
    h(
      'table',
      {
        id: 'timetable',
        class: columnsClass(text),
        role: 'grid',
        'aria-labelledby': 'timetable-caption',
        'aria-describedby': 'timetable-keys',
        onkeydown: (e) => onKey(live.ctx, e as KeyboardEvent, live.els),
      },
      h('caption', { id: 'timetable-caption' }, `${ctx.round?.config.title ?? ''} timetable`),
      h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' }, ...cols.map((c) => h('th', { scope: 'col', role: 'columnheader' }, c)))),
      ...months,
    ),
  );
}

/** Above the table: the change panel (so its list of leaders never widens the table), the last change's message, the keys. */
export function timetableHead(ctx: Ctx): HTMLElement | undefined {
  const duties = ctx.state.current;
  if (!duties?.length) return undefined;
  const editing = ctx.ui.editing;
  const open = editing && duties.find((d) => d.date === editing.date && d.name === editing.name);
  return h(
    'div',
    {},
    open ? editPanel(ctx, open) : undefined,
    messageView(ctx.ui.message, 'timetable'),
    h(
      'p',
      { id: 'timetable-keys', class: 'hint' },
      '表内用方向键移动，Home/End 到行首行尾，PageUp/PageDown 翻 10 行；Tab 离开表格。Arrow keys move inside the table; Tab leaves it.',
    ),
  );
}
