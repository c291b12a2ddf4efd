// rota swap's core on the seed round: each rule a swap or substitute can break is named with its
// sentence, people and days; valid changes are applied; the alternatives offered are valid and
// ordered best first.
import { describe, expect, it } from 'vitest';
import { changeLine } from '../src/core/replan/diff.js';
import { proposeSwap, type SwapRequest } from '../src/core/replan/swap.js';
import type { Duty } from '../src/core/types.js';
import { loadHistory } from '../src/io/history.js';
import { seed } from './helpers/seed.js';

const s = seed();
const history = loadHistory(s.config.history, s.leaders, s.config.institutions).records;
const base = {
  config: s.config,
  days: s.calendar.days(s.config.from, s.config.to),
  leaders: s.leaders,
  history,
  calendar: s.calendar,
};
const propose = (request: SwapRequest, timetable: Duty[] = s.duties) => proposeSwap({ ...base, timetable, request });
const sub = (date: string, name: string): SwapRequest => ({ kind: 'substitute', a: { date }, name });
// The seed table: 12-11 王建国 (区委) … 12-19 艾力·买买提 (区委), 12-20 赵德胜 (区人大).

describe('swap and substitute', () => {
  it('a swap within one institution that keeps every rule is applied', () => {
    const r = propose({ kind: 'swap', a: { date: '2024-12-11' }, b: { date: '2024-12-19' } });
    expect(r.status).toBe('ok');
    expect(r.changes.map(changeLine)).toEqual([
      '2024-12-11：原 王建国（区委副书记） → 现 艾力·买买提（区委常委、政法委书记）',
      '2024-12-19：原 艾力·买买提（区委常委、政法委书记） → 现 王建国（区委副书记）',
    ]);
    expect(r.timetable.find((d) => d.date === '2024-12-19')).toMatchObject({ name: '王建国', title: '区委副书记', weekday: '星期四' });
  });

  it('the leader already on the day, and two days of the same leader swapped: the same no-op (ok, nothing changes)', () => {
    const same = propose(sub('2024-12-11', '王建国'));
    expect([same.status, same.changes, same.timetable]).toEqual(['ok', [], s.duties]);
    // 王建国 on both of 区委's days (hand-edited): swapping them changes nothing either.
    const twice = s.duties.map((d) => (d.date === '2024-12-19' ? { ...s.duties[0], date: '2024-12-19', weekday: '星期四' } : d));
    const r = propose({ kind: 'swap', a: { date: '2024-12-11' }, b: { date: '2024-12-19' } }, twice);
    expect([r.status, r.changes]).toEqual(['ok', []]);
  });

  it("order: swapping two institutions' days names both days and people", () => {
    const r = propose({ kind: 'swap', a: { date: '2024-12-19' }, b: { date: '2024-12-20' } });
    expect(r.status).toBe('broken');
    expect(r.violations.map((v) => [v.rule, v.dates, v.names])).toEqual([
      ['order', ['2024-12-19'], ['赵德胜']],
      ['order', ['2024-12-20'], ['艾力·买买提']],
    ]);
    expect(r.violations[0].sentence).toContain('区委 → 区人大');
    expect(r.timetable).toBe(s.duties); // nothing applied
  });

  it('availability: a substitute away that day', () => {
    const r = propose(sub('2024-12-19', '张志强'));
    expect(r.violations.map((v) => v.rule)).toEqual(['availability']);
    expect(r.violations[0].message).toContain('张志强 2024-12-19 不可接访');
  });

  it('eligibility: a 正科级 substitute', () => {
    const r = propose(sub('2024-12-19', '李明'));
    expect(r.violations.map((v) => v.rule)).toEqual(['eligibility']);
    expect(r.violations[0].message).toContain('李明 是正科级');
  });

  it('per-round maximum: a substitute who already serves another day', () => {
    const r = propose(sub('2024-12-19', '王建国'));
    expect(r.violations.map((v) => [v.rule, v.dates])).toEqual([['max-per-leader', ['2024-12-11', '2024-12-19']]]);
  });

  it('pins: a 锁定 duty cannot be swapped away', () => {
    const locked = s.duties.map((d) => (d.date === '2024-12-19' ? { ...d, pinned: true } : d));
    const r = propose(sub('2024-12-19', '刘芳'), locked);
    expect(r.violations.map((v) => v.rule)).toEqual(['pins']);
    expect(r.violations[0].message).toContain('锁定的 2024-12-19 艾力·买买提 未保留');
  });

  it('quotas: a substitution that leaves a leader short this quarter is applied with a warning', () => {
    // 王建国 has no duty this quarter but 12-11; 张志强 may serve 12-11.
    const r = propose(sub('2024-12-11', '张志强'));
    expect(r.status).toBe('ok');
    expect(r.quotaWarnings).toContainEqual(
      expect.objectContaining({ name: '王建国', rule: 'district-quarterly', period: '2024-Q4', count: 0 }),
    );
  });

  it('a request naming no such day or leader is invalid (not a broken rule)', () => {
    expect(propose(sub('2024-12-14', '刘芳'))).toMatchObject({ status: 'invalid', message: expect.stringContaining('没有这一天的安排') });
    expect(propose(sub('2024-12-19', '查无此人'))).toMatchObject({ status: 'invalid', message: expect.stringContaining('不在领导名单中') });
  });

  it('alternatives for the day: each valid (checked by hand here), substitutes before swaps, ordered by the objective', () => {
    const r = propose(sub('2024-12-19', '张志强'));
    expect(r.alternatives.length).toBeGreaterThan(0);
    for (const alt of r.alternatives) {
      const t = s.duties.map((d) => {
        const c = alt.changes.find((x) => x.date === d.date);
        return c ? { ...d, name: c.after[0].name, institution: c.after[0].institution } : d;
      });
      const names = t.map((d) => d.name);
      expect(new Set(names).size).toBe(names.length); // nobody twice (max 1)
      for (const d of t) {
        const l = s.leaders.find((x) => x.name === d.name)!;
        expect(l.institution).toBe(s.duties.find((x) => x.date === d.date)!.institution); // order kept
        expect(['正处级', '副处级']).toContain(l.rank);
        expect(l.unavailable).not.toContain(d.date);
      }
    }
    // By hand: 区委's free eligible leaders on 12-19 are 刘芳 only (张志强 away, 王建国 serves 12-11, 李明 正科级),
    // and the one swap is 12-11 ↔ 12-19 (王建国 free on 12-19, 艾力 free on 12-11).
    expect(r.alternatives.map((a) => (a.kind === 'swap' ? `swap ${a.withDate}` : `sub ${a.leader.name}`))).toEqual([
      'sub 刘芳',
      'swap 2024-12-11',
    ]);
    const keys = r.alternatives.map((a) => [a.changes.length, ...Object.values(a.objective)]);
    const sorted = [...keys].sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3] || x[4] - y[4]);
    expect(keys).toEqual(sorted);
  });
});
