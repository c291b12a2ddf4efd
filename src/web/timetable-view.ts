// The timetable as it stands: a <table> whose first column is the date (YYYY-MM-DD), each day with
// who, 职务, 分管工作 and place; per row a 锁定 (pin) box and a button to put another leader on it.
import type { Duty } from '../core/types.js';
import type { Ctx } from './context.js';
import { h } from './dom.js';
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

export function timetableView(ctx: Ctx): HTMLElement | undefined {
  const duties = ctx.state.current;
  if (!duties?.length) return undefined;
  const cols = ['日期', '星期', '类型', '单位', '姓名', '职务', '分管工作', '地点', '锁定', '调整'];
  const rows = duties.map((d) => {
    const label = `${d.date} ${d.name}`;
    const row = h(
      'tr',
      {},
      h('th', { scope: 'row' }, d.date),
      h('td', { 'data-label': '星期' }, d.weekday),
      h('td', { 'data-label': '类型' }, d.kind),
      h('td', { 'data-label': '单位' }, d.institution),
      h('td', { 'data-label': '姓名' }, d.name),
      h('td', { 'data-label': '职务' }, d.title),
      h('td', { 'data-label': '分管工作' }, d.portfolio),
      h('td', { 'data-label': '地点' }, d.place),
      h(
        'td',
        { 'data-label': '锁定' },
        h('input', {
          type: 'checkbox',
          id: `pin-${d.date}-${d.name}`,
          'aria-label': `锁定 ${label}`,
          checked: Boolean(d.pinned),
          onchange: (e) => togglePin(ctx, d, (e.target as HTMLInputElement).checked),
        }),
      ),
      h(
        'td',
        {},
        h(
          'button',
          {
            type: 'button',
            id: `edit-${d.date}-${d.name}`,
            'aria-label': `换人 ${label}`,
            onclick: () => {
              ctx.show((ui) => {
                ui.editing = { date: d.date, name: d.name };
                ui.message = undefined;
              });
              document.getElementById('substitute')?.focus();
            },
          },
          '换人',
        ),
      ),
    );
    return row;
  });
  const editing = ctx.ui.editing;
  const open = editing && duties.find((d) => d.date === editing.date && d.name === editing.name);
  const table = h(
    'div',
    { class: 'scroll', role: 'region', 'aria-labelledby': 'timetable-caption', tabindex: 0 },
    h(
      'table',
      { id: 'timetable' },
      h('caption', { id: 'timetable-caption' }, `${ctx.round?.config.title ?? ''} timetable`),
      h('thead', {}, h('tr', {}, ...cols.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...rows),
    ),
  );
  // The change panel sits above the table, so its list of leaders never widens the table.
  return h('div', {}, open ? editPanel(ctx, open) : undefined, table);
}
