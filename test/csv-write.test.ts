// timetable.csv and every other CSV rota writes are text (src/io/csv-write.ts); csv-stringify 6, which
// wrote them before, is the oracle: for any cells (quotes, commas, CR, LF and CRLF anywhere, empty
// cells, CJK and astral characters, a formula start) both give the same text.
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvText, neutralise, toExcelCsv } from '../src/io/csv-write.js';

/** The writer as it was: csv-stringify with the options rota gave it. */
const library = (rows: string[][]) => stringify(rows, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });

// Cells made mostly of the characters that decide quoting, so most cells need it and many do not.
const cell = fc
  .array(fc.constantFrom('"', ',', '\r', '\n', '\r\n', ' ', "'", '=', '＝', 'a', '张', '𠀀', '\t', ';', ''), { maxLength: 8 })
  .map((parts) => parts.join(''));
const table = fc
  .integer({ min: 1, max: 6 })
  .chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }));

describe('csvText', () => {
  it('writes what csv-stringify wrote for any cells, neutralised or not', () => {
    fc.assert(
      fc.property(table, (rows) => {
        expect(csvText(rows)).toBe(library(rows));
        const safe = rows.map((r) => r.map(neutralise));
        expect(csvText(safe)).toBe(library(safe));
      }),
      { numRuns: 2000 },
    );
  });

  it('quotes a cell with a quote, a comma or a line break, doubling its quotes, and ends every row with CRLF', () => {
    expect(csvText([['a"b', 'c,d', 'e\nf', 'g\rh', '', '张三'], ['x']])).toBe('"a""b","c,d","e\nf","g\rh",,张三\r\nx\r\n');
  });

  it('toExcelCsv starts the UTF-8 file with a BOM and neutralises a formula start', async () => {
    const bytes = await toExcelCsv(['姓名', '电话'], [['=1+1', '0990-6245539']]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe("\uFEFF姓名,电话\r\n'=1+1,0990-6245539\r\n");
  });
});
