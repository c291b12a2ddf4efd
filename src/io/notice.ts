// The change notice (接访安排调整公告): one line per changed day, as text, JSON and a short
// self-contained HTML page the webmaster posts beside the timetable. Every input text is escaped.
import { hash } from 'node:crypto';
import type { Config } from '../core/config.js';
import { changedDates, changeLine, type DayChange } from '../core/replan/diff.js';
import type { Duty } from '../core/types.js';
import { cnDate } from './html/format.js';
import { escapeHtml as e } from './html-escape.js';

export const NOTICE_TITLE = '接访安排调整公告';

export interface NoticeMeta {
  config: Pick<Config, 'title' | 'from' | 'to' | 'office' | 'contact'>;
  /** The notice's date (re-planning: --today); left out when not given. */
  date?: string;
}

const contactText = (m: NoticeMeta) => [m.config.contact.name, m.config.contact.phone].filter(Boolean).join(' ');

/** The notice's first sentence: which timetable, and how many days changed. */
export function noticeIntro(changes: DayChange[], m: NoticeMeta): string {
  const what = `《${m.config.title}》（${m.config.from} 至 ${m.config.to}）`;
  return changes.length ? `${what}有 ${changedDates(changes)} 天调整如下：` : `${what}本次无调整。`;
}

export function noticeText(changes: DayChange[], m: NoticeMeta): string {
  const lines = [NOTICE_TITLE, noticeIntro(changes, m), ...changes.map(changeLine)];
  if (changes.length) lines.push('其余日期安排不变。');
  const sign = [m.config.office, m.date].filter(Boolean).join('　');
  if (sign) lines.push(sign);
  if (contactText(m)) lines.push(`咨询电话：${contactText(m)}`);
  return `${lines.join('\n')}\n`;
}

const person = (d: Duty) => ({ name: d.name, title: d.title, institution: d.institution });

export function noticeJson(changes: DayChange[], m: NoticeMeta): string {
  return `${JSON.stringify(
    {
      title: NOTICE_TITLE,
      timetable: m.config.title,
      from: m.config.from,
      to: m.config.to,
      ...(m.date ? { date: m.date } : {}),
      count: changes.length,
      changes: changes.map((c) => ({
        date: c.date,
        weekday: c.weekday,
        kind: c.kind,
        type: c.type,
        before: c.before.map(person),
        after: c.after.map(person),
        line: changeLine(c),
      })),
    },
    null,
    2,
  )}\n`;
}

export const NOTICE_CSS = `
*{box-sizing:border-box}
body{margin:0;color:#1a1a1a;background:#fff;font:18px/1.75 "PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;overflow-wrap:anywhere}
main{max-width:48rem;margin:0 auto;padding:1.5rem 1.25rem}
h1{margin:0 0 1rem;font-size:1.75rem;line-height:1.4;color:#0b4a85}
table{border-collapse:collapse;width:100%;margin:1rem 0}
caption{text-align:left;font-weight:700;padding:0 0 .5rem}
th,td{border:1px solid #c7ccd3;padding:.55rem .7rem;text-align:left;vertical-align:top}
thead th{background:#0b4a85;color:#fff}
del{color:#4a4a4a}
ins{text-decoration:none;font-weight:700}
.sign{margin-top:1.5rem;text-align:right}
.nm{white-space:nowrap}
@media (max-width:40rem){table,thead,tbody,tr,th,td,caption{display:block}thead{position:absolute;left:-9999px}td[data-label]::before{content:attr(data-label) "：";font-weight:700}}
@page{size:A4;margin:20mm 18mm}
@media print{body{font-size:12pt}main{max-width:none;padding:0}thead th{background:#fff;color:#000}}
`;

const sha256 = (text: string) => `'sha256-${hash('sha256', text, 'base64')}'`;

/** Names and titles; a 下访 also names its site, so a visit sent elsewhere reads as a change. */
function peopleHtml(ds: Duty[]): string {
  return (
    ds
      .map(
        (d) =>
          `<span class="nm">${e(d.name)}</span>${d.title ? `（${e(d.title)}）` : ''}${d.kind === '下访' && d.place ? ` ${e(d.place)}` : ''}`,
      )
      .join('、') || '—'
  );
}

export function noticeHtml(changes: DayChange[], m: NoticeMeta): string {
  const csp = ["default-src 'none'", `style-src ${sha256(NOTICE_CSS)}`, "img-src 'none'", "base-uri 'none'", "form-action 'none'"].join(
    '; ',
  );
  const rows = changes
    .map((c) => {
      const day = `<time datetime="${c.date}">${cnDate(c.date)}</time>${c.kind === '接访' ? '' : `（${e(c.kind)}）`}`;
      const was = c.type === 'added' ? '（新增）' : `<del>${peopleHtml(c.before)}</del>`;
      const now = c.type === 'removed' ? '（取消）' : `<ins>${peopleHtml(c.after)}</ins>`;
      return `<tr><th scope="row">${day}</th><td data-label="星期">${e(c.weekday)}</td><td data-label="原安排">${was}</td><td data-label="现安排">${now}</td></tr>`;
    })
    .join('\n');
  const table = changes.length
    ? `<table>
<caption>调整的日期（共 ${changedDates(changes)} 天）</caption>
<thead><tr><th scope="col">日期</th><th scope="col">星期</th><th scope="col">原安排</th><th scope="col">现安排</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p>其余日期安排不变。请按调整后的安排前来，给您带来不便，敬请谅解。</p>`
    : '';
  const contact = contactText(m) ? `<p>咨询电话：${e(contactText(m))}</p>` : '';
  const sign = [m.config.office ? e(m.config.office) : '', m.date ? `<time datetime="${e(m.date)}">${cnDate(m.date)}</time>` : '']
    .filter(Boolean)
    .join('<br>');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${NOTICE_TITLE}｜${e(m.config.title)}</title>
<style>${NOTICE_CSS}</style>
</head>
<body>
<main>
<h1>${NOTICE_TITLE}</h1>
<p>${e(noticeIntro(changes, m))}</p>
${table}
${contact}
${sign ? `<p class="sign">${sign}</p>` : ''}
</main>
</body>
</html>
`;
}
