// Every problem of every file, each with file, line and field and the CLI's own sentence.
import { formatProblem } from '../core/problems.js';
import type { Ctx } from './context.js';
import { h, section } from './dom.js';

export function problemsView(ctx: Ctx): HTMLElement | undefined {
  if (!ctx.problems.length) return undefined;
  const errors = ctx.problems.filter((p) => p.severity === 'error').length;
  return section(
    'problems',
    errors
      ? `发现 ${errors} 处错误，请先改正 ${errors} error${errors > 1 ? 's' : ''} to fix first`
      : `提醒 ${ctx.problems.length} 条 notes`,
    h('ul', { class: errors ? 'problems errors' : 'problems' }, ...ctx.problems.map((p) => h('li', {}, formatProblem(p)))),
  );
}
