// When a plan (or re-plan) cannot keep every rule: the causes and the fewest breaks on stderr; exit 1
// unless --best-effort wrote the plan that breaks the fewest rules.
import { type FailureReport, planFailure } from '../app/plan-failure.js';
import type { Painter } from '../io/check-format.js';
import { Exit } from './exit.js';
import { writeErr } from './output.js';

export function reportPlanFailure(report: FailureReport, c: Painter): void {
  const failure = planFailure(report);
  if (!failure) return;
  writeErr(`${[c.red(failure.head), ...failure.lines.map((l) => `  ${l}`)].join('\n')}\n`);
  if (report.status === 'infeasible')
    throw new Exit(1, '未写出任何文件 nothing was written; --best-effort writes the plan that breaks the fewest rules.');
}
