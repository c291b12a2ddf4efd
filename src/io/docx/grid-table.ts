// The tables of the .docx files (the duty table, the change notice's) written as WordprocessingML text,
// not built from the docx library's objects: a township year's table is thousands of cells, and
// building and serialising an object per cell, paragraph and run was most of `rota plan --batch --out`.
// The text is what the docx library writes for the same table, byte for byte (test/docx-table.test.ts
// builds both).
import { xmlText } from './xml-text.js';

/** A table of one-paragraph cells, centred, text in one run: every table rota's documents hold. */
export interface GridTable {
  /** The table's width and its columns', in twips. */
  width: number;
  widths: readonly number[];
  /** Cell margins in twips. */
  margins: { top: number; left: number; bottom: number; right: number };
  /** Font size of the cells, in half-points. */
  halfPoints: number;
  /** Exact line pitch in twips. */
  line: number;
  /** The Latin font, and the Chinese fonts of the header row and of the others. */
  fonts: { latin: string; head: string; body: string };
  /** The header row (repeated on every page), then the rows (each kept on one page unless `plain`). */
  head: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
  /** Rows that may split across pages (the 暂无安排 row of an empty table). */
  plain?: boolean;
}

const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map((side) => `<w:${side} w:val="single" w:color="auto" w:sz="4"/>`)
  .join('');

/** The table's <w:tbl> element. */
export function gridTableXml(t: GridTable): string {
  const attr = (n: string | number) => xmlText(String(n));
  const m = t.margins;
  const tcMar = `<w:tcMar><w:top w:type="dxa" w:w="${m.top}"/><w:left w:type="dxa" w:w="${m.left}"/><w:bottom w:type="dxa" w:w="${m.bottom}"/><w:right w:type="dxa" w:w="${m.right}"/></w:tcMar>`;
  const pPr = `<w:pPr><w:spacing w:after="0" w:before="0" w:line="${t.line}" w:lineRule="exact"/><w:ind/><w:jc w:val="center"/></w:pPr>`;
  const rPr = (font: string) =>
    `<w:rPr><w:rFonts w:ascii="${attr(t.fonts.latin)}" w:eastAsia="${attr(font)}" w:hAnsi="${attr(t.fonts.latin)}"/><w:sz w:val="${t.halfPoints}"/><w:szCs w:val="${t.halfPoints}"/></w:rPr>`;
  const [headRun, bodyRun] = [rPr(t.fonts.head), rPr(t.fonts.body)];
  const cell = (text: string, i: number, run: string) =>
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${t.widths[i]}"/>${tcMar}<w:vAlign w:val="center"/></w:tcPr><w:p>${pPr}<w:r>${run}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r></w:p></w:tc>`;
  const row = (cells: readonly string[], trPr: string, run: string) =>
    `<w:tr>${trPr}${cells.map((c, i) => cell(c, i, run)).join('')}</w:tr>`;
  const keep = t.plain ? '' : '<w:trPr><w:cantSplit/></w:trPr>';
  return [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${t.width}"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>`,
    `<w:tblGrid>${t.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    row(t.head, '<w:trPr><w:tblHeader/></w:trPr>', headRun),
    ...t.rows.map((r) => row(r, keep, bodyRun)),
    '</w:tbl>',
  ].join('');
}
