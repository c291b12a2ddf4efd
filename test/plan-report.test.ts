// The plan's report, split: what this timetable achieves (the plan's own quota rules, each short
// leader with a reason) and what remains for other plans (one summary per rule), never two reasons
// that contradict each other, and no rule for ranks this kind of plan never schedules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../src/core/config.js';
import { plan } from '../src/core/engine/index.js';
import type { Leader } from '../src/core/types.js';
import { loadHistory } from '../src/io/history.js';
import { planFixture } from './helpers/rotation.js';
import { seed } from './helpers/seed.js';
import { leader, weekdays } from './support/plan-facts.js';

const s = seed();
const history = loadHistory(s.config.history, s.leaders, s.config.institutions).records;
const district = plan({
  config: s.config,
  days: s.calendar.days(s.config.from, s.config.to),
  leaders: s.leaders,
  history,
  calendar: s.calendar,
});

describe('the district round’s report', () => {
  const { report } = district;
  it('serves only its quarterly rule; the county’s monthly rule is left for other plans, with the names', () => {
    expect(report.served.map((r) => r.rule)).toEqual(['district-quarterly']);
    expect(report.stillShort.every((x) => x.rule === 'district-quarterly' && x.reason)).toBe(true);
    expect(report.otherPlans.map((o) => o.rule)).toEqual(['county-monthly']);
    const monthly = report.otherPlans[0];
    expect(monthly.periods).toEqual(['2024-12']);
    expect(monthly.names).toContain('艾力·买买提');
  });
  it('a rule for ranks the round never schedules (township-weekly, 科级) is not listed at all', () => {
    const ranks = new Map(s.leaders.map((l: Leader) => [l.name, l.rank]));
    expect(report.otherPlans.some((o) => o.rule === 'township-weekly')).toBe(false);
    for (const o of report.otherPlans) for (const n of o.names) expect(['正处级', '副处级']).toContain(ranks.get(n));
  });
  it('nobody left out because the quota is met is also listed as short of this plan’s quota', () => {
    const met = report.leftOut.filter((l) => l.rule === 'quota-met').map((l) => l.name);
    expect(met).toContain('艾力·买买提');
    for (const x of report.stillShort) expect(met).not.toContain(x.name);
  });
});

describe('township and county reports', () => {
  it('a township plan serves township-weekly and leaves nothing for other plans', () => {
    const r = planFixture('fixtures/township/rota.json', { from: '2025-01-20', to: '2025-02-09' });
    expect(r.report.served.map((x) => x.rule)).toEqual(['township-weekly']);
    expect(r.report.served[0].short).toBe(r.report.stillShort.length);
    expect(r.report.otherPlans).toEqual([]);
  });
  it('a county plan serves its monthly and quarterly rules', () => {
    const r = planFixture('fixtures/county/rota.json');
    expect(r.report.served.map((x) => x.rule)).toEqual(['county-monthly', 'district-quarterly']);
    expect(r.report.otherPlans).toEqual([]);
  });
});

describe('left-out reasons never contradict the still-short list', () => {
  it('nobody left out because the quota is met is short of it, on random township windows and records', () => {
    // Windows that start mid-week or on a Saturday, records earlier in the same week or the week before.
    const DAYS = ['2025-03-01', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-12', '2025-03-14'];
    const RECORDS = ['2025-02-25', '2025-02-27', '2025-03-03', '2025-03-04', '2025-03-04', '2025-03-03'];
    let met = 0;
    fc.assert(
      fc.property(
        fc.record({
          from: fc.integer({ min: 0, max: 2 }),
          to: fc.integer({ min: 3, max: 5 }),
          people: fc.integer({ min: 4, max: 9 }),
          records: fc.array(fc.record({ who: fc.integer({ min: 0, max: 8 }), day: fc.integer({ min: 0, max: 5 }) }), { maxLength: 12 }),
        }),
        (x) => {
          const base = presetConfig('township');
          const config = {
            ...base,
            from: DAYS[x.from],
            to: DAYS[x.to],
            rotation: { ...base.rotation!, reception: { min: 1, max: 1 }, visits: { min: 0, max: 0 }, maxPerWeek: 1 },
          };
          const leaders = Array.from({ length: x.people }, (_, i) => leader(`L${i}`, '乡政府', { rank: '副科级' }));
          // Records outside the window count; those inside are replaced by the plan.
          const history = x.records
            .filter((r) => r.who < x.people)
            .map((r) => ({
              date: RECORDS[r.day],
              kind: '接访' as const,
              name: `L${r.who}`,
              institution: '乡政府',
            }));
          const { report } = plan({ config, days: weekdays(config.from, config.to), leaders, history });
          const done = new Set(report.leftOut.filter((l) => l.rule === 'quota-met').map((l) => l.name));
          met += done.size;
          for (const s of report.stillShort) expect(done.has(s.name)).toBe(false);
        },
      ),
      { numRuns: 60, seed: 20250301 },
    );
    expect(met).toBeGreaterThan(10); // the property met leaders left out because of their records
  });
});
