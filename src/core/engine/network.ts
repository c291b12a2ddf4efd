// A stage of the solve as a network, when its rules allow one: source → nested sets of leaves → leaf
// → arc → cell → nested sets of cells → sink. The planner's leaves are (leader, day) and its cells
// (day, kind); the site stage's leaves are 下访 and its cells sites. Each set may carry a capacity, a
// minimum and a convex cost per unit (a quota's first `need` units earn a reward; an even spread's
// n-th unit costs n − 1). Rules add their sets and costs themselves (addArcs beside addRows); a term
// a network cannot hold exactly is either refused (the stage goes to the integer program) or
// dropped with a certificate: the solution is accepted only when the dropped term is zero on it,
// because then the network's optimum is a lower bound that the solution reaches.
import { groupBy } from '../group-by.js';
import { type Branch, branchAndBound, type Check, type Search, type Solved } from './branch-and-bound.js';
import { MinCostFlow } from './min-cost-flow.js';

export interface SetSpec<L extends string> {
  /** At most this many units through the set. */
  cap?: number;
  /** At least this many (a hard minimum: a stage that cannot reach it is infeasible). */
  min?: number;
  /** Cost of the 1st, 2nd, … unit at `level`; units beyond the list cost nothing. */
  units?: { level: L; costs: number[] };
}

/** A sparse cost vector: [level index, amount] pairs; index 0 is a set's minimum, above every level. */
type UnitCost = Array<[number, number]>;

interface SetNode {
  members: number[];
  cap: number;
  min: number;
  units: UnitCost[];
}

export class NetworkBuilder<L extends string> {
  /** False once a rule asked for something no network holds exactly. */
  supported = true;
  private readonly leftSets = new Map<string, SetNode>();
  private readonly rightSets = new Map<string, SetNode>();
  private readonly leafCaps = new Map<number, number>();
  /** Arcs by leaf · 2^20 + cell (cells stay below 2^20). */
  private readonly arcs = new Map<number, { leaf: number; cell: number; cost: UnitCost }>();
  private readonly checks: Array<Check<L>> = [];

  constructor(private readonly levels: readonly L[]) {}

  /** The stage cannot be a network (a pin, a published day, a quota of one kind among two…). */
  refuse(): void {
    this.supported = false;
  }

  /** An arc from a leaf to a cell: one unit, chosen or not. */
  arc(leaf: number, cell: number): void {
    if (cell >= 2 ** 20) this.refuse(); // beyond the arcs' numbering: no stage comes near it
    this.arcs.set(leaf * 2 ** 20 + cell, { leaf, cell, cost: [] });
  }

  /** A cost on one arc (declared before). */
  arcCost(leaf: number, cell: number, level: L, amount: number): void {
    if (amount !== 0) this.arcs.get(leaf * 2 ** 20 + cell)?.cost.push([1 + this.levels.indexOf(level), amount]);
  }

  /** At most `cap` units out of a leaf. */
  leafCap(leaf: number, cap: number): void {
    this.leafCaps.set(leaf, Math.min(cap, this.leafCaps.get(leaf) ?? cap));
  }

  /** A set of leaves. */
  leftSet(leaves: number[], spec: SetSpec<L>): void {
    this.merge(this.leftSets, leaves, spec);
  }

  /** A set of cells. */
  rightSet(cells: number[], spec: SetSpec<L>): void {
    this.merge(this.rightSets, cells, spec);
  }

  /**
   * A term left out of the network: the solution is accepted only if `check` holds (the term is zero
   * on it); a check that can say how to repair a solution answers with a Flaw instead of false.
   */
  certify(check: Check<L>): void {
    this.checks.push(check);
  }

  /**
   * The chosen [leaf, cell] arcs of an optimal solution; 'infeasible' when a hard minimum cannot be
   * met; undefined when the stage is no network or a dropped term is not zero on its optimum. With
   * `search.nodes` > 1 a failed certificate or crossing cap is repaired by branch and bound over
   * networks (engine/branch-and-bound.ts) solving at most that many; beyond them, undefined as well.
   */
  solve(search: Search = { nodes: 1 }): Array<[number, number]> | 'infeasible' | undefined {
    if (!this.supported) return undefined;
    return branchAndBound(this.levels, search, (b) => this.layout(b), this.checks);
  }

  /** One branch's network: the stage's sets with the branch's caps added, its dropped leaves' arcs left out. */
  private layout(branch: Branch): Solved | 'infeasible' | undefined {
    // Most stages are solved once, as laid out: no copy of their sets or arcs then.
    const leftSets = branch.caps.length ? new Map(this.leftSets) : this.leftSets;
    for (const { members, cap } of branch.caps) {
      const key = members.join(',');
      const was = leftSets.get(key);
      leftSets.set(key, was ? { ...was, cap: Math.min(was.cap, cap) } : { members, cap, min: 0, units: [] });
    }
    const left = forest([...leftSets.values()]),
      right = forest([...this.rightSets.values()]);
    if (!left || !right) return undefined;
    // The graph is laid out first with cost vectors; the weights that order its levels depend on it.
    const plan: PlannedArc[] = [];
    let nodes = 2;
    const source = 0,
      sink = 1;
    const addArc = (from: number, to: number, cap: number, cost: UnitCost = []) => plan.push({ from, to, cap, cost }) - 1;
    const minimums: Array<{ arcs: number[]; min: number }> = [];
    const setNode = (tree: Forest, i: number, towardSink: boolean): number => {
      const s = tree.sets[i];
      if (s.node === undefined) {
        s.node = nodes++;
        const up = s.parent === undefined ? (towardSink ? sink : source) : setNode(tree, s.parent, towardSink);
        const arcs = setArcs(addArc, towardSink ? s.node : up, towardSink ? up : s.node, s.set);
        if (s.set.min > 0) minimums.push({ arcs, min: s.set.min });
      }
      return s.node;
    };
    const leaves = new Map<number, number>(),
      cells = new Map<number, number>();
    const leafNode = (leaf: number) => {
      let n = leaves.get(leaf);
      if (n === undefined) {
        leaves.set(leaf, (n = nodes++));
        const owner = left.owner.get(leaf);
        addArc(owner === undefined ? source : setNode(left, owner, false), n, this.leafCaps.get(leaf) ?? Infinity);
      }
      return n;
    };
    const cellNode = (cell: number) => {
      let n = cells.get(cell);
      if (n === undefined) {
        cells.set(cell, (n = nodes++));
        const owner = right.owner.get(cell);
        addArc(n, owner === undefined ? sink : setNode(right, owner, true), Infinity);
      }
      return n;
    };
    // Sets no arc reaches still count: their minimums must show as unmet.
    for (const i of left.sets.keys()) setNode(left, i, false);
    for (const i of right.sets.keys()) setNode(right, i, true);
    const arcs = branch.dropped.size ? [...this.arcs.values()].filter((a) => !branch.dropped.has(a.leaf)) : [...this.arcs.values()];
    // A cell only one arc reaches (a site stage's (visit, site)) needs no node of its own: the arc goes
    // straight to the cell's set, which halves a site month's graph. So for a leaf with one arc (a
    // district round's (leader, day)): the arc leaves the leaf's set, with the leaf's cap if lower.
    const reaching = new Map<number, number>(),
      leaving = new Map<number, number>();
    for (const a of arcs) {
      reaching.set(a.cell, (reaching.get(a.cell) ?? 0) + 1);
      leaving.set(a.leaf, (leaving.get(a.leaf) ?? 0) + 1);
    }
    const target = (cell: number) => {
      if (reaching.get(cell)! > 1) return cellNode(cell);
      const owner = right.owner.get(cell);
      return owner === undefined ? sink : setNode(right, owner, true);
    };
    const origin = (leaf: number) => {
      if (leaving.get(leaf)! > 1) return leafNode(leaf);
      const owner = left.owner.get(leaf);
      return owner === undefined ? source : setNode(left, owner, false);
    };
    const planned = arcs.map((a) => addArc(origin(a.leaf), target(a.cell), Math.min(1, this.leafCaps.get(a.leaf) ?? 1), a.cost));
    const weigh = weights(1 + this.levels.length, nodes, plan);
    if (!weigh || ![...left.sets, ...right.sets].every((s) => convex(s.set, weigh))) return undefined;
    const f = new MinCostFlow(nodes, plan.length);
    for (let n = 0; n < nodes; n++) f.addNode();
    const id = new Int32Array(plan.length);
    for (let p = 0; p < plan.length; p++) id[p] = f.addArc(plan[p].from, plan[p].to, plan[p].cap, weigh(plan[p].cost));
    const ids = planned.map((p) => id[p]);
    for (const m of minimums) m.arcs = m.arcs.map((p) => id[p]);
    f.solve(source, sink);
    if (minimums.some(({ arcs: set, min }) => set.reduce((s, a) => s + f.flowOn(a), 0) < min)) return 'infeasible';
    const chosen: Array<[number, number]> = [];
    for (let i = 0; i < arcs.length; i++) if (f.flowOn(ids[i]) > 0) chosen.push([arcs[i].leaf, arcs[i].cell]);
    // The optimum's cost level by level (weights differ from branch to branch; these compare).
    const levels: number[] = Array(1 + this.levels.length).fill(0);
    for (let p = 0; p < plan.length; p++) {
      const units = f.flowOn(id[p]);
      if (units > 0) for (const [j, x] of plan[p].cost) if (j > 0) levels[j] += units * x;
    }
    if (!left.relaxed.length && !right.relaxed.length) return { chosen, levels, crossing: [] };
    // Units on each leaf and cell, counted once: a month holds some 500 crossing sets to check.
    const used = [new Map<number, number>(), new Map<number, number>()];
    for (const arc of chosen) for (const side of [0, 1]) used[side].set(arc[side], (used[side].get(arc[side]) ?? 0) + 1);
    const over = (s: SetNode, side: 0 | 1) => {
      let n = 0;
      for (const m of s.members) n += used[side].get(m) ?? 0;
      return n > s.cap;
    };
    if (right.relaxed.some((s) => over(s, 1))) return undefined;
    // Each crossing set over its cap, its members by the forest set holding them: each part nests, so each can take its own cap.
    const crossing = left.relaxed
      .filter((s) => over(s, 0))
      .map((s) => ({ parts: [...groupBy(s.members, (m) => String(left.owner.get(m))).values()], cap: s.cap }));
    return { chosen, levels, crossing };
  }

  /** Adds a spec to the set with these members, merging with an equal set already given. */
  private merge(sets: Map<string, SetNode>, members: number[], spec: SetSpec<L>): void {
    // Callers mostly give members in order already: sort (and drop repeats) only when not.
    const sorted = members.every((m, i) => i === 0 || members[i - 1] < m) ? members : [...new Set(members)].sort((a, b) => a - b);
    const key = sorted.join(',');
    const s = sets.get(key) ?? { members: sorted, cap: Infinity, min: 0, units: [] };
    sets.set(key, s);
    s.cap = Math.min(s.cap, spec.cap ?? Infinity);
    s.min = Math.max(s.min, spec.min ?? 0);
    if (spec.min) addUnits(s, 0, Array(spec.min).fill(-1));
    if (spec.units) addUnits(s, 1 + this.levels.indexOf(spec.units.level), spec.units.costs);
  }
}

function addUnits(s: SetNode, level: number, costs: number[]): void {
  costs.forEach((c, n) => {
    while (s.units.length <= n) s.units.push([]);
    if (c !== 0) s.units[n].push([level, c]);
  });
}

type Weigh = (cost: UnitCost) => number;

/** An arc of the laid-out graph: nodes by number (0 the source, 1 the sink), its cost per level. */
interface PlannedArc {
  from: number;
  to: number;
  cap: number;
  cost: UnitCost;
}

/**
 * One number per cost vector that orders paths as the levels do: level k weighs Π_{j>k} (2·R_j + 1),
 * where R_j bounds any simple path's or cycle's total at level j, so that the cheapest flow by the
 * one number is the cheapest level by level (a flow's difference from another is simple paths and
 * cycles). R_j: a simple path or cycle passes a node at most once, so it uses at most two of the arcs
 * at a node; each arc is counted at one of its ends (the one with more arcs: the sink gathers the
 * sets' arcs, a leaf its own), and R_j adds each node's two largest |cost| at level j. (The sum over
 * every arc, which this replaces, grew with sites × visits and passed 2^53 on a 200-site month.)
 * Undefined when that leaves exact integers in doubles (2^53): the stage goes to the integer program.
 */
function weights(depth: number, nodes: number, arcs: PlannedArc[]): Weigh | undefined {
  const degree = new Uint32Array(nodes);
  for (const a of arcs) {
    degree[a.from]++;
    degree[a.to]++;
  }
  // The two largest |cost| per node and level, flat: node · depth + level.
  const first = new Float64Array(nodes * depth),
    second = new Float64Array(nodes * depth);
  for (const a of arcs) {
    const at = degree[a.to] > degree[a.from] ? a.to : a.from;
    for (let j = 0; j < a.cost.length; j++) {
      const i = at * depth + a.cost[j][0],
        x = Math.abs(a.cost[j][1]);
      // Not a destructuring swap: unoptimised, that builds and iterates an array for every cost.
      if (x > first[i]) {
        second[i] = first[i];
        first[i] = x;
      } else if (x > second[i]) second[i] = x;
    }
  }
  const range = Array(depth).fill(0);
  for (let i = 0; i < first.length; i++) range[i % depth] += first[i] + second[i];
  const w = Array(depth).fill(1);
  for (let k = depth - 2; k >= 0; k--) w[k] = w[k + 1] * (2 * range[k + 1] + 1);
  if (w[0] * (2 * range[0] + 1) > 2 ** 53) return undefined;
  return (u) => {
    let sum = 0;
    for (let j = 0; j < u.length; j++) sum += w[u[j][0]] * u[j][1];
    return sum;
  };
}

/** Whether the set's unit costs never fall (units beyond the list cost nothing), up to its capacity. */
function convex(s: SetNode, weigh: Weigh): boolean {
  let last = -Infinity;
  for (let i = 0; i < Math.min(s.units.length, s.cap); i++) {
    const c = weigh(s.units[i]);
    if (c < last) return false;
    last = c;
  }
  return s.units.length >= s.cap || last <= 0;
}

/** Arcs of a set: one per listed unit, then one for the rest. */
function setArcs(
  addArc: (from: number, to: number, cap: number, cost?: UnitCost) => number,
  from: number,
  to: number,
  s: SetNode,
): number[] {
  const listed = s.units.slice(0, s.cap);
  const arcs = listed.map((u) => addArc(from, to, 1, u));
  if (s.cap > listed.length) arcs.push(addArc(from, to, s.cap - listed.length));
  return arcs;
}

interface Forest {
  sets: Array<{ set: SetNode; parent?: number; node?: number }>;
  /** The smallest set holding each member. */
  owner: Map<number, number>;
  /** Sets with only a capacity that crossed a larger set: left out, checked on the solution. */
  relaxed: SetNode[];
}

/**
 * The sets as a forest by inclusion. A set that crosses a larger one is left out when it only caps
 * (a relaxation: the solution must then keep the cap); otherwise the stage is no network (undefined).
 */
function forest(sets: SetNode[]): Forest | undefined {
  const sorted = [...sets].sort((a, b) => b.members.length - a.members.length || (a.members[0] ?? -1) - (b.members[0] ?? -1));
  return nest(sorted) ?? nestPriced(sorted);
}

/** Sets in order of size as a forest; undefined when a set with a cost or a minimum crosses a larger one. */
function nest(sorted: SetNode[]): Forest | undefined {
  const owner = new Map<number, number>();
  const out: Forest['sets'] = [];
  const relaxed: SetNode[] = [];
  for (const set of sorted) {
    // Larger sets come first, so a set inside another finds every member owned by the same set.
    const parents = new Set(set.members.map((m) => owner.get(m)));
    if (parents.size > 1) {
      if (priced(set)) return undefined;
      relaxed.push(set);
      continue;
    }
    const [parent] = parents;
    for (const m of set.members) owner.set(m, out.length);
    out.push({ set, ...(parent === undefined ? {} : { parent }) });
  }
  return { sets: out, owner, relaxed };
}

const priced = (s: SetNode) => s.units.length > 0 || s.min > 0;

/**
 * The forest when a larger cap crossed a set with a cost (a leader's week over both kinds against
 * his 接访 of the month): the sets with costs nest first, and every cap crossing one is left out
 * and checked on the solution, as a smaller crossing cap is.
 */
function nestPriced(sorted: SetNode[]): Forest | undefined {
  const tree = nest(sorted.filter(priced));
  if (!tree) return undefined;
  // A cap crosses a priced set when it holds some but not all of its members and not all of the cap lies in it.
  const crosses = (s: SetNode) => {
    const shared = new Map<number, number>();
    for (const m of s.members)
      for (let i = tree.owner.get(m); i !== undefined; i = tree.sets[i].parent) shared.set(i, (shared.get(i) ?? 0) + 1);
    return [...shared].some(([i, n]) => n < s.members.length && n < tree.sets[i].set.members.length);
  };
  const crossing = new Set(sorted.filter((s) => !priced(s) && crosses(s)));
  const out = nest(sorted.filter((s) => !crossing.has(s)));
  return out && { ...out, relaxed: [...crossing, ...out.relaxed] };
}
