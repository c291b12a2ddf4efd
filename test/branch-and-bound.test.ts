// The branch and bound over networks (engine/branch-and-bound.ts) on small stages against every
// choice of arcs: leaves are (day, kind) of one person, each kind's leaves a set with a convex cost,
// caps over runs of days of both kinds (they cross the kinds' sets, as a leader's week does), cells
// with a minimum and a cap, and two consecutive days used costing 1 at the top level (the planner's
// Friday→Monday), a term the network leaves out and the search repairs. The search's answer must be
// feasible and cost, level by level, the least any feasible choice costs; 'infeasible' only when
// none is feasible.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Search } from '../src/core/engine/branch-and-bound.js';
import { NetworkBuilder } from '../src/core/engine/network.js';

const DAYS = 4;
const leafOf = (day: number, kind: number) => day * 2 + kind;

const stage = fc.record({
  arcs: fc.uniqueArray(
    fc.record({ day: fc.integer({ min: 0, max: DAYS - 1 }), kind: fc.integer({ min: 0, max: 1 }), cell: fc.integer({ min: 0, max: 2 }) }),
    { minLength: 1, maxLength: 11, selector: (a) => `${a.day} ${a.kind} ${a.cell}` },
  ),
  arcCost: fc.array(fc.integer({ min: -4, max: 2 }), { minLength: 11, maxLength: 11 }),
  /** The n-th leaf of a kind costs steps[kind] · (n − 1) at the lower level. */
  steps: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 2 }),
  runs: fc.array(
    fc.record({ from: fc.integer({ min: 0, max: DAYS - 1 }), length: fc.integer({ min: 1, max: 3 }), cap: fc.integer({ min: 0, max: 2 }) }),
    {
      maxLength: 3,
    },
  ),
  cells: fc.array(fc.record({ min: fc.integer({ min: 0, max: 1 }), cap: fc.integer({ min: 1, max: 3 }) }), { minLength: 3, maxLength: 3 }),
});
type Stage = typeof stage extends fc.Arbitrary<infer T> ? T : never;

const runLeaves = (r: Stage['runs'][number]) =>
  Array.from({ length: Math.min(r.length, DAYS - r.from) }, (_, i) => [leafOf(r.from + i, 0), leafOf(r.from + i, 1)]).flat();

/** [pairs of consecutive days used, the rest] of a choice of arcs, or undefined when it breaks a cap or minimum. */
function cost(t: Stage, chosen: number[]): [number, number] | undefined {
  const count = (leaves: number[]) => chosen.filter((i) => leaves.includes(leafOf(t.arcs[i].day, t.arcs[i].kind))).length;
  if (t.runs.some((r) => count(runLeaves(r)) > r.cap)) return undefined;
  for (let c = 0; c < t.cells.length; c++) {
    const n = chosen.filter((i) => t.arcs[i].cell === c).length;
    if (n < t.cells[c].min || n > t.cells[c].cap) return undefined;
  }
  let rest = chosen.reduce((s, i) => s + t.arcCost[i], 0);
  for (const kind of [0, 1]) {
    const n = chosen.filter((i) => t.arcs[i].kind === kind).length;
    rest += (t.steps[kind] * n * (n - 1)) / 2;
  }
  const used = new Set(chosen.map((i) => t.arcs[i].day));
  const pairs = [...used].filter((d) => used.has(d + 1)).length;
  return [pairs, rest];
}

/** The least cost of every choice of arcs, level by level; undefined when none is feasible. */
function least(t: Stage): [number, number] | undefined {
  let best: [number, number] | undefined;
  for (let mask = 0; mask < 1 << t.arcs.length; mask++) {
    const c = cost(
      t,
      t.arcs.flatMap((_, i) => ((mask >> i) & 1 ? [i] : [])),
    );
    if (c && (!best || c[0] < best[0] || (c[0] === best[0] && c[1] < best[1]))) best = c;
  }
  return best;
}

function search(t: Stage, nodes: number, more: Omit<Search, 'nodes'> = {}) {
  const net = new NetworkBuilder(['pairs', 'rest'] as const);
  t.arcs.forEach((a, i) => {
    net.arc(leafOf(a.day, a.kind), a.cell);
    net.arcCost(leafOf(a.day, a.kind), a.cell, 'rest', t.arcCost[i]);
  });
  for (const kind of [0, 1]) {
    const leaves = Array.from({ length: DAYS }, (_, d) => leafOf(d, kind));
    net.leftSet(leaves, { cap: 12, units: { level: 'rest', costs: Array.from({ length: 12 }, (_, n) => t.steps[kind] * n) } });
  }
  for (const r of t.runs) net.leftSet(runLeaves(r), { cap: r.cap });
  t.cells.forEach((c, i) => {
    net.rightSet([i], c);
  });
  net.certify((chosen, paid) => {
    const used = new Set(chosen.map(([leaf]) => Math.floor(leaf / 2)));
    const d = [...used].sort((a, b) => a - b).find((x) => used.has(x + 1) && !paid.has(String(x)));
    if (d === undefined) return true;
    return { key: String(d), drop: [d, d + 1].map((x) => [leafOf(x, 0), leafOf(x, 1)]), pay: { level: 'pairs', amount: 1 } };
  });
  return net.solve({ nodes, ...more });
}

describe('branch and bound over networks (every choice of arcs as oracle)', () => {
  it('answers with the least cost level by level, and infeasible only when no choice is feasible', () => {
    let searched = 0;
    fc.assert(
      fc.property(stage, (t) => {
        const r = search(t, 200);
        const best = least(t);
        if (r === 'infeasible') expect(best).toBeUndefined();
        if (!Array.isArray(r)) return;
        if (search(t, 1) === undefined) searched++;
        const chosen = r.map(([leaf, cell]) => t.arcs.findIndex((a) => leafOf(a.day, a.kind) === leaf && a.cell === cell));
        expect(cost(t, chosen)).toEqual(best);
      }),
      { numRuns: 1500, seed: 20261207 },
    );
    // Answers the first network alone could not give: its optimum broke a crossing cap or had a pair.
    expect(searched).toBeGreaterThan(400);
  });

  it('with a floor above its own network optimum goes to the integer program at once; at or below it, searches as without', () => {
    let above = 0;
    fc.assert(
      fc.property(stage, (t) => {
        let root: number[] | undefined;
        const r = search(t, 200, { root: (levels) => (root = levels) });
        if (!root) {
          expect(r).toBe('infeasible'); // the root network had no solution
          return;
        }
        expect(search(t, 200, { floor: root })).toEqual(r);
        expect(search(t, 200, { floor: root.map((x, j) => (j === 2 ? x - 1 : x)) })).toEqual(r);
        // One unit more at the top level (index 0 is a set's minimum, the same for every branch).
        const floor = root.map((x, j) => (j === 1 ? x + 1 : x));
        expect(search(t, 200, { floor })).toBeUndefined();
        above++;
      }),
      { numRuns: 300, seed: 20261207 },
    );
    expect(above).toBeGreaterThan(200);
  });
});
