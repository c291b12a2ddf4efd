// Re-plan the rest with the fewest changes: days before "today" stay as published, pinned (锁定) days
// are kept, every other duty that is still valid is kept too (the `rota replan` logic).
import type { ReplanOutcome } from '../app/replan.js';
import type { Ctx } from './context.js';
import { h, messageView, section } from './dom.js';
import { record } from './history.js';
import { judgeFor } from './judge.js';
import { todayOf } from './state.js';

/** 重新安排 in the kept worker (a township year's re-plan is far too long for the page's thread). */
function run(ctx: Ctx): void {
  const previous = ctx.state.current;
  if (!ctx.config || !previous) return;
  const today = todayOf(ctx.state);
  ctx.show((ui) => void (ui.message = { text: '正在重新安排… re-planning', alert: false, at: 'replan' }));
  judgeFor(ctx.source, ctx.config, ctx.state.files)
    .replan(previous, today, ctx.state.baseline)
    .then(
      (outcome) => {
        if (ctx.state.current === previous) take(ctx, outcome, today);
        else
          ctx.show(
            (ui) =>
              void (ui.message = {
                text: '时间表在重新安排期间已经改变，请再试一次。The timetable changed meanwhile; try again.',
                alert: true,
                at: 'replan',
              }),
          );
      },
      (e: Error) => ctx.show((ui) => void (ui.message = { text: e.message, alert: true, at: 'replan' })),
    );
}

function take(ctx: Ctx, outcome: ReplanOutcome, today: string): void {
  const { report } = outcome;
  if (report.status === 'pin-conflict') {
    ctx.show((ui) => {
      ui.message = {
        text: `锁定的安排违反规则 a pin breaks a rule：${report.pinErrors.map((p) => p.message).join('；')}`,
        alert: true,
        at: 'replan',
      };
      ui.focus = 'message';
    });
    return;
  }
  ctx.show((ui) => {
    ui.editing = undefined;
    ui.message = { text: outcome.notice, alert: report.status === 'infeasible', at: 'replan' };
    ui.focus = 'message';
  });
  if (report.status === 'infeasible') return;
  record(ctx, `重新安排（今天 ${today}）`, (s) => {
    s.current = outcome.duties;
    s.replan = outcome;
    s.step = 'replan';
  });
}

export function replanView(ctx: Ctx): HTMLElement | undefined {
  if (!ctx.state.current?.length || !ctx.round) return undefined;
  return section(
    'edit',
    '4 调整 Edit',
    h(
      'p',
      {},
      '在上表中按「换人」改由另一名领导，或勾选「锁定」固定某天；再按下面的按钮重新安排其余日期，改动最少。Use 换人 or 锁定 in the table, then re-plan the rest with the fewest changes.',
    ),
    h(
      'p',
      {},
      h('label', { for: 'today' }, '今天（此前的安排不变）today: days before it stay as published '),
      h('input', {
        type: 'date',
        id: 'today',
        value: todayOf(ctx.state),
        // Part of the saved state: a redraw or a reload keeps the clerk's 今天.
        onchange: (e) => {
          const v = (e.target as HTMLInputElement).value;
          ctx.update((s) => {
            s.today = v;
          });
        },
      }),
      h('button', { type: 'button', id: 'replan', onclick: () => run(ctx) }, '重新安排 re-plan'),
    ),
    messageView(ctx.ui.message, 'replan'),
  );
}
