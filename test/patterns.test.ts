// Duty-day patterns: each spelling of the issue over 2025 (national holidays and 调休, as the State
// Council's notice sets them), with each holiday rule; and a property against the rrule library's
// expansion plus hand-transcribed notices as an independent oracle.
import fc from 'fast-check';
import { RRule } from 'rrule';
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../src/core/calendar.js';
import { addDays, eachDay } from '../src/core/dates.js';
import { type Pattern, parsePattern, patternCalendar, patternDays } from '../src/core/patterns.js';
import { NOTICES } from './helpers/notices.js';

const calendar = makeCalendar();
const pattern = (text: string): Pattern => {
  const { pattern: p, error } = parsePattern(text);
  if (!p) throw new Error(JSON.stringify(error));
  return p;
};
const year2025 = (text: string) => patternDays(pattern(text), calendar, '2025-01-01', '2025-12-31');
const dates = (text: string) => year2025(text).days.map((d) => d.date);
const moves = (text: string) => year2025(text).days.flatMap((d) => (d.moved ? [`${d.moved.from}→${d.date}`] : []));
const dropped = (text: string) => year2025(text).dropped.map((d) => (d.into ? `${d.date}→${d.into}` : d.date));

describe('each spelling over 2025', () => {
  it('每个工作日: the 248 working days (261 weekdays − 18 holidays + 5 调休 Saturdays/Sundays)', () => {
    const ds = dates('每个工作日');
    expect(ds).toHaveLength(248);
    expect(ds).toContain('2025-01-26'); // 春节调休上班, a Sunday
    expect(ds).not.toContain('2025-10-08');
  });

  it('每周三: 53 Wednesdays; 01-01 and 10-01 move to the next working day (顺延, the default), 01-29 and 10-08 fall on a duty day already', () => {
    const p = pattern('每周三');
    expect(p.holiday).toBeUndefined();
    expect(moves('每周三')).toEqual(['2025-01-01→2025-01-02', '2025-10-01→2025-10-09']);
    expect(dropped('每周三')).toEqual(['2025-01-29→2025-02-05', '2025-10-08→2025-10-09']);
    expect(dates('每周三')).toHaveLength(51);
  });

  it('每周三（遇节假日取消）: the four holiday Wednesdays are dropped', () => {
    expect(pattern('每周三（遇节假日取消）').holiday).toBe('取消');
    expect(dropped('每周三（遇节假日取消）')).toEqual(['2025-01-01', '2025-01-29', '2025-10-01', '2025-10-08']);
    expect(dates('每周三（遇节假日取消）')).toHaveLength(49);
  });

  it('每周三（遇节假日提前）: to the working day before; 01-01 would leave the window and is dropped', () => {
    expect(moves('每周三（遇节假日提前）')).toEqual(['2025-01-29→2025-01-27', '2025-10-01→2025-09-30']);
    expect(dropped('每周三（遇节假日提前）')).toEqual(['2025-01-01', '2025-10-08→2025-09-30']);
  });

  it('每周一和周四: 104 days; seven fall in holidays, three new dates after them, the rest merge', () => {
    expect(moves('每周一和周四')).toEqual(['2025-01-30→2025-02-05', '2025-05-01→2025-05-06', '2025-06-02→2025-06-03']);
    expect(dates('每周一和周四')).toHaveLength(104 - 7 + 3);
    expect(dates('每周一、周四')).toEqual(dates('每周一和周四'));
    expect(dates('每星期一及星期四')).toEqual(dates('每周一和周四'));
  });

  it('每月15日（遇节假日顺延）: twelve days; the four weekend 15ths move to Monday', () => {
    expect(moves('每月15日（遇节假日顺延）')).toEqual([
      '2025-02-15→2025-02-17',
      '2025-03-15→2025-03-17',
      '2025-06-15→2025-06-16',
      '2025-11-15→2025-11-17',
    ]);
    expect(dates('每月15日（遇节假日顺延）')).toHaveLength(12);
    expect(dates('每月十五号')).toEqual(dates('每月15日（遇节假日顺延）'));
  });

  it('每月8日和25日（遇节假日取消）: 24 − 7 days on weekends or 国庆节', () => {
    expect(dropped('每月8日和25日（遇节假日取消）')).toEqual([
      '2025-01-25',
      '2025-03-08',
      '2025-05-25',
      '2025-06-08',
      '2025-10-08',
      '2025-10-25',
      '2025-11-08',
    ]);
    expect(dates('每月8日和25日（遇节假日取消）')).toHaveLength(17);
    expect(dates('每月8、25日，遇节假日取消')).toEqual(dates('每月8日和25日（遇节假日取消）'));
  });

  it('每月第一个和第四个星期三（遇节假日顺延）, also written as RRULE', () => {
    expect(moves('每月第一个和第四个星期三（遇节假日顺延）')).toEqual(['2025-01-01→2025-01-02', '2025-10-01→2025-10-09']);
    expect(dates('每月第一个和第四个星期三（遇节假日顺延）')).toHaveLength(24);
    expect(dates('FREQ=MONTHLY;BYDAY=1WE,4WE')).toEqual(dates('每月第一个和第四个星期三（遇节假日顺延）'));
    expect(dates('每月第1个和第4个周三（遇节假日取消）')).toHaveLength(22);
  });

  it('每月最后一个星期五: 01-31 is in 春节 and moves to 02-05', () => {
    expect(moves('每月最后一个星期五')).toEqual(['2025-01-31→2025-02-05']);
    expect(dates('每月最后一个星期五')).toEqual(dates('FREQ=MONTHLY;BYDAY=-1FR'));
  });

  it('a list of dates is kept as written (a 公开接访日 on a holiday or Saturday), unless a rule is given', () => {
    expect(dates('2025-06-27')).toEqual(['2025-06-27']);
    expect(dates('2025-10-01、2025-10-11 2025年10月12日')).toEqual(['2025-10-01', '2025-10-11', '2025-10-12']);
    expect(dates('2025-10-01（遇节假日顺延）')).toEqual(['2025-10-09']);
    expect(dates('2024-06-27')).toEqual([]);
  });

  it('RRULE: weekly and monthly days give what the Chinese spellings give', () => {
    expect(dates('FREQ=WEEKLY;BYDAY=MO,TH')).toEqual(dates('每周一和周四'));
    expect(dates('RRULE:FREQ=MONTHLY;BYMONTHDAY=8,25（遇节假日取消）')).toEqual(dates('每月8日和25日（遇节假日取消）'));
  });

  it('anything else is one catalogue error listing the spellings rota reads', () => {
    for (const text of ['每两周三', '每月32日', '每月第六个星期三', 'FREQ=DAILY', 'FREQ=WEEKLY;BYDAY=WE;INTERVAL=2', '2025-02-30', '']) {
      const { pattern: p, error } = parsePattern(text);
      expect(p, text).toBeUndefined();
      expect(error?.code).toBe('pattern.unknown');
      expect((error!.args as { examples: string[] }).examples).toContain('每月15日（遇节假日顺延）');
    }
  });
});

describe('the round calendar with a pattern', () => {
  it('a duty day is working; another working day is nonDuty, not a holiday; a moved day says from where', () => {
    const cal = patternCalendar(calendar, pattern('每月15日（遇节假日顺延）'));
    expect(cal.day('2025-01-15')).toMatchObject({ working: true });
    expect(cal.day('2025-01-16')).toMatchObject({ working: false, nonDuty: true });
    expect(cal.day('2025-01-16').reason).toBeUndefined();
    expect(cal.day('2025-02-17')).toMatchObject({ working: true, movedFrom: '2025-02-15' });
    expect(cal.day('2025-02-15')).toMatchObject({ working: false, reason: '周六' });
    expect(cal.workingDays('2025-01-01', '2025-03-31')).toEqual(['2025-01-15', '2025-02-17', '2025-03-17']);
  });

  it('every working day: the same calendar, day by day', () => {
    const cal = patternCalendar(calendar, pattern('每个工作日'));
    for (const d of eachDay('2024-12-01', '2026-01-31')) expect(cal.day(d)).toEqual(calendar.day(d));
  });
});

// The oracle: rrule's expansion for the dates a rule names, the notices for which days are off, and a
// first-principles move (walk a day at a time until a working day).
const RR = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
function oracleWorking(d: string): boolean {
  const n = NOTICES[+d.slice(0, 4)] ?? { off: [], on: [] };
  if (n.off.some(([a, b]) => a <= d && d <= b)) return false;
  if (n.on.includes(d)) return true;
  const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6;
}
function oracle(rule: string, holiday: '顺延' | '提前' | '取消', from: string, to: string): string[] {
  const r = RRule.fromString(`DTSTART:20240101T000000Z\nRRULE:${rule}`);
  const named = r.between(new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2026, 11, 31)), true).map((d) => d.toISOString().slice(0, 10));
  const out = new Set<string>();
  for (let d of named) {
    if (!oracleWorking(d)) {
      if (holiday === '取消') continue;
      do d = addDays(d, holiday === '顺延' ? 1 : -1);
      while (!oracleWorking(d));
    }
    if (d >= from && d <= to) out.add(d);
  }
  return [...out].sort();
}

describe('against rrule and the notices', () => {
  const shape = fc.oneof(
    fc.uniqueArray(fc.constantFrom(...RR), { minLength: 1, maxLength: 3 }).map((ds) => `FREQ=WEEKLY;BYDAY=${ds.join(',')}`),
    fc.uniqueArray(fc.integer({ min: 1, max: 31 }), { minLength: 1, maxLength: 3 }).map((ds) => `FREQ=MONTHLY;BYMONTHDAY=${ds.join(',')}`),
    fc
      .uniqueArray(fc.tuple(fc.constantFrom(1, 2, 3, 4, -1), fc.constantFrom(...RR)), {
        minLength: 1,
        maxLength: 2,
        selector: ([n, d]) => `${n}${d}`,
      })
      .map((xs) => `FREQ=MONTHLY;BYDAY=${xs.map(([n, d]) => `${n}${d}`).join(',')}`),
  );
  it('every RRULE of the subset, every holiday rule, any window in 2024-2026', () => {
    fc.assert(
      fc.property(
        shape,
        fc.constantFrom('顺延', '提前', '取消'),
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 0, max: 200 }),
        (rule, holiday, start, length) => {
          // Two months clear of the notices' ends, so every move the oracle needs is inside them.
          const from = addDays('2024-03-01', start);
          const to = addDays(from, length);
          fc.pre(to <= '2026-10-31');
          const got = patternDays(pattern(`${rule}（遇节假日${holiday}）`), calendar, from, to).days.map((d) => d.date);
          expect(got).toEqual(oracle(rule, holiday as '顺延', from, to));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('rota.json pattern', () => {
  it('is read, and a bad one is the catalogue error at its field', async () => {
    const { validateConfig } = await import('../src/core/config.js');
    expect(validateConfig({ pattern: '每周三' }, 'rota.json').config?.pattern).toBe('每周三');
    const { problems } = validateConfig({ pattern: '每月三十二日' }, 'rota.json');
    expect(problems).toMatchObject([{ code: 'pattern.unknown', file: 'rota.json', field: 'pattern' }]);
    expect(validateConfig({ pattern: 7 }, 'rota.json').problems).toMatchObject([{ code: 'config.invalid', field: 'pattern' }]);
  });
});
