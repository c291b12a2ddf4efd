// change-notice.docx: the 接访安排调整公告 as a Word document in GB/T 9704's measure, one row per changed
// day (原安排 → 现安排), dated in Chinese numerals, for the office to print or send with the page.
import { type DayChange, peopleText } from '../../core/replan/diff.js';
import { cnDate, cnHanDate } from '../html/format.js';
import { NOTICE_TITLE, type NoticeMeta, noticeIntro } from '../notice.js';
import { packDocx } from './document.js';
import { FONT, LINE, para, run, SIZE } from './gbt9704.js';
import type { GridTable } from './grid-table.js';

const WIDTHS = [2500, 1100, 2622, 2622]; // 日期, 星期, 原安排, 现安排: 156 mm in twips

function changeTable(changes: readonly DayChange[]): { grid: GridTable } {
  const day = (c: DayChange) => `${cnDate(c.date)}${c.kind === '接访' ? '' : `（${c.kind}）`}`;
  return {
    grid: {
      width: 8844,
      widths: WIDTHS,
      margins: { top: 30, left: 80, bottom: 30, right: 80 },
      style: 'ChangeTable',
      head: ['日期', '星期', '原安排', '现安排'],
      rows: changes.map((c) => [
        day(c),
        c.weekday,
        c.type === 'added' ? '（新增）' : peopleText(c.before),
        c.type === 'removed' ? '（取消）' : peopleText(c.after),
      ]),
    },
  };
}

/** The change notice as a .docx: title, what changed, the table, contact, office and date. */
export function changeNoticeDocx(changes: readonly DayChange[], m: NoticeMeta): Uint8Array {
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
