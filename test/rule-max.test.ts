// A rule's max is a hard rule of the plan: plan and check of its own timetable never disagree. The
// issue's case (书记、县长每月接访一次, min 1 max 1) and random rule sets with min and max (fast-check),
// judged by the checker (judge) as `rota check` judges them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../src/core/calendar.js';
import { judge } from '../src/core/check/tally.js';
import { presetConfig } from '../src/core/config.js';
import { addDays } from '../src/core/dates.js';
import { plan } from '../src/core/engine/plan.js';
import type { Kind, Leader, Period, Rule } from '../src/core/types.js';

const cal = makeCalendar({ region: 'xinjiang' });
const NAMES = ['甲', '乙', '丙', '丁', '戊', '己'];
const leadersOf = (n: number, away: Array<[number, number]>, start: string): Leader[] =>
  NAMES.slice(0, n).map((name, i) => ({
    name,
    institution: ['乡党委', '乡人大', '乡政府'][i % 3],
    title: '',
    rank: i === 0 ? '正科级' : '副科级',
    portfolio: '',
    unavailable: [...new Set(away.filter(([l]) => l === i).map(([, d]) => addDays(start, d)))].sort(),
    liaison: '',
    phone: '',
  }));

function planAndCheck(rules: Rule[], n: number, from: string, to: string, away: Array<[number, number]> = [], bestEffort = false) {
  const base = presetConfig('township');
  const config = { ...base, from, to, rules, rotation: { ...base.rotation!, quotaRules: rules.map((r) => r.id) } };
  const leaders = leadersOf(n, away, from);
  const r = plan({ config, days: cal.days(from, to), leaders, calendar: cal, bestEffort });
  const j = judge({ leaders, duties: r.duties, rules, calendar: cal, from, to, lenient: true });
  return { r, j };
}

describe('a rule with min 1 and max 1', () => {
  it('甲 and 乙 receive exactly once a month, though the other rules would give them more', () => {
    const rules: Rule[] = [
      { id: 'weekly', description: '每周至少一次', who: {}, kinds: ['接访', '下访'], period: 'week', min: 1 },
      { id: 'top', description: '甲、乙每月接访一次', who: { names: ['甲', '乙'] }, kinds: ['接访'], period: 'month', min: 1, max: 1 },
    ];
    const { r, j } = planAndCheck(rules, 6, '2025-06-01', '2025-06-30');
    expect(r.report.status).toBe('optimal');
    for (const name of ['甲', '乙']) expect(r.duties.filter((d) => d.name === name && d.kind === '接访')).toHaveLength(1);
    expect(j.results.filter((x) => x.status === 'over')).toEqual([]);
    expect(r.report.stillShort.filter((s) => s.rule === 'top')).toEqual([]);
  });
});

const KINDS: Kind[][] = [['接访'], ['下访'], ['接访', '下访']];
const rule = fc.record({
  who: fc.oneof(
    fc.constant({}),
    fc.subarray(NAMES.slice(0, 4), { minLength: 1 }).map((names) => ({ names })),
  ),
  kinds: fc.constantFrom(...KINDS),
  period: fc.constantFrom<Period>('week', 'month'),
  min: fc.integer({ min: 0, max: 2 }),
  extra: fc.integer({ min: 0, max: 2 }),
});

describe('random rule sets with min and max', () => {
  it("plan's report and check of its own timetable agree: no period over its max, every short one reported", () => {
    fc.assert(
      fc.property(
        fc.array(rule, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 2, max: 5 }),
        fc.constantFrom('2025-01-20', '2025-03-24', '2025-06-02', '2025-09-29'),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 30 })), { maxLength: 6 }),
        fc.boolean(),
        (xs, n, from, weeks, away, bestEffort) => {
          const rules: Rule[] = xs.map((x, i) => ({
            id: `r${i}`,
            description: `规则${i}`,
            who: x.who,
            kinds: x.kinds,
            period: x.period,
            min: x.min,
            max: x.min + x.extra,
          }));
          const to = addDays(from, weeks * 7 - 1);
          const { r, j } = planAndCheck(rules, n, from, to, away, bestEffort);
          if (r.report.status === 'infeasible') {
            expect(r.duties).toEqual([]);
            return;
          }
          const over = j.results.filter((x) => x.status === 'over');
          if (r.report.status === 'optimal') expect(over).toEqual([]);
          else if (over.length) expect(r.report.breaks.some((b) => b.rule === 'rule-max')).toBe(true);
          const reported = new Set(r.report.stillShort.map((s) => `${s.name}|${s.rule}|${s.period}`));
          for (const x of j.results) if (x.status === 'short') expect(reported.has(`${x.name}|${x.rule}|${x.period}`)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
