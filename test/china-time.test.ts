// chinaTime (test/support/china-time.ts, the calendar oracle's) and chinaInstant (src/io/china-time.ts) against Date's own parsing of an ISO time with a +08:00 offset,
// and as ical-generator writes it: the wall-clock fields, whatever the process's time zone.
import fc from 'fast-check';
import { formatDate } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { chinaInstant, todayInChina } from '../src/io/china-time.js';
import { chinaTime } from './support/china-time.js';

const moment = fc.record({
  date: fc
    .date({ min: new Date('1992-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  time: fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
});

describe('chinaTime', () => {
  it('is the instant of DATE T TIME +08:00, written by ical-generator as that wall-clock time or in UTC', () => {
    fc.assert(
      fc.property(moment, ({ date, time }) => {
        const t = chinaTime(date, time);
        const instant = new Date(`${date}T${time}:00+08:00`);
        expect(t.toInstant().epochMilliseconds).toBe(instant.getTime());
        expect(chinaInstant(date, time).getTime()).toBe(instant.getTime());
        expect(formatDate('Asia/Shanghai', t)).toBe(`${date.replaceAll('-', '')}T${time.replace(':', '')}00`);
        expect(formatDate(null, t)).toBe(`${instant.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`);
      }),
    );
  });
});

describe('todayInChina', () => {
  it("is the date Intl's Asia/Shanghai time-zone data gives for the same instant", () => {
    const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(
      fc.property(fc.date({ min: new Date('1992-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (now) => {
        expect(todayInChina(now)).toBe(shanghai.format(now));
      }),
    );
  });
});
