// One test per hard rule and per preference of the planner, each on tiny facts.
import { describe, expect, it } from 'vitest';
import { buildContext, checkTimetable, HARD_RULES, plan } from '../src/core/engine/index.js';
import type { Duty } from '../src/core/types.js';
import { input, leader } from './support/plan-facts.js';

const names = (ds: Duty[]) => ds.map((d) => `${d.date.slice(5)} ${d.name}`);
const rule = (id: string) => HARD_RULES.find((c) => c.id === id)!;
// 2025-01-06 is a Monday: 06..10 working, 11-12 weekend, 13.. working.

describe('hard rules: the planner keeps them, and each check names people and days', () => {
  it('working-day: only working days get duties; a duty on a Saturday is named', () => {
    const r = plan(
      input(['甲'], [leader('张一', '甲'), leader('张二', '甲'), leader('张三', '甲')], '2025-01-10', '2025-01-13', { maxPerLeader: 1 }),
    );
    expect(r.duties.map((d) => d.date)).toEqual(['2025-01-10', '2025-01-13']);
    const ctx = buildContext(input(['甲'], [leader('张一', '甲')], '2025-01-10', '2025-01-13'));
    const v = rule('working-day').check([{ ...r.duties[0], date: '2025-01-11', weekday: '星期六' }], ctx);
    expect(v).toHaveLength(1);
    expect(v[0].message).toContain('周六');
    expect(v[0].dates).toEqual(['2025-01-11']);
  });

  it('order: in cycle mode day n belongs to order[n mod k], so 甲 乙 甲 乙', () => {
    const ls = [leader('甲一', '甲'), leader('甲二', '甲'), leader('乙一', '乙'), leader('乙二', '乙')];
    const r = plan(input(['甲', '乙'], ls, '2025-01-06', '2025-01-09'));
    expect(r.duties.map((d) => d.institution)).toEqual(['甲', '乙', '甲', '乙']);
    const ctx = buildContext(input(['甲', '乙'], ls, '2025-01-06', '2025-01-09'));
    const v = rule('order').check([{ ...r.duties[0], institution: '乙', name: '乙一' }], ctx);
    expect(v.map((x) => x.names)).toEqual([['乙一']]);
  });

  it('order: start continues the order where the last round stopped', () => {
    const ls = [leader('甲一', '甲'), leader('乙一', '乙'), leader('丙一', '丙')];
    const r = plan(input(['甲', '乙', '丙'], ls, '2025-01-06', '2025-01-08', { order: { mode: 'cycle', start: 2 } }));
    expect(r.duties.map((d) => d.institution)).toEqual(['丙', '甲', '乙']);
  });

  it('eligibility: a 正科级 leader is never scheduled, even when it leaves a day empty', () => {
    const ls = [leader('李明', '甲', { rank: '正科级' }), leader('王一', '甲')];
    const r = plan(input(['甲'], ls, '2025-01-06', '2025-01-07', { maxPerLeader: 2 }));
    expect(names(r.duties)).toEqual(['01-06 王一', '01-07 王一']);
    expect(r.report.leftOut.find((l) => l.name === '李明')!.reason).toContain('正科级');
    const ctx = buildContext(input(['甲'], ls, '2025-01-06', '2025-01-07'));
    expect(rule('eligibility').check([{ ...r.duties[0], name: '李明' }], ctx)[0].names).toEqual(['李明']);
  });

  it('availability: never on an unavailable date', () => {
    const ls = [leader('甲一', '甲', { unavailable: ['2025-01-06'] }), leader('甲二', '甲', { unavailable: ['2025-01-07'] })];
    const r = plan(input(['甲'], ls, '2025-01-06', '2025-01-07'));
    expect(names(r.duties)).toEqual(['01-06 甲二', '01-07 甲一']);
    const ctx = buildContext(input(['甲'], ls, '2025-01-06', '2025-01-07'));
    const v = rule('availability').check([{ ...r.duties[0], name: '甲一' }], ctx);
    expect(v[0].message).toContain('2025-01-06');
  });

  it('per-day: exactly perDay leaders each working day; a short day is named', () => {
    const ls = ['一', '二', '三', '四'].map((n) => leader(`甲${n}`, '甲'));
    const r = plan(input(['甲'], ls, '2025-01-06', '2025-01-07', { perDay: 2 }));
    expect(r.duties.filter((d) => d.date === '2025-01-06')).toHaveLength(2);
    expect(r.duties.filter((d) => d.date === '2025-01-07')).toHaveLength(2);
    const ctx = buildContext(input(['甲'], ls, '2025-01-06', '2025-01-07', { perDay: 2 }));
    const v = rule('reception-per-day').check(r.duties.slice(1), ctx);
    expect(v.map((x) => x.dates)).toEqual([['2025-01-06']]);
  });

  it('max-per-leader: nobody serves more than maxPerLeader times', () => {
    const ls = [leader('甲一', '甲'), leader('甲二', '甲')];
    const r = plan(input(['甲'], ls, '2025-01-06', '2025-01-09', { maxPerLeader: 2 }));
    const count = (n: string) => r.duties.filter((d) => d.name === n).length;
    expect([count('甲一'), count('甲二')]).toEqual([2, 2]);
    const ctx = buildContext(input(['甲'], ls, '2025-01-06', '2025-01-09', { maxPerLeader: 1 }));
    expect(
      rule('max-per-leader')
        .check(r.duties, ctx)
        .map((v) => v.names[0])
        .sort(),
    ).toEqual(['甲一', '甲二']);
  });

  it('pins: a pinned duty is kept even against the preferences', () => {
    const ls = [leader('甲一', '甲'), leader('甲二', '甲')];
    const history = [{ date: '2025-01-02', kind: '接访' as const, name: '甲一', institution: '甲' }];
    const free = plan(input(['甲'], ls, '2025-01-06', '2025-01-06', {}, { history }));
    expect(names(free.duties)).toEqual(['01-06 甲二']); // 甲一 already served this quarter
    const pinned = plan(input(['甲'], ls, '2025-01-06', '2025-01-06', {}, { history, pins: [{ date: '2025-01-06', name: '甲一' }] }));
    expect(names(pinned.duties)).toEqual(['01-06 甲一']);
    const ctx = buildContext(input(['甲'], ls, '2025-01-06', '2025-01-06', {}, { pins: [{ date: '2025-01-06', name: '甲一' }] }));
    expect(rule('pins').check(free.duties, ctx)[0].names).toEqual(['甲一']);
  });

  it('checkTimetable finds nothing wrong in a plan the planner made', () => {
    const ls = ['一', '二', '三'].map((n) => leader(`甲${n}`, '甲')).concat(['一', '二'].map((n) => leader(`乙${n}`, '乙')));
    const i = input(['甲', '乙'], ls, '2025-01-06', '2025-01-17', { maxPerLeader: 3 });
    expect(checkTimetable(plan(i).duties, buildContext(i))).toEqual([]);
  });
});

describe('preferences, in priority order', () => {
  it('quota first: a leader without a duty this quarter beats one who already served', () => {
    const ls = [leader('甲一', '甲'), leader('甲二', '甲')];
    for (const served of ['甲一', '甲二']) {
      const history = [{ date: '2025-02-03', kind: '接访' as const, name: served, institution: '甲' }];
      const r = plan(input(['甲'], ls, '2025-01-06', '2025-01-06', {}, { history }));
      expect(r.duties[0].name).not.toBe(served);
    }
  });

  it('quota first is a preference: when only a leader who served is available, that leader serves', () => {
    const ls = [leader('甲一', '甲'), leader('甲二', '甲', { unavailable: ['2025-01-06'] })];
    const history = [{ date: '2025-01-02', kind: '接访' as const, name: '甲一', institution: '甲' }];
    const r = plan(input(['甲'], ls, '2025-01-06', '2025-01-06', {}, { history }));
    expect(r.report.status).toBe('optimal');
    expect(names(r.duties)).toEqual(['01-06 甲一']);
    expect(r.report.stillShort.map((s) => s.name)).toEqual(['甲二']);
  });

  it('quota counts only the kinds its rule counts, and only in the same quarter', () => {
    const ls = [leader('甲一', '甲'), leader('甲二', '甲')];
    // 甲一's 下访 and 甲二's 接访 last quarter do not count for this quarter's 接访 quota: both still need it.
    const history = [
      { date: '2025-01-03', kind: '下访' as const, name: '甲一', institution: '甲' },
      { date: '2024-12-30', kind: '接访' as const, name: '甲二', institution: '甲' },
    ];
    const r = plan(input(['甲'], ls, '2025-01-06', '2025-01-07', {}, { history }));
    expect(r.report.objective.quota).toBe(0);
    expect(r.duties.map((d) => d.name).sort()).toEqual(['甲一', '甲二']);
  });

  it('spread: no leader on consecutive working days when the round allows it', () => {
    const ls = [leader('甲一', '甲'), leader('甲二', '甲')];
    const r = plan(input(['甲'], ls, '2025-01-06', '2025-01-09', { maxPerLeader: 2 }));
    expect(r.report.objective['no-consecutive-days']).toBe(0);
    const seq = r.duties.map((d) => d.name);
    for (let i = 0; i + 1 < seq.length; i++) expect(seq[i]).not.toBe(seq[i + 1]);
  });

  it('spread: Friday and Monday are consecutive working days; a forced pair is reported', () => {
    const ls = [leader('甲一', '甲'), leader('甲二', '甲', { unavailable: ['2025-01-13'] })];
    const r = plan(
      input(
        ['甲'],
        ls,
        '2025-01-10',
        '2025-01-13',
        { maxPerLeader: 2 },
        { history: [{ date: '2025-01-02', kind: '接访', name: '甲二', institution: '甲' }] },
      ),
    );
    // 甲一 must take Monday 01-13; Friday then goes to 甲二 (consecutive beats nothing here: both free on Friday).
    expect(names(r.duties)).toEqual(['01-10 甲二', '01-13 甲一']);
    const forced = plan(input(['甲'], [leader('甲一', '甲')], '2025-01-10', '2025-01-13', { maxPerLeader: 2 }));
    expect(forced.report.softUnmet.map((u) => u.preference)).toEqual(['no-consecutive-days']);
    expect(forced.report.softUnmet[0].dates).toEqual(['2025-01-10', '2025-01-13']);
  });

  it('spread: duties even within an institution (2 + 2, not 3 + 1)', () => {
    const ls = [leader('甲一', '甲'), leader('甲二', '甲')];
    const r = plan(
      input(['甲', '乙'], [...ls, leader('乙一', '乙'), leader('乙二', '乙')], '2025-01-06', '2025-01-15', { maxPerLeader: 3 }),
    ); // 8 working days: 4 for 甲, 4 for 乙
    const count = (n: string) => r.duties.filter((d) => d.name === n).length;
    expect([count('甲一'), count('甲二')]).toEqual([2, 2]);
    expect(r.report.objective['even-spread']).toBe(4); // four leaders with 2 duties: 4 × 1
  });

  it('tie-break: the seed decides among equally good plans, and the same seed gives the same plan', () => {
    const ls = ['一', '二', '三', '四', '五', '六'].map((n) => leader(`甲${n}`, '甲'));
    const run = (seed: number) =>
      plan(input(['甲'], ls, '2025-01-06', '2025-01-10', { seed }))
        .duties.map((d) => d.name)
        .join();
    expect(run(7)).toBe(run(7));
    const seen = new Set([0, 1, 2, 3, 4, 5, 6, 7].map(run));
    expect(seen.size).toBeGreaterThan(1);
  });
});
