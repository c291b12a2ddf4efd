// Step 3: 排班. The planner runs in the worker (progress bar, cancel); then the timetable, who was
// left out and why, who is still short of a rule, and — when no plan keeps every rule — the causes
// and the best-effort option, in the CLI's words.
import { planFailure } from '../app/plan-failure.js';
import { planReportSections, type ReportLine } from '../app/plan-report.js';
import { renderCsv } from '../io/publish.js';
import type { Ctx } from './context.js';
import { h, messageView, section } from './dom.js';
import { planInWorker } from './worker.js';

async function runPlan(ctx: Ctx, bestEffort: boolean): Promise<void> {
  const { round, config } = ctx;
  if (!round || !config) return;
  const job = planInWorker(ctx.source, { config, files: ctx.state.files, bestEffort }, (done, total) => {
    const bar = document.getElementById('progress') as HTMLProgressElement | null;
    if (bar) {
      bar.max = total;
      bar.value = done;
      bar.textContent = `${done}/${total}`;
    }
  });
  ctx.show((ui) => {
    ui.planning = { done: 0, total: 1, cancel: job.cancel };
    ui.message = undefined;
  });
  try {
    const outcome = await job.result;
    const csv = await renderCsv(outcome.duties, round.config);
    const failed = outcome.report.status !== 'optimal';
    ctx.show((ui) => {
      ui.planning = undefined;
      ui.editing = undefined;
      ui.message = {
        text: `已排出 ${outcome.report.workingDays} 个工作日、${outcome.report.duties} 人次${failed ? '，但未能符合全部规则（见下）' : ''}。planned ${outcome.report.duties} duties.`,
        alert: failed,
        at: 'plan',
      };
      ui.focus = 'message';
    });
    ctx.update((s) => {
      s.plan = outcome;
      s.current = outcome.duties;
      s.baseline = { name: 'timetable.csv', bytes: csv, duties: outcome.duties };
      s.history = undefined;
      s.replan = undefined;
      s.step = 'plan';
    });
  } catch (e) {
    const cancelled = (e as Error).message === 'cancelled';
    ctx.show((ui) => {
      ui.planning = undefined;
      ui.message = {
        text: cancelled ? '已取消 cancelled' : `排班出错 the planner failed: ${(e as Error).message}`,
        alert: !cancelled,
        at: 'plan',
      };
      ui.focus = cancelled ? 'plan-button' : 'message';
    });
  }
}

function reportView(ctx: Ctx): HTMLElement | undefined {
  const report = ctx.state.replan?.report ?? ctx.state.plan?.report;
  if (!report) return undefined;
  const failure = planFailure(report, '「排出违反规则最少的方案」');
  const items = (lines: ReportLine[]): HTMLElement | undefined =>
    lines.length ? h('ul', {}, ...lines.map((l) => h('li', {}, l.text, items(l.under ?? [])))) : undefined;
  return h(
    'div',
    { class: 'report' },
    failure
      ? h(
          'div',
          { class: 'failure', role: 'alert' },
          h('p', {}, h('strong', {}, failure.head)),
          h('ul', {}, ...failure.lines.map((l) => h('li', {}, l))),
        )
      : undefined,
    h('p', {}, `${report.workingDays} 个工作日，${report.duties} 人次 ${report.workingDays} working days, ${report.duties} duties.`),
    // The same sections and words as the terminal's report (src/app/plan-report.ts).
    ...planReportSections(report).map((s) => h('div', {}, h('h3', {}, `${s.title}${s.lines.length ? '' : '：无 none'}`), items(s.lines))),
  );
}

export function planView(ctx: Ctx): HTMLElement {
  const blocked = !ctx.round || ctx.problems.some((p) => p.severity === 'error');
  const { planning } = ctx.ui;
  return section(
    'plan',
    '3 排班 Plan',
    h(
      'p',
      {},
      h('input', {
        type: 'checkbox',
        id: 'best-effort',
        checked: Boolean(ctx.ui.bestEffort),
        onchange: (e) => {
          ctx.ui.bestEffort = (e.target as HTMLInputElement).checked;
        },
      }),
      h('label', { for: 'best-effort' }, ' 无完全合规方案时，排出违反规则最少的方案 best effort'),
    ),
    h(
      'p',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          id: 'plan-button',
          disabled: blocked || Boolean(planning),
          'aria-describedby': blocked ? 'plan-blocked' : undefined,
          onclick: () => void runPlan(ctx, Boolean(ctx.ui.bestEffort)),
        },
        '排班',
      ),
      blocked
        ? h('span', { id: 'plan-blocked' }, ` ${ctx.missing.join(' ') || '请先改正上面列出的错误 fix the errors listed above first'}`)
        : undefined,
    ),
    planning
      ? h(
          'p',
          { class: 'progress' },
          h('label', { for: 'progress' }, '正在排班 planning '),
          h('progress', { id: 'progress', max: planning.total, value: planning.done }, `${planning.done}/${planning.total}`),
          h('button', { type: 'button', id: 'cancel', onclick: () => planning.cancel() }, '取消 cancel'),
        )
      : undefined,
    messageView(ctx.ui.message, 'plan'),
    reportView(ctx),
  );
}
