// Slots against brute force: on small random weeks of a township rotation with slots (sessions,
// places, roles, some open only to named leaders or a rank), serveOn, a rule's maximum and
// co-receivers, enumerate every week that keeps the hard rules (checked here, independently: each
// day's leaders can sit in its slots, found by trying every seating), and compare with the plan:
// it is optimal exactly when such a week exists, reaches the least quota shortfall, and its own
// timetable seats every leader in a slot that admits him. Then a property: plan's report and the
// check of its own timetable (the hard rules, and rota check's judge) agree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../src/core/calendar.js';
import { judge } from '../src/core/check/tally.js';
import { type Config, presetConfig } from '../src/core/config.js';
import { isoWeekday } from '../src/core/dates.js';
import { buildContext, checkTimetable, plan } from '../src/core/engine/index.js';
import type { SlotSpec } from '../src/core/slots.js';
import type { Duty, Kind, Rank, Rule } from '../src/core/types.js';
import { leader, weekdays } from './support/plan-facts.js';

const FROM = '2025-01-06'; // Monday
const TO = '2025-01-12'; // Sunday: the whole ISO week, so rota check judges it
const NAMES = ['L0', 'L1', 'L2', 'L3'];
const DAYS = weekdays(FROM, TO).flatMap((d) => (d.working ? [d.date] : []));

const slotArb = fc.record({
  kind: fc.constantFrom<Kind>('接访', '接访', '下访'),
  leaders: fc.constantFrom(1, 1, 1, 2),
  who: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 2 },
    fc.subarray(NAMES, { minLength: 1 }).map((names) => ({ names })),
    fc.constant({ ranks: ['正科级'] as Rank[] }),
  ),
});

const instance = fc.record({
  people: fc.array(
    fc.record({ rank: fc.constantFrom<Rank>('正科级', '副科级', '副科级'), away: fc.subarray([0, 1, 2, 3, 4], { maxLength: 1 }) }),
    { minLength: 3, maxLength: 4 },
  ),
  slots: fc.array(slotArb, { minLength: 1, maxLength: 2 }),
  maxPerWeek: fc.constantFrom(2, 3, 5),
  /** serveOn: this leader only on these weekdays. */
  serve: fc.option(fc.record({ who: fc.constantFrom(...NAMES), weekdays: fc.subarray([1, 2, 3, 4, 5], { minLength: 1 }) }), {
    nil: undefined,
  }),
  /** A rule's max: these leaders 接访 at most once a week. */
  capped: fc.subarray(NAMES, { maxLength: 2 }),
  seed: fc.integer({ min: 0, max: 9 }),
});
type Instance = typeof instance extends fc.Arbitrary<infer T> ? T : never;

const UNITS = [{ name: '区人社局', fields: ['劳动'] }];

function setup(t: Instance) {
  const leaders = t.people.map((p, i) =>
    leader(NAMES[i], '乡政府', { rank: p.rank, unavailable: p.away.map((k) => DAYS[k]), portfolio: i % 2 ? '劳动保障' : '民政' }),
  );
  const slots: SlotSpec[] = t.slots.map((s, i) => ({
    kind: s.kind,
    leaders: s.leaders,
    session: i % 2 ? '下午' : '上午',
    place: { name: `地点${i}` },
    ...(s.kind === '接访' ? { role: i ? '陪同' : '主接访' } : {}),
    ...(s.who ? { who: s.who } : {}),
  }));
  const rules: Rule[] = [
    {
      id: 'township-weekly',
      description: '每周至少一次',
      who: { ranks: ['正科级', '副科级'] },
      kinds: ['接访', '下访'],
      period: 'week',
      min: 1,
    },
    ...(t.capped.length
      ? [
          {
            id: 'cap',
            description: '每周接访最多一次',
            who: { names: t.capped },
            kinds: ['接访'] as Kind[],
            period: 'week' as const,
            min: 0,
            max: 1,
          },
        ]
      : []),
  ];
  const base = presetConfig('township');
  const config: Config = {
    ...base,
    from: FROM,
    to: TO,
    seed: t.seed,
    rules,
    slots,
    units: UNITS,
    ...(t.serve ? { serveOn: [{ who: { names: [t.serve.who] }, weekdays: t.serve.weekdays }] } : {}),
    rotation: { ...base.rotation!, maxPerWeek: t.maxPerWeek, quotaRules: ['township-weekly'], decompose: 'week' },
  };
  return { leaders, slots, rules, config };
}

/** Whether these leaders can sit in the kind's seats, each in a slot that admits him: every seating tried. */
function seatable(t: Instance, slots: SlotSpec[], kind: Kind, people: number[]): boolean {
  const seats = slots.flatMap((s) => (s.kind === kind ? Array(s.leaders).fill(s) : [])) as SlotSpec[];
  if (seats.length !== people.length) return false;
  const admits = (s: SlotSpec, p: number) =>
    !s.who || ((!s.who.names || s.who.names.includes(NAMES[p])) && (!s.who.ranks || s.who.ranks.includes(t.people[p].rank)));
  const go = (k: number, used: boolean[]): boolean =>
    k === seats.length ||
    people.some(
      (p, i) =>
        !used[i] &&
        admits(seats[k], p) &&
        go(
          k + 1,
          used.map((u, j) => u || j === i),
        ),
    );
  return go(
    0,
    people.map(() => false),
  );
}

function subsets(xs: number[], k: number): number[][] {
  if (k === 0) return [[]];
  return xs.flatMap((x, i) => subsets(xs.slice(i + 1), k - 1).map((rest) => [x, ...rest]));
}

/** Independent: the least quota shortfall over every week that keeps the hard rules (undefined: none). */
function bruteForce(t: Instance, slots: SlotSpec[]): number | undefined {
  const n = t.people.length;
  const need = (k: Kind) => slots.filter((s) => s.kind === k).reduce((a, s) => a + s.leaders, 0);
  const allowed = (p: number, d: number) =>
    !t.people[p].away.includes(d) && (!t.serve || t.serve.who !== NAMES[p] || t.serve.weekdays.includes(isoWeekday(DAYS[d])));
  // Each day's options: the 接访 leaders and the 下访 leaders, disjoint, each seatable.
  const options = DAYS.map((_, d) => {
    const free = [...Array(n).keys()].filter((p) => allowed(p, d));
    return subsets(free, need('接访'))
      .filter((j) => seatable(t, slots, '接访', j))
      .flatMap((j) =>
        subsets(
          free.filter((p) => !j.includes(p)),
          need('下访'),
        )
          .filter((v) => seatable(t, slots, '下访', v))
          .map((v) => ({ j, v })),
      );
  });
  const count = Array(n).fill(0);
  const received = Array(n).fill(0);
  let best: number | undefined;
  const go = (d: number) => {
    if (d === DAYS.length) {
      const short = count.reduce((a, c) => a + Math.max(0, 1 - c), 0);
      if (best === undefined || short < best) best = short;
      return;
    }
    for (const { j, v } of options[d]) {
      const all = [...j, ...v];
      if (all.some((p) => count[p] >= t.maxPerWeek)) continue;
      if (j.some((p) => t.capped.includes(NAMES[p]) && received[p] >= 1)) continue;
      for (const p of all) count[p]++;
      for (const p of j) received[p]++;
      go(d + 1);
      for (const p of all) count[p]--;
      for (const p of j) received[p]--;
    }
  };
  go(0);
  return best;
}

/** Independent check of the plan's week: each duty in a slot of its kind whose 时段, place and role it carries, admitted, seats exactly filled. */
function slotErrors(t: Instance, slots: SlotSpec[], duties: Duty[]): string[] {
  const errors: string[] = [];
  for (const date of DAYS) {
    for (const s of slots) {
      const here = duties.filter(
        (d) => d.date === date && d.kind === s.kind && d.session === s.session && d.role === s.role && d.place.startsWith(s.place!.name),
      );
      if (here.length !== s.leaders) errors.push(`${date} ${s.session}: ${here.length} of ${s.leaders}`);
      for (const d of here) {
        const p = NAMES.indexOf(d.name);
        if (s.who && !seatable(t, [{ ...s, leaders: 1 }], s.kind, [p])) errors.push(`${date} ${d.name} not admitted`);
      }
    }
    for (const d of duties.filter((x) => x.date === date && x.kind === '接访'))
      if (JSON.stringify(d.with) !== JSON.stringify(d.portfolio.includes('劳动') ? ['区人社局'] : []))
        errors.push(`${d.name}: with ${d.with}`);
  }
  return errors;
}

describe('slots: the planner against brute force on small random weeks', () => {
  it('optimal exactly when a week keeps every hard rule, with the least quota shortfall, each leader in a slot that admits him', () => {
    let feasible = 0;
    fc.assert(
      fc.property(instance, (t) => {
        const { leaders, slots, config } = setup(t);
        const r = plan({ config, days: weekdays(FROM, TO), leaders });
        const best = bruteForce(t, slots);
        if (best === undefined) {
          expect(r.report.status).toBe('infeasible');
          return;
        }
        feasible++;
        expect(r.report.status).toBe('optimal');
        expect(r.report.objective.quota).toBe(best);
        expect(slotErrors(t, slots, r.duties)).toEqual([]);
      }),
      { numRuns: 150, seed: 20261207 },
    );
    expect(feasible).toBeGreaterThan(30);
  });

  it("plan's report and the check of its own timetable agree: no hard-rule break when optimal, the same breaks in best effort, no period over a rule's max", () => {
    const cal = makeCalendar({ overrides: weekdays(FROM, TO).map((d) => ({ date: d.date, type: d.working ? '上班' : '休息', name: '' })) });
    fc.assert(
      fc.property(instance, (t) => {
        const { leaders, rules, config } = setup(t);
        const days = weekdays(FROM, TO);
        const r = plan({ config, days, leaders, calendar: cal, bestEffort: true });
        const breaks = checkTimetable(r.duties, buildContext({ config, days, leaders, calendar: cal }));
        expect(breaks.map((b) => b.message)).toEqual(r.report.breaks.map((b) => b.message));
        if (r.report.status === 'optimal') expect(breaks).toEqual([]);
        const j = judge({ leaders, duties: r.duties, rules, calendar: cal, from: FROM, to: TO, lenient: true });
        const over = j.results.filter((x) => x.status === 'over');
        expect(over.length > 0).toBe(r.report.breaks.some((b) => b.rule === 'rule-max'));
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
