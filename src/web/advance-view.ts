// 办理: the next step of one matter recorded on the page — 交办 to a unit, 受理 (办理中), an approved
// extension of at most 30 days in all, 办结 with its result, 回访 — by the core's transitions
// (src/core/cases/states.ts advance), in the worker that holds the ledger. A step refused is told
// beside the form, every reason at once, in the catalogue's words; what the clerk typed stays.
import { actsIn, type CaseEvent } from '../core/cases/states.js';
import type { Ctx } from './context.js';
import { h, showThenFocus } from './dom.js';
import { runJob } from './jobs.js';
import { formCtx, type LedgerUi, ledgerJob, say, told, viewRequest } from './ledger-ui.js';
import { todayOf } from './state.js';

type Act = CaseEvent['kind'];

/** Each step's boxes: [name, label, input type]. */
const FIELDS: Record<Act, Array<[string, string, string]>> = {
  交办: [
    ['unit', '责任单位', 'text'],
    ['instruction', '批示', 'text'],
  ],
  受理: [['date', '受理日期', 'date']],
  延期: [
    ['days', '延期天数', 'number'],
    ['approvedBy', '延期批准', 'text'],
  ],
  办结: [
    ['date', '办结日期', 'date'],
    ['result', '办理结果', 'text'],
  ],
  回访: [
    ['date', '回访日期', 'date'],
    ['note', '回访情况', 'text'],
  ],
};

const ACT_TEXT: Record<Act, string> = {
  交办: '交办 assign to a unit',
  受理: '受理（办理中）accept',
  延期: '延期（经批准，合计不超过 30 日）extend',
  办结: '办结 conclude',
  回访: '回访 follow up',
};

/** The step as the core takes it, from the form's boxes. */
function eventOf(act: Act, data: FormData): CaseEvent {
  const v = (k: string) => String(data.get(k) ?? '');
  switch (act) {
    case '交办':
      return { kind: act, unit: v('unit'), instruction: v('instruction') };
    case '受理':
      return { kind: act, date: v('date') };
    case '延期':
      return { kind: act, days: Number(v('days')), approvedBy: v('approvedBy') };
    case '办结':
      return { kind: act, date: v('date'), result: v('result') };
    case '回访':
      return { kind: act, date: v('date'), note: v('note') };
  }
}

async function record(ctx: Ctx, act: Act, form: HTMLFormElement): Promise<void> {
  const l = ctx.ui.ledger;
  if (!l?.acting) return;
  const id = l.acting.row.id;
  const input = { id, event: eventOf(act, new FormData(form)), ...viewRequest(ctx, l) };
  const r = await ledgerJob(ctx, runJob(ctx.source, 'ledger-advance', input));
  if (!r) return;
  if (!r.advanced) return say(ctx, `未记录 not recorded：${told(r.problems)}`, true);
  l.view = r.view;
  // The matter stays open in the form for its next step.
  l.acting = { row: r.advanced };
  const due = r.advanced.due ? `，办理期限至 ${r.advanced.due}` : '';
  say(ctx, `已记录 recorded：事项 ${id} ${act}，现在是“${r.advanced.state}”${due}。请「保存台帐」。`, false);
}

function choose(ctx: Ctx, act: string): void {
  showThenFocus(
    ctx,
    (ui) => {
      if (ui.ledger?.acting) ui.ledger.acting = { row: ui.ledger.acting.row, act };
    },
    'advance-act',
  );
}

function close(ctx: Ctx): void {
  const id = ctx.ui.ledger?.acting?.row.id;
  const back = id && document.getElementById(`act-${id}`) ? `act-${id}` : 'ledger-filter';
  showThenFocus(
    ctx,
    (ui) => {
      if (ui.ledger) ui.ledger.acting = undefined;
    },
    back,
  );
}

/** The form for the matter being worked on, kept over redraws until another matter or step is chosen. */
export function advanceForm(ctx: Ctx, l: LedgerUi): HTMLElement {
  const acting = l.acting!;
  const { row } = acting;
  const acts = actsIn(row.state);
  const act = (acts.includes(acting.act as Act) ? acting.act : acts[0]) as Act | undefined;
  if (!acting.form) {
    const now = { ctx };
    const today = todayOf(ctx.state);
    const form: HTMLFormElement = h(
      'form',
      {
        id: 'advance-form',
        'aria-labelledby': 'advance-h',
        onsubmit: (e) => {
          e.preventDefault();
          if (act) void record(now.ctx, act, form);
        },
      },
      h('h3', { id: 'advance-h' }, `办理事项 ${row.id}（现在是“${row.state}”${row.due ? `，办理期限至 ${row.due}` : ''}）`),
      act
        ? h(
            'p',
            { class: 'field' },
            h('label', { for: 'advance-act' }, '办理 step'),
            h(
              'select',
              { id: 'advance-act', onchange: (e) => choose(now.ctx, (e.target as HTMLSelectElement).value) },
              ...acts.map((a) => h('option', { value: a, selected: a === act }, ACT_TEXT[a])),
            ),
          )
        : h('p', { id: 'advance-act', tabindex: -1 }, '已回访，这件事项已办完。all steps are recorded.'),
      ...(act ? FIELDS[act] : []).map(([name, label, type]) =>
        h(
          'p',
          { class: 'field' },
          h('label', { for: `advance-${name}` }, label),
          h('input', {
            id: `advance-${name}`,
            name,
            type,
            autocomplete: 'off',
            // No min or max: the browser would refuse 40 days in a bubble of its own; the core's message says why.
            ...(type === 'date' ? { value: today } : {}),
          }),
        ),
      ),
      h(
        'p',
        { class: 'actions' },
        act ? h('button', { type: 'submit', id: 'advance-record' }, '记录 record') : undefined,
        h('button', { type: 'button', id: 'advance-cancel', onclick: () => close(now.ctx) }, '关闭 close'),
      ),
    );
    acting.form = form;
    formCtx.set(form, now);
  }
  formCtx.get(acting.form)!.ctx = ctx;
  return acting.form;
}
