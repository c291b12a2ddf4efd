// timetable.csv for Excel/WPS: BOM, CRLF, formula injection neutralised (phone numbers untouched),
// GB18030 on request, and reading it back gives the same duties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber, weekdayName } from '../src/core/dates.js';
import { DISTRICT_INSTITUTIONS } from '../src/core/institutions.js';
import { clean } from '../src/core/text.js';
import type { Duty } from '../src/core/types.js';
import { KINDS } from '../src/core/types.js';
import { neutralise, unneutralise } from '../src/io/csv-write.js';
import { renderCsv } from '../src/io/publish.js';
import { readTimetableBytes } from '../src/io/timetable-read.js';
import { duty, seed } from './helpers/seed.js';

const s = seed();
const strip = (ds: Duty[]) => ds.map(({ source: _s, ...d }) => d);

describe('timetable.csv', () => {
  it('starts with a UTF-8 BOM, ends every record with CRLF and has the timetable header', async () => {
    const bytes = await renderCsv(s.duties, s.config);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    expect(text.split('\r\n')[0]).toBe('日期,星期,类型,单位,姓名,职务,分管工作,地点');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.split('\r\n')).toHaveLength(14); // header + 12 + final empty
  });

  it('is byte for byte the hand-made fixture it was read from', async () => {
    const { readFileSync } = await import('node:fs');
    expect(Buffer.from(await renderCsv(s.duties, s.config))).toEqual(readFileSync('fixtures/timetable.csv'));
  });

  it('neutralises cells a spreadsheet would evaluate, but leaves 0990-6245539 alone', async () => {
    const d = duty({
      date: '2024-12-11',
      weekday: '星期三',
      name: '=1+1',
      title: '+SUM(A1)',
      portfolio: '-2+3',
      place: '@cmd',
    });
    const phone = duty({
      date: '2024-12-12',
      weekday: '星期四',
      name: '王建国',
      title: '0990-6245539',
      portfolio: '=HYPERLINK("http://x","点我")',
    });
    const text = new TextDecoder().decode((await renderCsv([d, phone], s.config)).subarray(3));
    const [, row1, row2] = text.split('\r\n');
    expect(row1).toBe("2024-12-11,星期三,接访,区委,'=1+1,'+SUM(A1),'-2+3,'@cmd");
    expect(neutralise("'=1")).toBe("''=1"); // a typed apostrophe survives the round trip
    expect(unneutralise(neutralise("'=1"))).toBe("'=1");
    expect(neutralise("'abc")).toBe("'abc");
    expect(row2).toBe(
      `2024-12-12,星期四,接访,区委,王建国,0990-6245539,"'=HYPERLINK(""http://x"",""点我"")",区人民群众信访服务中心（克拉玛依市昆仑路585号）`,
    );
  });

  it('reads back the same duties, apostrophes removed (UTF-8 and GB18030)', async () => {
    const tricky = [
      ...s.duties.slice(0, 2),
      duty({
        date: '2024-12-13',
        weekday: '星期五',
        name: '=cmd|x',
        institution: '区政府',
        title: '-1',
        portfolio: '@SUM(1)',
        place: "'already quoted",
      }),
    ];
    for (const encoding of ['utf-8', 'gb18030'] as const) {
      const bytes = await renderCsv(tricky, s.config, encoding);
      if (encoding === 'gb18030') expect(bytes[0]).not.toBe(0xef);
      const back = readTimetableBytes(bytes, 't.csv', s.leaders, s.config.institutions);
      expect(back.problems).toEqual([]);
      expect(back.encoding).toBe(encoding);
      expect(strip(back.duties)).toEqual(strip(tricky));
    }
  });

  it('unneutralise undoes neutralise for every string, and neutralised cells never start like a formula (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."'=+-@\t\r a0".split('')) }), (x) => {
        const n = neutralise(x);
        expect(unneutralise(n)).toBe(x);
        expect(n).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips any duties with text a clerk might type (property)', async () => {
    const text = fc
      .string({ unit: fc.constantFrom(...'=+-@\t\r\n,;"\'，、征地拆迁王张 a1'.split('')), maxLength: 12 })
      .filter((t) => clean(t) === t);
    const name = fc.string({ unit: fc.constantFrom(...'=+-@"\',王张李a'.split('')), minLength: 1, maxLength: 6 });
    const arb = fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 60 }),
        name,
        title: text,
        portfolio: text,
        place: text,
        kind: fc.constantFrom(...KINDS),
        inst: fc.constantFrom(...DISTRICT_INSTITUTIONS.map((i) => i.name)),
      }),
      { minLength: 1, maxLength: 8 },
    );
    await fc.assert(
      fc.asyncProperty(arb, async (rows) => {
        const duties: Duty[] = rows.map((r) => {
          const date = fromDayNumber(dayNumber('2024-12-01') + r.day);
          return {
            date,
            weekday: weekdayName(date),
            kind: r.kind,
            institution: r.inst,
            name: r.name,
            title: r.title,
            portfolio: r.portfolio,
            place: r.place,
          };
        });
        const bytes = await renderCsv(duties, s.config);
        const back = readTimetableBytes(bytes, 't.csv', [], s.config.institutions);
        expect(back.problems).toEqual([]);
        // Independent oracle for the order: re-read order must equal the CSV's own sort; compare as multisets.
        const key = (d: Duty) => JSON.stringify([d.date, d.kind, d.institution, d.name, d.title, d.portfolio, d.place]);
        expect(strip(back.duties).map(key).sort()).toEqual(duties.map(key).sort());
      }),
      { numRuns: 200 },
    );
  });
});

describe('a timetable whose header is wrong', () => {
  it('gets one message about the header, not one per row', () => {
    const bytes = new TextEncoder().encode('姓名,单位\n王建国,区委\n刘芳,区委\n');
    const r = readTimetableBytes(bytes, 'x.csv', [], DISTRICT_INSTITUTIONS);
    expect(r.problems.map((p) => [p.line, p.field])).toEqual([[1, '日期']]);
    expect(r.duties).toEqual([]);
  });
});
