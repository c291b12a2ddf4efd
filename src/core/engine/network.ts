// A piece of the solve as a network, when its rules allow one: source → each leader's nested sets of
// days (weekly and per-round maximums, quotas) → (leader, day) → (day, kind) cells → nested sets of
// cells (per-day ranges, the sites' 下访 demand) → sink. Each set may carry a capacity, a minimum and
// a convex cost per unit (a quota's first `need` units earn a reward; an even spread's n-th unit
// costs n − 1). Rules and preferences add their sets and costs themselves (addArcs beside addRows);
// a term a network cannot hold exactly is either refused (the piece goes to the integer program) or
// dropped with a certificate: the solution is accepted only when the dropped term is zero on it,
// because then the network's optimum is a lower bound that the solution reaches.
import type { Kind } from '../types.js';
import { MinCostFlow } from './min-cost-flow.js';
import { LEVELS, type LevelName } from './model.js';

/** Cost vector entries: `required` (a set's minimum) above every level of the objective. */
const REQUIRED = 0;
const levelIndex = (level: LevelName) => 1 + LEVELS.indexOf(level);
const DEPTH = 1 + LEVELS.length;

export type UnitCost = Array<[number, number]>;

export interface SetSpec {
  /** At most this many units through the set. */
  cap?: number;
  /** At least this many (a hard minimum: a piece that cannot reach it is infeasible). */
  min?: number;
  /** Cost of the 1st, 2nd, … unit at `level`; units beyond the list cost nothing. */
  units?: { level: LevelName; costs: number[] };
}

export interface Activity {
  leader: number;
  day: number;
  kind: Kind;
}

interface SetNode {
  members: number[];
  key: string;
  cap: number;
  min: number;
  units: UnitCost[];
}

export class NetworkBuilder {
  /** False once a rule or preference asked for something no network holds exactly. */
  supported = true;
  private readonly leaderSets = new Map<number, Map<string, SetNode>>();
  private readonly cellSets = new Map<string, SetNode>();
  private readonly pairCaps = new Map<string, number>();
  private readonly arcCosts = new Map<string, UnitCost>();
  private readonly checks: Array<(acts: Activity[]) => boolean> = [];

  /** `pairs` lists every (leader, day) that has variables; `kinds` the kinds the piece plans. */
  constructor(
    readonly pairs: Array<[number, number]>,
    readonly kinds: Kind[],
  ) {}

  /** The piece cannot be a network (a pin, a published day, a quota of one kind among two…). */
  refuse(): void {
    this.supported = false;
  }

  /** A set of leader l's days (all kinds). */
  leaderSet(l: number, days: number[], spec: SetSpec): void {
    const sets = this.leaderSets.get(l) ?? new Map<string, SetNode>();
    this.leaderSets.set(l, sets);
    merge(sets, days, spec);
  }

  /** A set of (day, kind) cells over every leader; a cell is numbered day * 2 + kind index. */
  cellSet(cells: Array<[number, Kind]>, spec: SetSpec): void {
    merge(
      this.cellSets,
      cells.map(([d, k]) => cellId(d, k)),
      spec,
    );
  }

  /** At most `cap` activities of leader l on day d. */
  pairCap(l: number, d: number, cap: number): void {
    const k = `${l}_${d}`;
    this.pairCaps.set(k, Math.min(cap, this.pairCaps.get(k) ?? cap));
  }

  /** A cost on one activity. */
  arcCost(kind: Kind, l: number, d: number, level: LevelName, amount: number): void {
    if (amount === 0) return;
    const k = `${kind}${l}_${d}`;
    const list = this.arcCosts.get(k) ?? [];
    this.arcCosts.set(k, list);
    list.push([levelIndex(level), amount]);
  }

  /** A term left out of the network: the solution is accepted only if `holds` (the term is zero on it). */
  certify(holds: (acts: Activity[]) => boolean): void {
    this.checks.push(holds);
  }

  /**
   * The optimal activities; 'infeasible' when a hard minimum cannot be met; undefined when the piece
   * is no network or a dropped term is not zero on the network's optimum.
   */
  solve(): Activity[] | 'infeasible' | undefined {
    if (!this.supported) return undefined;
    const f = new MinCostFlow(DEPTH);
    const source = f.addNode(),
      sink = f.addNode();
    const minimums: Array<{ arcs: number[]; min: number }> = [];
    const leaf = new Map<string, number>();
    const byLeader = new Map<number, number[]>();
    for (const [l, d] of this.pairs) byLeader.set(l, [...(byLeader.get(l) ?? []), d]);
    for (const [l, days] of byLeader) {
      const tree = forest([...(this.leaderSets.get(l)?.values() ?? [])]);
      if (!tree || tree.some((s) => !convex(s.set))) return undefined;
      const node = tree.map(() => f.addNode());
      tree.forEach((s, i) => {
        const arcs = setArcs(f, s.parent === undefined ? source : node[s.parent], node[i], s.set);
        if (s.set.min > 0) minimums.push({ arcs, min: s.set.min });
      });
      for (const d of days) {
        const n = f.addNode();
        leaf.set(`${l}_${d}`, n);
        const owner = smallestHolding(tree, d);
        f.addArc(owner === undefined ? source : node[owner], n, this.pairCaps.get(`${l}_${d}`) ?? this.kinds.length);
      }
    }
    const cellTree = forest([...this.cellSets.values()]);
    if (!cellTree || cellTree.some((s) => !convex(s.set))) return undefined;
    const cellNode = cellTree.map(() => f.addNode());
    cellTree.forEach((s, i) => {
      const to = s.parent === undefined ? sink : cellNode[s.parent];
      const arcs = setArcs(f, cellNode[i], to, s.set);
      if (s.set.min > 0) minimums.push({ arcs, min: s.set.min });
    });
    const cells = new Map<number, number>();
    const cellOf = (id: number) => {
      let n = cells.get(id);
      if (n === undefined) {
        n = f.addNode();
        cells.set(id, n);
        const owner = smallestHolding(cellTree, id);
        f.addArc(n, owner === undefined ? sink : cellNode[owner], Infinity);
      }
      return n;
    };
    const arcs: Array<{ arc: number; act: Activity }> = [];
    for (const [l, d] of this.pairs)
      for (const kind of this.kinds) {
        const arc = f.addArc(leaf.get(`${l}_${d}`)!, cellOf(cellId(d, kind)), 1, this.arcCosts.get(`${kind}${l}_${d}`) ?? []);
        arcs.push({ arc, act: { leader: l, day: d, kind } });
      }
    f.solve(source, sink);
    if (minimums.some(({ arcs: as, min }) => as.reduce((s, a) => s + f.flowOn(a), 0) < min)) return 'infeasible';
    const acts = arcs.filter(({ arc }) => f.flowOn(arc) > 0).map(({ act }) => act);
    return this.checks.every((holds) => holds(acts)) ? acts : undefined;
  }
}

const KIND_INDEX: Record<Kind, number> = { 接访: 0, 下访: 1 };
const cellId = (d: number, k: Kind) => d * 2 + KIND_INDEX[k];

/** Adds a spec to the set with these members, merging with an equal set already given. */
function merge(sets: Map<string, SetNode>, members: number[], spec: SetSpec): void {
  const sorted = [...new Set(members)].sort((a, b) => a - b);
  const key = sorted.join(',');
  const s = sets.get(key) ?? { members: sorted, key, cap: Infinity, min: 0, units: [] };
  sets.set(key, s);
  s.cap = Math.min(s.cap, spec.cap ?? Infinity);
  s.min = Math.max(s.min, spec.min ?? 0);
  if (spec.min) addUnits(s, REQUIRED, Array(spec.min).fill(-1));
  if (spec.units) addUnits(s, levelIndex(spec.units.level), spec.units.costs);
}

function addUnits(s: SetNode, level: number, costs: number[]): void {
  costs.forEach((c, n) => {
    while (s.units.length <= n) s.units.push([]);
    if (c !== 0) s.units[n].push([level, c]);
  });
}

/** Lexicographic comparison of two sparse cost vectors. */
function compareCost(a: UnitCost, b: UnitCost): number {
  const v = Array(DEPTH).fill(0);
  for (const [k, c] of a) v[k] += c;
  for (const [k, c] of b) v[k] -= c;
  return v.find((x) => x !== 0) ?? 0;
}

/** Whether the set's unit costs never fall (units beyond the list cost nothing), up to its capacity. */
function convex(s: SetNode): boolean {
  const seq = [...s.units.slice(0, s.cap), ...(s.units.length < s.cap ? [[] as UnitCost] : [])];
  return seq.every((u, i) => i === 0 || compareCost(seq[i - 1], u) <= 0);
}

/** Arcs of a set: one per listed unit, then one for the rest. */
function setArcs(f: MinCostFlow, from: number, to: number, s: SetNode): number[] {
  const listed = s.units.slice(0, s.cap);
  const arcs = listed.map((u) => f.addArc(from, to, 1, u));
  if (s.cap > listed.length) arcs.push(f.addArc(from, to, s.cap - listed.length));
  return arcs;
}

/** The sets as a forest by inclusion (parent: the smallest set holding it); undefined when two sets cross. */
function forest(sets: SetNode[]): Array<{ set: SetNode; parent?: number }> | undefined {
  const sorted = [...sets].sort((a, b) => b.members.length - a.members.length || a.key.localeCompare(b.key));
  const has = sorted.map((s) => new Set(s.members));
  const out: Array<{ set: SetNode; parent?: number }> = [];
  for (let i = 0; i < sorted.length; i++) {
    let parent: number | undefined;
    for (let j = 0; j < i; j++) {
      const inside = sorted[i].members.filter((m) => has[j].has(m)).length;
      if (inside === 0) continue;
      if (inside < sorted[i].members.length) return undefined; // the sets cross
      parent = j; // later j are smaller: the last holding set is the smallest
    }
    out.push({ set: sorted[i], ...(parent === undefined ? {} : { parent }) });
  }
  return out;
}

function smallestHolding(tree: Array<{ set: SetNode }>, member: number): number | undefined {
  let found: number | undefined;
  tree.forEach((s, i) => {
    if (s.set.members.includes(member)) found = i;
  });
  return found;
}
