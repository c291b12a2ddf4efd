// The network solve against the integer program, its oracle: on random pieces of random rotations
// (one or two kinds, weekly and per-round maximums, weekly / monthly / quarterly quotas, a published timetable, the sites'
// monthly demand, leaders away, records before the window, slots some only named leaders may fill), whenever the network answers, its
// activities must cost exactly what the integer program's optimum costs — measured by the integer
// program itself, with every activity fixed to the network's choice — and an 'infeasible' answer
// must be one the integer program agrees with.
import fc from 'fast-check';
import type { Model } from 'javascript-lp-solver';
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../src/core/config.js';
import { dayNumber } from '../src/core/dates.js';
import { buildContext } from '../src/core/engine/context.js';
import type { SolverModel } from '../src/core/engine/model.js';
import { buildModel, pieces, solveNetwork } from '../src/core/engine/plan.js';
import { siteModel, siteNetwork } from '../src/core/engine/sites.js';
import { chunkState } from '../src/core/engine/state.js';
import { SEED_RULES } from '../src/core/rules.js';
import type { Kind } from '../src/core/types.js';
import { carryForward, cost, expectExact, servedBefore, solver } from './support/lp-oracle.js';
import { leader, weekdays } from './support/plan-facts.js';

const FROM = '2025-02-24'; // Monday; the window runs into March, so a month and a quarter can start inside it
const instance = fc.record({
  weeks: fc.integer({ min: 1, max: 3 }),
  away: fc.array(fc.array(fc.integer({ min: 0, max: 14 }), { maxLength: 4 }), { minLength: 2, maxLength: 6 }),
  served: fc.array(fc.record({ leader: fc.integer({ min: 0, max: 5 }), day: fc.integer({ min: 1, max: 10 }), visit: fc.boolean() }), {
    maxLength: 4,
  }),
  reception: fc.constantFrom({ min: 1, max: 1 }, { min: 0, max: 1 }, { min: 1, max: 2 }),
  visits: fc.constantFrom({ min: 0, max: 0 }, { min: 0, max: 1 }, { min: 0, max: 2 }, { min: 1, max: 1 }),
  maxPerWeek: fc.constantFrom(1, 2, 3),
  quota: fc.constantFrom<string[]>(['township-weekly'], ['county-monthly'], ['district-quarterly'], []),
  decompose: fc.constantFrom('week' as const, 'month' as const),
  sites: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 2 }),
  seed: fc.integer({ min: 0, max: 99 }),
  /** rota.json slots (they fix each day's counts): 上午/下午 or two places, some open only to named leaders. */
  slots: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    fc.array(
      fc.record({
        kind: fc.constantFrom<Kind>('接访', '接访', '下访'),
        leaders: fc.integer({ min: 1, max: 2 }),
        names: fc.option(fc.subarray(['L0', 'L1', 'L2', 'L3', 'L4'], { minLength: 1 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  ),
  /** A published timetable to re-plan (one 接访 a day, no 下访): per working day, the index of the leader it names (none past the list). */
  published: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 2 },
    { arbitrary: fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 15 }), weight: 1 },
  ),
});

/** What the solver's Model holds: variables, then rows with their terms, in its own order (fields of its classes). */
type Built = {
  tolerance: number;
  variables: Array<{ id: string; cost: number; index: number; isInteger?: true }>;
  constraints: Array<{
    index: number;
    rhs: number;
    isUpperBound: boolean;
    terms: Array<{ variable: { id: string }; coefficient: number }>;
  }>;
};
const shape = (m: Built) => ({
  tolerance: m.tolerance,
  variables: m.variables.map((v) => [v.id, v.cost, Boolean(v.isInteger)]),
  constraints: m.constraints.map((c) => [c.rhs, c.isUpperBound, c.terms.map((t) => [t.variable.id, t.coefficient])]),
});
/** The numbers the solver gave its rows and variables, sorted: only names, each used once. */
const numbers = (m: Built) => [...m.variables, ...m.constraints].map((x) => x.index).sort((a, b) => a - b);

/**
 * The planner's model built straight into the solver's Model is the one the solver's own loadJson builds
 * from the JSON form (its oracle), elastic too: the same variables, rows and terms in the same order, the
 * rows and variables given the same numbers 0 … n − 1 (in another order: toSolverModel makes the bound rows first), and
 * the solver's answer the same, value for value.
 */
function expectSameSolverModel(b: { toLp(): Model; toSolverModel(m: SolverModel): SolverModel }): void {
  const fromJson = (new solver.Model() as unknown as { loadJson(m: Model): Built }).loadJson(b.toLp());
  const built = b.toSolverModel(new solver.Model()) as unknown as Built;
  expect(shape(built)).toEqual(shape(fromJson));
  expect(numbers(built)).toEqual(numbers(fromJson));
  expect(solver.Solve(built as unknown as SolverModel)).toEqual(solver.Solve(fromJson as unknown as SolverModel));
}

describe('the network solve is exact (the integer program as oracle)', () => {
  it('costs what the integer program costs whenever it answers, and says infeasible only when it is', () => {
    let answered = 0;
    let restricted = 0;
    fc.assert(
      fc.property(instance, (t) => {
        const base = presetConfig('township');
        const days = weekdays(FROM, '2025-03-31').slice(0, 7 * t.weeks);
        const working = days.filter((d) => d.working).map((d) => d.date);
        const config = {
          ...base,
          from: days[0].date,
          to: days[days.length - 1].date,
          seed: t.seed,
          rules: SEED_RULES,
          eligibleRanks: ['副科级' as const],
          ...(t.slots
            ? {
                slots: t.slots.map((x, i) => ({
                  kind: x.kind,
                  session: `时段${i}`,
                  leaders: x.leaders,
                  ...(x.names ? { who: { names: x.names } } : {}),
                })),
              }
            : {}),
          rotation: {
            ...base.rotation!,
            reception: t.reception,
            visits: t.visits,
            maxPerWeek: t.maxPerWeek,
            quotaRules: t.quota,
            decompose: t.decompose,
          },
        };
        const leaders = t.away.map((a, i) =>
          leader(`L${i}`, '乡政府', { rank: '副科级', unavailable: a.flatMap((k) => working[k] ?? []) }),
        );
        const sites = t.sites.map((monthlyMin, i) => ({
          name: `S${i}`,
          type: '村' as const,
          address: '',
          monthlyMin,
          related: [],
          line: i + 2,
        }));
        const duties = (t.published ?? []).flatMap((l, i) =>
          l < leaders.length && working[i]
            ? [
                {
                  date: working[i],
                  weekday: '',
                  kind: '接访' as Kind,
                  institution: '乡政府',
                  name: leaders[l].name,
                  title: '',
                  portfolio: '',
                  place: '',
                },
              ]
            : [],
        );
        const ctx = buildContext({ config, days, leaders, sites, ...(t.published ? { published: { duties, today: FROM } } : {}) });
        const counted = servedBefore(t.served, leaders.length, (day) => `2025-02-${String(10 + day).padStart(2, '0')}`);
        for (const piece of pieces(ctx)) {
          const chunk = chunkState(ctx, piece, counted);
          const flow = solveNetwork(ctx, chunk);
          const model = buildModel(ctx, chunk, false);
          if (!model.exact()) return; // the integer program would drop levels: no exact oracle
          const { lpModel, best } = expectExact(flow, model);
          if (Array.isArray(flow)) {
            answered++;
            if (ctx.slotGroups.length) restricted++;
          }
          if (best === undefined) return; // later pieces would start from an infeasible one
          expectSameSolverModel(model);
          expectSameSolverModel(buildModel(ctx, chunk, true));
          carryForward(ctx, piece, lpModel, counted);
        }
      }),
      { numRuns: 260, seed: 20251130 },
    );
    expect(answered).toBeGreaterThan(100);
    // Pieces whose slots only some leaders may fill, answered by the network under its certificate.
    expect(restricted).toBeGreaterThan(1);
  });
});

const month = fc.record({
  visits: fc.array(fc.record({ leader: fc.integer({ min: 0, max: 3 }), day: fc.integer({ min: 0, max: 19 }) }), {
    minLength: 1,
    maxLength: 12,
  }),
  sites: fc.array(fc.record({ monthlyMin: fc.integer({ min: 0, max: 3 }), related: fc.boolean(), last: fc.integer({ min: 0, max: 60 }) }), {
    minLength: 1,
    maxLength: 4,
  }),
  gap: fc.constantFrom(10, 20, 30, 45),
  seed: fc.integer({ min: 0, max: 99 }),
});

/** The month's network and integer program for a generated month: the network's choice and both costs. */
function siteMonth(t: typeof month extends fc.Arbitrary<infer T> ? T : never) {
  const base = presetConfig('township');
  const config = { ...base, from: '2025-03-01', to: '2025-03-31', seed: t.seed, rotation: { ...base.rotation!, siteGapDays: t.gap } };
  const portfolios = ['征地拆迁', '农业', '教育', '民政'];
  const leaders = portfolios.map((p, i) => ({ ...leader(`L${i}`, '乡政府', { rank: '副科级' }), portfolio: p }));
  const sites = t.sites.map((s, i) => ({
    name: `S${i}`,
    type: '村' as const,
    address: '',
    monthlyMin: s.monthlyMin,
    related: s.related ? [portfolios[i % portfolios.length]] : [],
    line: i + 2,
  }));
  const ctx = buildContext({ config, days: weekdays(config.from, config.to), leaders, sites });
  const visits = [...new Map(t.visits.map((v) => [`${v.leader}_${v.day}`, v])).values()].sort(
    (a, b) => a.day - b.day || a.leader - b.leader,
  );
  const last = t.sites.map((s) => dayNumber('2025-03-01') - s.last);
  const chosen = siteNetwork(ctx, '2025-03', visits, last);
  if (!chosen) return undefined;
  const { b, a } = siteModel(ctx, '2025-03', visits, last);
  const lpModel = b.toLp();
  expectSameSolverModel(b);
  const fixed = new Set(visits.map((_, j) => a(j, chosen[j])));
  return { network: cost(lpModel, fixed, /^a\d+_\d+$/), program: cost(lpModel)! };
}

describe('the site stage as a network is exact (the integer program as oracle)', () => {
  it('answers every month whose gap runs are one per site, with the optimum, also when some site must be left out too long', () => {
    // siteGapDays + 1 ≥ the month's 31 days: each site's runs start before the month, so one is minimal.
    // More sites than visits: gaps the network must count, not merely certify as zero.
    const crowded = fc.record({
      visits: fc.array(fc.record({ leader: fc.integer({ min: 0, max: 3 }), day: fc.integer({ min: 0, max: 19 }) }), {
        minLength: 1,
        maxLength: 6,
      }),
      sites: fc.array(
        fc.record({ monthlyMin: fc.integer({ min: 0, max: 2 }), related: fc.boolean(), last: fc.integer({ min: 0, max: 60 }) }),
        {
          minLength: 2,
          maxLength: 8,
        },
      ),
      gap: fc.constantFrom(30, 45),
      seed: fc.integer({ min: 0, max: 99 }),
    });
    fc.assert(
      fc.property(crowded, (t) => {
        const got = siteMonth(t);
        expect(got).toBeDefined();
        expect(got!.network).toBeCloseTo(got!.program, 6);
      }),
      { numRuns: 150, seed: 20261207 },
    );
  });

  it("costs what the month's integer program costs whenever it answers", () => {
    let answered = 0;
    fc.assert(
      fc.property(month, (t) => {
        const got = siteMonth(t);
        if (!got) return;
        answered++;
        expect(got.network).toBeCloseTo(got.program, 6);
      }),
      { numRuns: 300, seed: 20251201 },
    );
    expect(answered).toBeGreaterThan(100);
  });
});
