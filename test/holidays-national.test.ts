// The national data checked day by day against the State Council's notices themselves.
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../src/core/calendar.js';
import { eachDay, isoWeekday } from '../src/core/dates.js';
import { NOTICES } from './helpers/notices.js';

describe.each(Object.entries(NOTICES))('national arrangement %s', (year, notice) => {
  const cal = makeCalendar();
  const off = new Map<string, string>();
  for (const [a, b, name] of notice.off) for (const d of eachDay(a, b)) off.set(d, name);
  it(`every day of ${year} matches ${notice.citation}`, () => {
    const wrong: string[] = [];
    for (const d of eachDay(`${year}-01-01`, `${year}-12-31`)) {
      const expected = off.has(d) ? false : notice.on.includes(d) ? true : isoWeekday(d) <= 5;
      const info = cal.day(d);
      if (info.working !== expected) wrong.push(`${d}: expected ${expected ? 'working' : 'off'}`);
      if (off.has(d) && info.reason !== off.get(d) && !(off.get(d) === '国庆节' && info.reason === '中秋')) {
        wrong.push(`${d}: reason ${info.reason}, expected ${off.get(d)}`);
      }
      if (notice.on.includes(d) && !info.makeup) wrong.push(`${d}: not marked as a make-up day`);
    }
    expect(wrong).toEqual([]);
  });
  it(`knows ${year}`, () => expect(cal.unknownYears(`${year}-01-01`, `${year}-12-31`)).toEqual([]));
});

describe('make-up days and reasons', () => {
  const cal = makeCalendar();
  it('Sun 2025-01-26 and Sat 2025-02-08 are working make-up days', () => {
    for (const d of ['2025-01-26', '2025-02-08']) {
      expect(cal.day(d)).toMatchObject({ working: true, makeup: true });
      expect(cal.day(d).reason).toContain('春节');
    }
  });
  it('weekends say which day they are', () => {
    expect(cal.day('2024-12-14').reason).toBe('周六');
    expect(cal.day('2024-12-15').reason).toBe('周日');
  });
  it('a weekday holiday says its name', () => expect(cal.day('2025-01-01')).toMatchObject({ working: false, reason: '元旦' }));
});
