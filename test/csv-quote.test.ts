// An unclosed quote is told at the line the clerk typed it on, not where the parser gave up (the end
// of the file, or the next quote further down).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEADER_COLUMNS } from '../src/core/leaders.js';
import { readTable } from '../src/io/table.js';

const HEADER = '姓名,单位,职务,级别';
const row = (i: number) => `领导${i},区委,副书记,副处级`;
const read = (lines: string[]) => readTable(new TextEncoder().encode(`${lines.join('\r\n')}\r\n`), 'leaders.csv', LEADER_COLUMNS);

describe('an unclosed quote', () => {
  it('on line 5 of 22 is reported at line 5 (csv-parse gives up at the end)', () => {
    const lines = [HEADER, ...Array.from({ length: 21 }, (_, i) => row(i))];
    lines[4] = `"${lines[4]}`;
    const t = read(lines);
    expect(t.problems.map((p) => [p.code, p.line])).toEqual([['csv.unclosed-quote', 5]]);
    expect(t.rows).toEqual([]);
  });

  it('is reported at its own line wherever it is, with quoted cells (and "" inside them) before and after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 40 }), fc.nat(), fc.boolean(), (n, at, quotedAfter) => {
        const lines = [HEADER, ...Array.from({ length: n }, (_, i) => (i % 3 === 0 ? `"领导""${i}""",区委,副书记,副处级` : row(i)))];
        const k = 1 + (at % n); // 0-based index of a data line
        lines[k] = `"${row(k)}`;
        if (quotedAfter && k + 1 < lines.length) lines[k + 1] = `${lines[k + 1].split(',')[0]},区委,"x",副处级`;
        const t = read(lines);
        expect(t.problems.map((p) => [p.code, p.line])).toEqual([['csv.unclosed-quote', k + 1]]);
      }),
    );
  });
});
