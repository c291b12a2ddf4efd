import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  fromDayNumber,
  isIsoDate,
  isoWeekday,
  isoWeekKey,
  monthKey,
  parseDate,
  quarterKey,
} from '../src/core/dates.js';

// Oracle: the platform's own UTC calendar.
const viaDate = (n: number) => new Date(n * 86400000).toISOString().slice(0, 10);

describe('day numbers', () => {
  it('agree with the platform calendar for 1900-2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2100-12-31') }), (n) => {
        const iso = viaDate(n);
        expect(fromDayNumber(n)).toBe(iso);
        expect(dayNumber(iso)).toBe(n);
        expect(isoWeekday(iso)).toBe(((new Date(n * 86400000).getUTCDay() + 6) % 7) + 1);
      }),
    );
  });
  it('addDays crosses month, year and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});

describe('period keys', () => {
  it('ISO weeks across year ends', () => {
    expect(isoWeekKey('2024-12-29')).toBe('2024-W52');
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01');
    expect(isoWeekKey('2021-01-03')).toBe('2020-W53');
    expect(isoWeekKey('2026-01-01')).toBe('2026-W01');
    expect(isoWeekKey('2027-01-03')).toBe('2026-W53');
  });
  it('ISO week: Monday starts a week and every week has 7 days (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('2000-01-03'), max: dayNumber('2099-12-28') }), (n) => {
        const d = fromDayNumber(n);
        const monday = addDays(d, 1 - isoWeekday(d));
        for (let i = 0; i < 7; i++) expect(isoWeekKey(addDays(monday, i))).toBe(isoWeekKey(d));
        expect(isoWeekKey(addDays(monday, -1))).not.toBe(isoWeekKey(d));
      }),
      { numRuns: 200 },
    );
  });
  it('months and quarters', () => {
    expect(monthKey('2024-11-05')).toBe('2024-11');
    expect(quarterKey('2024-12-31')).toBe('2024-Q4');
    expect(quarterKey('2025-01-01')).toBe('2025-Q1');
    expect(quarterKey('2025-06-30')).toBe('2025-Q2');
  });
});

describe('reading dates as clerks write them', () => {
  it.each([
    ['2024-12-11', '2024-12-11'],
    ['2024/12/11', '2024-12-11'],
    ['2024/1/5', '2024-01-05'],
    ['2024.12.11', '2024-12-11'],
    ['2024年12月11日', '2024-12-11'],
    [' 2024-12-11\u3000', '2024-12-11'],
  ])('%s → %s', (text, iso) => expect(parseDate(text)).toBe(iso));
  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '12-11', 'tomorrow', ''])('rejects %s', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });
  it('YYYY-MM-DD reads as the same digits written YYYY/MM/DD, real dates or not (property)', () => {
    const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    fc.assert(
      fc.property(digits(4), digits(2), digits(2), (y, m, d) => {
        expect(parseDate(` ${y}-${m}-${d}`)).toBe(parseDate(`${y}/${m}/${d}`));
      }),
      { numRuns: 1000 },
    );
  });
  it('knows leap years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });
});
