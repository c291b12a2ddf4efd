// 接访台帐: the clerk opens the ledger file `rota cases import` made, sees per leader what was received
// and taken (谁接访、谁包案) and what is due or overdue — the judgement of `rota cases check`, from
// src/core/cases — pages through the matters, registers a visit, records each step of a matter
// (src/web/advance-view.ts), saves the file back, and prints a day's 领导干部接访表. The ledger is
// open in the page's kept worker (src/web/ledger.ts); the page holds only what it shows.
import { formsOfDays } from '../core/cases/forms.js';
import { STATES } from '../core/cases/states.js';
import { ledgerSizeProblem } from '../io/cases-db.js';
import { formsHtml } from '../io/cases-html.js';
import { advanceForm } from './advance-view.js';
import type { Ctx } from './context.js';
import { filePicker, h, messageView, section, showThenFocus } from './dom.js';
import { download } from './export-view.js';
import { runJob } from './jobs.js';
import { type LedgerFilter, type LedgerRow, type LedgerView, PAGE_ROWS, type VisitField } from './ledger.js';
import { formCtx, type LedgerUi, ledgerJob, say, told, viewRequest } from './ledger-ui.js';
import { todayOf } from './state.js';

async function open(ctx: Ctx, file: File | undefined): Promise<void> {
  if (!file) return;
  // Too big is told before the file is read into memory; the bytes are handed to the worker, not copied.
  const big = ledgerSizeProblem(file.size, file.name);
  if (big) return say(ctx, `无法打开台帐 cannot open the ledger：${told([big])}`, true);
  const buffer = await file.arrayBuffer();
  const wasm = document.getElementById('sqlite-wasm')?.textContent ?? '';
  const input = { name: file.name, bytes: new Uint8Array(buffer), wasm, ...viewRequest(ctx, undefined, { filter: 'due', offset: 0 }) };
  const r = await ledgerJob(ctx, runJob(ctx.source, 'ledger-open', input, [buffer]));
  if (!r) return;
  if (!r.view) return say(ctx, `无法打开台帐 cannot open the ledger：${told(r.problems)}`, true);
  ctx.ui.ledger = { view: r.view };
  say(ctx, `已打开台帐 opened ${file.name}：${r.view.total} 件`, false);
}

/** Another page or list of matters; focus stays on the control that asked. */
async function show(ctx: Ctx, change: { filter?: LedgerFilter; offset?: number }, focus: string): Promise<void> {
  const l = ctx.ui.ledger;
  if (!l) return;
  const v = await ledgerJob(ctx, runJob(ctx.source, 'ledger-view', viewRequest(ctx, l, change)));
  if (!v) return;
  showThenFocus(
    ctx,
    () => {
      l.view = v;
    },
    focus,
  );
}

/** The visit form's fields: [field, label, input type, required]. */
const VISIT: Array<[VisitField, string, string, boolean]> = [
  ['visitDate', '来访日期', 'date', true],
  ['leader', '接访领导', 'text', true],
  ['resident', '来访人', 'text', true],
  ['contact', '联系方式', 'tel', false],
  ['idNumber', '身份证号', 'text', false],
  ['concern', '主要问题', 'text', true],
  ['instruction', '批示', 'text', false],
  ['unit', '责任单位', 'text', false],
];

async function register(ctx: Ctx, form: HTMLFormElement): Promise<void> {
  const l = ctx.ui.ledger;
  if (!l) return;
  const data = new FormData(form);
  const values = Object.fromEntries(VISIT.map(([f]) => [f, String(data.get(f) ?? '')]));
  const r = await ledgerJob(ctx, runJob(ctx.source, 'ledger-add', { values, ...viewRequest(ctx, l) }));
  if (!r) return;
  if (!r.added) return say(ctx, `未登记 not added：${told(r.problems)}`, true);
  form.reset();
  l.view = r.view;
  say(ctx, `已登记 added：编号 ${r.added.id}（包案领导 ${r.added.leader}）。请「保存台帐」。`, false);
}

async function save(ctx: Ctx): Promise<void> {
  const r = await ledgerJob(ctx, runJob(ctx.source, 'ledger-save', undefined));
  if (!r) return;
  download({ path: r.name, content: r.bytes });
  say(ctx, `已保存 saved ${r.name}（${r.total} 件）`, false);
}

function printForms(ctx: Ctx, day: string): void {
  const duties = ctx.state.current ?? [];
  const { forms } = formsOfDays(duties, ctx.config?.hours, { from: day, to: day });
  if (!forms.length) {
    say(ctx, `${day} 的安排中没有接访 no reception duty on ${day}`, true);
    return;
  }
  download({ path: `领导干部接访表-${day}.html`, content: formsHtml(forms) });
  say(ctx, `已导出 exported 领导干部接访表-${day}.html（用浏览器打开后打印，每个接访一页 A4）`, false);
}

const cellRow = (cells: Array<string | number>) =>
  h('tr', {}, h('th', { scope: 'row' }, String(cells[0])), ...cells.slice(1).map((c) => h('td', {}, String(c))));
const headRow = (cells: string[]) => h('thead', {}, h('tr', {}, ...cells.map((c) => h('th', { scope: 'col' }, c))));

/** Days left, or overdue, as the due list says it. */
const left = (r: LedgerRow) => (r.daysLeft === undefined ? '' : r.daysLeft < 0 ? `超期 ${-r.daysLeft} 天` : `还有 ${r.daysLeft} 天`);

function matterRow(ctx: Ctx, r: LedgerRow): HTMLElement {
  const act = h(
    'button',
    {
      type: 'button',
      id: `act-${r.id}`,
      'aria-label': `办理 ${r.id}`,
      onclick: () =>
        showThenFocus(
          ctx,
          (ui) => {
            if (ui.ledger) ui.ledger.acting = { row: r };
          },
          'advance-act',
        ),
    },
    '办理',
  );
  const row = cellRow([r.id, r.visitDate, r.leader, r.concern, r.unit || '未交办', r.state, r.due ?? '', left(r)]);
  row.append(h('td', {}, act));
  return row;
}

const FILTERS: Array<[LedgerFilter, string]> = [
  ['due', '超期和即将到期 overdue and due soon'],
  ['all', '全部 all'],
  ...STATES.map((s): [LedgerFilter, string] => [s, s]),
];

function mattersTable(ctx: Ctx, l: LedgerUi): HTMLElement[] {
  const v = l.view;
  const last = Math.min(v.offset + PAGE_ROWS, v.count);
  const range = v.count ? `第 ${v.offset + 1}–${last} 件，共 ${v.count} 件` : '没有事项 none';
  const pager = (id: string, text: string, offset: number, on: boolean) =>
    h('button', { type: 'button', id, disabled: !on, onclick: () => void show(ctx, { offset }, id) }, text);
  return [
    h(
      'p',
      { class: 'field' },
      h('label', { for: 'ledger-filter' }, '列出 list'),
      h(
        'select',
        {
          id: 'ledger-filter',
          onchange: (e) => void show(ctx, { filter: (e.target as HTMLSelectElement).value as LedgerFilter, offset: 0 }, 'ledger-filter'),
        },
        ...FILTERS.map(([f, text]) => h('option', { value: f, selected: f === v.filter }, text)),
      ),
    ),
    h(
      'table',
      { id: 'ledger-matters' },
      h('caption', {}, `事项 matters（${range}）`),
      headRow(['编号', '来访日期', '包案领导', '主要问题', '责任单位', '状态', '办理期限', '剩余或超期', '操作']),
      h('tbody', {}, ...v.rows.map((r) => matterRow(ctx, r))),
    ),
    h(
      'p',
      { class: 'actions' },
      pager('ledger-prev', '上一页 previous', v.offset - PAGE_ROWS, v.offset > 0),
      h('span', { id: 'ledger-range' }, range),
      pager('ledger-next', '下一页 next', v.offset + PAGE_ROWS, last < v.count),
    ),
  ];
}

function summary(v: LedgerView): HTMLElement[] {
  const counts = Object.entries(v.byState)
    .map(([k, n]) => `${k} ${n}`)
    .join('，');
  return [
    h('p', { id: 'ledger-summary' }, `${v.today}：台帐共 ${v.total} 件（${counts}），超期 ${v.overdue} 件，即将到期 ${v.dueSoon} 件。`),
    h(
      'table',
      { id: 'ledger-leaders' },
      h('caption', {}, '各领导接访和包案（按来访年份）received and taken per leader, by year of visit'),
      headRow(['年份', '接访领导', '接待来访人', '包案件数', '按期办结', '超期']),
      h('tbody', {}, ...v.tallies.map((t) => cellRow(t))),
    ),
  ];
}

/** The leader of the day's 接访 in the timetable on the page ('' when none). */
const dayLeader = (ctx: Ctx, date: string) => ctx.state.current?.find((d) => d.kind === '接访' && d.date === date)?.name ?? '';

/** The visit form of the open ledger, kept over redraws: a message after 登记 must not wipe what the clerk typed. */
function visitForm(ctx: Ctx, l: LedgerUi): HTMLElement {
  const names = [...new Set((ctx.state.current ?? []).map((d) => d.name))];
  const list = h('datalist', { id: 'visit-leaders' }, ...names.map((n) => h('option', { value: n })));
  // Handlers read the page as it is when they run, not as it was when the form was made.
  const now = { ctx };
  if (!l.visitForm) {
    // 谁接访、谁包案: the leader on duty that day is the one the visit is recorded under, unless the clerk wrote another.
    const fillLeader = (form: HTMLFormElement, date: string) => {
      const leader = form.elements.namedItem('leader') as HTMLInputElement;
      const name = dayLeader(now.ctx, date);
      if (name && !leader.value) leader.value = name;
    };
    const form: HTMLFormElement = h(
      'form',
      {
        id: 'visit-form',
        'aria-labelledby': 'visit-h',
        onsubmit: (e) => {
          e.preventDefault();
          void register(now.ctx, form);
        },
      },
      h('h3', { id: 'visit-h' }, '登记来访 Register a visit'),
      ...VISIT.map(([f, label, type, required]) =>
        h(
          'p',
          { class: 'field' },
          h('label', { for: `visit-${f}` }, label),
          h('input', {
            id: `visit-${f}`,
            name: f,
            type,
            required,
            autocomplete: 'off',
            ...(f === 'visitDate'
              ? { value: todayOf(ctx.state), onchange: (e: Event) => fillLeader(form, (e.target as HTMLInputElement).value) }
              : {}),
            ...(f === 'leader' ? { list: 'visit-leaders', value: dayLeader(ctx, todayOf(ctx.state)) } : {}),
          }),
        ),
      ),
      h('p', { class: 'actions' }, h('button', { type: 'submit', id: 'visit-add' }, '登记')),
    );
    l.visitForm = form;
    formCtx.set(form, now);
  }
  formCtx.get(l.visitForm)!.ctx = ctx;
  return h('div', {}, l.visitForm, list);
}

/** A view judged on another 今天 is asked for again (once per day set). */
function refresh(ctx: Ctx, l: LedgerUi): void {
  const today = todayOf(ctx.state);
  if (l.view.today === today || l.asked === today) return;
  l.asked = today;
  void show(ctx, {}, document.activeElement?.id ?? '');
}

export function ledgerView(ctx: Ctx): HTMLElement {
  const l = ctx.ui.ledger;
  const day = todayOf(ctx.state);
  if (l) refresh(ctx, l);
  return section(
    'ledger',
    '接访台帐 Case ledger',
    h(
      'p',
      {},
      '打开 rota cases import 建立的台帐文件（.sqlite）。台帐只在本页内存中，不存入浏览器，也不进入导出的公布文件；登记、办理后请「保存台帐」。' +
        'The ledger stays in this page’s memory only; save it to keep changes.',
    ),
    filePicker('file-ledger', '台帐文件', 'ledger .sqlite', '.sqlite,.sqlite3,.db', (files) => void open(ctx, files?.[0])),
    messageView(ctx.ui.message, 'ledger'),
    ...(l ? [...summary(l.view), ...mattersTable(ctx, l)] : []),
    l?.acting ? advanceForm(ctx, l) : undefined,
    l ? visitForm(ctx, l) : undefined,
    l
      ? h('p', { class: 'actions' }, h('button', { type: 'button', id: 'ledger-save', onclick: () => void save(ctx) }, '保存台帐'))
      : undefined,
    ctx.state.current?.length
      ? h(
          'p',
          { class: 'actions' },
          h('label', { for: 'forms-day' }, '接访日'),
          h('input', { type: 'date', id: 'forms-day', value: day }),
          h(
            'button',
            {
              type: 'button',
              id: 'forms-print',
              onclick: () => printForms(ctx, (document.getElementById('forms-day') as HTMLInputElement).value),
            },
            '打印接访表',
          ),
        )
      : undefined,
  );
}
