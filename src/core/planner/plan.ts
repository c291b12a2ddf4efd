// The planner: the round as an integer program, solved optimally with javascript-lp-solver.
// Variables x[leader, day] exist only where every hard rule allows the pair. Leaders belong to one
// institution and the day → institution assignment is fixed, so the program splits into independent
// components (one per institution in cycle order), each an assignment problem solved on its own.

import type { Model } from 'javascript-lp-solver';
import * as lpSolver from 'javascript-lp-solver';
import type { Duty } from '../types.js';
import { type Component, checkTimetable, HARD_CONSTRAINTS, xName } from './constraints.js';
import { buildContext, type PlanContext } from './context.js';
import { dayCauses, hallCauses, pinCauses } from './explain.js';
import { ModelBuilder } from './model.js';
import { PREFERENCES } from './preferences.js';
import { leftOut, measureObjective, softUnmet, stillShort } from './report.js';
import type { ModelSize, PlanInput, PlanResult } from './types.js';

// The package's types describe its CommonJS build (default under .default); bundles load the ES build.
type SolverApi = { Solve(model: Model): unknown };
const lpModule = lpSolver as unknown as SolverApi & { default?: SolverApi };
export const solver: SolverApi = lpModule.default?.Solve ? lpModule.default : lpModule;

/** Splits leaders and working days into groups no variable connects (union-find). */
export function components(ctx: PlanContext): Component[] {
  const L = ctx.leaders.length;
  const parent = Array.from({ length: L + ctx.days.length }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  ctx.candidates.forEach((ls, d) => {
    for (const l of ls) parent[find(l)] = find(L + d);
  });
  const byRoot = new Map<number, Component>();
  ctx.days.forEach((_, d) => {
    const r = find(L + d);
    if (!byRoot.has(r)) byRoot.set(r, { leaders: [], days: [], pins: [] });
    byRoot.get(r)!.days.push(d);
  });
  for (let l = 0; l < ctx.leaders.length; l++) byRoot.get(find(l))?.leaders.push(l);
  ctx.pins.forEach((p, i) => {
    if (p.day !== undefined) byRoot.get(find(L + p.day))!.pins.push(i);
  });
  return [...byRoot.values()];
}

/** The component's model: its variables, every hard rule's rows and every preference's terms. */
export function buildModel(ctx: PlanContext, comp: Component, elastic: boolean): ModelBuilder {
  const b = new ModelBuilder();
  for (const d of comp.days) for (const l of ctx.candidates[d]) b.addVar(xName(l, d), { int: true });
  // Any timetable breaks at most one rule per place and per pin, so this cost outweighs all breaks' tie-ups.
  const breakCost = comp.days.length * ctx.config.perDay + comp.pins.length + 1;
  const args = { b, ctx, comp, elastic, breakCost };
  for (const c of HARD_CONSTRAINTS) c.addRows?.(args);
  for (const p of PREFERENCES) p.addTerms(args);
  return b;
}

/** Solves one component; undefined when its model is infeasible. */
export function solveComponent(
  ctx: PlanContext,
  comp: Component,
  elastic: boolean,
): { chosen: Array<[number, number]>; size: ModelSize } | undefined {
  const b = buildModel(ctx, comp, elastic);
  const lp = b.toLp();
  if (ctx.config.perDay > 1) lp.binaries = lp.ints;
  const size = { ...b.size, components: 1 };
  if (Object.keys(lp.variables).length === 0) return Object.keys(lp.constraints).length === 0 ? { chosen: [], size } : undefined;
  const r = solver.Solve(lp) as { feasible: boolean; [v: string]: number | boolean | undefined };
  if (!r.feasible) return undefined;
  const chosen: Array<[number, number]> = [];
  for (const d of comp.days) {
    for (const l of ctx.candidates[d]) {
      const v = r[xName(l, d)];
      if (typeof v === 'number' && v > 0.5) chosen.push([l, d]);
    }
  }
  return { chosen, size };
}

export function dutyFor(ctx: PlanContext, l: number, d: number): Duty {
  const leader = ctx.leaders[l];
  const date = ctx.days[d];
  return {
    date,
    weekday: ctx.window.find((w) => w.date === date)!.weekday,
    kind: ctx.kind,
    institution: leader.institution,
    name: leader.name,
    title: leader.title,
    portfolio: leader.portfolio,
    place: ctx.place,
  };
}

export function plan(input: PlanInput): PlanResult {
  return solveContext(buildContext(input), Boolean(input.bestEffort));
}

/** Plans from a context already built (re-planning adjusts one before solving). */
export function solveContext(ctx: PlanContext, bestEffort: boolean): PlanResult {
  const comps = components(ctx);
  const causes = [...pinCauses(ctx), ...dayCauses(ctx)];
  const explained = new Set(causes.filter((c) => c.kind === 'no-leader-on-day').flatMap((c) => c.dates));
  causes.push(...hallCauses(ctx, comps, explained));
  const causeDates = new Set(causes.flatMap((c) => c.dates));
  const model: ModelSize = { variables: 0, constraints: 0, components: 0 };
  const chosen: Array<[number, number]> = [];
  let broken = false;
  for (const comp of comps) {
    const suspect = comp.days.some((d) => causeDates.has(ctx.days[d]));
    let solved = suspect ? undefined : solveComponent(ctx, comp, false);
    if (!solved) {
      broken = true;
      solved = solveComponent(ctx, comp, true)!;
    }
    chosen.push(...solved.chosen);
    model.variables += solved.size.variables;
    model.constraints += solved.size.constraints;
    model.components += 1;
  }
  chosen.sort(([la, da], [lb, db]) => da - db || la - lb);
  const all = chosen.map(([l, d]) => dutyFor(ctx, l, d));
  const status = !broken ? 'optimal' : bestEffort ? 'best-effort' : 'infeasible';
  const duties = status === 'infeasible' ? [] : all;
  return {
    duties,
    report: {
      status,
      workingDays: ctx.days.length,
      duties: duties.length,
      objective: measureObjective(all, ctx),
      leftOut: leftOut(all, ctx),
      stillShort: stillShort(all, ctx),
      softUnmet: softUnmet(all, ctx),
      causes,
      breaks: broken ? checkTimetable(all, ctx) : [],
      model,
    },
  };
}
