// Printable A4 pages of the day: the 领导干部接访表 (one page per duty, visitor rows blank) and the
// liaison's list (one page per leader and day). Self-contained; every input text goes through escapeHtml.
import { type FormFields, type LiaisonDay, VISITOR_COLUMNS, VISITOR_ROWS } from '../core/cases/forms.js';
import { escapeHtml as e } from './html-escape.js';

const STYLE = `
  @page { size: A4; margin: 15mm 15mm; }
  body { font-family: "Noto Serif CJK SC", "FangSong", "SimSun", serif; color: #000; margin: 0 auto; max-width: 180mm; padding: 8mm 0; }
  section { break-after: page; }
  section:last-child { break-after: auto; }
  h1 { font-size: 20pt; text-align: center; letter-spacing: .3em; margin: 0 0 6mm; }
  table { border-collapse: collapse; width: 100%; table-layout: fixed; }
  th, td { border: 1px solid #000; padding: 1.5mm; font-size: 11pt; text-align: left; vertical-align: top; word-wrap: break-word; }
  th { font-weight: bold; background: #f2f2f2; }
  .fields th { width: 24mm; }
  .visitors { margin-top: 6mm; }
  .visitors td { height: 14mm; }
  .visitors th:first-child, .visitors td:first-child { width: 9mm; text-align: center; }
  .sign { margin-top: 6mm; display: flex; justify-content: space-between; font-size: 12pt; }
  @media print { body { padding: 0; max-width: none; } tr { break-inside: avoid; } }
`;

const page = (title: string, body: string) =>
  `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${e(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<main>\n${body}</main>\n</body>\n</html>\n`;

/** The forms of the duties, one A4 page each. */
export function formsHtml(forms: readonly FormFields[]): string {
  const sections = forms.map((f) => {
    const fields = f.fields.map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${e(v)}</td></tr>`).join('\n');
    const head = VISITOR_COLUMNS.map((c) => `<th scope="col">${e(c)}</th>`).join('');
    const rows = Array.from(
      { length: VISITOR_ROWS },
      (_, i) => `<tr><td>${i + 1}</td>${'<td></td>'.repeat(VISITOR_COLUMNS.length - 1)}</tr>`,
    ).join('\n');
    return (
      `<section>\n<h1>${e(f.title)}</h1>\n<table class="fields"><caption hidden>接访安排</caption>\n${fields}\n</table>\n` +
      `<table class="visitors"><caption hidden>来访群众</caption>\n<tr>${head}</tr>\n${rows}\n</table>\n` +
      '<p class="sign"><span>记录人：</span><span>接访领导（签字）：</span></p>\n</section>\n'
    );
  });
  return page('领导干部接访表', sections.join(''));
}

/** The liaison's list: per leader and day, the residents booked (personal data: kept out of the published folder). */
export const LIAISON_HEADER = ['日期', '星期', '接访领导', '职务', '分管工作', '来访人', '联系方式', '主要问题', '希望日期', '分管对口'];

export function liaisonRows(days: readonly LiaisonDay[]): string[][] {
  return days.flatMap(({ duty: d, bookings }) =>
    bookings.map((b) => [
      d.date,
      d.weekday,
      d.name,
      d.title,
      d.portfolio,
      b.resident,
      b.contact,
      b.concern,
      b.wished ?? '',
      b.matched ? '是' : '否',
    ]),
  );
}

export function liaisonHtml(days: readonly LiaisonDay[]): string {
  const sections = days.map(({ duty: d, bookings }) => {
    const head = ['序号', '来访人', '联系方式', '主要问题', '希望日期', '分管对口'].map((c) => `<th scope="col">${c}</th>`).join('');
    const rows = bookings
      .map(
        (b, i) =>
          `<tr><td>${i + 1}</td><td>${e(b.resident)}</td><td>${e(b.contact)}</td><td>${e(b.concern)}</td><td>${e(b.wished ?? '')}</td><td>${b.matched ? '是' : '否'}</td></tr>`,
      )
      .join('\n');
    return (
      `<section>\n<h1>约访名单</h1>\n<table class="fields"><caption hidden>接访安排</caption>\n` +
      `<tr><th scope="row">接访日期</th><td>${e(`${d.date}（${d.weekday}）`)}</td></tr>\n` +
      `<tr><th scope="row">接访领导</th><td>${e(`${d.name}（${d.institution}　${d.title}）`)}</td></tr>\n` +
      `<tr><th scope="row">分管工作</th><td>${e(d.portfolio)}</td></tr>\n</table>\n` +
      `<table class="visitors"><caption hidden>约访群众</caption>\n<tr>${head}</tr>\n${rows}\n</table>\n</section>\n`
    );
  });
  return page('约访名单（内部，含个人信息）', sections.join(''));
}
