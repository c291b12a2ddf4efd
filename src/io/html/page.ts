// timetable.html: the 公告 with its timetable, one self-contained page a government site can post unchanged — inline CSS,
// one small inline script allowed by hash in a Content-Security-Policy, no external resource.
// Every text from the inputs goes through escapeHtml.

import { hash } from 'node:crypto';
import type { Calendar } from '../../core/calendar.js';
import { periodKey, periodOf } from '../../core/check/periods.js';
import { coReceiverText, showsCoReceivers } from '../../core/co-receivers.js';
import type { Config } from '../../core/config.js';
import { sortDuties } from '../../core/duty-order.js';
import { placeText } from '../../core/place.js';
import { rulesetOf } from '../../core/presets.js';
import { kindText } from '../../core/slot-text.js';
import type { Duty } from '../../core/types.js';
import { type AnnouncementItem, type AnnouncementText, announcementText, listWords, sessionWords } from '../announcement.js';
import { escapeHtml as e } from '../html-escape.js';
import { cnDate, cnMonthDay, cnRange } from './format.js';
import { renderMonthGrids } from './grid.js';
import { SEARCH_SCRIPT } from './script.js';
import { PAGE_CSS } from './style.js';

const sha256 = (text: string) => `'sha256-${hash('sha256', text, 'base64')}'`;

/**
 * Only the page's own inline style and script may run; nothing may be fetched. `more` adds
 * directives a page needs beyond that (the browser app's planner Worker: worker-src blob:).
 */
export function contentSecurityPolicy(css: string, script: string, more: string[] = [], scriptSources: string[] = []): string {
  return [
    "default-src 'none'",
    `style-src ${sha256(css)}`,
    `script-src ${[...scriptSources, sha256(script)].join(' ')}`,
    ...more,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Which of the optional columns a timetable shows: each only when some row needs it, so the seed's page is unchanged. */
interface Shown {
  /** 类型: a plan with 下访, or with a mode (视频接访 …). */
  kind: boolean;
  mixed: boolean;
  session: boolean;
  role: boolean;
  co: boolean;
}

function shownFor(duties: readonly Duty[], config: Config): Shown {
  const mixed = duties.some((d) => d.kind === '下访');
  return {
    kind: mixed || duties.some((d) => d.mode),
    mixed,
    session: duties.some((d) => d.session || d.hours),
    role: duties.some((d) => d.role),
    co: showsCoReceivers(duties, config),
  };
}

function columnsOf(s: Shown): string[] {
  return [
    '日期',
    '星期',
    ...(s.session ? ['时段'] : []),
    ...(s.kind ? ['类型'] : []),
    s.mixed ? '领导' : '接访领导',
    ...(s.role ? ['角色'] : []),
    '职务',
    '分管工作',
    '单位',
    '地点',
    ...(s.co ? ['陪同单位'] : []),
  ];
}

/** The centre's address is said in the 公告's text, so print may leave it out of each row. */
function placeCell(place: string, config: Config): string {
  const { name, address } = config.place;
  if (!name || !address || place !== placeText(config.place)) return e(place);
  return `${e(name)}<span class="addr">（${e(address)}）</span>`;
}

function row(d: Duty, config: Config, sameYear: boolean, shown: Shown, changed = false): string {
  const date = `${sameYear ? cnMonthDay(d.date) : cnDate(d.date)}${changed ? '<br><strong class="chg">（已调整）</strong>' : ''}`;
  const cell = (label: string, html: string, cls = '') => `<td data-label="${label}"${cls ? ` class="${cls}"` : ''}>${html}</td>`;
  return (
    `<tr data-find="${e(`${d.portfolio} ${d.title}`)}">` +
    `<th scope="row" data-label="日期"><time datetime="${d.date}">${date}</time></th>` +
    cell('星期', d.weekday.startsWith('星期') ? `<span class="wk">星期</span>${e(d.weekday.slice(2))}` : e(d.weekday), 'nw') +
    (shown.session ? cell('时段', e(sessionWords(d)), 'nw') : '') +
    (shown.kind ? cell('类型', e(kindText(d)), `nw kind${d.kind === '下访' ? ' out' : ''}`) : '') +
    cell(d.kind === '下访' ? '下访领导' : '接访领导', e(d.name), 'who nw') +
    (shown.role ? cell('角色', e(d.role ?? ''), 'nw') : '') +
    cell('职务', e(d.title)) +
    cell('分管工作', e(d.portfolio)) +
    cell('单位', e(d.institution), 'nw') +
    cell('地点', placeCell(d.place, config), 'pl') +
    (shown.co ? cell('陪同单位', e(coReceiverText(d.with ?? []))) : '') +
    '</tr>'
  );
}

/** Weekly plans (whose quota rules count by ISO week) group the table by week. */
export function groupsByWeek(config: Config): boolean {
  return rulesetOf(config).quotaRules.some((rule) => rule.period === 'week');
}

/** One tbody per ISO week, each headed by the week's number and dates. */
function weekBodies(sorted: Duty[], config: Config, sameYear: boolean, shown: Shown, columns: number, changed: Set<string>): string {
  const weeks = new Map<string, Duty[]>();
  for (const d of sorted) {
    const k = periodKey('week', d.date);
    const week = weeks.get(k);
    if (week) week.push(d);
    else weeks.set(k, [d]);
  }
  let month = '';
  return [...weeks]
    .map(([key, ds]) => {
      const span = periodOf('week', ds[0].date);
      // Print starts each month on a new page: the week whose first duty opens a month.
      const opens = month !== '' && ds[0].date.slice(0, 7) !== month;
      month = ds[0].date.slice(0, 7);
      const label = `${+key.slice(0, 4)}年第${+key.slice(6)}周（${cnMonthDay(span.from)}—${cnMonthDay(span.to)}）`;
      return (
        `<tbody class="week${opens ? ' nm' : ''}">\n<tr class="wkh"><th colspan="${columns}" scope="rowgroup" id="wk-${key}">${label}</th></tr>\n` +
        `${ds.map((d) => row(d, config, sameYear, shown, changed.has(d.date))).join('\n')}\n</tbody>`
      );
    })
    .join('\n');
}

/** A paragraph of the 公告: its numbered head in bold, then the text and any sub-items. */
function itemHtml(it: AnnouncementItem): string {
  const list = it.list?.length
    ? `\n<ul class="sub">${listWords(it.list)
        .map((x) => `<li>${e(x)}</li>`)
        .join('')}</ul>`
    : '';
  return `<p><strong>${e(it.head)}。</strong>${e(it.text)}</p>${list}`;
}

const telLink = (phone: string) => `<a href="tel:${e(phone.replace(/[^\d+]/g, ''))}">${e(phone)}</a>`;

/** What a re-publication marks on the page: the days it changed and the change notices so far (links beside the page). */
export interface PagePublication {
  changed: string[];
  notices: Array<{ href: string; date: string; count: number }>;
}

/** The list of change notices, newest first, each a link to its file beside the page. */
function noticeLinks(p: PagePublication | undefined): string {
  if (!p?.notices.length) return '';
  const items = [...p.notices]
    .reverse()
    .map((n) => `<li><a href="${e(n.href)}">${cnDate(n.date)}调整公告</a>（${n.count} 天）</li>`)
    .join('\n');
  return `<section aria-labelledby="changes-h">\n<h2 id="changes-h">调整公告</h2>\n<ul>\n${items}\n</ul>\n</section>\n`;
}

/** The published page; `text`, the 公告's words, when worked out already (publishFiles gives the Word documents the same). */
export function renderHtml(
  duties: readonly Duty[],
  config: Config,
  calendar: Calendar,
  publication?: PagePublication,
  text: AnnouncementText = announcementText(duties, config, calendar),
): string {
  const changed = new Set(publication?.changed);
  const sorted = sortDuties(duties, config);
  const shown = shownFor(sorted, config);
  const { mixed } = shown;
  const columns = columnsOf(shown);
  const what = mixed ? '接访、下访' : '接访';
  const sameYear = config.from.slice(0, 4) === config.to.slice(0, 4);
  const range = cnRange(config.from, config.to);
  const { name, phone } = config.contact;
  const contact = [name ? `联系人：${e(name)}` : '', phone ? `联系电话：${telLink(phone)}` : ''].filter(Boolean).join('，');
  const days = new Set(sorted.map((d) => d.date)).size;
  // One place on every row is said once in the text; print leaves its column out (A4 has no room to repeat it).
  const onePlace = sorted.length > 0 && sorted.every((d) => d.place === sorted[0].place);
  // The rows once: in weeks (a long round's), or in one body.
  const rows = () =>
    sorted.length
      ? sorted.map((d) => row(d, config, sameYear, shown, changed.has(d.date))).join('\n')
      : `<tr><td colspan="${columns.length}">暂无安排</td></tr>`;
  const body =
    sorted.length && groupsByWeek(config)
      ? weekBodies(sorted, config, sameYear, shown, columns.length, changed)
      : `<tbody>\n${rows()}\n</tbody>`;
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(PAGE_CSS, SEARCH_SCRIPT)}">
<title>${e(text.title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<header class="band"><div class="wrap">
<h1>${e(text.title)}</h1>${text.number ? `\n<p class="docno">${e(text.number)}</p>` : ''}
</div></header>
<main class="wrap">
<section class="doc" aria-label="公告正文">
<p class="lead">${e(text.lead)}</p>
${text.items.map(itemHtml).join('\n')}
<p>${e(text.table)}</p>
</section>
<section id="search" class="search" role="search" aria-labelledby="search-h" hidden>
<h2 id="search-h">按诉求查找</h2>
<label for="q">输入您要反映的事项（例如：征地、欠薪、教育、医疗）</label>
<div class="row"><input id="q" type="search" autocomplete="off" aria-describedby="search-hint"><button type="button" id="clear">清除</button></div>
<p id="search-hint" class="hint">下表只显示分管该项工作的领导的${what}日。</p>
<p id="search-status" class="status" aria-live="polite"></p>
<p id="search-none" class="status" hidden>没有找到分管该事项的领导。您可以在任一接访日前来，或拨打联系电话${phone ? ` ${e(phone)}` : ''}询问。</p>
</section>
<section aria-labelledby="table-h">
<h2 id="table-h">${what}安排表</h2>
<table id="timetable" class="timetable${mixed ? ' mixed' : ''}${onePlace ? ' oneplace' : ''}">
<caption>${range}领导干部${what}安排（共${days}天）</caption>
<thead><tr>${columns.map((c) => `<th scope="col"${c === '地点' ? ' class="pl"' : ''}>${c}</th>`).join('')}</tr></thead>
${body}
</table>
</section>
<section class="doc end" aria-label="落款">
${contact ? `<p>${contact}</p>\n` : ''}<p class="close">特此公告。</p>
<p class="sign">${e(text.office)}${text.date ? `<br><time datetime="${e(config.published ?? '')}">${e(text.date)}</time>` : ''}</p>
</section>
<section class="grid-section" aria-labelledby="grid-h">
<h2 id="grid-h">月历</h2>
<ul class="legend"><li><span class="sw duty" aria-hidden="true"></span>${what}领导</li><li><span class="sw rest" aria-hidden="true"></span>休息日</li><li><span class="sw hol" aria-hidden="true"></span>节假日</li><li><span class="sw mk" aria-hidden="true"></span>周末上班（调休等）</li></ul>
${renderMonthGrids(sorted, config, calendar)}
</section>
${noticeLinks(publication)}</main>
<footer><div class="wrap">
<p>${e(config.office)}${config.published ? `　${cnDate(config.published)}发布` : ''}</p>
</div></footer>
<script>${SEARCH_SCRIPT}</script>
</body>
</html>
`;
  return html;
}
