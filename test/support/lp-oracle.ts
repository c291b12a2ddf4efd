// The integer program as an oracle for the network solves (test/network-oracle.test.ts,
// test/network-branch.test.ts): javascript-lp-solver on the model's JSON form, with the network's
// decisions fixed or free, and a piece's optimum carried forward as the planner carries it.
import type { Model } from 'javascript-lp-solver';
import * as lpSolver from 'javascript-lp-solver';
import { expect } from 'vitest';
import type { PlanContext } from '../../src/core/engine/context.js';
import type { ModelBuilder, SolverModel } from '../../src/core/engine/model.js';
import type { Activity } from '../../src/core/engine/piece-network.js';
import { varName } from '../../src/core/engine/rules.js';
import type { Counted } from '../../src/core/engine/state.js';
import type { Kind } from '../../src/core/types.js';

export type Solver = { Solve(m: Model | SolverModel): Record<string, number | boolean>; Model: new () => SolverModel };
const lp = lpSolver as unknown as Solver & { default?: Solver };
export const solver: Solver = lp.default?.Solve ? lp.default : lp;

/** The integer program's optimal cost, with the decisions (variables named like `decision`) fixed to `fixed` when given. */
export function cost(model: Model, fixed?: Set<string>, decision = /^[jv]\d+_\d+$/): number | undefined {
  const m = structuredClone(model);
  if (fixed)
    for (const v of Object.keys(m.variables).filter((v) => decision.test(v))) {
      m.constraints[`fix_${v}`] = { equal: fixed.has(v) ? 1 : 0 };
      (m.variables[v] as Record<string, number>)[`fix_${v}`] = 1;
    }
  const r = solver.Solve(m);
  return r.feasible ? (r.result as number) : undefined;
}

/**
 * A piece's network answer held to its integer program: the same optimal cost when it answers,
 * 'infeasible' only when the program is. The program's JSON form and optimum (undefined: infeasible).
 */
export function expectExact(flow: Activity[] | 'infeasible' | undefined, model: ModelBuilder): { lpModel: Model; best?: number } {
  const lpModel = model.toLp();
  const best = model.impossible ? undefined : cost(lpModel);
  if (flow === 'infeasible') expect(best).toBeUndefined();
  else if (flow) {
    expect(best).toBeDefined();
    expect(cost(lpModel, new Set(flow.map((a) => varName(a.kind, a.leader, a.day))))).toBeCloseTo(best!, 6);
  }
  return { lpModel, ...(best === undefined ? {} : { best }) };
}

/** The integer program's optimum of a piece, added to `counted` for the pieces after it. */
export function carryForward(ctx: PlanContext, piece: number[], model: Model, counted: Counted[]): void {
  const r = solver.Solve(model);
  for (const d of piece)
    for (const l of ctx.candidates[d])
      for (const kind of ['接访', '下访'] as Kind[])
        if (((r[varName(kind, l, d)] as number) ?? 0) > 0.5) counted.push({ leader: l, date: ctx.days[d], kind, planned: true });
}

/** Generated duties before a window, as a piece counts them: those of the first `leaders` leaders, each on `date(day)`. */
export function servedBefore(
  served: ReadonlyArray<{ leader: number; day: number; visit: boolean }>,
  leaders: number,
  date: (day: number) => string,
): Counted[] {
  return served
    .filter((s) => s.leader < leaders)
    .map((s) => ({ leader: s.leader, date: date(s.day), kind: (s.visit ? '下访' : '接访') as Kind, planned: false }));
}
