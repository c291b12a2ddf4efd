// The timetable and its report as a readable table for the terminal (colours via paint()).
import { planReportSections, type ReportLine, type Tone } from '../app/plan-report.js';
import type { PlanReport } from '../core/engine/types.js';
import { type Place, placeText, receptionPlaces } from '../core/place.js';
import { hoursText, kindText } from '../core/slot-text.js';
import type { Duty } from '../core/types.js';
import type { Painter } from '../io/check-format.js';

type Column = [string, (d: Duty) => string];

/** Hangul jamo, CJK, Hangul syllables, compatibility ideographs, CJK forms, full-width forms: two columns each. */
const WIDE = [0x1100, 0x115f, 0x2e80, 0xa4cf, 0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe30, 0xfe4f, 0xff00, 0xff60, 0xffe0, 0xffe6];

/** Display width: CJK and full-width characters take two columns (a character outside the BMP one). */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A surrogate pair is one character of one column.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    let wide = false;
    for (let r = 0; r < WIDE.length && !wide; r += 2) wide = c >= WIDE[r] && c <= WIDE[r + 1];
    w += wide ? 2 : 1;
  }
  return w;
}

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));

export function renderPlan(
  p: { title: string; from: string; to: string; duties: Duty[]; report: PlanReport; pattern?: string },
  place: Place,
  c: Painter,
): string {
  const { report } = p;
  // A timetable with 下访 names the kind and the place (the 下访 site); one of 接访 only, the portfolio.
  const visits = p.duties.some((d) => d.kind === '下访');
  // Each place the 接访 duties name (a round whose slots are held at two places names both), else the round's.
  const named = receptionPlaces(p.duties);
  const where = named.length ? named.join('、') : placeText(place);
  const lines: string[] = [
    c.bold(p.title),
    // A round with a pattern (每周三 …) counts its duty days, not every working day.
    `${p.from} 至 ${p.to}，${report.workingDays} 个${p.pattern ? `接访日（${p.pattern}）` : '工作日'}，${report.duties} 人次` +
      (visits ? `（接访 ${report.kinds.接访}、下访 ${report.kinds.下访}）；接访地点：${where}` : `；地点：${where}`),
    '',
  ];
  // Slot columns only when some duty carries them (rota.json slots): the seed's table is unchanged.
  const has = (cell: (d: Duty) => string) => p.duties.some((d) => cell(d) !== '');
  const places = new Set(p.duties.filter((d) => d.kind === '接访').map((d) => d.place)).size > 1;
  const columns: Array<[string, (d: Duty) => string]> = [
    ['日期', (d) => d.date],
    ['星期', (d) => d.weekday],
    ...optional('时段', (d) => d.session ?? ''),
    ...optional('接访时间', (d) => (d.hours ? hoursText(d.hours) : '')),
    ...(visits || p.duties.some((d) => d.mode) ? [['类型', kindText] as Column] : []),
    ['单位', (d) => d.institution],
    ['姓名', (d) => d.name],
    ['职务', (d) => d.title],
    ...optional('角色', (d) => d.role ?? ''),
    ...(visits ? [] : [['分管工作', (d: Duty) => d.portfolio] as Column]),
    ...(visits
      ? [['地点', (d: Duty) => (d.kind === '接访' && !places ? '中心' : d.place)] as Column]
      : places
        ? [['地点', (d: Duty) => d.place] as Column]
        : []),
  ];
  function optional(header: string, cell: (d: Duty) => string): Column[] {
    return has(cell) ? [[header, cell]] : [];
  }
  const header = columns.map(([h]) => h);
  const rows = p.duties.map((d) => columns.map(([, cell]) => cell(d)));
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  const line = (cells: string[]) => cells.map((x, i) => (i === cells.length - 1 ? x : pad(x, widths[i]))).join('  ');
  lines.push(c.bold(line(header)));
  for (const r of rows) lines.push(line(r));
  lines.push('');
  // The report's sections, in the words the browser app shows too; the terminal only colours them.
  const paintTone: Record<Tone, (s: string) => string> = { plain: (s) => s, dim: c.dim, warn: c.yellow, bad: c.red };
  const put = (l: ReportLine, depth: number) => {
    lines.push(`${'  '.repeat(depth)}${paintTone[l.tone](l.text)}`);
    for (const u of l.under ?? []) put(u, depth + 1);
  };
  for (const s of planReportSections(report)) {
    lines.push(`${c.bold(s.title)}${s.lines.length ? '' : '：无 none'}`);
    for (const l of s.lines) put(l, 1);
  }
  return `${lines.join('\n')}\n`;
}
