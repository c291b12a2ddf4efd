// A small random township week for the brute-force oracles (test/rotation-oracle.test.ts,
// test/best-effort-oracle.test.ts): a few 副科级 leaders of 乡政府 with some days away, per-day ranges
// of 接访 and 下访, a weekly maximum and a tie-break seed; and the township configuration it plans with.
import fc from 'fast-check';
import { presetConfig } from '../../src/core/config.js';
import type { Leader } from '../../src/core/types.js';
import { leader } from './plan-facts.js';

type Range = { min: number; max: number };

export interface TownshipWeek {
  leaders: Leader[];
  days: string[];
  reception: Range;
  visits: Range;
  maxPerWeek: number;
  seed: number;
}

/** Weeks of 2 to 4 of `days`, each leader away on up to `away` of them. */
export function townshipWeeks(
  days: string[],
  o: { away: number; leaders: { min: number; max: number }; reception: Range[] },
): fc.Arbitrary<TownshipWeek> {
  return fc
    .record({
      nDays: fc.integer({ min: 2, max: 4 }),
      away: fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: o.away }), {
        minLength: o.leaders.min,
        maxLength: o.leaders.max,
      }),
      reception: fc.constantFrom(...o.reception),
      visits: fc.constantFrom({ min: 0, max: 0 }, { min: 0, max: 1 }, { min: 1, max: 1 }),
      maxPerWeek: fc.constantFrom(1, 2),
      seed: fc.integer({ min: 0, max: 9 }),
    })
    .map((r) => ({
      leaders: r.away.map((a, i) => leader(`L${i}`, '乡政府', { rank: '副科级', unavailable: [...new Set(a.map((k) => days[k]))] })),
      days: days.slice(0, r.nDays),
      reception: r.reception,
      visits: r.visits,
      maxPerWeek: r.maxPerWeek,
      seed: r.seed,
    }));
}

/** The township preset over the week, with its ranges, weekly maximum and seed. */
export function townshipConfig(t: TownshipWeek) {
  const base = presetConfig('township');
  return {
    ...base,
    from: t.days[0],
    to: t.days[t.days.length - 1],
    seed: t.seed,
    rotation: { ...base.rotation!, reception: t.reception, visits: t.visits, maxPerWeek: t.maxPerWeek },
  };
}
