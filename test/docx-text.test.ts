// rota's .docx text writers (src/io/docx: run, para, pageBreakPara, the tables, core.xml, the template)
// against the docx library building the same document from its own objects, the way rota built them
// before: the same parts, byte for byte, for any text — hostile text, control characters, empty cells,
// the empty table's 暂无安排 row, an empty title — and the committed template is what docx makes now.
// One difference is allowed, and checked: docx marks every text xml:space="preserve", rota only text with
// white space in it (docx's text is read with the mark dropped where the text has no white space).
import { BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type Block, packDocx } from '../src/io/docx/document.js';
import { fixedDocx } from '../src/io/docx/fixed-bytes.js';
import { FONT, type ParaOptions, pageBreakPara, para, type RunStyle, run, SIZE } from '../src/io/docx/gbt9704.js';
import type { GridTable } from '../src/io/docx/grid-table.js';
import { TABLE_STYLES, type TableStyleId } from '../src/io/docx/table-styles.js';
import template from '../src/io/docx/template.json' with { type: 'json' };
import { docxPara, docxRun, docxTemplate, gbtDocument } from '../src/io/docx/template-source.js';

/** The oracle: the table as docx's Table, TableRow and TableCell in its table style, each cell a paragraph of one plain run, the header's in its paragraph style. */
function docxTable(t: GridTable): Table {
  const cell = (text: string, i: number, style?: string) =>
    new TableCell({
      width: { size: t.widths[i], type: WidthType.DXA },
      children: [new Paragraph({ ...(style ? { style } : {}), children: [new TextRun(text)] })],
    });
  const line = { style: BorderStyle.SINGLE, size: 4, color: 'auto' };
  return new Table({
    style: t.style,
    width: { size: t.width, type: WidthType.DXA },
    columnWidths: [...t.widths],
    borders: { top: line, left: line, bottom: line, right: line, insideHorizontal: line, insideVertical: line },
    layout: TableLayoutType.FIXED,
    margins: t.margins,
    rows: [
      new TableRow({ tableHeader: true, children: t.head.map((h, i) => cell(h, i, TABLE_STYLES[t.style].head.id)) }),
      ...t.rows.map((r) => new TableRow({ ...(t.plain ? {} : { cantSplit: true }), children: r.map((c, i) => cell(c, i)) })),
    ],
  });
}

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '\u0000', '\u000b', '\t', '\n', ' ', '领', '𠀋', '\ud800'), maxLength: 8 }),
);
const font = fc.constantFrom(FONT.body, FONT.heading, FONT.title, 'A&B "x"');
const style: fc.Arbitrary<RunStyle> = fc.record(
  { font, size: fc.constantFrom(...Object.values(SIZE)), bold: fc.boolean() },
  { requiredKeys: [] },
);
const options: fc.Arbitrary<ParaOptions> = fc.record(
  {
    align: fc.constantFrom('left', 'center', 'right', 'justify'),
    indent: fc.constantFrom(0, 1, 2, 1.5),
    right: fc.constantFrom(0, 4),
    line: fc.integer({ min: 100, max: 800 }),
    before: fc.integer({ min: 0, max: 600 }),
    after: fc.integer({ min: 0, max: 600 }),
    keepNext: fc.boolean(),
    border: fc.constantFrom('top', 'bottom', 'both'),
  },
  { requiredKeys: [] },
);
const tableStyle = fc.constantFrom(...(Object.keys(TABLE_STYLES) as TableStyleId[]));
const runs = fc.array(fc.tuple(text, style), { maxLength: 3 });
const table: fc.Arbitrary<GridTable> = fc.integer({ min: 1, max: 6 }).chain((columns) =>
  fc.record({
    width: fc.integer({ min: 1000, max: 9000 }),
    widths: fc.array(fc.integer({ min: 100, max: 3000 }), { minLength: columns, maxLength: columns }),
    margins: fc.record({
      top: fc.integer({ min: 0, max: 100 }),
      left: fc.integer({ min: 0, max: 100 }),
      bottom: fc.integer({ min: 0, max: 100 }),
      right: fc.integer({ min: 0, max: 100 }),
    }),
    style: tableStyle,
    head: fc.array(text, { minLength: columns, maxLength: columns }),
    rows: fc.array(fc.array(text, { minLength: columns, maxLength: columns }), { maxLength: 5 }),
    plain: fc.boolean(),
  }),
);

/** A block for each writer, as rota's text and as the docx library's object. */
type Pair = [Block, Paragraph | Table];
const block: fc.Arbitrary<Pair> = fc.oneof(
  fc.tuple(runs, options, fc.constantFrom(...Object.values(SIZE))).map(
    ([rs, o, size]): Pair => [
      para(
        rs.map(([t, s]) => run(t, s)),
        o,
        size,
      ),
      docxPara(
        rs.map(([t, s]) => docxRun(t, s)),
        o,
        size,
      ),
    ],
  ),
  runs.map(
    (rs): Pair => [
      pageBreakPara(rs.map(([t, s]) => run(t, s))),
      new Paragraph({ pageBreakBefore: true, children: rs.map(([t, s]) => docxRun(t, s)) }),
    ],
  ),
  table.map((t): Pair => [{ grid: t }, docxTable(t)]),
);
const page = fc.record({
  title: text,
  office: text,
  date: fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  blocks: fc.array(block, { maxLength: 6 }),
});

const parts = (zip: Uint8Array) => Object.entries(unzipSync(zip)).map(([path, bytes]) => [path, new TextDecoder().decode(bytes)]);
/** docx's parts with xml:space="preserve" dropped from text without white space, as rota writes it. */
const preservingOnlySpace = (zip: Uint8Array) =>
  parts(zip).map(([path, text]) => [
    path,
    text.replace(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g, (t, inner: string) => (/\s/.test(inner) ? t : `<w:t>${inner}</w:t>`)),
  ]);

describe('the .docx text writers', () => {
  it('give the parts the docx library gives for the same document, in the same order', () => {
    fc.assert(
      fc.property(page, ({ title, office, date, blocks }) => {
        const ours = packDocx({ title, office, date, children: blocks.map((b) => b[0]) });
        const docx = fixedDocx(
          gbtDocument(
            { title, office },
            blocks.map((b) => b[1]),
          ),
          date,
        );
        expect(parts(ours)).toEqual(preservingOnlySpace(docx));
      }),
      { numRuns: 80 },
    );
  });

  it('use the template the docx library makes now (npm run build writes src/io/docx/template.json)', () => {
    expect(docxTemplate()).toEqual(template);
  });
});
