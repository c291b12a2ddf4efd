// Township and county re-plans against an independent oracle: on small random windows, plan, change
// the leaders (new absences, a leader leaving, a leader arriving), re-plan from a random "today", and
// compare with dynamic programming over every timetable that keeps the hard rules and the frozen past
// (each checked here, from the rules' definitions): the re-plan changes exactly the fewest days, a
// 下访 on a day reported unchanged goes to the same site, and --seed changes no level's value (only
// the tie-breaks).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../src/core/config.js';
import { addDays, isoWeekKey } from '../src/core/dates.js';
import { plan } from '../src/core/engine/plan.js';
import { replan } from '../src/core/replan/replan.js';
import { ruleApplies } from '../src/core/rules.js';
import { inTerm } from '../src/core/term.js';
import type { Duty, Kind, Leader } from '../src/core/types.js';
import { leader, weekdays } from './support/plan-facts.js';

const FROM = '2025-03-03'; // Monday; windows stay inside March (one month for the county's pieces)

const instance = fc.record({
  preset: fc.constantFrom('township' as const, 'county' as const),
  days: fc.integer({ min: 3, max: 10 }),
  people: fc.array(fc.array(fc.integer({ min: 0, max: 13 }), { maxLength: 3 }), { minLength: 2, maxLength: 5 }),
  sites: fc.integer({ min: 0, max: 2 }),
  change: fc.constantFrom('away', 'leaves', 'arrives'),
  victim: fc.nat(),
  newAway: fc.array(fc.integer({ min: 0, max: 13 }), { minLength: 1, maxLength: 4 }),
  at: fc.integer({ min: 0, max: 13 }),
  today: fc.integer({ min: 0, max: 13 }),
  seed: fc.integer({ min: 0, max: 99 }),
});

type Instance = typeof instance extends fc.Arbitrary<infer T> ? T : never;

/** A day's arrangement: the kind each leader serves (undefined: none). */
type Day = Array<Kind | undefined>;

function setup(t: Instance) {
  const base = presetConfig(t.preset);
  const all = weekdays(FROM, addDays(FROM, 13));
  const working = all.filter((d) => d.working).map((d) => d.date);
  const window = working.slice(0, t.days);
  const to = window[window.length - 1];
  const days = all.filter((d) => d.date <= to);
  const rank = t.preset === 'county' ? '副处级' : '副科级';
  const inst = base.institutions[0].name;
  // The county takes one 接访 a day and a leader at most once a week: it needs five leaders or more.
  const people = t.preset === 'county' ? [...t.people, [], [], []] : t.people;
  const leaders = people.map((away, i) => leader(`L${i}`, inst, { rank, unavailable: away.flatMap((k) => working[k] ?? []) }));
  const sites = Array.from({ length: t.sites }, (_, i) => ({
    name: `村${i}`,
    type: '村' as const,
    address: `地址${i}`,
    monthlyMin: 1,
    related: [],
    line: i + 2,
  }));
  const config = { ...base, from: FROM, to, seed: t.seed };
  return { config, days, window, leaders, sites };
}

/** The leaders after the change: more absences, a leader leaving (调离) or one arriving (到任). */
function changed(t: Instance, leaders: Leader[], window: string[]): Leader[] {
  const v = t.victim % leaders.length;
  const at = window[t.at % window.length];
  if (t.change === 'away')
    return leaders.map((l, i) =>
      i === v ? { ...l, unavailable: [...new Set([...l.unavailable, ...t.newAway.flatMap((k) => window[k] ?? [])])].sort() } : l,
    );
  if (t.change === 'leaves') return leaders.map((l, i) => (i === v ? { ...l, term: { to: addDays(at, -1) } } : l));
  return [...leaders, { ...leaders[v], name: '新到任', unavailable: [], term: { from: at } }];
}

type Ranges = { reception: { min: number; max: number }; visits: { min: number; max: number }; maxPerWeek: number };

/** Every way to staff `date` within the per-day ranges, one activity per leader, nobody away or outside the term; a frozen day only as `fixed`. */
function dayOptions(date: string, leaders: Leader[], rules: Ranges, fixed?: Day): Day[] {
  if (fixed) return [fixed]; // the frozen past stays as published, even where it now breaks a rule
  const out: Day[] = [];
  const go = (l: number, day: Day) => {
    if (l === leaders.length) {
      const j = day.filter((k) => k === '接访').length;
      const v = day.filter((k) => k === '下访').length;
      if (j >= rules.reception.min && j <= rules.reception.max && v >= rules.visits.min && v <= rules.visits.max) out.push([...day]);
      return;
    }
    const free = !leaders[l].unavailable.includes(date) && inTerm(leaders[l], date);
    for (const k of free ? [undefined, '接访' as const, '下访' as const] : [undefined]) go(l + 1, [...day, k]);
  };
  go(0, []);
  return out;
}

/**
 * The fewest days any valid timetable changes, by dynamic programming over the days with each
 * leader's count in the current ISO week as the state; undefined when no timetable keeps the rules.
 */
function fewestChanges(
  window: string[],
  leaders: Leader[],
  rules: Ranges,
  published: Map<string, string>,
  publishedDays: Map<string, Day>,
  frozen: Set<string>,
): number | undefined {
  const key = (day: Day) =>
    day
      .flatMap((k, l) => (k ? [`${k}${leaders[l].name}`] : []))
      .sort()
      .join();
  let states = new Map<string, number>([[leaders.map(() => 0).join(), 0]]);
  window.forEach((date, i) => {
    const fresh = i > 0 && isoWeekKey(date) !== isoWeekKey(window[i - 1]);
    const next = new Map<string, number>();
    const opts = dayOptions(date, leaders, rules, frozen.has(date) ? (publishedDays.get(date) ?? leaders.map(() => undefined)) : undefined);
    for (const [state, cost] of states) {
      const counts = fresh ? leaders.map(() => 0) : state.split(',').map(Number);
      for (const day of opts) {
        const after = counts.map((n, l) => n + (day[l] ? 1 : 0));
        if (after.some((n) => n > rules.maxPerWeek)) continue;
        const c = cost + (key(day) === (published.get(date) ?? '') ? 0 : 1);
        const s = after.join();
        if (c < (next.get(s) ?? Infinity)) next.set(s, c);
      }
    }
    states = next;
  });
  return states.size ? Math.min(...states.values()) : undefined;
}

/** Plan, change the leaders, and the re-plan's input from a random today; undefined when the first plan is not optimal. */
function cycle(t: Instance) {
  const { config, days, window, leaders, sites } = setup(t);
  const first = plan({ config, days, leaders, sites });
  if (first.report.status !== 'optimal') return undefined;
  const now = changed(t, leaders, window);
  const today = window[t.today % window.length];
  return { config, window, first, now, today, input: { config, days, leaders: now, sites, previous: first.duties, today } };
}

const dayKey = (ds: Duty[], date: string, withPlace: boolean) =>
  ds
    .filter((d) => d.date === date)
    .map((d) => `${d.kind}${d.name}${withPlace && d.kind === '下访' ? d.place : ''}`)
    .sort()
    .join();

describe('township and county re-plans change the fewest days (dynamic programming as oracle)', () => {
  it('changed days equal the minimum, visits never move on unchanged days, and the seed does not change the count', () => {
    let compared = 0;
    const tally = { township: 0, county: 0 };
    const seedMoved = { township: 0, county: 0 };
    fc.assert(
      fc.property(instance, (t) => {
        const c = cycle(t);
        if (!c) return;
        const { config, window, first, now, today, input } = c;
        const r = replan(input);
        const published = new Map(window.map((d) => [d, dayKey(first.duties, d, false)]));
        const asDays = new Map(
          window.map((d): [string, Day] => [d, now.map((l) => first.duties.find((x) => x.date === d && x.name === l.name)?.kind)]),
        );
        const frozen = new Set(window.filter((d) => d < today));
        const set = config.rotation!;
        const min = fewestChanges(window, now, { ...set, maxPerWeek: set.maxPerWeek }, published, asDays, frozen);
        if (min === undefined) {
          expect(r.report.status).not.toBe('optimal');
          return;
        }
        expect(r.report.status).toBe('optimal');
        // Recounted from the two timetables: who serves which kind, and where each 下访 goes.
        const changedDays = window.filter((d) => dayKey(first.duties, d, true) !== dayKey(r.duties, d, true));
        expect(changedDays.length).toBe(min);
        expect(r.report.changedDays).toBe(min);
        expect(new Set(r.changes.map((c) => c.date))).toEqual(new Set(changedDays));
        // A day whose people are the same keeps every 下访 at its published site.
        for (const d of window)
          if (dayKey(first.duties, d, false) === dayKey(r.duties, d, false))
            expect(dayKey(r.duties, d, true)).toBe(dayKey(first.duties, d, true));
        // Nobody outside the term, nobody on an absence.
        for (const d of r.duties) {
          const l = now.find((x) => x.name === d.name)!;
          if (d.date >= today) expect(inTerm(l, d.date) && !l.unavailable.includes(d.date)).toBe(true);
        }
        // Another seed breaks ties differently but changes as many days.
        const other = replan({ ...input, config: { ...config, seed: t.seed + 1 } });
        expect(other.report.changedDays).toBe(min);
        // … and the same quota, site demand and activities. The levels below them (consecutive days,
        // balance, the site stage) are optimal piece by piece given the pieces before; a seed that
        // breaks a tie differently in one week can change them in the next (counted, not asserted).
        const top = (o: typeof r.report.objective) => [o.quota, o['site-demand'], o['fewest-activities']];
        expect(top(other.report.objective)).toEqual(top(r.report.objective));
        const below = (o: typeof r.report.objective) =>
          [o['no-consecutive-days'], o['even-spread'], o['site-gap'], o['site-spread'], o['site-portfolio']].join();
        if (below(other.report.objective) !== below(r.report.objective)) seedMoved[t.preset]++;
        compared++;
        tally[t.preset]++;
      }),
      { numRuns: 150, seed: 20251207 },
    );
    console.info(`minimal in ${compared} of ${compared} random re-plans (township ${tally.township}, county ${tally.county})`);
    console.info(`a second seed moved a lower level in township ${seedMoved.township}, county ${seedMoved.county}`);
    expect(tally.township).toBeGreaterThan(30);
    expect(tally.county).toBeGreaterThan(30);
  }, 180_000);
});

// The levels below the change count on one-piece re-plans (a window inside one ISO week, so the
// township's week and the county's month are one piece and nothing is decided piece by piece): by
// dynamic programming over the days, with each leader's 接访 and 下访 so far and who served the day
// before as the state, the lexicographic least [changed days, quota shortfall, activities,
// consecutive pairs, Σ N(N−1)/2 over each leader's total N of each kind] over every timetable that
// keeps the rules and the frozen past; the re-plan's timetable, recounted here, must reach it, with
// any seed.
type Levels = number[];
const lexLess = (a: Levels, b: Levels) => {
  const k = a.findIndex((x, i) => x !== b[i]);
  return k >= 0 && a[k] < b[k];
};

function levelsOptimum(
  window: string[],
  leaders: Leader[],
  set: Ranges,
  quota: Array<{ kinds: Kind[]; min: number; applies: boolean[] }>,
  published: Map<string, string>,
  frozen: Map<string, Day>,
): { best: Levels | undefined; score: (days: Day[]) => Levels } {
  const key = (day: Day) =>
    day
      .flatMap((k, l) => (k ? [`${k}${leaders[l].name}`] : []))
      .sort()
      .join();
  // The levels that depend only on each leader's totals: quota shortfall and balance.
  const ends = (counts: Array<[number, number]>) => {
    const short = quota.reduce(
      (s, q) =>
        s +
        counts.reduce(
          (t, [j, v], l) =>
            t + (q.applies[l] ? Math.max(0, q.min - (q.kinds.includes('接访') ? j : 0) - (q.kinds.includes('下访') ? v : 0)) : 0),
          0,
        ),
      0,
    );
    const balance = counts.reduce((s, [j, v]) => s + (j * (j - 1)) / 2 + (v * (v - 1)) / 2, 0);
    return [short, balance];
  };
  const dayCost = (date: string, day: Day, before: Day | undefined) => [
    frozen.has(date) || key(day) === (published.get(date) ?? '') ? 0 : 1,
    day.filter(Boolean).length,
    before ? day.filter((k, l) => k && before[l]).length : 0,
  ];
  const total = (add: number[], counts: Array<[number, number]>) => {
    const [short, balance] = ends(counts);
    return [add[0], short, add[1], add[2], balance];
  };
  const score = (days: Day[]) => {
    const add = [0, 0, 0];
    const counts: Array<[number, number]> = leaders.map(() => [0, 0]);
    days.forEach((day, i) => {
      dayCost(window[i], day, days[i - 1]).forEach((c, k) => {
        add[k] += c;
      });
      day.forEach((k, l) => {
        if (k) counts[l][k === '接访' ? 0 : 1]++;
      });
    });
    return total(add, counts);
  };
  type State = { counts: Array<[number, number]>; last: Day | undefined; add: number[] };
  let states = new Map<string, State>([['', { counts: leaders.map(() => [0, 0]), last: undefined, add: [0, 0, 0] }]]);
  for (const date of window) {
    const next = new Map<string, State>();
    const opts = dayOptions(date, leaders, set, frozen.get(date));
    for (const st of states.values()) {
      for (const day of opts) {
        const counts = st.counts.map(([j, v], l): [number, number] => [j + (day[l] === '接访' ? 1 : 0), v + (day[l] === '下访' ? 1 : 0)]);
        if (!frozen.has(date) && counts.some(([j, v]) => j + v > set.maxPerWeek)) continue;
        const c = dayCost(date, day, st.last);
        const add = st.add.map((x, k) => x + c[k]);
        const s = `${counts.join(';')}|${day.map((k) => (k ? 1 : 0)).join('')}`;
        const had = next.get(s);
        if (!had || lexLess(add, had.add)) next.set(s, { counts, last: day, add });
      }
    }
    states = next;
  }
  let best: Levels | undefined;
  for (const st of states.values()) {
    const t = total(st.add, st.counts);
    if (!best || lexLess(t, best)) best = t;
  }
  return { best, score };
}

describe('one-piece township and county re-plans are optimal at every level below the change count (dynamic programming)', () => {
  it('changed days, quota, activities, consecutive pairs and balance equal the least over every valid timetable, for two seeds', () => {
    const tally = { township: 0, county: 0, changed: 0 };
    // A window of up to five working days from Monday 03-03 (one ISO week); the county with five or six leaders.
    const small = instance.map((t) => ({
      ...t,
      days: Math.min(t.days, 5),
      sites: 0,
      people: t.people.slice(0, t.preset === 'county' ? 2 : 4),
    }));
    fc.assert(
      fc.property(small, (t) => {
        const c = cycle(t);
        if (!c) return;
        const { config, window, first, now, today, input } = c;
        const asDay = (ds: Duty[], d: string): Day => now.map((l) => ds.find((x) => x.date === d && x.name === l.name)?.kind);
        const published = new Map(window.map((d) => [d, dayKey(first.duties, d, false)]));
        const frozen = new Map(window.filter((d) => d < today).map((d) => [d, asDay(first.duties, d)]));
        const set = config.rotation!;
        const quota = config.rules
          .filter((r) => set.quotaRules.includes(r.id))
          .map((r) => ({ kinds: r.kinds, min: r.min ?? 0, applies: now.map((l) => ruleApplies(r, l)) }));
        const { best, score } = levelsOptimum(window, now, set, quota, published, frozen);
        for (const seed of [t.seed, t.seed + 1]) {
          const r = replan({ ...input, config: { ...config, seed } });
          if (!best) {
            expect(r.report.status).not.toBe('optimal');
            return;
          }
          expect(score(window.map((d) => asDay(r.duties, d)))).toEqual(best);
        }
        tally[t.preset]++;
        if (best && best[0] > 0) tally.changed++;
      }),
      { numRuns: 120, seed: 20261207 },
    );
    console.info(
      `every level optimal in ${tally.township + tally.county} of ${tally.township + tally.county} one-piece re-plans (township ${tally.township}, county ${tally.county}; ${tally.changed} with changed days), two seeds each`,
    );
    expect(tally.township).toBeGreaterThan(20);
    expect(tally.county).toBeGreaterThan(20);
    expect(tally.changed).toBeGreaterThan(10);
  }, 180_000);
});
