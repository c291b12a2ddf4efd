// The plan's report, split: what this timetable achieves (the plan's own quota rules, each short
// leader with a reason) and what remains for other plans (one summary per rule), never two reasons
// that contradict each other, and no rule for ranks this kind of plan never schedules.
import { describe, expect, it } from 'vitest';
import { plan } from '../src/core/engine/index.js';
import type { Leader } from '../src/core/types.js';
import { loadHistory } from '../src/io/history.js';
import { planFixture } from './helpers/rotation.js';
import { seed } from './helpers/seed.js';

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
