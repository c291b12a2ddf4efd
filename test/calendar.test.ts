import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../src/core/calendar.js';
import { dayNumber, eachDay, fromDayNumber } from '../src/core/dates.js';
import type { HolidayEntry } from '../src/core/types.js';
import { NOTICES } from './helpers/notices.js';

// Independent oracle: weekday from the platform's Date, holidays from the hand-transcribed notices.
function oracleWorking(d: string, xinjiang: Set<string>, overrides: HolidayEntry[]): boolean {
  const o = overrides.find((e) => e.date === d);
  if (o) return o.type === '上班';
  if (xinjiang.has(d)) return false;
  const n = NOTICES[+d.slice(0, 4)];
  if (n.off.some(([a, b]) => a <= d && d <= b)) return false;
  if (n.on.includes(d)) return true;
  const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6;
}

const XJ_2025 = new Set([...eachDay('2025-03-29', '2025-03-31'), ...eachDay('2025-06-06', '2025-06-10')]);

describe('the seed round', () => {
  it('has exactly 12 working days, 12-11..13, 16..20, 23..26', () => {
    const days = makeCalendar({ region: 'xinjiang' }).workingDays('2024-12-11', '2024-12-26');
    expect(days).toEqual([
      '2024-12-11',
      '2024-12-12',
      '2024-12-13',
      '2024-12-16',
      '2024-12-17',
      '2024-12-18',
      '2024-12-19',
      '2024-12-20',
      '2024-12-23',
      '2024-12-24',
      '2024-12-25',
      '2024-12-26',
    ]);
  });
});

describe('Xinjiang', () => {
  const xj = makeCalendar({ region: 'xinjiang' });
  const cn = makeCalendar();
  it('2025 肉孜节 and 古尔邦节 are off in Xinjiang only', () => {
    expect(xj.day('2025-03-31')).toMatchObject({ working: false, reason: '肉孜节' });
    expect(cn.day('2025-03-31').working).toBe(true);
    for (const d of ['2025-06-06', '2025-06-09', '2025-06-10']) {
      expect(xj.day(d)).toMatchObject({ working: false, reason: '古尔邦节' });
      expect(cn.day(d).working).toBe(true);
    }
  });
  it('2024 and 2026 festivals are in the data', () => {
    expect(xj.day('2024-04-10').reason).toBe('肉孜节');
    expect(xj.day('2024-06-18').reason).toBe('古尔邦节');
    expect(xj.day('2026-03-20').reason).toBe('肉孜节');
    expect(xj.day('2026-05-27').reason).toBe('古尔邦节');
  });
  it('knows 2024-2026 and not 2027', () => {
    expect(xj.unknownYears('2024-01-01', '2026-12-31')).toEqual([]);
    expect(xj.unknownYears('2026-12-01', '2027-02-01')).toEqual([2027]);
  });
});

describe('the user override file', () => {
  it('beats national, regional and weekend data both ways', () => {
    const overrides: HolidayEntry[] = [
      { date: '2025-01-28', type: '上班', name: '值守' }, // 春节 made a working day
      { date: '2024-12-18', type: '休息', name: '区运动会' }, // a weekday closed
      { date: '2025-03-31', type: '上班', name: '补班' }, // 肉孜节 made working
    ];
    const cal = makeCalendar({ region: 'xinjiang', overrides });
    expect(cal.day('2025-01-28')).toMatchObject({ working: true });
    expect(cal.day('2024-12-18')).toMatchObject({ working: false, reason: '区运动会' });
    expect(cal.day('2025-03-31').working).toBe(true);
  });
  it('a year covered by the override file is not reported unknown', () => {
    const cal = makeCalendar({ overrides: [{ date: '2027-01-01', type: '休息', name: '元旦' }] });
    expect(cal.unknownYears('2027-01-01', '2027-12-31')).toEqual([]);
    expect(makeCalendar().unknownYears('2027-01-01', '2027-12-31')).toEqual([2027]);
  });
  it('outside the known years weekends still count, and the year is reported', () => {
    const cal = makeCalendar();
    expect(cal.workingDays('2027-03-01', '2027-03-07')).toEqual(eachDay('2027-03-01', '2027-03-05'));
    expect(cal.unknownYears('2023-12-01', '2028-01-01')).toEqual([2027, 2028]);
  });
});

describe('working-day counting agrees with a day-by-day walk (property)', () => {
  const lo = dayNumber('2024-01-01');
  const hi = dayNumber('2026-12-31');
  const date = fc.integer({ min: lo, max: hi }).map(fromDayNumber);
  const override = fc.record({ date, type: fc.constantFrom<'休息' | '上班'>('休息', '上班'), name: fc.constant('本地') });
  it('national and xinjiang, with random overrides', () => {
    fc.assert(
      fc.property(
        date,
        date,
        fc.boolean(),
        fc.uniqueArray(override, { selector: (o) => o.date, maxLength: 5 }),
        (a, b, xinjiang, overrides) => {
          const [from, to] = a <= b ? [a, b] : [b, a];
          const cal = makeCalendar({ region: xinjiang ? 'xinjiang' : 'national', overrides });
          const xjDays = xinjiang
            ? new Set([
                ...XJ_2025,
                '2024-04-10',
                ...eachDay('2024-06-17', '2024-06-19'),
                ...eachDay('2026-03-20', '2026-03-22'),
                ...eachDay('2026-05-27', '2026-05-31'),
              ])
            : new Set<string>();
          let walk = 0;
          for (let n = dayNumber(from); n <= dayNumber(to); n++) if (oracleWorking(fromDayNumber(n), xjDays, overrides)) walk++;
          expect(cal.workingDays(from, to).length).toBe(walk);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("each year's table is built when first asked (property)", () => {
  const date = fc.integer({ min: dayNumber('2023-01-01'), max: dayNumber('2027-12-31') }).map(fromDayNumber);
  const override = fc.record({ date, type: fc.constantFrom<'休息' | '上班'>('休息', '上班'), name: fc.constantFrom('本地', '补') });
  it('days asked in any order, across years, are the days asked in date order (a date listed twice: the later line wins)', () => {
    fc.assert(
      fc.property(
        fc.array(date, { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        fc.array(override, { maxLength: 8 }),
        (asked, xinjiang, overrides) => {
          const options = { region: xinjiang ? ('xinjiang' as const) : ('national' as const), overrides };
          const inOrder = makeCalendar(options);
          const sorted = [...asked].sort();
          const expected = new Map(sorted.map((d) => [d, inOrder.day(d)]));
          const shuffled = makeCalendar(options);
          for (const d of asked) expect(shuffled.day(d)).toEqual(expected.get(d));
          const last = new Map(overrides.map((o) => [o.date, o]));
          for (const d of asked) if (last.has(d)) expect(shuffled.isWorkingDay(d)).toBe(last.get(d)!.type === '上班');
        },
      ),
      { numRuns: 150 },
    );
  });
});
