// Branch and bound over networks (engine/network.ts), for a stage whose network leaves out what it
// cannot hold: a cap over a set that crosses the others, or a cost it cannot price (one leader on two
// consecutive days). The network without it is a relaxation, so a branch's optimum bounds every
// solution in the branch from below. Branches are taken cheapest bound first, compared level by level
// (each network weighs its levels by its own ranges: weighted totals of two networks do not compare);
// the first whose optimum keeps every cap and certificate is optimal, no open branch being cheaper.
// A cap c broken on a crossing set is shared among the set's parts that nest (every c = c₁ + … + cₘ;
// a part given 0 has its leaves dropped); every broken cap at once, down one path that gives each
// set's first part its share (a leader's 接访, which every day needs), the other ways opened beside
// it. A failed certificate names leaf sets one of which every
// solution without the flaw leaves out (a branch each), and one more branch keeps the same solution
// and pays the flaw's cost: its solutions cost at least their own cost there, and exactly it when they
// have the flaw, so the optimum's path through the tree never overstates it (docs/plan.md).

/** How to repair a failed certificate. */
export interface Flaw<L extends string> {
  /** Names the flaw, so that a branch that pays for it accepts it. */
  key: string;
  /** Leaf sets one of which every solution without the flaw leaves out. */
  drop: number[][];
  /** The flaw's cost in a solution that has it. */
  pay: { level: L; amount: number };
}

/** A certificate: true when the term left out is zero on the chosen arcs, else false or how to repair it. */
export type Check<L extends string> = (chosen: Array<[number, number]>, paid: ReadonlySet<string>) => boolean | Flaw<L>;

/** What a branch adds to the stage's network. */
export interface Branch {
  /** Leaves whose arcs are left out. */
  dropped: ReadonlySet<number>;
  /** Sets of leaves with a cap (sorted members). */
  caps: ReadonlyArray<{ members: number[]; cap: number }>;
  /** Flaws kept and paid for, and their cost by level. */
  paid: ReadonlySet<string>;
  extra: number[];
}

/** A branch's network optimum: its arcs, its cost by level, and the crossing sets over their caps. */
export interface Solved {
  chosen: Array<[number, number]>;
  levels: number[];
  crossing: Array<{ parts: number[][]; cap: number }>;
}

interface Open {
  branch: Branch;
  bound: number[];
  solved?: Solved;
}

/** How far to search: at most `nodes` networks; `possible`, asked once before the first branching, false when the stage has no solution at all. */
export interface Search {
  nodes: number;
  possible?: () => boolean;
  /**
   * Levels no solution of the stage costs less than (a tighter relaxation's optimum): a stage's own
   * network cheaper than that leaves out something binding, and its search does not close such a gap
   * within the limit (measured, docs/plan.md), so the stage goes to the integer program at once.
   */
  floor?: number[];
  /** Told the levels of the stage's own network's optimum (to serve as another search's floor). */
  root?: (levels: number[]) => void;
}

/**
 * The optimum of the stage, solving at most `search.nodes` networks (undefined beyond them, or when
 * something cannot be repaired); 'infeasible' when the stage's own network is, or no branch has a solution.
 */
export function branchAndBound<L extends string>(
  levels: readonly L[],
  search: Search,
  layout: (branch: Branch) => Solved | 'infeasible' | undefined,
  checks: ReadonlyArray<Check<L>>,
): Array<[number, number]> | 'infeasible' | undefined {
  const limit = search.nodes;
  // A month the relaxation cannot tell infeasible (the weekly maximum over both kinds is left out)
  // would take every branch the limit allows: asked first, a cheaper network that can tell says so.
  let feasible: boolean | undefined;
  const possible = () => (feasible ??= limit > 1 && search.possible ? search.possible() : true);
  const zero: number[] = Array(1 + levels.length).fill(0);
  const open: Open[] = [{ branch: { dropped: new Set(), caps: [], paid: new Set(), extra: zero }, bound: zero }];
  let solves = 0;
  while (open.length) {
    const node = open.splice(cheapest(open), 1)[0];
    const { branch, solved } = node;
    if (!solved) {
      if (solves++ === limit) return undefined;
      const r = layout(branch);
      if (r === undefined || (r === 'infeasible' && solves === 1)) return r;
      if (solves === 1 && r !== 'infeasible') {
        search.root?.(r.levels);
        if (search.floor && compare(r.levels, search.floor) < 0) return undefined;
      }
      // A child's network is its parent's with less room: infeasible, no solution there.
      if (r !== 'infeasible') open.push({ branch, bound: add(r.levels, branch.extra), solved: r });
      continue;
    }
    if (solved.crossing.length) {
      if (!possible()) return 'infeasible';
      // Every broken cap is shared at once, down one path (the first way: the first part keeps the cap);
      // each set's other ways open beside it (every plan keeping the caps lies in one of them).
      let path = branch;
      for (const { parts, cap } of solved.crossing) {
        const ways = shares(
          cap,
          parts.map((p) => p.length),
        ).map((way) => {
          const dropped = new Set(path.dropped);
          const caps = [...path.caps];
          way.forEach((c, i) => {
            if (c === 0) for (const leaf of parts[i]) dropped.add(leaf);
            else if (c < parts[i].length) caps.push({ members: parts[i], cap: c });
          });
          return { ...path, dropped, caps };
        });
        if (ways.length > SHARES) return undefined;
        for (const way of ways.slice(1)) open.push({ branch: way, bound: node.bound });
        path = ways[0];
      }
      open.push({ branch: path, bound: node.bound });
      continue;
    }
    let flaw: Flaw<L> | undefined;
    for (const check of checks) {
      const r = check(solved.chosen, branch.paid);
      if (r === false) return undefined;
      if (r !== true) {
        flaw = r;
        break;
      }
    }
    if (!flaw) return solved.chosen;
    if (!possible()) return 'infeasible';
    for (const leaves of flaw.drop)
      open.push({ branch: { ...branch, dropped: new Set([...branch.dropped, ...leaves]) }, bound: node.bound });
    const pay = zero.slice();
    pay[1 + levels.indexOf(flaw.pay.level)] = flaw.pay.amount;
    const paid = { ...branch, paid: new Set([...branch.paid, flaw.key]), extra: add(branch.extra, pay) };
    open.push({ branch: paid, bound: add(node.bound, pay), solved });
  }
  // Every solution keeping the caps lay in some branch: none does.
  return 'infeasible';
}

/** More ways to share a cap than this: the stage goes to the integer program. */
const SHARES = 8;

/**
 * The open branch with the lowest bound; of equal ones, a solved one, then the last opened: depth
 * first while the bound does not rise, where a repair that costs nothing is found soonest.
 */
function cheapest(open: Open[]): number {
  let best = 0;
  for (let i = 1; i < open.length; i++) {
    const c = compare(open[i].bound, open[best].bound);
    if (c < 0 || (c === 0 && (open[i].solved !== undefined || open[best].solved === undefined))) best = i;
  }
  return best;
}

/** Level by level, the highest first (index 0, a set's minimum, is the same for every branch). */
function compare(a: number[], b: number[]): number {
  for (let j = 1; j < a.length; j++) if (a[j] !== b[j]) return a[j] - b[j];
  return 0;
}

const add = (a: number[], b: number[]) => a.map((x, j) => x + b[j]);

/** Every way to share `cap` among parts of these sizes, none over its size, summing to the cap. */
function shares(cap: number, sizes: number[]): number[][] {
  if (!sizes.length) return cap === 0 ? [[]] : [];
  const out: number[][] = [];
  for (let c = Math.min(cap, sizes[0]); c >= 0; c--) for (const rest of shares(cap - c, sizes.slice(1))) out.push([c, ...rest]);
  return out;
}
