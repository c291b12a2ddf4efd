// The branch and bound over networks (engine/branch-and-bound.ts) against the integer program, its
// oracle, on county-like pieces: five to eight leaders, 接访 one a day and 下访 too or optional, at
// most one duty a week (so a leader on consecutive days is a Friday and the Monday after), the monthly
// and quarterly quotas, leaders away, duties before the window. Whenever the piece solves as networks
// its activities must cost exactly the integer program's optimum, level by level (the program's
// strict-priority weights are exact here), and enough pieces must need the search: their first
// network's optimum gives a leader two duties in a week or two consecutive days.
import fc from 'fast-check';
import type { Model } from 'javascript-lp-solver';
import * as lpSolver from 'javascript-lp-solver';
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../src/core/config.js';
import { buildContext } from '../src/core/engine/context.js';
import type { SolverModel } from '../src/core/engine/model.js';
import { buildModel, pieces, solveNetwork } from '../src/core/engine/plan.js';
import { varName } from '../src/core/engine/rules.js';
import { type Counted, chunkState } from '../src/core/engine/state.js';
import type { Kind } from '../src/core/types.js';
import { leader, weekdays } from './support/plan-facts.js';

type Solver = { Solve(m: Model | SolverModel): Record<string, number | boolean> };
const lp = lpSolver as unknown as Solver & { default?: Solver };
const solver: Solver = lp.default?.Solve ? lp.default : lp;

/** The integer program's optimum, with every (kind, leader, day) decision fixed to `fixed` when given. */
function optimum(model: Model, fixed?: Set<string>): number | undefined {
  const m = structuredClone(model);
  if (fixed)
    for (const v of Object.keys(m.variables).filter((v) => /^[jv]\d+_\d+$/.test(v))) {
      m.constraints[`fix_${v}`] = { equal: fixed.has(v) ? 1 : 0 };
      (m.variables[v] as Record<string, number>)[`fix_${v}`] = 1;
    }
  const r = solver.Solve(m);
  return r.feasible ? (r.result as number) : undefined;
}

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
        const counted: Counted[] = t.served
          .filter((s) => s.leader < t.leaders)
          .map((s) => ({
            leader: s.leader,
            date: `2025-03-${String(s.day).padStart(2, '0')}`,
            kind: (s.visit ? '下访' : '接访') as Kind,
            planned: false,
          }));
        for (const piece of pieces(ctx)) {
          const chunk = chunkState(ctx, piece, counted);
          const flow = solveNetwork(ctx, chunk);
          const model = buildModel(ctx, chunk, false);
          expect(model.exact()).toBe(true);
          const lpModel = model.toLp();
          const best = model.impossible ? undefined : optimum(lpModel);
          if (flow === 'infeasible') expect(best).toBeUndefined();
          else if (flow) {
            answered++;
            if (solveNetwork(ctx, chunk, 1) === undefined) searched++;
            expect(best).toBeDefined();
            expect(optimum(lpModel, new Set(flow.map((a) => varName(a.kind, a.leader, a.day))))).toBeCloseTo(best!, 6);
          }
          if (best === undefined) return; // later pieces would start from an infeasible one
          const r = solver.Solve(lpModel);
          for (const d of piece)
            for (const l of ctx.candidates[d])
              for (const kind of ['接访', '下访'] as Kind[])
                if (((r[varName(kind, l, d)] as number) ?? 0) > 0.5) counted.push({ leader: l, date: ctx.days[d], kind, planned: true });
        }
      }),
      { numRuns: 200, seed: 20261207 },
    );
    expect(answered).toBeGreaterThan(200);
    expect(searched).toBeGreaterThan(70);
  });
});
