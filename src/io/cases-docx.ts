// The 领导干部接访表 as a Word document (docx): one A4 section per duty, the same fields and blank
// visitor rows as the printable page. Its time stamps are set to `date` (fixedDocx), so the same
// timetable gives the same bytes.
import { AlignmentType, Document, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { type FormFields, VISITOR_COLUMNS, VISITOR_ROWS } from '../core/cases/forms.js';
import { fixedDocx } from './docx/fixed-bytes.js';

/** A4 in twentieths of a point, margins 15 mm. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 850;
const FONT = { ascii: 'FangSong', eastAsia: '仿宋', hAnsi: 'FangSong' };

const text = (t: string, bold = false, size = 22) => new TextRun({ text: t, bold, size, font: FONT });
const cell = (t: string, { bold = false, width }: { bold?: boolean; width?: number } = {}) =>
  new TableCell({
    children: [new Paragraph({ children: [text(t, bold)] })],
    ...(width ? { width: { size: width, type: WidthType.PERCENTAGE } } : {}),
  });

function section(f: FormFields) {
  const fields = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: f.fields.map(([k, v]) => new TableRow({ children: [cell(k, { bold: true, width: 18 }), cell(v, { width: 82 })] })),
  });
  const visitors = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: VISITOR_COLUMNS.map((c) => cell(c, { bold: true })) }),
      ...Array.from(
        { length: VISITOR_ROWS },
        (_, i) =>
          new TableRow({
            height: { value: 850, rule: 'atLeast' },
            children: VISITOR_COLUMNS.map((_, j) => cell(j === 0 ? String(i + 1) : '')),
          }),
      ),
    ],
  });
  return {
    properties: { page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [text(f.title, true, 40)] }),
      fields,
      new Paragraph({ children: [] }),
      visitors,
      new Paragraph({ spacing: { before: 360 }, children: [text('记录人：　　　　　　　　　　　　接访领导（签字）：')] }),
    ],
  };
}

/** The forms as one .docx, its time stamps set to `date` (YYYY-MM-DD) so that its bytes depend only on the forms. */
export async function formsDocx(forms: readonly FormFields[], date: string): Promise<Uint8Array> {
  const doc = new Document({ creator: 'rota', title: '领导干部接访表', sections: forms.map(section) });
  return fixedDocx(doc, date);
}
