// timetable.html: one self-contained page a government site can post unchanged — inline CSS,
// one small inline script allowed by hash in a Content-Security-Policy, no external resource.
// Every text from the inputs goes through escapeHtml.

import { createHash } from 'node:crypto';
import type { Calendar } from '../../core/calendar.js';
import { periodOf } from '../../core/check/periods.js';
import type { Config } from '../../core/config.js';
import { sortDuties } from '../../core/duty-order.js';
import { rulesetOf } from '../../core/presets.js';
import type { Duty } from '../../core/types.js';
import { escapeHtml as e } from '../html-escape.js';
import { cnDate, cnMonthDay, cnRange } from './format.js';
import { renderMonthGrids } from './grid.js';
import { SEARCH_SCRIPT } from './script.js';
import { PAGE_CSS } from './style.js';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Only the page's own inline style and script may run; nothing may be fetched. `more` adds
 * directives a page needs beyond that (the browser app's planner Worker: worker-src blob:).
 */
export function contentSecurityPolicy(css: string, script: string, more: string[] = []): string {
  return [
    "default-src 'none'",
    `style-src ${sha256(css)}`,
    `script-src ${sha256(script)}`,
    ...more,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const COLUMNS = ['日期', '星期', '接访领导', '职务', '分管工作', '单位', '地点'];
/** A plan with 下访 names the kind of each row. */
const MIXED_COLUMNS = ['日期', '星期', '类型', '领导', '职务', '分管工作', '单位', '地点'];

function row(d: Duty, sameYear: boolean, mixed = false): string {
  const date = sameYear ? cnMonthDay(d.date) : cnDate(d.date);
  const cell = (label: string, html: string, cls = '') => `<td data-label="${label}"${cls ? ` class="${cls}"` : ''}>${html}</td>`;
  return (
    `<tr data-find="${e(`${d.portfolio} ${d.title}`)}">` +
    `<th scope="row" data-label="日期"><time datetime="${d.date}">${date}</time></th>` +
    cell('星期', e(d.weekday), 'nw') +
    (mixed ? cell('类型', e(d.kind), `nw kind${d.kind === '下访' ? ' out' : ''}`) : '') +
    cell(d.kind === '下访' ? '下访领导' : '接访领导', e(d.name), 'who nw') +
    cell('职务', e(d.title)) +
    cell('分管工作', e(d.portfolio)) +
    cell('单位', e(d.institution), 'nw') +
    cell('地点', e(d.place)) +
    '</tr>'
  );
}

/** Weekly plans (whose quota rules count by ISO week) group the table by week. */
export function groupsByWeek(config: Config): boolean {
  return rulesetOf(config).quotaRules.some((rule) => rule.period === 'week');
}

/** One tbody per ISO week, each headed by the week's number and dates. */
function weekBodies(sorted: Duty[], sameYear: boolean, mixed: boolean, columns: number): string {
  const weeks = new Map<string, Duty[]>();
  for (const d of sorted) {
    const k = periodOf('week', d.date).key;
    weeks.set(k, [...(weeks.get(k) ?? []), d]);
  }
  return [...weeks]
    .map(([key, ds]) => {
      const span = periodOf('week', ds[0].date);
      const label = `${+key.slice(0, 4)}年第${+key.slice(6)}周（${cnMonthDay(span.from)}—${cnMonthDay(span.to)}）`;
      return (
        `<tbody class="week">\n<tr class="wkh"><th colspan="${columns}" scope="rowgroup" id="wk-${key}">${label}</th></tr>\n` +
        `${ds.map((d) => row(d, sameYear, mixed)).join('\n')}\n</tbody>`
      );
    })
    .join('\n');
}

export function renderHtml(duties: readonly Duty[], config: Config, calendar: Calendar): string {
  const sorted = sortDuties(duties, config);
  const mixed = sorted.some((d) => d.kind === '下访');
  const columns = mixed ? MIXED_COLUMNS : COLUMNS;
  const what = mixed ? '接访、下访' : '接访';
  const sameYear = config.from.slice(0, 4) === config.to.slice(0, 4);
  const range = cnRange(config.from, config.to);
  const hours = config.hours ? `，每天 ${e(config.hours.start)}—${e(config.hours.end)}（北京时间）` : '';
  const place = `${e(config.place.name)}${config.place.address ? `（${e(config.place.address)}）` : ''}`;
  const phone = config.contact.phone
    ? `<a href="tel:${e(config.contact.phone.replace(/[^\d+]/g, ''))}">${e(config.contact.phone)}</a>`
    : '';
  const contact = [e(config.contact.name), phone].filter(Boolean).join(' ');
  const days = new Set(sorted.map((d) => d.date)).size;
  const rows = sorted.length
    ? sorted.map((d) => row(d, sameYear, mixed)).join('\n')
    : `<tr><td colspan="${columns.length}">暂无安排</td></tr>`;
  const body = sorted.length && groupsByWeek(config) ? weekBodies(sorted, sameYear, mixed, columns.length) : `<tbody>\n${rows}\n</tbody>`;
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(PAGE_CSS, SEARCH_SCRIPT)}">
<title>${e(config.title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<header class="band"><div class="wrap">
<h1>${e(config.title)}</h1>
<p class="window">${what}时间：${range}的工作日${hours}</p>
</div></header>
<main class="wrap">
<dl class="facts">
<dt>接访地点</dt><dd>${place}</dd>${mixed ? '\n<dt>下访地点</dt><dd>见下表“地点”一栏（村、社区）</dd>' : ''}
<dt>咨询电话</dt><dd>${contact}</dd>
<dt>发布单位</dt><dd>${e(config.office)}</dd>
</dl>
<section class="notice" aria-labelledby="notice-h">
<h2 id="notice-h" class="vh">来访须知</h2>
<p><strong>来访须知：</strong>请根据您要反映的问题，选择分管该项工作的领导接访日前来；也可拨打咨询电话提前约访。</p>
<p>请自觉维护信访秩序，<strong>依法、文明信访</strong>；多人反映相同诉求的，<strong>来访人数不得超过5人</strong>。</p>
</section>
<section id="search" class="search" role="search" aria-labelledby="search-h" hidden>
<h2 id="search-h">按诉求查找</h2>
<label for="q">输入您要反映的事项（例如：征地、欠薪、教育、医疗）</label>
<div class="row"><input id="q" type="search" autocomplete="off" aria-describedby="search-hint"><button type="button" id="clear">清除</button></div>
<p id="search-hint" class="hint">下表只显示分管该项工作的领导的接访日。</p>
<p id="search-status" class="status" aria-live="polite"></p>
<p id="search-none" class="status" hidden>没有找到分管该事项的领导。您可以在任一接访日前来，或拨打咨询电话${config.contact.phone ? ` ${e(config.contact.phone)}` : ''}询问。</p>
</section>
<section aria-labelledby="table-h">
<h2 id="table-h">${what}安排表</h2>
<table id="timetable" class="timetable">
<caption>${range}领导干部${what}安排（共${days}天）</caption>
<thead><tr>${columns.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>
${body}
</table>
</section>
<section class="grid-section" aria-labelledby="grid-h">
<h2 id="grid-h">月历</h2>
<ul class="legend"><li><span class="sw duty" aria-hidden="true"></span>接访领导</li><li><span class="sw rest" aria-hidden="true"></span>休息日</li><li><span class="sw hol" aria-hidden="true"></span>节假日</li><li><span class="sw mk" aria-hidden="true"></span>调休上班</li></ul>
${renderMonthGrids(sorted, config, calendar)}
</section>
</main>
<footer><div class="wrap">
<p>${e(config.office)}${config.published ? `　${cnDate(config.published)}发布` : ''}</p>
</div></footer>
<script>${SEARCH_SCRIPT}</script>
</body>
</html>
`;
  return html;
}
