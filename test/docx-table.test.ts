// The .docx tables written as text (src/io/docx/grid-table.ts) against the docx library building the same
// table from its own objects (the way rota built them before): the same document, byte for byte, for any
// cells — hostile text, control characters, empty cells, the empty table's 暂无安排 row.
import { Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FONT, packDocx, para, run } from '../src/io/docx/gbt9704.js';
import type { GridTable } from '../src/io/docx/grid-table.js';

/** The oracle: the table as docx's Table, TableRow and TableCell, each cell a centred paragraph of one run. */
function docxTable(t: GridTable): Table {
  const size = t.halfPoints / 2;
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: t.widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: t.margins,
      children: [para([run(text, { size, ...(head ? { font: t.fonts.head } : {}) })], { align: 'center', line: t.line }, size)],
    });
  return new Table({
    width: { size: t.width, type: WidthType.DXA },
    columnWidths: [...t.widths],
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: t.head.map((h, i) => cell(h, i, true)) }),
      ...t.rows.map((r) => new TableRow({ ...(t.plain ? {} : { cantSplit: true }), children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '\u0000', '\u000b', '\t', '\n', ' ', '领', '𠀋'), maxLength: 8 }),
);
const table = fc.integer({ min: 1, max: 6 }).chain((columns) =>
  fc.record({
    width: fc.integer({ min: 1000, max: 9000 }),
    widths: fc.array(fc.integer({ min: 100, max: 3000 }), { minLength: columns, maxLength: columns }),
    margins: fc.record({
      top: fc.integer({ min: 0, max: 100 }),
      left: fc.integer({ min: 0, max: 100 }),
      bottom: fc.integer({ min: 0, max: 100 }),
      right: fc.integer({ min: 0, max: 100 }),
    }),
    // Not 三号 (32): run() narrows its spacing, which no table uses.
    halfPoints: fc.constantFrom(18, 21, 24, 28),
    line: fc.integer({ min: 200, max: 600 }),
    // The body's font is run()'s default: the oracle cannot name another.
    fonts: fc.record({
      latin: fc.constant(FONT.latin),
      head: fc.constantFrom(FONT.heading, FONT.title, 'A&B "x"'),
      body: fc.constant(FONT.body),
    }),
    head: fc.array(text, { minLength: columns, maxLength: columns }),
    rows: fc.array(fc.array(text, { minLength: columns, maxLength: columns }), { maxLength: 5 }),
    plain: fc.boolean(),
  }),
);

const page = (child: Parameters<typeof packDocx>[0]['children'][number]) =>
  packDocx({ title: '表', office: '办公室', date: '2025-01-01', children: [para([run('前')]), child, para([run('后')])] });

describe('tables of the .docx files written as text', () => {
  it('give the bytes the docx library gives for the same table', async () => {
    await fc.assert(
      fc.asyncProperty(table, async (t) => {
        expect(Buffer.from(await page({ grid: t })).equals(Buffer.from(await page(docxTable(t))))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
