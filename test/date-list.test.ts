import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDateList, parseDateList } from '../src/core/date-list.js';
import { dayNumber, fromDayNumber } from '../src/core/dates.js';

describe('不可接访日期 lists', () => {
  it('a range without the year on its end takes the start year', () => {
    expect(parseDateList('2024-12-11~12-13').dates).toEqual(['2024-12-11', '2024-12-12', '2024-12-13']);
  });
  it('bad pieces are each named', () => {
    const { errors } = parseDateList('2024-12-11;2024-02-30、2024-12-20~2024-12-01');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('2024-02-30');
    expect(errors[1]).toContain('ends before it starts');
  });
  it('empty text is no dates', () => expect(parseDateList('  ')).toEqual({ dates: [], errors: [] }));
  it('formatting then parsing gives the same dates (property)', () => {
    const lo = dayNumber('2024-01-01');
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: lo, max: lo + 400 }), { maxLength: 30 }), (ns) => {
        const dates = ns.map(fromDayNumber).sort();
        const text = formatDateList(dates);
        expect(parseDateList(text)).toEqual({ dates, errors: [] });
      }),
      { numRuns: 200 },
    );
  });
  it('consecutive dates are written as one range', () => {
    expect(formatDateList(['2024-12-13', '2024-12-11', '2024-12-12', '2024-12-20'])).toBe('2024-12-11~2024-12-13、2024-12-20');
  });
});
