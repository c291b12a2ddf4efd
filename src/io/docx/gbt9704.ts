// Word documents laid out as Chinese official documents are (GB/T 9704-2012 党政机关公文格式), made with
// the `docx` library: A4, type area 156 × 225 mm (top 37 mm, left 28 mm), title in 2号 方正小标宋简体,
// body in 3号 仿宋_GB2312 on a 22-line grid, page numbers "— 1 —" in 4号 宋体 at the outer edge (odd
// pages right, even pages left, one character in), and the 版记 (colophon) at the end of the last page.
// Offices without those fonts see Word's or WPS's substitutes (宋体, 仿宋, 华文中宋); LibreOffice on Linux
// draws them in Noto Serif CJK SC (fonts-noto-cjk).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  type Table,
  TextRun,
} from 'docx';
import { fixedDocx, gridPlaceholder } from './fixed-bytes.js';
import { type GridTable, gridTableXml } from './grid-table.js';

/** 1 mm in twips (1/20 pt): Word's unit for page geometry. */
const mm = (x: number) => Math.round((x * 1440) / 25.4);
/** Font sizes in points of the Chinese 号 scale. */
export const SIZE = { 二号: 22, 小二: 18, 三号: 16, 四号: 14, 小四: 12, 五号: 10.5, 小五: 9 } as const;
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  subheading: '楷体_GB2312',
  number: '宋体',
  latin: 'Times New Roman',
} as const;
/** 225 mm ÷ 22 lines: the body's line pitch, exactly. */
export const LINE = Math.round(mm(225) / 22);
/** 28 characters of 3号 (16 pt) fill 156 mm only 0.2 pt closer together: spacing in twips. */
const BODY_SPACING = -4;

export interface RunStyle {
  font?: string;
  size?: number;
  bold?: boolean;
}

/** A run of text in a Chinese font with its Latin companion (digits and letters in Times New Roman). */
export function run(text: string, style: RunStyle = {}): TextRun {
  const size = style.size ?? SIZE.三号;
  return new TextRun({
    text,
    font: { eastAsia: style.font ?? FONT.body, ascii: FONT.latin, hAnsi: FONT.latin },
    size: size * 2,
    ...(style.bold ? { bold: true } : {}),
    ...(size === SIZE.三号 ? { characterSpacing: BODY_SPACING } : {}),
  });
}

export interface ParaOptions {
  align?: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent in characters of the run's size (GB/T: 2 for body paragraphs). */
  indent?: number;
  /** Right indent in characters (the signature stands 4 characters in from the right). */
  right?: number;
  /** Exact line pitch in twips; the body grid by default. */
  line?: number;
  before?: number;
  after?: number;
  keepNext?: boolean;
  border?: 'top' | 'bottom' | 'both';
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED };
const rule = (thick: boolean) => ({ style: BorderStyle.SINGLE, size: thick ? 8 : 4, color: '000000', space: 1 });

export function para(children: ParagraphChild[], o: ParaOptions = {}, size: number = SIZE.三号): Paragraph {
  return new Paragraph({
    children,
    alignment: ALIGN[o.align ?? 'justify'],
    spacing: { line: o.line ?? LINE, lineRule: LineRuleType.EXACT, before: o.before ?? 0, after: o.after ?? 0 },
    indent: {
      ...(o.indent ? { firstLine: Math.round(o.indent * size * 20) } : {}),
      ...(o.right ? { right: Math.round(o.right * size * 20) } : {}),
    },
    ...(o.keepNext ? { keepNext: true } : {}),
    ...(o.border
      ? {
          border: {
            ...(o.border !== 'bottom' ? { top: rule(true) } : {}),
            ...(o.border !== 'top' ? { bottom: rule(o.border === 'bottom') } : {}),
          },
        }
      : {}),
  });
}

/** "— 1 —" in 4号 宋体: odd pages at the right, even pages at the left, one character in from the edge. */
function pageNumberFooter(side: 'left' | 'right'): Footer {
  const style = { font: FONT.number, size: SIZE.四号 };
  const number = new TextRun({ children: [PageNumber.CURRENT], font: FONT.number, size: SIZE.四号 * 2 });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: SIZE.四号 * 20 } : { left: SIZE.四号 * 20 },
        children: [run('— ', style), number, run(' —', style)],
      }),
    ],
  });
}

/** The 版记: a thick rule, the 抄送 line if any, then the printing office and date between thin rules. */
export function colophon(office: string, date: string, copies?: string): Paragraph[] {
  const small = { size: SIZE.四号 };
  const line = Math.round(LINE * 0.9);
  const out: Paragraph[] = [];
  if (copies) out.push(para([run(`抄送：${copies}。`, small)], { line, border: 'top', indent: 1 }, SIZE.四号));
  out.push(
    para([run(office, small), run(`\u3000\u3000${date}印发`, small)], { line, border: copies ? 'bottom' : 'both', indent: 1 }, SIZE.四号),
  );
  return out;
}

export interface DocxPage {
  title: string;
  office: string;
  /** YYYY-MM-DD: the date every timestamp inside the file takes, so the same inputs give the same bytes. */
  date: string;
  children: Block[];
}

/** What a page holds: the docx library's paragraphs and tables, and tables written as text (grid-table.ts). */
export type Block = Paragraph | Table | { grid: GridTable };

/** A4 with GB/T 9704's margins and page-number footers. */
function gbtDocument(page: DocxPage, children: (Paragraph | Table)[]): Document {
  return new Document({
    creator: page.office,
    lastModifiedBy: page.office,
    title: page.title,
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(28) },
          },
          grid: { linePitch: LINE },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children,
      },
    ],
  });
}

/** The .docx bytes, the same for the same inputs (time stamps set to the document's date). */
export function packDocx(page: DocxPage): Promise<Uint8Array> {
  const tables: string[] = [];
  const children = page.children.map((b) => ('grid' in b ? gridPlaceholder(tables.push(gridTableXml(b.grid)) - 1) : b));
  return fixedDocx(gbtDocument(page, children), page.date, tables);
}
