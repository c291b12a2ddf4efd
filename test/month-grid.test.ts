// The calendar's plain parts against independent oracles: a month's weeks (JavaScript's Date for the
// weekday), months shifted, the days an edit changed, and undo's patches (applied forward they make
// the edited timetable, applied back the original; a timetable replaced since is refused).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Duty } from '../src/core/types.js';
import { changedDays, monthWeeks, shiftMonth } from '../src/web/month-grid.js';
import { applyPatch, patchOf } from '../src/web/patch.js';
import { seed } from './helpers/seed.js';

const month = fc.record({ y: fc.integer({ min: 2000, max: 2099 }), m: fc.integer({ min: 1, max: 12 }) });
const key = ({ y, m }: { y: number; m: number }) => `${y}-${String(m).padStart(2, '0')}`;

describe('monthWeeks', () => {
  it('has every day of the month once, in order, each under its weekday (周一 first), in whole weeks', () => {
    fc.assert(
      fc.property(month, ({ y, m }) => {
        const weeks = monthWeeks(key({ y, m }));
        const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
        expect(weeks.every((w) => w.length === 7)).toBe(true);
        const dates = weeks.flat().filter((d) => d !== undefined);
        expect(dates).toEqual(Array.from({ length: days }, (_, i) => `${key({ y, m })}-${String(i + 1).padStart(2, '0')}`));
        for (const w of weeks)
          w.forEach((d, col) => {
            if (d) expect((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7).toBe(col);
          });
        expect(weeks[0].some(Boolean) && weeks[weeks.length - 1].some(Boolean)).toBe(true);
      }),
    );
  });
});

describe('shiftMonth', () => {
  it('is the month Date.UTC gives n months on', () => {
    fc.assert(
      fc.property(month, fc.integer({ min: -30, max: 30 }), ({ y, m }, n) => {
        const d = new Date(Date.UTC(y, m - 1 + n, 1));
        expect(shiftMonth(key({ y, m }), n)).toBe(key({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1 }));
      }),
    );
  });
});

const duties = seed().duties;
/** A timetable edited at random: leaders moved between rows, rows pinned, rows dropped. */
const edited = fc
  .array(fc.tuple(fc.nat(duties.length - 1), fc.nat(duties.length - 1), fc.constantFrom('move', 'pin', 'drop')), { maxLength: 6 })
  .map((edits) => {
    let t: Duty[] = [...duties];
    for (const [i, j, what] of edits) {
      if (i >= t.length || j >= t.length) continue;
      if (what === 'move') t = t.map((d, k) => (k === i ? { ...d, name: t[j].name, institution: t[j].institution } : d));
      else if (what === 'pin') t = t.map((d, k) => (k === i ? { ...d, pinned: true } : d));
      else t = t.filter((_, k) => k !== i);
    }
    return t;
  });

describe('changedDays', () => {
  it('names exactly the days whose leaders, kinds or places differ (a pin alone is no change)', () => {
    fc.assert(
      fc.property(edited, (after) => {
        const names = (t: Duty[], date: string) =>
          t
            .filter((d) => d.date === date)
            .map((d) => `${d.kind}${d.institution}${d.name}${d.place}`)
            .sort()
            .join();
        const want = [...new Set(duties.map((d) => d.date))].filter((date) => names(duties, date) !== names(after, date));
        expect([...changedDays(duties, after)].sort()).toEqual(want.sort());
      }),
    );
  });
});

describe('undo patches', () => {
  it('forward makes the edited timetable, back the original; a timetable replaced since is refused', () => {
    fc.assert(
      fc.property(edited, edited, (a, b) => {
        const p = patchOf(a, b);
        expect(applyPatch(a, p, false)).toEqual(b);
        expect(applyPatch(b, p, true)).toEqual(a);
        if (p.rows.length) expect(applyPatch(a, p, true)).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });
});
