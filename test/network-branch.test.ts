// The branch and bound over networks (engine/branch-and-bound.ts) against the integer program, its
// oracle, on county-like pieces: five to eight leaders, 接访 one a day and 下访 too or optional, at
// most one duty a week (so a leader on consecutive days is a Friday and the Monday after), the monthly
// and quarterly quotas, leaders away, duties before the window. Whenever the piece solves as networks
// its activities must cost exactly the integer program's optimum, level by level (the program's
// strict-priority weights are exact here), and enough pieces must need the search: their first
// network's optimum gives a leader two duties in a week or two consecutive days.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../src/core/config.js';
import { buildContext } from '../src/core/engine/context.js';
import { buildModel, pieces, solveNetwork } from '../src/core/engine/plan.js';
import { chunkState } from '../src/core/engine/state.js';
import { carryForward, expectExact, servedBefore } from './support/lp-oracle.js';
import { leader, weekdays } from './support/plan-facts.js';

const county = fc.record({
  leaders: fc.integer({ min: 5, max: 8 }),
  /** Monday 2025-03-17 plus 0–2 weeks: the pieces cross into April (a new month and quarter). */
  start: fc.integer({ min: 0, max: 2 }),
  weeks: fc.integer({ min: 2, max: 5 }),
  away: fc.array(fc.array(fc.integer({ min: 0, max: 19 }), { maxLength: 3 }), { minLength: 9, maxLength: 9 }),
  served: fc.array(fc.record({ leader: fc.integer({ min: 0, max: 8 }), day: fc.integer({ min: 1, max: 14 }), visit: fc.boolean() }), {
    maxLength: 5,
  }),
  visits: fc.constantFrom({ min: 0, max: 1 }, { min: 0, max: 2 }, { min: 1, max: 1 }),
  seed: fc.integer({ min: 0, max: 99 }),
});

describe('branch and bound over networks (the integer program as oracle)', () => {
  it('costs what the integer program costs on county-like pieces, many of which need the search', () => {
    let answered = 0;
    let searched = 0;
    fc.assert(
      fc.property(county, (t) => {
        const base = presetConfig('county');
        const from = `2025-03-${String(17 + 7 * t.start).padStart(2, '0')}`;
        const days = weekdays(from, '2025-05-31').slice(0, 7 * t.weeks);
        const working = days.filter((d) => d.working).map((d) => d.date);
        const config = {
          ...base,
          from: days[0].date,
          to: days[days.length - 1].date,
          seed: t.seed,
          rotation: { ...base.rotation!, visits: t.visits },
        };
        const leaders = t.away
          .slice(0, t.leaders)
          .map((a, i) => leader(`L${i}`, '区委', { unavailable: a.flatMap((k) => working[k] ?? []) }));
        const ctx = buildContext({ config, days, leaders, sites: [] });
        const counted = servedBefore(t.served, t.leaders, (day) => `2025-03-${String(day).padStart(2, '0')}`);
        for (const piece of pieces(ctx)) {
          const chunk = chunkState(ctx, piece, counted);
          const flow = solveNetwork(ctx, chunk);
          const model = buildModel(ctx, chunk, false);
          expect(model.exact()).toBe(true);
          const { lpModel, best } = expectExact(flow, model);
          if (Array.isArray(flow)) {
            answered++;
            if (solveNetwork(ctx, chunk, 1) === undefined) searched++;
          }
          if (best === undefined) return; // later pieces would start from an infeasible one
          carryForward(ctx, piece, lpModel, counted);
        }
      }),
      { numRuns: 200, seed: 20261207 },
    );
    expect(answered).toBeGreaterThan(200);
    expect(searched).toBeGreaterThan(70);
  });
});
