// Step 4: another leader for a day. Every leader is offered: the valid ones first, best first (the
// swap logic's own order), then the others with the rule each would break; choosing one that breaks
// a rule is refused with the rule's sentence, as `rota swap` refuses it.
import type { Violation } from '../core/engine/types.js';
import { changeLine } from '../core/replan/diff.js';
import type { SubstituteChoice } from '../core/replan/swap.js';
import type { Duty } from '../core/types.js';
import type { Ctx } from './context.js';
import { h, messageView } from './dom.js';
import { record } from './history.js';
import { judgeFor } from './judge.js';
import { applyPatch } from './patch.js';
import { choicesInWorker } from './worker.js';

const ruleText = (violations: Violation[]) => [...new Set(violations.map((v) => `违反「${v.sentence}」`))].join('；');

function apply(ctx: Ctx, d: Duty, choice: SubstituteChoice | undefined): void {
  if (!choice || !ctx.config) return;
  const refuse = (detail: string) =>
    ctx.show((ui) => {
      ui.message = { text: `不能这样调整 this change breaks a rule：${detail}`, alert: true, at: 'edit' };
      ui.focus = 'message';
    });
  const { violations, leader } = choice;
  if (violations.length) {
    refuse(`${ruleText(violations)}：${violations.map((v) => v.message).join('；')}`);
    return;
  }
  // Judged and made in the kept worker, as the calendar's 换人: the page takes in the rows it changed.
  const timetable = ctx.state.current ?? [];
  const request = { kind: 'substitute', a: { date: d.date, name: d.name }, name: leader.name, institution: leader.institution } as const;
  judgeFor(ctx.source, ctx.config, ctx.state.files)
    .swap(timetable, request)
    .then(
      (r) => {
        const rows = r.status === 'ok' && ctx.state.current === timetable ? applyPatch(timetable, r.patch, false) : undefined;
        if (!rows) {
          refuse(
            r.status === 'ok'
              ? '时间表在核对期间已经改变，请再试一次。The timetable changed meanwhile; try again.'
              : (r.message ?? ruleText(r.violations)),
          );
          return;
        }
        ctx.ui.editing = undefined;
        ctx.ui.message = { text: `已调整 applied：${r.changes.map(changeLine).join('；')}`, alert: false, at: 'timetable' };
        ctx.ui.focus = 'message';
        record(ctx, `换人 ${d.date} ${d.name} → ${leader.name}`, (s) => {
          s.current = rows;
          s.step = 'edit';
          s.replan = undefined;
        });
      },
      (e: Error) => refuse(e.message),
    );
}

/**
 * The choices for the duty being changed: judged in the worker when the list opens (every leader
 * against every rule over the whole timetable is too long for the main thread on a township year),
 * then kept for redraws; undefined while the worker is at it.
 */
function choicesOf(ctx: Ctx, d: Duty): SubstituteChoice[] | undefined {
  const key = `${d.date}\u0000${d.name}`;
  const kept = ctx.ui.choices;
  if (kept?.key === key && kept.of === ctx.state.current) return kept.list;
  kept?.cancel?.();
  const { config } = ctx;
  if (!config) return undefined;
  const timetable = ctx.state.current ?? [];
  const job = choicesInWorker(ctx.source, { config, files: ctx.state.files, choices: { timetable, ref: { date: d.date, name: d.name } } });
  ctx.ui.choices = { key, of: ctx.state.current, cancel: job.cancel };
  job.result.then(
    (list) =>
      ctx.show((ui) => {
        if (ui.choices?.key !== key) return;
        ui.choices = { key, of: timetable, list };
        if (ui.focus === undefined && ['edit-h', 'choices-wait'].includes(document.activeElement?.id ?? '')) ui.focus = 'substitute';
      }),
    () => {}, // cancelled: another duty was opened, or the panel closed
  );
  return undefined;
}

export function editPanel(ctx: Ctx, d: Duty): HTMLElement {
  const choices = choicesOf(ctx, d);
  const id = 'substitute';
  return h(
    'div',
    { class: 'edit', role: 'group', 'aria-labelledby': 'edit-h' },
    h('h3', { id: 'edit-h', tabindex: -1 }, `调整 ${d.date}（${d.weekday}）${d.kind}：${d.name} change ${d.date}`),
    ...(choices
      ? [
          h('label', { for: id }, `改由 another leader`),
          h(
            'select',
            { id },
            ...choices.map((c, i) =>
              h(
                'option',
                { value: i },
                `${c.violations.length ? '✗ 不可' : '✓ 可以'} ${c.leader.name}（${c.leader.institution}，${c.leader.title}）${c.violations.length ? `：${ruleText(c.violations)}` : ''}`,
              ),
            ),
          ),
          h(
            'button',
            {
              type: 'button',
              id: 'apply',
              onclick: () => apply(ctx, d, choices[Number((document.getElementById(id) as HTMLSelectElement).value)]),
            },
            '确定调整 apply',
          ),
        ]
      : [h('p', { id: 'choices-wait', role: 'status', tabindex: -1 }, '正在逐一核对每位领导是否可以… checking every leader')]),
    messageView(ctx.ui.message, 'edit'),
    h(
      'button',
      {
        type: 'button',
        id: 'close-edit',
        onclick: () =>
          ctx.show((ui) => {
            ui.focus = ui.editing && `edit-${ui.editing.date}-${ui.editing.name}`;
            ui.editing = undefined;
            ui.choices?.cancel?.();
            ui.choices = undefined;
          }),
      },
      '关闭 close',
    ),
  );
}
