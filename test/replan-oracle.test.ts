// Re-planning against brute force: on small random rounds, plan, make one leader unavailable on
// some days, re-plan from a random "today", and compare with an enumeration of every timetable that
// keeps the hard rules and the frozen past (checked here, independently): the re-plan must change
// exactly the minimum number of days, and among those minimal timetables reach the best objective.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildContext, measureObjective, plan } from '../src/core/engine/index.js';
import { institutionsForDays } from '../src/core/order.js';
import { replan } from '../src/core/replan/replan.js';
import type { Duty, Leader } from '../src/core/types.js';
import { input, leader } from './support/plan-facts.js';

const FROM = '2025-01-06'; // Monday
const dateAt = (i: number) => new Date(Date.UTC(2025, 0, 6 + i)).toISOString().slice(0, 10);
const isWeekday = (d: string) => {
  const w = new Date(`${d}T00:00:00Z`).getUTCDay();
  return w >= 1 && w <= 5;
};

const instance = fc.record({
  nInst: fc.integer({ min: 1, max: 2 }),
  span: fc.integer({ min: 2, max: 8 }),
  people: fc.array(fc.record({ inst: fc.integer({ min: 0, max: 1 }), away: fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 2 }) }), {
    minLength: 2,
    maxLength: 6,
  }),
  perDay: fc.constantFrom(1, 1, 2),
  maxPerLeader: fc.integer({ min: 1, max: 2 }),
  seed: fc.integer({ min: 0, max: 9 }),
  victim: fc.nat(),
  newAway: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 3 }),
  today: fc.integer({ min: 0, max: 8 }),
});

function* combos<T>(xs: T[], k: number, from = 0): Generator<T[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= xs.length - k; i++) for (const rest of combos(xs, k - 1, i + 1)) yield [xs[i], ...rest];
}

/** Every timetable (as leader indexes per working day) keeping the rules and the frozen past. */
function enumerate(
  insts: string[],
  leaders: Leader[],
  to: string,
  perDay: number,
  max: number,
  frozen: Map<string, number[]>,
): { days: string[]; all: number[][][] } {
  const days: string[] = [];
  for (let i = 0; dateAt(i) <= to; i++) if (isWeekday(dateAt(i))) days.push(dateAt(i));
  const eligible = new Map<string, number>();
  for (const l of leaders) eligible.set(l.institution, (eligible.get(l.institution) ?? 0) + 1);
  const instOf = institutionsForDays({ days, order: insts, mode: 'cycle', start: 0, eligible });
  const count = leaders.map(() => 0);
  const who: number[][] = [];
  const all: number[][][] = [];
  const go = (d: number) => {
    if (d === days.length) {
      all.push(who.map((x) => [...x]));
      return;
    }
    const fixed = frozen.get(days[d]);
    const options = fixed
      ? [fixed]
      : [
          ...combos(
            leaders
              .map((_, i) => i)
              .filter((i) => leaders[i].institution === instOf[d] && !leaders[i].unavailable.includes(days[d]) && count[i] < max),
            perDay,
          ),
        ];
    for (const c of options) {
      for (const i of c) count[i]++;
      who[d] = c;
      if (fixed || count.every((n) => n <= max)) go(d + 1);
      for (const i of c) count[i]--;
    }
  };
  go(0);
  return { days, all };
}

describe('replan = brute-force minimum of changed days', () => {
  it("changes exactly as few days as any valid timetable must, then is best by the planner's objective; the past never moves", () => {
    let compared = 0;
    fc.assert(
      fc.property(instance, (t) => {
        const insts = ['甲', '乙'].slice(0, t.nInst);
        const to = dateAt(t.span - 1);
        const leaders = t.people.map((p, i) => leader(`L${i}`, insts[p.inst % t.nInst], { unavailable: [...new Set(p.away.map(dateAt))] }));
        const over = { perDay: t.perDay, maxPerLeader: t.maxPerLeader, seed: t.seed };
        const first = plan(input(insts, leaders, FROM, to, over));
        if (first.report.status !== 'optimal') return;
        // One leader becomes unavailable on some more days.
        const v = t.victim % leaders.length;
        const changed = leaders.map((l, i) =>
          i === v ? { ...l, unavailable: [...new Set([...l.unavailable, ...t.newAway.map(dateAt)])].sort() } : l,
        );
        const today = dateAt(t.today);
        const i2 = input(insts, changed, FROM, to, over);
        const r = replan({ ...i2, previous: first.duties, today });
        const idx = new Map(changed.map((l, i) => [l.name, i]));
        const frozen = new Map<string, number[]>();
        for (const d of first.duties) if (d.date < today) frozen.set(d.date, [...(frozen.get(d.date) ?? []), idx.get(d.name)!].sort());
        const { days, all } = enumerate(insts, changed, to, t.perDay, t.maxPerLeader, frozen);
        const published = days.map((date) =>
          first.duties
            .filter((d) => d.date === date)
            .map((d) => idx.get(d.name)!)
            .sort()
            .join(),
        );
        const changes = (w: number[][]) => w.filter((ls, d) => [...ls].sort().join() !== published[d]).length;
        if (all.length === 0) {
          expect(r.report.status).toBe('infeasible');
          return;
        }
        expect(r.report.status).toBe('optimal');
        const min = Math.min(...all.map(changes));
        expect(r.report.changedDays).toBe(min);
        // Independent recount of the changed days from the two timetables.
        const got = days.map((date) =>
          r.duties
            .filter((d) => d.date === date)
            .map((d) => idx.get(d.name)!)
            .sort(),
        );
        expect(changes(got)).toBe(min);
        // The re-plan is itself one of the valid timetables.
        expect(all.some((w) => w.every((ls, d) => [...ls].sort().join() === got[d].join()))).toBe(true);
        // Frozen days are exactly as published.
        for (const d of first.duties.filter((x) => x.date < today)) expect(r.duties).toContainEqual(d);
        // Among the minimal timetables, none beats it on the planner's objective (lexicographic).
        const ctx = buildContext(i2);
        const toDuties = (w: number[][]): Duty[] =>
          w.flatMap((ls, d) =>
            ls.map((l) => ({ ...first.duties[0], date: days[d], name: changed[l].name, institution: changed[l].institution })),
          );
        const score = (ds: Duty[]) => {
          const o = measureObjective(ds, ctx);
          return [o.quota, o['no-consecutive-days'], o['even-spread'], o['seeded-tie-break']];
        };
        const best = all
          .filter((w) => changes(w) === min)
          .map((w) => score(toDuties(w)))
          .sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3])[0];
        expect(score(r.duties)).toEqual(best);
        compared++;
      }),
      { numRuns: 200, seed: 20241219 },
    );
    expect(compared).toBeGreaterThan(50); // the property did compare, not skip
  });
});
