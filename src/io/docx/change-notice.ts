// change-notice.docx: the 接访安排调整公告 as a Word document in GB/T 9704's measure, one row per changed
// day (原安排 → 现安排), dated in Chinese numerals, for the office to print or send with the page.
import { Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import { type DayChange, peopleText } from '../../core/replan/diff.js';
import { cnDate, cnHanDate } from '../html/format.js';
import { NOTICE_TITLE, type NoticeMeta, noticeIntro } from '../notice.js';
import { FONT, LINE, packDocx, para, run, SIZE } from './gbt9704.js';

const WIDTHS = [2500, 1100, 2622, 2622]; // 日期, 星期, 原安排, 现安排: 156 mm in twips

function changeTable(changes: readonly DayChange[]): Table {
  const cell = (text: string, i: number, head = false) =>
    new TableCell({
      width: { size: WIDTHS[i], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 80, right: 80, top: 30, bottom: 30 },
      children: [
        para([run(text, { size: SIZE.小四, ...(head ? { font: FONT.heading } : {}) })], { align: 'center', line: 320 }, SIZE.小四),
      ],
    });
  const day = (c: DayChange) => `${cnDate(c.date)}${c.kind === '接访' ? '' : `（${c.kind}）`}`;
  return new Table({
    width: { size: 8844, type: WidthType.DXA },
    columnWidths: WIDTHS,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: ['日期', '星期', '原安排', '现安排'].map((h, i) => cell(h, i, true)) }),
      ...changes.map(
        (c) =>
          new TableRow({
            cantSplit: true,
            children: [
              cell(day(c), 0),
              cell(c.weekday, 1),
              cell(c.type === 'added' ? '（新增）' : peopleText(c.before), 2),
              cell(c.type === 'removed' ? '（取消）' : peopleText(c.after), 3),
            ],
          }),
      ),
    ],
  });
}

/** The change notice as a .docx: title, what changed, the table, contact, office and date. */
export function changeNoticeDocx(changes: readonly DayChange[], m: NoticeMeta): Promise<Uint8Array> {
  const body = { size: SIZE.三号 };
  const p = (text: string, o: Parameters<typeof para>[1] = {}) => para([run(text, body)], { indent: 2, ...o });
  const contact = [m.config.contact.name, m.config.contact.phone].filter(Boolean).join(' ');
  return packDocx({
    title: `${NOTICE_TITLE}｜${m.config.title}`,
    office: m.config.office,
    date: m.date ?? m.config.from,
    children: [
      para([run(NOTICE_TITLE, { font: FONT.title, size: SIZE.二号 })], { align: 'center', line: Math.round(SIZE.二号 * 28) }, SIZE.二号),
      para([], { line: Math.round(LINE / 2) }),
      p(noticeIntro([...changes], m)),
      ...(changes.length
        ? [changeTable(changes), p('其余日期安排不变。请按调整后的安排前来，给您带来不便，敬请谅解。', { before: 120 })]
        : []),
      ...(contact ? [p(`联系电话：${contact}`)] : []),
      para([run(m.config.office, body)], { align: 'right', right: 4, before: LINE }),
      ...(m.date ? [para([run(cnHanDate(m.date), body)], { align: 'right', right: 4 })] : []),
    ],
  });
}
