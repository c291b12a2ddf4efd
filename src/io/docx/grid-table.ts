// The tables of the .docx files (the duty table, the change notice's) written as WordprocessingML text,
// not built from the docx library's objects: a township year's table is thousands of cells, and
// building and serialising an object per cell, paragraph and run was most of `rota plan --batch --out`.
// The table names its style (table-styles.ts, in the template) and the header cells their paragraph
// style, rather than each cell repeating fonts, size, spacing and alignment. The text is what the docx
// library writes for the same table, byte for byte (test/docx-text.test.ts builds both).
import { TABLE_STYLES, type TableStyleId } from './table-styles.js';
import { textElement } from './xml-text.js';

/** A table of one-paragraph cells, text in one run in a cell style: every table rota's documents hold. */
export interface GridTable {
  /** The table's width and its columns', in twips. */
  width: number;
  widths: readonly number[];
  /** Cell margins in twips, set once on the table. */
  margins: { top: number; left: number; bottom: number; right: number };
  /** The table style (table-styles.ts): every cell's text, the header row's in its own paragraph style. */
  style: TableStyleId;
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
  const m = t.margins;
  const tblCellMar = `<w:tblCellMar><w:top w:type="dxa" w:w="${m.top}"/><w:left w:type="dxa" w:w="${m.left}"/><w:bottom w:type="dxa" w:w="${m.bottom}"/><w:right w:type="dxa" w:w="${m.right}"/></w:tblCellMar>`;
  const head = `<w:pPr><w:pStyle w:val="${TABLE_STYLES[t.style].head.id}"/></w:pPr>`;
  const cell = (text: string, i: number, pPr: string) =>
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${t.widths[i]}"/></w:tcPr><w:p>${pPr}<w:r>${textElement(text)}</w:r></w:p></w:tc>`;
  const row = (cells: readonly string[], trPr: string, pPr: string) =>
    `<w:tr>${trPr}${cells.map((c, i) => cell(c, i, pPr)).join('')}</w:tr>`;
  const keep = t.plain ? '' : '<w:trPr><w:cantSplit/></w:trPr>';
  return [
    `<w:tbl><w:tblPr><w:tblStyle w:val="${t.style}"/><w:tblW w:type="dxa" w:w="${t.width}"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/>${tblCellMar}</w:tblPr>`,
    `<w:tblGrid>${t.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    row(t.head, '<w:trPr><w:tblHeader/></w:trPr>', head),
    ...t.rows.map((r) => row(r, keep, '')),
    '</w:tbl>',
  ].join('');
}
