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

/** Whether the model's strict-priority weights stay exact (ModelBuilder.weights throws otherwise). */
export function weightsExact<L extends string>(b: ModelBuilder<L>): boolean {
  try {
    b.weights();
    return true;
  } catch {
    return false;
  }
}
