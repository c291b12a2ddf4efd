// The report under a timetable, as sections of lines: who was left out and why, what this timetable
// achieves of its own quota rules, what remains for other plans, the sites, the preferences not met,
// the rules broken. The terminal (src/cli/plan-table.ts) and the browser app (src/web/plan-view.ts)
// show the same sections in the same words; each only chooses how a tone looks.
import type { PlanReport } from '../core/engine/types.js';

/** How a line reads: plain, a quiet explanation, a shortfall, a broken rule. */
export type Tone = 'plain' | 'dim' | 'warn' | 'bad';

export interface ReportLine {
  text: string;
  tone: Tone;
  /** Lines under this one (a short leader under the rule, the reason under the leader). */
  under?: ReportLine[];
}

export interface ReportSection {
  title: string;
  lines: ReportLine[];
}

const line = (text: string, tone: Tone = 'plain', under?: ReportLine[]): ReportLine =>
  under?.length ? { text, tone, under } : { text, tone };

export function planReportSections(report: Omit<PlanReport, 'status'>): ReportSection[] {
  const sections: ReportSection[] = [
    {
      title: `未安排的领导 left out (${report.leftOut.length})`,
      lines: report.leftOut.map((l) => line(`${l.name}（${l.institution}，${l.rank}）：${l.reason}`, 'dim')),
    },
    {
      title: '本安排达到的频次要求 what this timetable achieves',
      lines: report.served.map((r) =>
        line(
          `[${r.rule}] ${r.description}：${r.short === 0 ? '全部达到 all met' : `${r.short} 项仍未达到 still short`}`,
          r.short === 0 ? 'plain' : 'warn',
          report.stillShort
            .filter((s) => s.rule === r.rule)
            .map((s) =>
              line(
                `${s.name}（${s.institution}）：${s.period} 已 ${s.count} 次，应不少于 ${s.min} 次`,
                'warn',
                s.reason ? [line(`原因：${s.reason}`, 'dim')] : [],
              ),
            ),
        ),
      ),
    },
    {
      title: `留给其他安排 what remains for other plans (${report.otherPlans.length})`,
      lines: report.otherPlans.map((o) =>
        line(`[${o.rule}] ${o.description}：${o.periods.join('、')} 尚有 ${o.names.length} 名未达到 still short: ${o.names.join('、')}`),
      ),
    },
  ];
  if (report.sites.length)
    sections.push({
      title: `下访点 sites (${report.sites.length})`,
      lines: report.sites.map((s) =>
        line(
          `${s.name}（${s.type}）：下访 ${s.visits} 次，每月至少 ${s.monthlyMin} 次，最长间隔 ${s.longestGap} 天，与分管相关 ${s.matched} 次`,
        ),
      ),
    });
  sections.push({
    title: `未满足的偏好 preferences not met (${report.softUnmet.length})`,
    lines: report.softUnmet.map((u) => line(u.message, 'warn')),
  });
  if (report.breaks.length)
    sections.push({ title: `违反的规则 rules broken (${report.breaks.length})`, lines: report.breaks.map((v) => line(v.message, 'bad')) });
  return sections;
}
