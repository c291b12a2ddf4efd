// Random small rotations (fast-check): an independent recount of every hard rule, and the checker
// (judge) finding no short quota the plan did not report; decomposed vs whole-horizon quality.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../src/core/calendar.js';
import { judge } from '../src/core/check/tally.js';
import { type Config, presetConfig } from '../src/core/config.js';
import { addDays, isoWeekKey } from '../src/core/dates.js';
import { plan } from '../src/core/engine/plan.js';
import type { PlanConfig } from '../src/core/engine/types.js';
import type { Site } from '../src/core/sites.js';
import type { Leader } from '../src/core/types.js';

type RotationConfig = PlanConfig & Required<Pick<Config, 'rules' | 'rotation'>>;

const cal = makeCalendar({ region: 'xinjiang' });
const NAMES = ['甲', '乙', '丙', '丁', '戊', '己'];

const instance = fc.record({
  n: fc.integer({ min: 2, max: 6 }),
  start: fc.constantFrom('2025-01-20', '2025-03-24', '2025-04-28', '2025-09-29', '2025-06-02'),
  weeks: fc.integer({ min: 1, max: 3 }),
  rmin: fc.integer({ min: 0, max: 1 }),
  rextra: fc.integer({ min: 0, max: 1 }),
  vmin: fc.integer({ min: 0, max: 1 }),
  vextra: fc.integer({ min: 0, max: 2 }),
  K: fc.integer({ min: 1, max: 3 }),
  away: fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 20 })), { maxLength: 8 }),
  sites: fc.integer({ min: 0, max: 3 }),
  decompose: fc.constantFrom('week', 'month', 'whole') as fc.Arbitrary<'week' | 'month' | 'whole'>,
  bestEffort: fc.boolean(),
});

type Instance = typeof instance extends fc.Arbitrary<infer T> ? T : never;

function build(x: Instance) {
  const to = addDays(x.start, x.weeks * 7 - 1);
  const leaders: Leader[] = NAMES.slice(0, x.n).map((name, i) => ({
    name,
    institution: ['乡党委', '乡人大', '乡政府'][i % 3],
    title: '',
    rank: i === 0 ? '正科级' : '副科级',
    portfolio: i % 2 ? '农业' : '民政',
    unavailable: [...new Set(x.away.filter(([l]) => l === i).map(([, d]) => addDays(x.start, d)))].sort(),
    liaison: '',
    phone: '',
  }));
  const sites: Site[] = Array.from({ length: x.sites }, (_, s) => ({
    name: `村${s}`,
    type: '村',
    address: `地址${s}`,
    monthlyMin: s % 2,
    related: s ? ['农业'] : [],
    line: s + 2,
  }));
  const base = presetConfig('township');
  const config: RotationConfig = {
    ...base,
    from: x.start,
    to,
    rotation: {
      ...base.rotation!,
      reception: { min: x.rmin, max: x.rmin + x.rextra },
      visits: { min: x.vmin, max: x.vmin + x.vextra },
      maxPerWeek: x.K,
      decompose: x.decompose,
    },
  };
  if (config.rotation.reception.max + config.rotation.visits.max === 0) config.rotation.visits.max = 1;
  return { config, leaders, sites, to };
}

describe('random small rotations', () => {
  it('every hard rule holds on a recount (unless the plan says it broke one), and the checker finds nothing unreported', () => {
    fc.assert(
      fc.property(instance, (x) => {
        const { config, leaders, sites, to } = build(x);
        const r = plan({ config, days: cal.days(x.start, to), leaders, sites, calendar: cal, bestEffort: x.bestEffort });
        const { reception, visits, maxPerWeek } = config.rotation;
        if (r.report.status === 'infeasible') {
          expect(r.duties).toEqual([]);
          expect(r.report.causes.length).toBeGreaterThan(0);
          return;
        }
        // Independent recount of the hard rules.
        const broken: string[] = [];
        for (const day of cal.workingDays(x.start, to)) {
          const j = r.duties.filter((d) => d.date === day && d.kind === '接访').length;
          const v = r.duties.filter((d) => d.date === day && d.kind === '下访').length;
          if (j < reception.min || v < visits.min) broken.push(day);
          expect(j).toBeLessThanOrEqual(reception.max);
          expect(v).toBeLessThanOrEqual(visits.max);
        }
        const seen = new Set<string>();
        const week = new Map<string, number>();
        for (const d of r.duties) {
          expect(cal.isWorkingDay(d.date)).toBe(true);
          const l = leaders.find((y) => y.name === d.name)!;
          expect(l.unavailable).not.toContain(d.date);
          expect(seen.has(`${d.name}${d.date}`)).toBe(false);
          seen.add(`${d.name}${d.date}`);
          const k = `${d.name}${isoWeekKey(d.date)}`;
          week.set(k, (week.get(k) ?? 0) + 1);
          if (d.kind === '下访' && sites.length) expect(sites.some((s) => d.place === `${s.name}（${s.address}）`)).toBe(true);
        }
        // Best effort may put a leader over the weekly maximum: one break per leader and week, reported with its cause.
        const over = [...week.values()].filter((n) => n > maxPerWeek).length;
        expect(broken.length + over > 0).toBe(r.report.status === 'best-effort');
        expect(r.report.breaks.filter((b) => b.rule === 'max-per-week')).toHaveLength(over);
        if (over) expect(r.report.causes.some((c) => c.message.includes('超过每周最多次数'))).toBe(true);
        // The checker over the window: every short (leader, rule, period) was reported by the plan.
        const j = judge({ leaders, duties: r.duties, rules: config.rules, calendar: cal, from: x.start, to, lenient: true });
        const reported = new Set(r.report.stillShort.map((s) => `${s.name}|${s.period}`));
        for (const res of j.results) if (res.status === 'short') expect(reported.has(`${res.name}|${res.period}`)).toBe(true);
        for (const s of r.report.stillShort) expect(s.reason).toBeTruthy();
      }),
      { numRuns: 120 },
    );
  });

  it('decomposed week by week, the quota shortfall and the number of activities equal the whole-horizon optimum', () => {
    fc.assert(
      fc.property(instance, (x) => {
        const { config, leaders, sites, to } = build({ ...x, bestEffort: true });
        const run = (decompose: 'week' | 'whole') => {
          const { report } = plan({
            config: { ...config, rotation: { ...config.rotation, decompose } },
            days: cal.days(x.start, to),
            leaders,
            sites,
            calendar: cal,
            bestEffort: true,
          });
          return { unstaffed: report.unstaffed, quota: report.objective.quota, activities: report.objective['fewest-activities'] };
        };
        const week = run('week'),
          whole = run('whole');
        // Weekly quotas and weekly limits make the ISO weeks independent at these levels.
        expect(week).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });
});
