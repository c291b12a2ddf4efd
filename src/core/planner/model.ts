// A small builder for javascript-lp-solver's JSON model ({optimize, opType, constraints, variables,
// ints}). Costs are given per objective level; toLp() combines them with weights that provably keep
// the levels apart: level k's weight exceeds the largest possible total of every level below it.
import type { Model } from 'javascript-lp-solver';

/**
 * Objective levels, highest priority first. breaks only exists in the elastic (best-effort) model;
 * changes (days that differ from the published timetable) only when re-planning.
 */
export const LEVELS = ['breaks', 'changes', 'quota', 'consecutive', 'unevenness', 'tieBreak'] as const;
export type LevelName = (typeof LEVELS)[number];

export interface Bound {
  min?: number;
  max?: number;
  equal?: number;
}

interface Var {
  cost: number[];
  coeffs: Record<string, number>;
  int: boolean;
}

/** Levels are the district round's by default; the rotation planner passes its own list. */
export class ModelBuilder<L extends string = LevelName> {
  private readonly vars = new Map<string, Var>();
  private readonly rows = new Map<string, Bound>();
  /** Upper bound of each level's total over any solution (declared by whoever adds the costs). */
  readonly range: number[];

  constructor(readonly levels: readonly L[] = LEVELS as unknown as readonly L[]) {
    this.range = levels.map(() => 0);
  }

  addVar(name: string, opts: { level?: L; cost?: number; int?: boolean } = {}, coeffs: Record<string, number> = {}): void {
    const cost = this.levels.map(() => 0);
    if (opts.level) cost[this.levels.indexOf(opts.level)] = opts.cost ?? 0;
    this.vars.set(name, { cost, coeffs: { ...coeffs }, int: opts.int ?? false });
  }

  hasVar(name: string): boolean {
    return this.vars.has(name);
  }

  addCost(name: string, level: L, cost: number): void {
    this.vars.get(name)!.cost[this.levels.indexOf(level)] += cost;
  }

  addRow(name: string, bound: Bound, terms: Array<[string, number]>): void {
    this.rows.set(name, bound);
    for (const [v, c] of terms) this.vars.get(v)!.coeffs[name] = c;
  }

  declareRange(level: L, amount: number): void {
    this.range[this.levels.indexOf(level)] += amount;
  }

  /** weight[k] = Π_{j>k} (range[j] + 1): one unit of level k outweighs any change below it. */
  weights(): number[] {
    const w = this.levels.map(() => 1);
    for (let k = this.levels.length - 2; k >= 0; k--) w[k] = w[k + 1] * (this.range[k + 1] + 1);
    if (w[0] * (this.range[0] + 1) > 2 ** 50) {
      throw new Error(`objective weights too large to stay exact (${w[0] * (this.range[0] + 1)}); split the round`);
    }
    return w;
  }

  get size(): { variables: number; constraints: number } {
    return { variables: this.vars.size, constraints: this.rows.size };
  }

  toLp(): Model {
    const w = this.weights();
    const constraints: Model['constraints'] = {};
    for (const [name, b] of this.rows) constraints[name] = { ...b };
    const variables: Model['variables'] = {};
    const ints: Record<string, 1> = {};
    for (const [name, v] of this.vars) {
      variables[name] = { ...v.coeffs, cost: v.cost.reduce((s, c, k) => s + c * w[k], 0) };
      if (v.int) ints[name] = 1;
    }
    return { optimize: 'cost', opType: 'min', constraints, variables, ints };
  }
}
