// The template of rota's Word documents, made by the docx library when rota is built
// (scripts/docx-template.mjs writes template.json from docxTemplate()): A4 with GB/T 9704's margins and
// line grid, the page-number footers, styles, settings, fonts, content types and relationships —
// every part but the text (document.xml's body, written by gbt9704.ts) and the title and date
// (docProps/core.xml, written by document.ts). The CLI and the browser app never load docx itself.
// docxRun and docxPara are gbt9704.ts's run and para as the docx library's objects: the footers use
// them, and the tests hold the text writers to them.
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
import { gzipSync } from 'fflate';
import { CORE_DATES, compileDocx } from './fixed-bytes.js';
import { BODY_SPACING, FONT, LINE, mm, type ParaOptions, type RunStyle, SIZE } from './gbt9704.js';
import { TABLE_STYLES, type TableStyleId, tableStyleXml } from './table-styles.js';

/** run() as docx's TextRun. */
export function docxRun(text: string, style: RunStyle = {}): TextRun {
  const size = style.size ?? SIZE.三号;
  return new TextRun({
    text,
    font: { eastAsia: style.font ?? FONT.body, ascii: FONT.latin, hAnsi: FONT.latin },
    size: size * 2,
    ...(style.bold ? { bold: true } : {}),
    ...(size === SIZE.三号 ? { characterSpacing: BODY_SPACING } : {}),
  });
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED };
const rule = (thick: boolean) => ({ style: BorderStyle.SINGLE, size: thick ? 8 : 4, color: '000000', space: 1 });

/** para() as docx's Paragraph. */
export function docxPara(children: ParagraphChild[], o: ParaOptions = {}, size: number = SIZE.三号): Paragraph {
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
        children: [docxRun('— ', style), number, docxRun(' —', style)],
      }),
    ],
  });
}

/** The header cells' paragraph styles (table-styles.ts): 黑体, centred, exact line pitch, no space around. */
const headStyles = () =>
  Object.values(TABLE_STYLES).map((t) => ({
    id: t.head.id,
    name: t.head.name,
    basedOn: 'Normal',
    run: { font: { eastAsia: FONT.heading, ascii: FONT.latin, hAnsi: FONT.latin }, size: t.size * 2 },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { line: t.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
  }));

/**
 * styles.xml's own styles besides docx's defaults: the table styles (table-styles.ts), which docx has no
 * options for, given as an external stylesheet (docx writes its default styles and the paragraph styles with it).
 */
const tableStyles = () =>
  '<w:styles mc:Ignorable="w14 w15" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">' +
  `${(Object.keys(TABLE_STYLES) as TableStyleId[]).map(tableStyleXml).join('')}</w:styles>`;

/** The document's properties: docProps/core.xml. */
export interface DocxMeta {
  title: string;
  office: string;
}

/** A4 with GB/T 9704's margins and page-number footers, holding `children`. */
export function gbtDocument(meta: DocxMeta, children: (Paragraph | Table)[]): Document {
  return new Document({
    creator: meta.office,
    lastModifiedBy: meta.office,
    title: meta.title,
    evenAndOddHeaderAndFooters: true,
    externalStyles: tableStyles(),
    styles: { paragraphStyles: headStyles() },
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

/** template.json: what a document is made of besides its text, title, office and date. */
export interface DocxTemplate {
  /** document.xml before and after the body's paragraphs and tables. */
  document: { head: string; tail: string };
  /** core.xml up to the title, and after the creator, in pieces to be joined by the time stamp. */
  core: { head: string; tail: string[] };
  /** Every other part, deflated (base64). */
  parts: { path: string; size: number; crc: number; data: string }[];
}

/**
 * A part deflated as zipSync deflates it (level 6), with its CRC-32: both from one gzip member (RFC
 * 1952: a 10-byte header, the deflate stream, the CRC-32 and the size).
 */
function deflated(path: string, bytes: Uint8Array): DocxTemplate['parts'][number] {
  const gz = gzipSync(bytes, { level: 6, mtime: 0 });
  const end = gz.length - 8;
  const crc = new DataView(gz.buffer, gz.byteOffset).getUint32(end, true);
  return { path, size: bytes.length, crc, data: Buffer.from(gz.subarray(10, end)).toString('base64') };
}

/** The template, from an empty document (no title, office or body, whose elements docx then leaves out). */
export function docxTemplate(): DocxTemplate {
  const parts = compileDocx(gbtDocument({ title: '', office: '' }, []));
  const text = (path: string) => {
    const x = parts.get(path);
    if (typeof x !== 'string') throw new Error(`docxTemplate: docx wrote no ${path}`);
    parts.delete(path);
    return x;
  };
  const doc = text('word/document.xml');
  const body = doc.indexOf('<w:body>') + '<w:body>'.length;
  const core = text('docProps/core.xml');
  const open = core.indexOf('>', core.indexOf('<cp:coreProperties')) + 1;
  const encoder = new TextEncoder();
  return {
    document: { head: doc.slice(0, body), tail: doc.slice(body) },
    core: { head: core.slice(0, open), tail: core.slice(open).replace(CORE_DATES, '$1\u0000').split('\u0000') },
    parts: [...parts]
      .map(([path, x]) => deflated(path, typeof x === 'string' ? encoder.encode(x) : x))
      .sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
}
