// The timetable as it stands: a grid whose first column is the date (YYYY-MM-DD), each day with
// who, 职务, 分管工作 and place (and 时段, 角色 when the round has them; 类型 shows a mode such as 视频接访); per row a 锁定 (pin) box and a button to put another leader on it.
// One Tab enters the grid and the next leaves it (roving focus): arrow keys, Home/End and
// PageUp/PageDown move inside, so 导出 is a few Tabs from 排班 however long the year is.
import { kindText } from '../core/slot-text.js';
import type { Duty } from '../core/types.js';
import type { Ctx } from './context.js';
import { h, messageView } from './dom.js';
import { editPanel } from './edit-view.js';

function togglePin(ctx: Ctx, d: Duty, on: boolean): void {
  ctx.update((s) => {
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

/** Arrow keys, Home/End (Ctrl: first/last row) and PageUp/PageDown move the one tab stop. */
function onKey(ctx: Ctx, e: KeyboardEvent, body: HTMLTableSectionElement): void {
  const rows = [...body.rows];
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

/** What the table is drawn from, pins left out (a 锁定 box already shows its own change). */
const signature = (duties: Duty[]) =>
  duties
    .map((d) =>
      [d.date, d.kind, d.institution, d.name, d.title, d.portfolio, d.place, d.session, d.hours?.start, d.hours?.end, d.mode, d.role].join(
        '|',
      ),
    )
    .join('\n');

/**
 * The timetable grid, drawn again only when its duties change: a township year is some 750 rows, and
 * a table laid out again (as a redrawn one is) cost hundreds of milliseconds on every message or list
 * opened. Kept in place by the page (src/web/main.ts); a pin's box is set in place.
 */
export function timetableView(ctx: Ctx): HTMLElement | undefined {
  const duties = ctx.state.current;
  if (!duties?.length) return undefined;
  const key = `${ctx.round?.config.title ?? ''}\n${signature(duties)}`;
  const kept = ctx.ui.table;
  if (kept && kept.key === key && kept.round === ctx.round) {
    const boxes = kept.el.querySelectorAll<HTMLInputElement>('tbody input[type="checkbox"]');
    duties.forEach((d, i) => {
      if (boxes[i]) boxes[i].checked = Boolean(d.pinned);
    });
    return kept.el;
  }
  const el = drawTable(ctx, duties);
  ctx.ui.table = { key, round: ctx.round, el };
  return el;
}

function drawTable(ctx: Ctx, duties: Duty[]): HTMLElement {
  const cursor = ctx.ui.cursor ?? { row: 0, col: 0 };
  const active = { row: Math.min(cursor.row, duties.length - 1), col: cursor.col };
  const tab = (row: number, col: number) => (row === active.row && col === active.col ? 0 : -1);
  const text = textColumns(duties);
  const cols = ['日期', ...text.map(([head]) => head), '锁定', '调整'];
  const [pinCol, editCol] = [cols.length - 2, cols.length - 1];
  const rows = duties.map((d, i) => {
    const label = `${d.date} ${d.name}`;
    return h(
      'tr',
      { role: 'row' },
      h('th', { scope: 'row', role: 'rowheader', tabindex: tab(i, 0) }, d.date),
      ...text.map(([head, value], k) => h('td', { role: 'gridcell', 'data-label': head, tabindex: tab(i, k + 1) }, value(d))),
      h(
        'td',
        { role: 'gridcell', 'data-label': '锁定' },
        h('input', {
          type: 'checkbox',
          id: `pin-${d.date}-${d.name}`,
          tabindex: tab(i, pinCol),
          'aria-label': `锁定 ${label}`,
          checked: Boolean(d.pinned),
          onchange: (e) => togglePin(ctx, d, (e.target as HTMLInputElement).checked),
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
              ctx.show((ui) => {
                ui.editing = { date: d.date, name: d.name };
                ui.message = undefined;
                ui.cursor = { row: i, col: editCol };
                ui.focus = 'edit-h';
              }),
          },
          '换人',
        ),
      ),
    );
  });
  const body = h('tbody', { role: 'rowgroup' }, ...rows);
  return h(
    'div',
    { class: 'scroll' },
    h(
      'table',
      {
        id: 'timetable',
        role: 'grid',
        'aria-labelledby': 'timetable-caption',
        'aria-describedby': 'timetable-keys',
        onkeydown: (e) => onKey(ctx, e as KeyboardEvent, body),
      },
      h('caption', { id: 'timetable-caption' }, `${ctx.round?.config.title ?? ''} timetable`),
      h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' }, ...cols.map((c) => h('th', { scope: 'col', role: 'columnheader' }, c)))),
      body,
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
