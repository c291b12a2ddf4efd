// Whole county years against the integer program, month by month: the fixture county's 2025 and
// generated 40- and 20-leader counties' first quarter, planned in sequence as the planner plans them
// (each month from the months before it as the planner carried them). Every month must be answered by
// the branch and bound (engine/branch-and-bound.ts) and cost exactly the integer program's optimum on
// the same month, level by level, tie-break included: the cost is the program's own, with every
// activity fixed to the network's choice, read back into levels by the program's strict-priority
// weights. Fails (tried, not committed) when the compared levels skip the tie-break, when branches
// are taken first in first out, or when a cap's other shares are not opened. No month here has a
// consecutive pair in its optimum (a county leader serves once a week), so the pair's branches are
// held to brute force in test/branch-and-bound.test.ts and to the program in test/network-branch.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Model } from 'javascript-lp-solver';
import { afterAll, describe, expect, it } from 'vitest';
import { planInput } from '../src/app/plan.js';
import { loadRound } from '../src/app/round.js';
import { buildContext } from '../src/core/engine/context.js';
import type { ModelBuilder } from '../src/core/engine/model.js';
import { buildModel, pieces, solveNetwork } from '../src/core/engine/plan.js';
import { varName } from '../src/core/engine/rules.js';
import { type Counted, chunkState } from '../src/core/engine/state.js';
import { leaderKey } from '../src/core/leaders.js';
import { loadConfig } from '../src/io/config-file.js';
import { readBytes } from '../src/io/read-file.js';
import { writeTownship } from './bench/township-gen.js';
import { carryForward, cost } from './support/lp-oracle.js';

const dir = mkdtempSync(join(tmpdir(), 'rota-bnb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A cost of the program split into its levels, highest first: each level's total lies in 0..range
 * (every cost of the program is a non-negative penalty), so the weights are the digits' places.
 */
function levels(total: number, model: ModelBuilder): number[] {
  let rest = Math.round(total);
  return model.weights().map((w) => {
    const digit = Math.floor(rest / w);
    rest -= digit * w;
    return digit;
  });
}

/** Plans the round's months in sequence; per month, whether the network answered, its levels and the program's. */
function months(config: string, window: { from: string; to: string }) {
  const { round } = loadRound(loadConfig(config, window).config!, readBytes);
  const ctx = buildContext(planInput(round!));
  // The planner's start (engine/plan.ts solveContext): records before the window count.
  const counted: Counted[] = ctx.history.flatMap((h) => {
    const leader = ctx.leaderIndex.get(leaderKey(h));
    return leader === undefined ? [] : [{ leader, date: h.date, kind: h.kind, planned: false }];
  });
  return pieces(ctx).map((piece) => {
    const chunk = chunkState(ctx, piece, counted);
    const flow = solveNetwork(ctx, chunk);
    const model = buildModel(ctx, chunk, false);
    expect(model.exact()).toBe(true);
    const lpModel: Model = model.toLp();
    const best = cost(lpModel);
    expect(best).toBeDefined();
    const month = ctx.days[piece[0]].slice(0, 7);
    if (!Array.isArray(flow)) {
      carryForward(ctx, piece, lpModel, counted);
      return { month, network: false };
    }
    // The planner carries the network's activities forward, ties and all.
    for (const a of flow) counted.push({ leader: a.leader, date: ctx.days[a.day], kind: a.kind, planned: true });
    const fixed = cost(lpModel, new Set(flow.map((a) => varName(a.kind, a.leader, a.day))));
    return { month, network: true, levels: levels(fixed!, model), optimum: levels(best!, model) };
  });
}

describe('county years month by month: the branch and bound against the integer program', () => {
  it('fixtures/county 2025: all 12 months networks, each equal to the program at every level', () => {
    const out = months('fixtures/county/rota.json', { from: '2025-01-01', to: '2025-12-31' });
    expect(out.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
    for (const m of out) {
      expect(m.network, m.month).toBe(true);
      expect(m.levels, m.month).toEqual(m.optimum);
    }
    // Not all zero: the months have costs the comparison can miss.
    expect(out.some((m) => m.optimum?.some((x, k) => k < m.optimum!.length - 1 && x > 0))).toBe(true);
  }, 60_000);

  // The 40-leader county is the brief's size; the 20-leader one (seed 1) is where a share of a week's cap
  // left out gives a dearer January (the fixture and the 40-leader quarter never need that branch).
  for (const [leaders, seed] of [
    [40, 3],
    [20, 1],
  ])
    it(`a generated ${leaders}-leader county, January to March 2025: every month a network, equal to the program at every level`, () => {
      const folder = join(dir, String(leaders));
      writeTownship(folder, seed, { leaders, preset: 'county', from: '2025-01-01', to: '2025-03-31' });
      const out = months(join(folder, 'rota.json'), { from: '2025-01-01', to: '2025-03-31' });
      expect(out).toHaveLength(3);
      for (const m of out) {
        expect(m.network, m.month).toBe(true);
        expect(m.levels, m.month).toEqual(m.optimum);
      }
    }, 60_000);
});
