// A small builder for javascript-lp-solver's models: built straight into its Model (toSolverModel, what
// the planner solves) or as its JSON form ({optimize, opType, constraints, variables, ints}: toLp, the
// tests' oracle). Costs are given per objective level; both combine them with weights that provably
// keep the levels apart: level k's weight exceeds the largest possible total of every level below it.
// Every cost goes through addCost/addVar with its level, and the level's range is declared in the
// same call (costed, penalised, boundedSum), so no rule has to remember a separate declaration.
import type { Model } from 'javascript-lp-solver';
import { seededHash } from './hash.js';

/**
 * Objective levels, highest priority first. breaks and spread only exist in the elastic (best-effort)
 * model (spread: the k-th duty of a leader over the per-round or a weekly maximum costs k, so the excess is shared
 * evenly); changes (days that differ from the published timetable) only when re-planning.
 */
export const LEVELS = ['breaks', 'spread', 'changes', 'quota', 'sites', 'load', 'consecutive', 'balance', 'tieBreak'] as const;
export type LevelName = (typeof LEVELS)[number];

/** The site stage's levels (engine/sites.ts). */
export const SITE_LEVELS = ['siteMin', 'gap', 'spread', 'match', 'tieBreak'] as const;
export type SiteLevel = (typeof SITE_LEVELS)[number];

export interface Bound {
  min?: number;
  max?: number;
  equal?: number;
}

export type Terms = Array<[string, number]>;

interface Var {
  cost: number[];
  /** The rows it is in (their numbers), in the order added (the solver meets them in it), each with its coefficient in coeffs. */
  rows: number[];
  coeffs: number[];
  int: boolean;
}

/** A row: its name, its bound. Rows are numbered in the order added; a variable lists them by number. */
interface Row {
  name: string;
  bound: Bound;
}

export class ModelBuilder<L extends string = LevelName> {
  private readonly vars = new Map<string, Var>();
  private readonly rows: Row[] = [];
  private readonly rowNumber = new Map<string, number>();
  /** Upper bound of each level's total over any solution. */
  readonly range: number[];
  /** A hard row no assignment can meet (e.g. a day nobody may take): the model is infeasible as built. */
  impossible = false;
  /** Rows the elastic model may break, each only when built to (engine/week-release.ts). */
  readonly releasable: string[] = [];

  constructor(readonly levels: readonly L[]) {
    this.range = levels.map(() => 0);
  }

  /** A 0/1 decision variable. */
  addBinary(name: string): void {
    this.vars.set(name, { cost: this.levels.map(() => 0), rows: [], coeffs: [], int: true });
  }

  hasVar(name: string): boolean {
    return this.vars.has(name);
  }

  /** Adds `cost` at `level` to an existing variable; `most` is the most this cost adds to the level's total. */
  addCost(name: string, level: L, cost: number, most = cost): void {
    this.vars.get(name)!.cost[this.levels.indexOf(level)] += cost;
    this.range[this.levels.indexOf(level)] += most;
  }

  /** A new non-negative variable costing `cost` per unit at `level`, at most `most` units in any solution. */
  penalised(name: string, level: L, cost: number, most: number): void {
    const cost0 = this.levels.map(() => 0);
    cost0[this.levels.indexOf(level)] = cost;
    this.vars.set(name, { cost: cost0, rows: [], coeffs: [], int: false });
    this.range[this.levels.indexOf(level)] += cost * most;
  }

  /** Declares that a level's total can grow by `amount` beyond what the variables' costs declared. */
  widen(level: L, amount: number): void {
    this.range[this.levels.indexOf(level)] += amount;
  }

  /** A row; a name given again keeps its place and takes the new bound and coefficients (as a Map's set would). */
  addRow(name: string, bound: Bound, terms: Terms): void {
    let r = this.rowNumber.get(name);
    const fresh = r === undefined;
    if (r === undefined) {
      r = this.rows.push({ name, bound }) - 1;
      this.rowNumber.set(name, r);
    } else this.rows[r].bound = bound;
    for (let i = 0; i < terms.length; i++) {
      const v = this.vars.get(terms[i][0])!;
      // A variable already in this row (a row given again, or named twice in its terms) keeps its place there.
      const at = fresh && v.rows[v.rows.length - 1] !== r ? -1 : v.rows.indexOf(r);
      if (at >= 0) v.coeffs[at] = terms[i][1];
      else {
        v.rows.push(r);
        v.coeffs.push(terms[i][1]);
      }
    }
  }

  /**
   * A bounded sum: Σ terms within bound, and when `soft` is given, each unit outside it costs
   * soft.cost at soft.level instead of being forbidden (at most soft.most units); with soft.once the
   * row costs soft.cost once when broken at all, however far (a hard rule's break is counted, not its
   * size). One call adds the row, its slack and the level's range (OR-tools' add_soft_sum_constraint).
   */
  boundedSum(
    name: string,
    bound: { min?: number; max?: number },
    terms: Terms,
    soft?: { level: L; cost: number; most: number; once?: boolean },
  ): void {
    const t = [...terms];
    if (soft && soft.most > 0) {
      this.penalised(`${name}~`, soft.level, soft.once ? 0 : soft.cost, soft.most);
      if (soft.once) {
        this.addBinary(`${name}!`);
        this.addCost(`${name}!`, soft.level, soft.cost);
        this.addRow(`${name}!`, { max: 0 }, [
          [`${name}~`, 1],
          [`${name}!`, -soft.most],
        ]);
      }
      // Below a minimum the slack adds; above a maximum it takes away.
      t.push([`${name}~`, bound.min !== undefined ? 1 : -1]);
    } else if (bound.min !== undefined && bound.min > t.filter(([, c]) => c > 0).length) {
      this.impossible = true;
    }
    this.addRow(name, bound.min !== undefined && bound.max !== undefined && bound.min === bound.max ? { equal: bound.min } : bound, t);
  }

  /**
   * Puts the variables in an order drawn from the seed (a seeded hash of each name). The model is the
   * same, but where several solutions are equally good the solver's choice follows the order it meets
   * variables in: the seeded tie-break of a model that had to leave its tie-break level out (see exact()).
   */
  seedOrder(seed: number): void {
    const order = [...this.vars].map(([name, v]) => ({ name, v, h: seededHash(seed, name) }));
    order.sort((a, b) => a.h - b.h || (a.name < b.name ? -1 : 1));
    this.vars.clear();
    for (const { name, v } of order) this.vars.set(name, v);
  }

  /** weight[k] = Π_{j>k} (range[j] + 1): one unit of level k outweighs any change below it. */
  weights(): number[] {
    const w = this.levels.map(() => 1);
    for (let k = this.levels.length - 2; k >= 0; k--) w[k] = w[k + 1] * (this.range[k + 1] + 1);
    return w;
  }

  /**
   * Whether the strict-priority weights stay well inside double precision: the largest possible
   * objective below 2^45, so the simplex's tolerances cannot blur one unit of the lowest level into a
   * higher one (measured: near 2^50 the county year lost quota units).
   */
  exact(): boolean {
    const w = this.weights();
    return w[0] * (this.range[0] + 1) <= 2 ** 45;
  }

  get size(): { variables: number; constraints: number } {
    return { variables: this.vars.size, constraints: this.rows.length };
  }

  /**
   * Each variable's cost (its levels under the weights) and whether it is a binary the solver must
   * bound by a row of its own. A 0/1 variable some row already holds at most 1 (a row with max ≤ 1 and
   * no negative coefficient, such as one activity a day) is declared integer only: the solver would
   * add a bound row for each binary, and those rows are most of a model's rows.
   */
  private solverVars(): Array<{ name: string; v: Var; cost: number; binary: boolean }> {
    const w = this.weights();
    // Per row: 1 when its maximum is at most 1, 2 when a term in it is negative; a variable is capped by a row that is 1.
    const kind = new Uint8Array(this.rows.length);
    for (let r = 0; r < this.rows.length; r++) if ((this.rows[r].bound.max ?? this.rows[r].bound.equal ?? Infinity) <= 1) kind[r] = 1;
    this.vars.forEach((v) => {
      for (let i = 0; i < v.rows.length; i++) if (v.coeffs[i] < 0) kind[v.rows[i]] = 2;
    });
    const capped = (v: Var) => {
      for (let i = 0; i < v.rows.length; i++) if (v.coeffs[i] >= 1 && kind[v.rows[i]] === 1) return true;
      return false;
    };
    const out: Array<{ name: string; v: Var; cost: number; binary: boolean }> = [];
    this.vars.forEach((v, name) => {
      let cost = 0;
      for (let k = 0; k < w.length; k++) cost += v.cost[k] * w[k];
      out.push({ name, v, cost, binary: v.int && !capped(v) });
    });
    return out;
  }

  /** The model in the solver's JSON form (the form its documentation gives; tests hand it to solver.Solve as the oracle). */
  toLp(): Model {
    const constraints: Model['constraints'] = {};
    for (const { name, bound } of this.rows) constraints[name] = { ...bound };
    const variables: Model['variables'] = {};
    const ints: Record<string, 1> = {};
    const binaries: Record<string, 1> = {};
    for (const { name, v, cost, binary } of this.solverVars()) {
      const coeffs: Record<string, number> = {};
      for (let i = 0; i < v.rows.length; i++) coeffs[this.rows[v.rows[i]].name] = v.coeffs[i];
      coeffs.cost = cost;
      variables[name] = coeffs;
      if (v.int) ints[name] = 1;
      if (binary) binaries[name] = 1;
    }
    return { optimize: 'cost', opType: 'min', constraints, variables, ints, binaries } as Model;
  }

  /**
   * The same model built straight into the solver's Model as its loadJson builds it from toLp(): the
   * same rows in the same order (min before max, then each binary's bound row), the same variables in
   * order, each row's terms in order. So the search and its answer are the same, without the JSON
   * objects in between (a county month: ~1,000 variables, each an object of its own keys). Row and
   * variable names are never array indices, so the JSON's key order is this insertion order too.
   * One difference: the bound rows are made before the variables, not each after its variable. The
   * solver numbers rows and variables as they are made, and only to name them (its tableau follows the
   * order of its lists); but a row keeps its terms in an object keyed by the variable's number, which V8
   * holds as an array as long as the largest number while numbers stay below ~1,024, and as a small
   * dictionary above. Made after every row, each variable's number is above that: a county month's
   * solver model keeps ~1.5 MB instead of ~4–9 MB, which every scavenge of the month copied.
   */
  toSolverModel(model: SolverModel): SolverModel {
    model.tolerance = 0;
    const min: Array<SolverRow | undefined> = [],
      max: Array<SolverRow | undefined> = [];
    for (const { bound } of this.rows) {
      const lo = bound.equal ?? bound.min,
        hi = bound.equal ?? bound.max;
      min.push(lo === undefined ? undefined : model.greaterThan(lo));
      max.push(hi === undefined ? undefined : model.smallerThan(hi));
    }
    const vars = this.solverVars();
    const bounds = vars.map(({ binary }) => (binary ? model.smallerThan(1) : undefined));
    vars.forEach(({ name, v, cost }, j) => {
      const variable = model.addVariable(cost || 0, name, v.int, false);
      bounds[j]?.addTerm(1, variable);
      for (let i = 0; i < v.rows.length; i++) {
        min[v.rows[i]]?.addTerm(v.coeffs[i], variable);
        max[v.rows[i]]?.addTerm(v.coeffs[i], variable);
      }
    });
    return model;
  }
}

/** The parts of javascript-lp-solver's Model that toSolverModel uses. */
export interface SolverRow {
  addTerm(coefficient: number, variable: unknown): unknown;
}
export interface SolverModel {
  tolerance: number;
  greaterThan(rhs: number): SolverRow;
  smallerThan(rhs: number): SolverRow;
  addVariable(cost: number, id: string, isInteger: boolean, isUnrestricted: boolean): unknown;
}
