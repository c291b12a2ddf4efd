// The planner against brute force: on small random rounds, enumerate every timetable that keeps
// the hard rules (checked here, independently), take the lexicographic minimum of the objective
// (computed here, independently), and compare with the planner's plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plan, seededHash } from '../src/core/engine/index.js';
import type { HistoryRecord } from '../src/core/engine/types.js';
import { institutionsForDays } from '../src/core/order.js';
import type { Duty, Leader, Rank } from '../src/core/types.js';
import { input, leader } from './support/plan-facts.js';

interface Instance {
  insts: string[];
  leaders: Leader[];
  to: string;
  mode: 'cycle' | 'blocks';
  start: number;
  perDay: number;
  maxPerLeader: number;
  seed: number;
  history: HistoryRecord[];
}

const FROM = '2025-01-06'; // Monday
const dateAt = (i: number) => new Date(Date.UTC(2025, 0, 6 + i)).toISOString().slice(0, 10);
const isWeekday = (d: string) => {
  const w = new Date(`${d}T00:00:00Z`).getUTCDay();
  return w >= 1 && w <= 5;
};

const instance: fc.Arbitrary<Instance> = fc
  .record({
    nInst: fc.integer({ min: 1, max: 2 }),
    span: fc.integer({ min: 1, max: 8 }),
    people: fc.array(
      fc.record({
        inst: fc.integer({ min: 0, max: 1 }),
        rank: fc.constantFrom<Rank>('正处级', '副处级', '副处级', '正科级'),
        away: fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 3 }),
        past: fc.constantFrom('none', '接访', '下访', 'last-quarter'),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    mode: fc.constantFrom<'cycle' | 'blocks'>('cycle', 'blocks'),
    start: fc.integer({ min: 0, max: 1 }),
    perDay: fc.constantFrom(1, 1, 2),
    maxPerLeader: fc.integer({ min: 1, max: 3 }),
    seed: fc.integer({ min: 0, max: 9 }),
  })
  .map((r) => {
    const insts = ['甲', '乙'].slice(0, r.nInst);
    const leaders = r.people.map((p, i) =>
      leader(`L${i}`, insts[p.inst % r.nInst], { rank: p.rank, unavailable: [...new Set(p.away.map(dateAt))] }),
    );
    const history: HistoryRecord[] = r.people.flatMap((p, i) => {
      const l = leaders[i];
      if (p.past === 'none') return [];
      const date = p.past === 'last-quarter' ? '2024-12-20' : '2025-01-02';
      return [{ date, kind: p.past === '下访' ? '下访' : '接访', name: l.name, institution: l.institution } as HistoryRecord];
    });
    return {
      insts,
      leaders,
      to: dateAt(r.span - 1),
      mode: r.mode,
      start: r.start,
      perDay: r.perDay,
      maxPerLeader: r.maxPerLeader,
      seed: r.seed,
      history,
    };
  });

function* combos<T>(xs: T[], k: number, from = 0): Generator<T[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= xs.length - k; i++) for (const rest of combos(xs, k - 1, i + 1)) yield [xs[i], ...rest];
}

type Score = [number, number, number, number];
const less = (a: Score, b: Score) => {
  for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
};

/** Independent: the working days, who may serve when, and the best score by enumeration. */
function bruteForce(t: Instance): { best?: Score; days: string[]; allowed: (l: Leader, d: number) => boolean } {
  const days: string[] = [];
  for (let i = 0; dateAt(i) <= t.to; i++) if (isWeekday(dateAt(i))) days.push(dateAt(i));
  const eligibleCount = new Map<string, number>();
  for (const l of t.leaders) if (l.rank !== '正科级') eligibleCount.set(l.institution, (eligibleCount.get(l.institution) ?? 0) + 1);
  const instOf = institutionsForDays({ days, order: t.insts, mode: t.mode, start: t.start, eligible: eligibleCount });
  const allowed = (l: Leader, d: number) => l.institution === instOf[d] && l.rank !== '正科级' && !l.unavailable.includes(days[d]);
  const needs: number[] = t.leaders.map((l) =>
    l.rank !== '正科级' && !t.history.some((h) => h.name === l.name && h.kind === '接访' && h.date >= '2025-01-01') ? 1 : 0,
  );
  const count = t.leaders.map(() => 0);
  const who: number[][] = [];
  let best: Score | undefined;
  const go = (d: number) => {
    if (d === days.length) {
      const quota = needs.reduce((s, n, i) => s + Math.max(0, n - count[i]), 0);
      let consecutive = 0;
      for (let x = 0; x + 1 < days.length; x++) consecutive += who[x].filter((l) => who[x + 1].includes(l)).length;
      const uneven = count.reduce((s, n) => s + (n * (n - 1)) / 2, 0);
      const tie = who.reduce(
        (s, ls, x) => s + ls.reduce((u, l) => u + (seededHash(t.seed, t.leaders[l].name, t.leaders[l].institution, days[x]) % 64), 0),
        0,
      );
      const score: Score = [quota, consecutive, uneven, tie];
      if (!best || less(score, best)) best = score;
      return;
    }
    const can = t.leaders.map((_, i) => i).filter((i) => allowed(t.leaders[i], d) && count[i] < t.maxPerLeader);
    for (const c of combos(can, t.perDay)) {
      for (const i of c) count[i]++;
      who[d] = c;
      go(d + 1);
      for (const i of c) count[i]--;
    }
  };
  go(0);
  return { best, days, allowed };
}

function independentCheck(t: Instance, duties: Duty[], days: string[], allowed: (l: Leader, d: number) => boolean): string[] {
  const errors: string[] = [];
  const perLeader = new Map<string, number>();
  for (const [d, date] of days.entries()) {
    const here = duties.filter((x) => x.date === date);
    if (here.length !== t.perDay) errors.push(`${date}: ${here.length} leaders`);
    if (new Set(here.map((x) => x.name)).size !== here.length) errors.push(`${date}: a leader twice`);
    for (const x of here) {
      const l = t.leaders.find((y) => y.name === x.name)!;
      if (!allowed(l, d)) errors.push(`${date}: ${x.name} not allowed`);
      perLeader.set(x.name, (perLeader.get(x.name) ?? 0) + 1);
    }
  }
  for (const x of duties) if (!days.includes(x.date)) errors.push(`${x.date}: not a working day`);
  for (const [n, c] of perLeader) if (c > t.maxPerLeader) errors.push(`${n}: ${c} duties`);
  return errors;
}

/** The planner on an instance, strict or in best effort. */
const planOf = (t: Instance, bestEffort: boolean) =>
  plan(
    input(
      t.insts,
      t.leaders,
      FROM,
      t.to,
      { order: { mode: t.mode, start: t.start }, perDay: t.perDay, maxPerLeader: t.maxPerLeader, seed: t.seed },
      { history: t.history, bestEffort },
    ),
  );

describe('planner = brute force on small random rounds', () => {
  it('same optimum (all four objective levels), and every plan keeps every hard rule', () => {
    fc.assert(
      fc.property(instance, (t) => {
        const result = planOf(t, false);
        const { best, days, allowed } = bruteForce(t);
        if (!best) {
          expect(result.report.status).toBe('infeasible');
          expect(result.duties).toEqual([]);
          expect(result.report.causes.length + result.report.breaks.length).toBeGreaterThan(0);
          return;
        }
        expect(result.report.status).toBe('optimal');
        expect(independentCheck(t, result.duties, days, allowed)).toEqual([]);
        const o = result.report.objective;
        expect([o.quota, o['no-consecutive-days'], o['even-spread'], o['seeded-tie-break']]).toEqual(best);
      }),
      { numRuns: 300, seed: 20241211 },
    );
  });

  it('best effort never breaks order, eligibility or availability, and lists breaks exactly when not optimal', () => {
    fc.assert(
      fc.property(instance, (t) => {
        const result = planOf(t, true);
        const { days, allowed } = bruteForce({ ...t, maxPerLeader: 99 });
        // Order, eligibility and availability are never broken, even in best effort.
        for (const x of result.duties) expect(allowed(t.leaders.find((l) => l.name === x.name)!, days.indexOf(x.date))).toBe(true);
        if (result.report.status === 'optimal') expect(result.report.breaks).toEqual([]);
        else expect(result.report.breaks.length).toBeGreaterThan(0);
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
