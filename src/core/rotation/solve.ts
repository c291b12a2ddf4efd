// Solving a rotation model with javascript-lp-solver (the district planner's solver), binaries declared.
import type { ModelBuilder } from '../planner/model.js';
import { solver } from '../planner/plan.js';

export type Solution = Record<string, number>;

export function solveLp<L extends string>(b: ModelBuilder<L>): Solution {
  const lp = b.toLp();
  if (Object.keys(lp.variables).length === 0) return {};
  lp.binaries = lp.ints;
  const r = solver.Solve(lp) as { feasible: boolean; [v: string]: number | boolean | undefined };
  if (!r.feasible) throw new Error('rotation model infeasible: every row has a slack, so this is a bug');
  const out: Solution = {};
  for (const [k, v] of Object.entries(r)) if (typeof v === 'number') out[k] = v;
  return out;
}

/**
 * Whether the model's strict-priority weights stay well inside double precision: the largest possible
 * objective below 2^45, so the simplex's tolerances cannot blur one unit of the lowest level into a
 * higher one (measured: near 2^50 the county year lost quota units).
 */
export function weightsExact<L extends string>(b: ModelBuilder<L>): boolean {
  try {
    const w = b.weights();
    return w[0] * (b.range[0] + 1) <= 2 ** 45;
  } catch {
    return false;
  }
}
