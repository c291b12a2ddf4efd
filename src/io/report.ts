// The year-end evidence (seed 五、1): per leader every duty with date, kind and place, totals per
// month and quarter, and compliance per rule — as CSV for Excel and as a printable A4 HTML page.

import type { CaseTally } from '../core/cases/tally.js';
import type { CheckResult, CountedRecord, Judgement } from '../core/check/index.js';
import { PERIOD_NAMES } from '../core/check/periods.js';
import { weekdayName } from '../core/dates.js';
import { leaderKey } from '../core/leaders.js';
import { levelOf } from '../core/ranks.js';
import { ruleApplies } from '../core/rules.js';
import type { Leader, Rule } from '../core/types.js';
import { escapeHtml } from './html-escape.js';

export interface ReportInput {
  year: number;
  title: string;
  office: string;
  leaders: Leader[];
  rules: Rule[];
  judgement: Judgement;
  /** The counted duties of each leader (same order as leaders). */
  records: CountedRecord[][];
  sources: string[];
  /** From the case ledger (rota report --cases): per leader the matters received and how they ended. */
  cases?: CaseTally[];
}

export const DUTY_HEADER = ['单位', '姓名', '职务', '级别', '日期', '星期', '类型', '地点', '来源'];
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const QUARTERS = ['一季度', '二季度', '三季度', '四季度'];

export function summaryHeader(rules: Rule[]): string[] {
  return ['单位', '姓名', '职务', '级别', ...MONTHS, ...QUARTERS, '全年', '接访', '下访', ...rules.map((r) => `${r.id} ${r.description}`)];
}

interface LeaderReport {
  leader: Leader;
  records: CountedRecord[];
  months: number[];
  quarters: number[];
  byKind: { 接访: number; 下访: number };
  /** Per rule: compliance text, or undefined when the rule does not apply. */
  compliance: Array<{ rule: Rule; text: string; ok: boolean } | undefined>;
}

/** `达标 11/12；不足 2024-11；免于考核 2024-W07（病假…）` */
function complianceText(results: CheckResult[]): { text: string; ok: boolean } {
  const judged = results.filter((r) => r.status === 'ok' || r.status === 'short' || r.status === 'over');
  const ok = judged.filter((r) => r.status === 'ok').length;
  const parts = [`达标 ${ok}/${judged.length}`];
  const list = (status: CheckResult['status']) => results.filter((r) => r.status === status).map((r) => r.period);
  if (list('short').length) parts.push(`不足 ${list('short').join('、')}`);
  if (list('over').length) parts.push(`超出 ${list('over').join('、')}`);
  if (list('exempt').length) parts.push(`免于考核 ${list('exempt').join('、')}`);
  if (list('not-judged').length) parts.push(`未评判 ${list('not-judged').join('、')}`);
  return { text: parts.join('；'), ok: ok === judged.length };
}

function leaderReports(input: ReportInput): LeaderReport[] {
  const byLeader = new Map<string, CheckResult[]>();
  for (const r of input.judgement.results) {
    const k = leaderKey(r);
    byLeader.set(k, [...(byLeader.get(k) ?? []), r]);
  }
  return input.leaders.map((leader, i) => {
    const records = input.records[i].filter((r) => +r.date.slice(0, 4) === input.year);
    const months = MONTHS.map((_, m) => records.filter((r) => +r.date.slice(5, 7) === m + 1).length);
    const quarters = QUARTERS.map((_, q) => months.slice(q * 3, q * 3 + 3).reduce((a, b) => a + b, 0));
    const mine = byLeader.get(leaderKey(leader)) ?? [];
    const compliance = input.rules.map((rule) =>
      ruleApplies(rule, leader) ? { rule, ...complianceText(mine.filter((r) => r.rule === rule.id)) } : undefined,
    );
    return {
      leader,
      records,
      months,
      quarters,
      compliance,
      byKind: { 接访: records.filter((r) => r.kind === '接访').length, 下访: records.filter((r) => r.kind === '下访').length },
    };
  });
}

/** Rows of the duties CSV: one per duty, leaders in list order. */
export function dutyRows(input: ReportInput): string[][] {
  return leaderReports(input).flatMap(({ leader: l, records }) =>
    records.map((r) => [
      l.institution,
      l.name,
      l.title,
      l.rank,
      r.date,
      weekdayName(r.date),
      r.kind,
      r.place,
      r.file ? `${r.file}:${r.line}` : '',
    ]),
  );
}

/** Rows of the summary CSV: one per leader. */
export function summaryRows(input: ReportInput): string[][] {
  return leaderReports(input).map(({ leader: l, months, quarters, byKind, compliance }) => [
    l.institution,
    l.name,
    l.title,
    l.rank,
    ...months.map(String),
    ...quarters.map(String),
    String(byKind.接访 + byKind.下访),
    String(byKind.接访),
    String(byKind.下访),
    ...compliance.map((c) => c?.text ?? '不适用'),
  ]);
}

export const CASES_HEADER = ['单位', '姓名', '职务', '接访次数', '接待群众', '包案', '按期办结', '超期'];

/**
 * Rows of the ledger's year (report-YYYY-cases.csv): one per leader of the list, then any leader the ledger
 * names that the list does not (单位 and 职务 empty), so no matter is left out.
 */
export function caseRows(input: ReportInput): string[][] {
  const tallies = new Map((input.cases ?? []).map((t) => [t.leader, t]));
  const counts = (t: CaseTally | undefined) => [t?.visitors ?? 0, t?.matters ?? 0, t?.closedOnTime ?? 0, t?.overdue ?? 0].map(String);
  const listed = leaderReports(input).map(({ leader: l, byKind }) => [
    l.institution,
    l.name,
    l.title,
    String(byKind.接访),
    ...counts(tallies.get(l.name)),
  ]);
  const names = new Set(input.leaders.map((l) => l.name));
  const others = (input.cases ?? []).filter((t) => !names.has(t.leader)).map((t) => ['', t.leader, '', '0', ...counts(t)]);
  return [...listed, ...others];
}

const CSS = `
  @page { size: A4; margin: 15mm 12mm; }
  html { font-size: 16px; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", SimSun, sans-serif;
    font-size: 1rem; line-height: 1.6; color: #111; background: #fff; margin: 0 auto; max-width: 60rem; padding: 1rem; }
  h1 { font-size: 1.5rem; text-align: center; margin: 0 0 .5rem; }
  h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; border-bottom: 2px solid #333; }
  p.meta { text-align: center; margin: 0 0 1rem; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: 1rem; }
  th, td { border: 1px solid #444; padding: .25rem .4rem; text-align: left; vertical-align: top; }
  th { background: #eee; }
  td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .nw { white-space: nowrap; }
  table.overview { font-size: .875rem; }
  th small { display: block; font-weight: normal; color: #333; }
  .short { color: #a00000; font-weight: bold; }
  .ok { color: #05620b; }
  section.leader { break-inside: avoid-page; }
  caption { text-align: left; font-weight: bold; padding: .25rem 0; }
  footer { margin-top: 2rem; font-size: 1rem; color: #333; }
  @media print { body { padding: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; }
    table.overview { font-size: 8.5pt; } table.overview th small { font-size: 7.5pt; } }
`;

/** A column heading a clerk reads at a glance: 每月接访/下访, 每季度接访. */
function ruleLabel(r: Rule): string {
  return `每${PERIOD_NAMES[r.period]}${r.kinds.join('/')}${r.min > 1 ? `≥${r.min}` : ''}`;
}

/** The ledger's table: who received how many, took how many matters, closed on time or not. */
function casesHtml(input: ReportInput): string {
  const e = escapeHtml;
  const rows = caseRows(input)
    .map(
      ([inst, name, title, ...n]) =>
        `<tr><td class="nw">${e(inst)}</td><td>${e(name)}</td><td>${e(title)}</td>${n.map((x) => `<td class="n">${x}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const head = CASES_HEADER.map((h, i) => `<th scope="col"${i > 2 ? ' class="n"' : ''}>${h}</th>`).join('');
  return `<h2>接访台帐：谁接访、谁包案</h2>
<table class="overview">
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
`;
}

/** A self-contained printable page; every piece of input text goes through escapeHtml. */
export function reportHtml(input: ReportInput): string {
  const e = escapeHtml;
  const reports = leaderReports(input);
  const s = input.judgement.summary;
  const rulesList = input.rules.map((r) => `<li>${e(r.description)}（${e(r.id)}）</li>`).join('');
  const overview = reports
    .map(
      ({ leader: l, byKind, compliance }) =>
        `<tr><td class="nw">${e(l.institution)}</td><td class="nw">${e(l.name)}</td><td>${e(l.title)}</td><td class="nw">${e(levelOf(l.rank))}</td>` +
        `<td class="n">${byKind.接访}</td><td class="n">${byKind.下访}</td>` +
        compliance.map((c) => `<td${c ? ` class="${c.ok ? 'ok' : 'short'}"` : ''}>${c ? e(c.text) : '不适用'}</td>`).join('') +
        '</tr>',
    )
    .join('\n');
  const sections = reports
    .map(({ leader: l, records, months, quarters, compliance }) => {
      const duties = records.length
        ? records
            .map((r) => `<tr><td>${e(r.date)}</td><td>${e(weekdayName(r.date))}</td><td>${e(r.kind)}</td><td>${e(r.place)}</td></tr>`)
            .join('\n')
        : '<tr><td colspan="4" class="short">全年无接访、下访记录</td></tr>';
      const comp = compliance
        .filter((c) => c !== undefined)
        .map((c) => `<li class="${c!.ok ? 'ok' : 'short'}">${e(c!.rule.description)}：${e(c!.text)}</li>`)
        .join('');
      return `<section class="leader">
<h2>${e(l.name)}　${e(l.title)}（${e(l.institution)}，${e(l.rank)}）</h2>
<table><caption>月度、季度次数</caption><thead><tr>${MONTHS.map((m) => `<th class="n">${m}</th>`).join('')}</tr></thead>
<tbody><tr>${months.map((n) => `<td class="n">${n}</td>`).join('')}</tr></tbody></table>
<table><thead><tr>${QUARTERS.map((q) => `<th class="n">${q}</th>`).join('')}<th class="n">全年</th></tr></thead>
<tbody><tr>${quarters.map((n) => `<td class="n">${n}</td>`).join('')}<td class="n">${records.length}</td></tr></tbody></table>
<ul>${comp || '<li>无适用的频次规则</li>'}</ul>
<table><caption>接访、下访记录</caption><thead><tr><th>日期</th><th>星期</th><th>类型</th><th>地点</th></tr></thead>
<tbody>
${duties}
</tbody></table>
</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(input.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${e(input.title)}</h1>
<p class="meta">${e(input.office)}　统计期间 ${e(s.from)} 至 ${e(s.to)}　共 ${s.leaders} 名领导，${s.records} 次接访、下访</p>
<h2>频次要求</h2>
<ul>${rulesList}</ul>
<h2>总览</h2>
<table class="overview">
<thead><tr><th>单位</th><th>姓名</th><th>职务</th><th>级别</th><th class="n">接访</th><th class="n">下访</th>${input.rules.map((r) => `<th scope="col">${e(ruleLabel(r))}<small>${e(r.id)}</small></th>`).join('')}</tr></thead>
<tbody>
${overview}
</tbody>
</table>
${input.cases ? casesHtml(input) : ''}${sections}
</main>
<footer>依据记录文件 ${input.sources.map(e).join('、')} 统计。不合规周期：${s.violations}；免于考核：${s.exempt}。</footer>
</body>
</html>
`;
}
