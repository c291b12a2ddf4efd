// 接访台帐: the clerk opens the ledger file `rota cases import` made, sees per leader what was received
// and taken (谁接访、谁包案) and what is due or overdue — the judgement of `rota cases check`, from
// src/core/cases — registers a visit, saves the file back, and prints a day's 领导干部接访表.
import { formsOfDays } from '../core/cases/forms.js';
import { ledgerStatus, type MatterLine } from '../core/cases/status.js';
import { caseTallies } from '../core/cases/tally.js';
import type { Matter } from '../core/cases/types.js';
import { formatProblem } from '../core/problems.js';
import type { Problem } from '../core/types.js';
import { ledgerSizeProblem } from '../io/cases-db.js';
import { formsHtml } from '../io/cases-html.js';
import type { Ctx } from './context.js';
import { filePicker, h, messageView, section } from './dom.js';
import { download } from './export-view.js';
import { addVisit, ledgerFileBytes, type OpenLedger, openLedgerFile, type VisitField } from './ledger.js';
import { todayOf } from './state.js';
import { forPage } from './words.js';

/** Problems as one sentence; a form has no line, so none is named. */
const told = (ps: Problem[]) => ps.map((p) => formatProblem(forPage({ ...p, line: undefined }))).join('；');

function say(ctx: Ctx, text: string, alert: boolean): void {
  ctx.show((ui) => {
    ui.message = { text, alert, at: 'ledger' };
    ui.focus = 'message';
  });
}

async function open(ctx: Ctx, file: File | undefined): Promise<void> {
  if (!file) return;
  // Too big is told before the file is read into memory.
  const big = ledgerSizeProblem(file.size, file.name);
  const r = big ? { problems: [big] } : await openLedgerFile(file.name, new Uint8Array(await file.arrayBuffer()));
  if (!r.ledger) return say(ctx, `无法打开台帐 cannot open the ledger：${told(r.problems)}`, true);
  ctx.ui.ledger?.db.close();
  ctx.ui.ledger = r.ledger;
  say(ctx, `已打开台帐 opened ${file.name}：${r.ledger.matters.length} 件`, false);
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
  const ledger = ctx.ui.ledger;
  if (!ledger) return;
  const data = new FormData(form);
  const values = Object.fromEntries(VISIT.map(([f]) => [f, String(data.get(f) ?? '')]));
  const r = await addVisit(ledger, values);
  if (!r.matter) return say(ctx, `未登记 not added：${told(r.problems)}`, true);
  form.reset();
  say(ctx, `已登记 added：编号 ${r.matter.id}（包案领导 ${r.matter.leader}）。请「保存台帐」。`, false);
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

function dueRow(m: MatterLine, overdue: boolean): HTMLElement {
  const left = overdue ? `超期 ${-(m.daysLeft ?? 0)} 天` : `还有 ${m.daysLeft} 天`;
  return cellRow([m.id, m.leader, m.unit || '未交办', m.state, m.visitDate, m.due ?? '', left]);
}

/** The tables as last drawn for a ledger's matters (a new array after each 登记) and a 今天: a redraw for another part of the page does not judge and build them again. */
const drawn = new WeakMap<readonly Matter[], { today: string; els: HTMLElement[] }>();

function ledgerTables(ctx: Ctx): HTMLElement[] {
  const ledger = ctx.ui.ledger!;
  const today = todayOf(ctx.state);
  const last = drawn.get(ledger.matters);
  if (last?.today === today) return last.els;
  const els = judgedTables(ledger.matters, today);
  drawn.set(ledger.matters, { today, els });
  return els;
}

/** Rows of the due table: a page of tens of thousands of rows would take seconds to draw; the rest are counted. */
const DUE_ROWS = 200;

function judgedTables(matters: readonly Matter[], today: string): HTMLElement[] {
  const s = ledgerStatus(matters, today);
  const due: Array<[MatterLine, boolean]> = [
    ...s.overdue.map((m) => [m, true] as [MatterLine, boolean]),
    ...s.dueSoon.map((m) => [m, false] as [MatterLine, boolean]),
  ];
  // Counted by the year of the visit, as the year-end report counts them (rota report --cases); latest year first.
  const years = [...new Set(matters.map((m) => +m.visitDate.slice(0, 4)))].sort((a, b) => b - a);
  const counts = Object.entries(s.byState)
    .map(([k, n]) => `${k} ${n}`)
    .join('，');
  const els: Array<HTMLElement | undefined> = [
    h(
      'p',
      { id: 'ledger-summary' },
      `${today}：台帐共 ${s.total} 件（${counts}），超期 ${s.overdue.length} 件，即将到期 ${s.dueSoon.length} 件。`,
    ),
    h(
      'table',
      { id: 'ledger-leaders' },
      h('caption', {}, '各领导接访和包案（按来访年份）received and taken per leader, by year of visit'),
      headRow(['年份', '接访领导', '接待来访人', '包案件数', '按期办结', '超期']),
      h(
        'tbody',
        {},
        ...years.flatMap((y) =>
          caseTallies(matters, y, today).map((t) => cellRow([y, t.leader, t.visitors, t.matters, t.closedOnTime, t.overdue])),
        ),
      ),
    ),
    h(
      'table',
      { id: 'ledger-due' },
      h('caption', {}, '超期和即将到期的事项 overdue and due soon'),
      headRow(['编号', '包案领导', '责任单位', '状态', '来访日期', '办理期限', '剩余或超期']),
      h('tbody', {}, ...due.slice(0, DUE_ROWS).map(([m, overdue]) => dueRow(m, overdue))),
    ),
    due.length > DUE_ROWS
      ? h(
          'p',
          { id: 'ledger-more' },
          `表中是最早到期的 ${DUE_ROWS} 件，另有 ${due.length - DUE_ROWS} 件未列出；全部请用「保存台帐」后 rota cases check 或 rota cases export 查看。` +
            `the ${DUE_ROWS} due first are listed, ${due.length - DUE_ROWS} more are not`,
        )
      : undefined,
  ];
  return els.filter((x): x is HTMLElement => x !== undefined);
}

/** The leader of the day's 接访 in the timetable on the page ('' when none). */
const dayLeader = (ctx: Ctx, date: string) => ctx.state.current?.find((d) => d.kind === '接访' && d.date === date)?.name ?? '';

/** The visit form of each open ledger, kept over redraws: a message after 登记 must not wipe what the clerk typed. */
const kept = new WeakMap<OpenLedger, { form: HTMLFormElement; ctx: Ctx }>();

function visitForm(ctx: Ctx, ledger: OpenLedger): HTMLElement {
  const names = [...new Set((ctx.state.current ?? []).map((d) => d.name))];
  const list = h('datalist', { id: 'visit-leaders' }, ...names.map((n) => h('option', { value: n })));
  let k = kept.get(ledger);
  if (!k) {
    // 谁接访、谁包案: the leader on duty that day is the one the visit is recorded under, unless the clerk wrote another.
    const fillLeader = (form: HTMLFormElement, date: string) => {
      const leader = form.elements.namedItem('leader') as HTMLInputElement;
      const name = dayLeader(kept.get(ledger)!.ctx, date);
      if (name && !leader.value) leader.value = name;
    };
    const form: HTMLFormElement = h(
      'form',
      {
        id: 'visit-form',
        'aria-labelledby': 'visit-h',
        onsubmit: (e) => {
          e.preventDefault();
          void register(kept.get(ledger)!.ctx, form);
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
    k = { form, ctx };
    kept.set(ledger, k);
  }
  k.ctx = ctx;
  return h('div', {}, k.form, list);
}

export function ledgerView(ctx: Ctx): HTMLElement {
  const ledger = ctx.ui.ledger;
  const day = todayOf(ctx.state);
  return section(
    'ledger',
    '接访台帐 Case ledger',
    h(
      'p',
      {},
      '打开 rota cases import 建立的台帐文件（.sqlite）。台帐只在本页内存中，不存入浏览器，也不进入导出的公布文件；登记后请「保存台帐」。' +
        'The ledger stays in this page’s memory only; save it to keep changes.',
    ),
    filePicker('file-ledger', '台帐文件', 'ledger .sqlite', '.sqlite,.sqlite3,.db', (files) => void open(ctx, files?.[0])),
    messageView(ctx.ui.message, 'ledger'),
    ...(ledger ? ledgerTables(ctx) : []),
    ledger ? visitForm(ctx, ledger) : undefined,
    ledger
      ? h(
          'p',
          { class: 'actions' },
          h(
            'button',
            {
              type: 'button',
              id: 'ledger-save',
              onclick: () => {
                download({ path: ledger.name, content: ledgerFileBytes(ledger) });
                say(ctx, `已保存 saved ${ledger.name}（${ledger.matters.length} 件）`, false);
              },
            },
            '保存台帐',
          ),
        )
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
