// The 公告 as Word documents: timetable.docx, the notice as posted (title, 文号, body, the table, 特此公告,
// office and date: one A4 page for a round like the seed's), and 送审稿.docx, the approval copy in
// GB/T 9704's own measure (3号 body on the 22-line grid, the table as 附件 on its own page, 版记).
import type { Calendar } from '../../core/calendar.js';
import { coReceiverText, showsCoReceivers } from '../../core/co-receivers.js';
import type { Config } from '../../core/config.js';
import { sortDuties } from '../../core/duty-order.js';
import { kindText } from '../../core/slot-text.js';
import type { Duty } from '../../core/types.js';
import { type AnnouncementText, announcementText, listWords, sessionWords } from '../announcement.js';
import { cnDate, cnMonthDay } from '../html/format.js';
import { packDocx } from './document.js';
import { colophon, FONT, LINE, pageBreakPara, para, run, SIZE } from './gbt9704.js';
import { type GridTable, gridTableXml } from './grid-table.js';

/**
 * The posted notice's measure: GB/T 9704's type area and fonts, but a 小四 body at 16.5 pt, so the seed
 * round's text and its 12-row table fit one A4 page (at 3号 the text alone fills it).
 */
interface Measure {
  size: number;
  line: number;
  title: number;
}
const POSTED: Measure = { size: SIZE.小四, line: 330, title: SIZE.二号 };
/** The approval copy's measure: GB/T 9704 as written. */
const DRAFT: Measure = { size: SIZE.三号, line: LINE, title: SIZE.二号 };

interface Column {
  head: string;
  /** Relative width: about the characters of 小五 its longest cell takes. */
  width: number;
  cell: (d: Duty) => string;
}

/**
 * The table's columns, as the page's: 时段 when duties have sessions or hours, the kind when 下访 or a
 * mode (视频接访) is in it, 角色 when roles are named, 陪同单位 when the round names them, the place only
 * when it differs between rows.
 */
function columns(duties: readonly Duty[], config: Config, sameYear: boolean): Column[] {
  const mixed = duties.some((d) => d.kind === '下访');
  const kind = mixed || duties.some((d) => d.mode);
  const co = showsCoReceivers(duties, config);
  const places = new Set(duties.map((d) => d.place)).size > 1;
  return [
    { head: '日期', width: sameYear ? 5.5 : 8.5, cell: (d) => (sameYear ? cnMonthDay(d.date) : cnDate(d.date)) },
    { head: '星期', width: 3.8, cell: (d) => d.weekday },
    ...(duties.some((d) => d.session || d.hours) ? [{ head: '时段', width: 9, cell: sessionWords }] : []),
    ...(kind ? [{ head: '类型', width: duties.some((d) => d.mode) ? 6 : 3, cell: kindText }] : []),
    { head: '单位', width: 6.6, cell: (d) => d.institution },
    { head: mixed ? '领导' : '接访领导', width: 8.4, cell: (d) => d.name },
    ...(duties.some((d) => d.role) ? [{ head: '角色', width: 5.4, cell: (d: Duty) => d.role ?? '' }] : []),
    { head: '职务', width: 10.4, cell: (d) => d.title },
    { head: '分管工作', width: 14, cell: (d) => d.portfolio },
    ...(co ? [{ head: '陪同单位', width: 10, cell: (d: Duty) => coReceiverText(d.with ?? []) }] : []),
    ...(places ? [{ head: '地点', width: 12, cell: (d: Duty) => d.place }] : []),
  ];
}

function dutyTable(duties: readonly Duty[], config: Config): GridTable {
  const sameYear = config.from.slice(0, 4) === config.to.slice(0, 4);
  const cols = columns(duties, config, sameYear);
  const total = cols.reduce((a, c) => a + c.width, 0);
  const typeArea = 8844; // 156 mm in twips
  return {
    width: typeArea,
    widths: cols.map((c) => Math.floor((typeArea * c.width) / total)),
    margins: { top: 10, left: 30, bottom: 10, right: 30 },
    style: 'DutyTable',
    head: cols.map((c) => c.head),
    ...(duties.length ? { rows: duties.map((d) => cols.map((c) => c.cell(d))) } : { rows: [['暂无安排']], plain: true }),
  };
}

function titleLines(text: AnnouncementText, m: Measure, draft: boolean): string[] {
  const title = { font: FONT.title, size: m.title };
  const out = [para([run(text.title, title)], { align: 'center', line: Math.round(m.title * 20 * 1.3) }, m.title)];
  if (draft) out.push(para([run('（送审稿）', { font: FONT.subheading, size: m.size })], { align: 'center', line: m.line }, m.size));
  if (text.number) out.push(para([run(text.number, { size: m.size })], { align: 'center', line: m.line }, m.size));
  out.push(para([], { line: Math.round(m.line / 3) }));
  return out;
}

function bodyLines(text: AnnouncementText, m: Measure): string[] {
  const body = { size: m.size };
  const p = (xs: Parameters<typeof para>[0]) => para(xs, { indent: 2, line: m.line }, m.size);
  return [
    p([run(text.lead, body)]),
    ...text.items.flatMap((it) => [
      p([run(`${it.head}。`, { ...body, font: FONT.heading }), run(it.text, body)]),
      ...(it.list ? listWords(it.list).map((x) => p([run(x, body)])) : []),
    ]),
  ];
}

/** Contact, 特此公告, the 附件 line (the approval copy's), the office and the date, right-aligned four characters in. */
function closingLines(text: AnnouncementText, m: Measure, attachment?: string): string[] {
  const body = { size: m.size };
  return [
    ...(text.contact ? [para([run(text.contact, body)], { indent: 2, line: m.line }, m.size)] : []),
    para([run('特此公告。', body)], { indent: 2, line: m.line, before: Math.round(m.line / 3) }, m.size),
    ...(attachment ? [para([run(`附件：${attachment}`, body)], { indent: 2, line: m.line, before: m.line }, m.size)] : []),
    para([run(text.office, body)], { align: 'right', right: 4, line: m.line, before: Math.round(m.line / 2) }, m.size),
    ...(text.date ? [para([run(text.date, body)], { align: 'right', right: 4, line: m.line }, m.size)] : []),
  ];
}

/** What both documents print: the 公告's text and the duty table's XML, worked out once for the two. */
export interface Announcement {
  config: Config;
  text: AnnouncementText;
  /** The duty table's <w:tbl>, encoded (a township year's is some 470 KB). */
  table: Uint8Array;
}

/** The text and table of a round's 公告, for announcementDocx and approvalDocx (`text`: its words, when worked out already for the page). */
export function announcement(
  duties: readonly Duty[],
  config: Config,
  calendar: Calendar,
  text: AnnouncementText = announcementText(duties, config, calendar),
): Announcement {
  const sorted = sortDuties(duties, config);
  return {
    config,
    text,
    table: new TextEncoder().encode(gridTableXml(dutyTable(sorted, config))),
  };
}

/** timetable.docx: the notice as posted, the table inside it. */
export function announcementDocx({ config, text, table }: Announcement): Uint8Array {
  const m = POSTED;
  return packDocx({
    title: text.title,
    office: config.office,
    date: config.published ?? config.from,
    children: [
      ...titleLines(text, m, false),
      ...bodyLines(text, m),
      para([run(text.table, { size: m.size })], { indent: 2, line: m.line, keepNext: true }, m.size),
      table,
      ...closingLines(text, m),
    ],
  });
}

/** 送审稿.docx: the approval copy in GB/T 9704's measure, the table as 附件, the 版记 at the end. */
export function approvalDocx({ config, text, table }: Announcement): Uint8Array {
  const m = DRAFT;
  const body = { size: m.size };
  const date = config.published ?? config.from;
  return packDocx({
    title: `${text.title}（送审稿）`,
    office: config.office,
    date,
    children: [
      ...titleLines(text, m, true),
      ...bodyLines(text, m),
      para([run(text.table.replace('见下表', '见附件'), body)], { indent: 2, line: m.line }, m.size),
      ...closingLines(text, m, config.title),
      pageBreakPara([run('附件', { font: FONT.heading })]),
      para([run(config.title, { font: FONT.title, size: SIZE.小二 })], { align: 'center', line: Math.round(SIZE.小二 * 28) }, SIZE.小二),
      para([], { line: Math.round(m.line / 2) }),
      table,
      para([], { line: m.line }),
      ...colophon(config.office, cnDate(date)),
    ],
  });
}
