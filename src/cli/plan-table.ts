// The timetable and its report as a readable table for the terminal (colours via paint()).
import type { ChalkInstance } from 'chalk';
import type { PlanReport } from '../core/engine/types.js';
import { type Place, placeText } from '../core/place.js';
import type { Duty } from '../core/types.js';

/** Display width: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));

export function renderPlan(
  p: { title: string; from: string; to: string; duties: Duty[]; report: PlanReport },
  place: Place,
  c: ChalkInstance,
): string {
  const { report } = p;
  // A timetable with 下访 names the kind and the place (the 下访 site); one of 接访 only, the portfolio.
  const visits = p.duties.some((d) => d.kind === '下访');
  const lines: string[] = [
    c.bold(p.title),
    `${p.from} 至 ${p.to}，${report.workingDays} 个工作日，${report.duties} 人次` +
      (visits ? `（接访 ${report.kinds.接访}、下访 ${report.kinds.下访}）；接访地点：${placeText(place)}` : `；地点：${placeText(place)}`),
    '',
  ];
  const header = visits ? ['日期', '星期', '类型', '单位', '姓名', '职务', '地点'] : ['日期', '星期', '单位', '姓名', '职务', '分管工作'];
  const rows = p.duties.map((d) =>
    visits
      ? [d.date, d.weekday, d.kind, d.institution, d.name, d.title, d.kind === '接访' ? '中心' : d.place]
      : [d.date, d.weekday, d.institution, d.name, d.title, d.portfolio],
  );
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  const line = (cells: string[]) => cells.map((x, i) => (i === cells.length - 1 ? x : pad(x, widths[i]))).join('  ');
  lines.push(c.bold(line(header)));
  for (const r of rows) lines.push(line(r));
  lines.push('');
  const section = (title: string, items: string[]) => {
    lines.push(`${c.bold(title)}${items.length ? '' : '：无 none'}`);
    for (const x of items) lines.push(`  ${x}`);
  };
  section(
    `未安排的领导 left out (${report.leftOut.length})`,
    report.leftOut.map((l) => `${l.name}（${l.institution}，${l.rank}）：${c.dim(l.reason)}`),
  );
  // What this timetable achieves (the plan's own quota rules), then what remains for other plans.
  section(
    '本安排达到的频次要求 what this timetable achieves',
    report.served.flatMap((r) => [
      `[${r.rule}] ${r.description}：${r.short === 0 ? '全部达到 all met' : c.yellow(`${r.short} 项仍未达到 still short`)}`,
      ...report.stillShort
        .filter((s) => s.rule === r.rule)
        .map(
          (s) =>
            `  ${c.yellow(`${s.name}（${s.institution}）：${s.period} 已 ${s.count} 次，应不少于 ${s.min} 次`)}` +
            (s.reason ? `\n      ${c.dim(`原因：${s.reason}`)}` : ''),
        ),
    ]),
  );
  section(
    `留给其他安排 what remains for other plans (${report.otherPlans.length})`,
    report.otherPlans.map(
      (o) => `[${o.rule}] ${o.description}：${o.periods.join('、')} 尚有 ${o.names.length} 名未达到 still short: ${o.names.join('、')}`,
    ),
  );
  if (report.sites.length) {
    section(
      `下访点 sites (${report.sites.length})`,
      report.sites.map(
        (s) =>
          `${s.name}（${s.type}）：下访 ${s.visits} 次，每月至少 ${s.monthlyMin} 次，最长间隔 ${s.longestGap} 天，与分管相关 ${s.matched} 次`,
      ),
    );
  }
  section(
    `未满足的偏好 preferences not met (${report.softUnmet.length})`,
    report.softUnmet.map((u) => c.yellow(u.message)),
  );
  if (report.breaks.length)
    section(
      `违反的规则 rules broken (${report.breaks.length})`,
      report.breaks.map((v) => c.red(v.message)),
    );
  return `${lines.join('\n')}\n`;
}
