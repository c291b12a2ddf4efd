import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDateList, parseDateList } from '../src/core/date-list.js';
import { dayNumber, fromDayNumber } from '../src/core/dates.js';
import { type Said, say } from '../src/core/messages.js';

const text = (e: Said) => say(e.code, e.args as never);
const WINDOW = { from: '2024-12-11', to: '2024-12-26' };
/** A window across the new year: 12月 is 2024, 1月 is 2025. */
const NEW_YEAR = { from: '2024-12-20', to: '2025-01-10' };
// Years around the calendar's, month and day numbers past the real ones: invalid, reversed and out-of-years pieces too.
const part = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
const date = fc.tuple(fc.integer({ min: 1995, max: 2105 }), part(0, 13), part(0, 32)).map(([y, m, d]) => `${y}-${m}-${d}`);

describe('不可接访日期 lists', () => {
  it('a range without the year on its end takes the start year', () => {
    expect(parseDateList('2024-12-11~12-13').dates).toEqual(['2024-12-11', '2024-12-12', '2024-12-13']);
  });
  it('bad pieces are each named', () => {
    const { errors } = parseDateList('2024-12-11;2024-02-30、2024-12-20~2024-12-01');
    expect(errors.map((e) => e.code)).toEqual(['date.invalid', 'date.range-reversed']);
    expect(text(errors[0])).toContain('“2024-02-30”不是有效日期；请写成 2024-12-15 或 2024年12月15日');
    expect(text(errors[1])).toContain('范围 2024-12-20~2024-12-01 的结束早于开始');
  });
  it('empty text is no dates', () => {
    for (const t of ['', '  ', '\u3000']) expect(parseDateList(t)).toEqual({ dates: [], errors: [], notes: [] });
  });
  it('formatting then parsing gives the same dates (property)', () => {
    const lo = dayNumber('2024-01-01');
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: lo, max: lo + 400 }), { maxLength: 30 }), (ns) => {
        const dates = ns.map(fromDayNumber).sort();
        const text = formatDateList(dates);
        expect(parseDateList(text)).toEqual({ dates, errors: [], notes: [] });
      }),
      { numRuns: 200 },
    );
  });
  it('a plain date or range reads as the same text written the general way: 至 for ~, spaces around (property)', () => {
    fc.assert(
      fc.property(date, fc.option(date, { nil: undefined }), fc.boolean(), (a, b, windowed) => {
        const window = windowed ? WINDOW : undefined;
        const plain = b === undefined ? a : `${a}~${b}`;
        const general = b === undefined ? ` ${a} ` : `${a} 至 ${b}`;
        expect(parseDateList(plain, window)).toEqual(parseDateList(general, window));
      }),
      { numRuns: 500 },
    );
  });
  it('plain dates, one separator between each, read as the same dates with spaces around the separators (property)', () => {
    fc.assert(
      fc.property(
        fc.array(date, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(';', '；', '、', ',', '，'),
        fc.boolean(),
        (ds, sep, windowed) => {
          const window = windowed ? WINDOW : undefined;
          expect(parseDateList(ds.join(sep), window)).toEqual(parseDateList(ds.join(` ${sep} `), window));
        },
      ),
      { numRuns: 500 },
    );
  });
  it('consecutive dates are written as one range', () => {
    expect(formatDateList(['2024-12-13', '2024-12-11', '2024-12-12', '2024-12-20'])).toBe('2024-12-11~2024-12-13、2024-12-20');
  });
});

describe('spellings offices use (issue 12)', () => {
  it.each([
    ['2024/12/15-2024/12/17', ['2024-12-15', '2024-12-16', '2024-12-17']],
    ['2024/12/23-12/24', ['2024-12-23', '2024-12-24']],
    ['12月15日至17日', ['2024-12-15', '2024-12-16', '2024-12-17']],
    ['12月15日', ['2024-12-15']],
    ['2024-12-15至17日', ['2024-12-15', '2024-12-16', '2024-12-17']],
    ['2024年12月15日-17日', ['2024-12-15', '2024-12-16', '2024-12-17']],
    ['2024年12月15日至2024年12月16日', ['2024-12-15', '2024-12-16']],
    ['2024/12/15 - 2024/12/16、12月20日', ['2024-12-15', '2024-12-16', '2024-12-20']],
  ])('%s', (written, dates) => expect(parseDateList(written, WINDOW)).toEqual({ dates, errors: [], notes: [] }));

  it('a date without a year takes the one year of the window in which it falls', () => {
    expect(parseDateList('1月2日、12月30日', NEW_YEAR).dates).toEqual(['2024-12-30', '2025-01-02']);
  });
  it('a range without years over the new year ends in the next year', () => {
    expect(parseDateList('12月30日至1月2日', NEW_YEAR).dates).toEqual(['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02']);
  });

  it('refuses a date without a year when the window fits two years, naming both', () => {
    const { dates, errors } = parseDateList('3月1日', NEW_YEAR);
    expect(dates).toEqual([]);
    expect(errors.map((e) => e.code)).toEqual(['date.year-ambiguous']);
    expect(text(errors[0])).toBe(
      '“3月1日”没有写年份，可能是 2024-03-01 或 2025-03-01；请写上年份，如 2024-03-01。"3月1日" has no year; it could be 2024-03-01 or 2025-03-01',
    );
  });
  it('refuses a date without a year when there is no window', () => {
    const { errors } = parseDateList('12月15日');
    expect(text(errors[0])).toBe(
      '“12月15日”没有写年份，本轮起止日期也无法确定年份；请写上年份，如 2024年12月15日。"12月15日" has no year and the round\'s window does not tell which',
    );
  });
  it('refuses a range with two range signs', () => {
    const { errors } = parseDateList('2024-12-11~12-13~12-15', WINDOW);
    expect(text(errors[0])).toMatch(/^“2024-12-11~12-13~12-15”中有不止一个范围符号；请写成 /);
  });
  it('refuses an impossible day in a range', () => {
    const { errors } = parseDateList('2024年12月15日-32日', WINDOW);
    expect(errors.map((e) => e.code)).toEqual(['date.invalid']);
    expect(text(errors[0])).toContain('“2024年12月15日-32日”不是有效日期');
  });
  it('refuses words', () => {
    const { errors } = parseDateList('下周一', WINDOW);
    expect(text(errors[0])).toBe(
      '“下周一”不是有效日期；请写成 2024-12-15 或 2024年12月15日；连续几天写成 2024-12-15~2024-12-17 或 2024年12月15日至17日。"下周一" is not a real date; expected a date like 2024-12-15 or a range like 2024-12-15~2024-12-17',
    );
  });
});

describe('absences as offices write them (issue 20)', () => {
  it.each([
    ['12月18日上午', ['2024-12-18']],
    ['12月18日下午', ['2024-12-18']],
    ['2024-12-18上午至12月19日下午', ['2024-12-18', '2024-12-19']],
    ['自12月24日起', ['2024-12-24', '2024-12-25', '2024-12-26']],
    ['12月25日起', ['2024-12-25', '2024-12-26']],
    ['2024-12-25以后', ['2024-12-25', '2024-12-26']],
    ['2024-12-25~', ['2024-12-25', '2024-12-26']],
    ['自2025年1月5日起', []],
  ])('%s', (written, dates) => expect(parseDateList(written, WINDOW)).toEqual({ dates, errors: [], notes: [] }));

  it.each([
    ['12月18日、出差', ['2024-12-18'], ['出差']],
    ['12月18日~12月19日 出差、培训', ['2024-12-18', '2024-12-19'], ['出差', '培训']],
    ['12月18日（出差）', ['2024-12-18'], ['（出差）']],
  ])('%s: the note is kept apart', (written, dates, notes) => expect(parseDateList(written, WINDOW)).toEqual({ dates, errors: [], notes }));

  it('an open end without a round to close it is refused, naming the text', () => {
    expect(parseDateList('自2024年12月18日起').errors).toEqual([{ code: 'date.open-no-window', args: { text: '自2024年12月18日起' } }]);
  });
});
