// When a plan (or re-plan) cannot keep every rule: the causes and the fewest breaks on stderr; exit 1
// unless --best-effort wrote the plan that breaks the fewest rules.
import type { ChalkInstance } from 'chalk';
import type { PlanReport } from '../core/engine/types.js';
import { Exit } from './exit.js';

export function reportPlanFailure(report: Pick<PlanReport, 'causes' | 'breaks'> & { status: string }, c: ChalkInstance): void {
  if (report.status === 'optimal') return;
  const head =
    report.status === 'infeasible'
      ? '无法排出符合全部规则的安排表 no timetable keeps every rule'
      : '已按 --best-effort 输出违反规则最少的安排表 best effort: the timetable below breaks the fewest rules';
  const lines = [
    c.red(head),
    ...report.causes.map((x) => `  原因 cause: ${x.message}`),
    `  至少违反 ${report.breaks.length} 处 the fewest breaks any timetable needs:`,
    ...report.breaks.map((v) => `  - ${v.message}`),
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
  if (report.status === 'infeasible')
    throw new Exit(1, '未写出任何文件 nothing was written; --best-effort writes the plan that breaks the fewest rules.');
}
