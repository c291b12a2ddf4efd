// splitPlain (src/io/table.ts) against csv-parse with readTable's options (parseCsv), on texts without a quote:
// the same records, cells and line numbers, for any mix of CRLF, LF and lone CR, blank lines, tabs,
// commas, spaces, Chinese and a BOM.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from '../src/io/decode.js';
import { parseCsv, sniffDelimiter, splitPlain } from '../src/io/table.js';

// Only the record and its line: csv-parse's info has more.
const csvParse = (text: string, delimiter: string) =>
  parseCsv(text, delimiter).map((r) => ({ record: r.record, info: { lines: r.info.lines } }));

const piece = fc.constantFrom('a', 'b', '张', '志', ',', '\t', ' ', '\u3000', '\r\n', '\n', '\r', '\uFEFF', "'", '=');

describe('splitPlain', () => {
  it('gives csv-parse records and line numbers for any text without a quote', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        const delimiter = sniffDelimiter(text);
        const split = splitPlain(text, delimiter);
        expect(split).toEqual(text.startsWith('\uFEFF') ? undefined : csvParse(text, delimiter));
      }),
      { numRuns: 5_000 },
    );
  });

  it('leaves a text with a quote to csv-parse', () => {
    expect(splitPlain('姓名,单位\n"张,三",区委\n', ',')).toBeUndefined();
  });

  it('reads the fixtures (decoded as readTable does) as csv-parse does', () => {
    for (const f of ['fixtures/leaders.csv', 'fixtures/history.csv']) {
      const { text } = decode(readFileSync(f));
      expect(splitPlain(text, ',')).toEqual(csvParse(text, ','));
    }
  });
});
