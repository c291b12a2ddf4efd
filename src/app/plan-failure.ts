// What a plan (or re-plan) that cannot keep every rule says: the head line, the causes and the fewest
// breaks. The CLI prints it on stderr, the browser app shows it above the timetable.
import type { PlanReport } from '../core/engine/types.js';

export type FailureReport = Pick<PlanReport, 'causes' | 'breaks'> & { status: string };

/**
 * undefined when the plan keeps every rule; else the head line and the lines under it. `bestEffort`
 * names the switch that asked for the fewest breaks (the CLI's option, the page's box).
 */
export function planFailure(report: FailureReport, bestEffort = '--best-effort'): { head: string; lines: string[] } | undefined {
  if (report.status === 'optimal') return undefined;
  const head =
    report.status === 'infeasible'
      ? '无法排出符合全部规则的安排表 no timetable keeps every rule'
      : `已按 ${bestEffort} 输出违反规则最少的安排表 best effort: the timetable below breaks the fewest rules`;
  return {
    head,
    lines: [
      ...report.causes.map((x) => `原因 cause: ${x.message}`),
      `至少违反 ${report.breaks.length} 处 the fewest breaks any timetable needs:`,
      ...report.breaks.map((v) => `- ${v.message}`),
    ],
  };
}
