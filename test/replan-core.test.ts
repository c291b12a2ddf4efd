// Re-planning on tiny facts: what must move moves, nothing else; the past is frozen (and its
// breaks reported); pins hold; a pin that breaks a rule is an error naming the pin and the rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../src/core/config.js';
import { buildContext, HARD_RULES, plan } from '../src/core/engine/index.js';
import { changeLine, diffTimetables } from '../src/core/replan/diff.js';
import { replan } from '../src/core/replan/replan.js';
import type { Duty, Leader } from '../src/core/types.js';
import { input, leader, weekdays } from './support/plan-facts.js';

const names = (ds: Duty[]) => ds.map((d) => `${d.date.slice(5)} ${d.name}`);
const away = (ls: Leader[], name: string, ...dates: string[]) =>
  ls.map((l) => (l.name === name ? { ...l, unavailable: [...l.unavailable, ...dates].sort() } : l));
// 2025-01-06 Mon … 01-10 Fri; 甲 and 乙 alternate in cycle order: 06 甲, 07 乙, 08 甲, 09 乙, 10 甲.
const LS = [
  leader('甲一', '甲'),
  leader('甲二', '甲'),
  leader('甲三', '甲'),
  leader('甲四', '甲'),
  leader('乙一', '乙'),
  leader('乙二', '乙'),
  leader('乙三', '乙'),
];
const base = input(['甲', '乙'], LS, '2025-01-06', '2025-01-10');
const first = plan(base);

describe('replan', () => {
  it('frozen-past (picked by id): a timetable whose past differs from the publication is named day by day; the future is free', () => {
    const ctx = buildContext({ ...base, published: { duties: first.duties, today: '2025-01-08' } });
    const rule = HARD_RULES.find((r) => r.id === 'frozen-past')!;
    expect(rule.check(first.duties, ctx)).toEqual([]);
    const other = LS.find((l) => l.institution === first.duties[0].institution && l.name !== first.duties[0].name)!;
    const edited = first.duties.map((d, i) => (i === 0 || i === 3 ? { ...d, name: other.name } : d));
    expect(rule.check(edited, ctx).map((v) => [v.dates, v.names])).toEqual([[['2025-01-06'], [first.duties[0].name, other.name]]]);
    // The planner never puts anyone on a frozen day: no (leader, day) before today is allowed.
    expect(ctx.candidates.slice(0, 2).every((c) => c.length === 0)).toBe(true);
  });

  it('the published plan is kept whole when nothing changed', () => {
    const r = replan({ ...base, previous: first.duties, today: '2025-01-06' });
    expect(r.report.status).toBe('optimal');
    expect(r.changes).toEqual([]);
    expect(names(r.duties)).toEqual(names(first.duties));
  });

  it('one leader away on his day: exactly that day moves, to a leader who is free and has no duty', () => {
    const victim = first.duties[2]; // 01-08, 甲
    const r = replan({ ...base, leaders: away(LS, victim.name, victim.date), previous: first.duties, today: '2025-01-06' });
    expect(r.changes.map((c) => c.date)).toEqual([victim.date]);
    expect(r.report.changedDays).toBe(1);
    const now = r.duties.find((d) => d.date === victim.date)!;
    expect(now.institution).toBe('甲');
    expect(first.duties.map((d) => d.name)).not.toContain(now.name); // 甲 has a fourth leader free
  });

  it('when the only free leader already serves another day, two days move (a chain), and no fewer is possible', () => {
    // 甲: 甲一, 甲二 only; 01-06 甲一, 01-08 甲二 (maxPerLeader 1, 3 甲 days would be infeasible: use 4 days).
    const ls = [leader('甲一', '甲'), leader('甲二', '甲'), leader('乙一', '乙'), leader('乙二', '乙')];
    const i = input(['甲', '乙'], ls, '2025-01-06', '2025-01-09');
    const p = plan(i);
    const a = p.duties[0]; // 01-06, 甲
    const other = p.duties[2]; // 01-08, 甲
    // a's leader cannot take 01-06 any more, but can take 01-08; the other can take 01-06.
    const r = replan({ ...i, leaders: away(ls, a.name, a.date), previous: p.duties, today: '2025-01-06' });
    expect(r.changes.map(changeLine)).toEqual([
      `${a.date}：原 ${a.name}（甲领导） → 现 ${other.name}（甲领导）`,
      `${other.date}：原 ${other.name}（甲领导） → 现 ${a.name}（甲领导）`,
    ]);
  });

  it('days before today are frozen, even when they now break a rule; the break is reported', () => {
    const past = first.duties[0]; // 01-06
    const r = replan({ ...base, leaders: away(LS, past.name, past.date), previous: first.duties, today: '2025-01-07' });
    expect(r.changes).toEqual([]);
    expect(r.duties).toContainEqual(past);
    expect(r.report.frozen).toEqual(['2025-01-06']);
    expect(r.report.pastBreaks.map((v) => [v.rule, v.dates])).toEqual([['availability', ['2025-01-06']]]);
  });

  it('left out: a leader away on every day of his institution still to come is told so', () => {
    const spare = LS.find((l) => l.institution === '甲' && !first.duties.some((x) => x.name === l.name))!.name;
    const r = replan({ ...base, leaders: away(LS, spare, '2025-01-10'), previous: first.duties, today: '2025-01-09' });
    expect(r.report.leftOut.find((x) => x.name === spare)!.reason).toContain('2025-01-10 均不可接访');
  });

  it('property: whatever becomes unavailable, no day before today changes', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 6 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 }),
        fc.integer({ min: 0, max: 5 }),
        (who, days, t) => {
          const dates = days.map((k) => `2025-01-${String(6 + k).padStart(2, '0')}`);
          const today = `2025-01-${String(6 + t).padStart(2, '0')}`;
          const r = replan({ ...base, leaders: away(LS, LS[who].name, ...dates), previous: first.duties, today });
          if (r.report.status !== 'optimal') return;
          expect(r.duties.filter((d) => d.date < today)).toEqual(first.duties.filter((d) => d.date < today));
          expect(r.changes.every((c) => c.date >= today)).toBe(true);
        },
      ),
      { numRuns: 100, seed: 3 },
    );
  });

  it('a frozen leader who served his maximum in the past is not given another day', () => {
    const ls = [leader('甲一', '甲'), leader('甲二', '甲'), leader('乙一', '乙'), leader('乙二', '乙')];
    const i = input(['甲', '乙'], ls, '2025-01-06', '2025-01-09');
    const p = plan(i);
    const future = p.duties[2]; // 01-08 甲: the other 甲 leader; he becomes unavailable
    const r = replan({ ...i, leaders: away(ls, future.name, future.date), previous: p.duties, today: '2025-01-07' });
    // Only 甲's 01-06 leader could take 01-08, but he already served (frozen) and the maximum is 1.
    expect(r.report.status).toBe('infeasible');
    expect(r.duties).toEqual([]);
    expect(r.report.causes.length + r.report.breaks.length).toBeGreaterThan(0);
  });

  it('pins hold: a --pin moves the pinned leader there, 锁定 duties of the published table stay', () => {
    const d = first.duties[4]; // 01-10, 甲
    const spare = LS.find((l) => l.institution === '甲' && !first.duties.some((x) => x.name === l.name))!;
    const r = replan({ ...base, previous: first.duties, today: '2025-01-06', pins: [{ date: d.date, name: spare.name }] });
    expect(r.duties.find((x) => x.date === d.date)).toMatchObject({ name: spare.name, pinned: true });
    expect(r.changes.map((c) => c.date)).toEqual([d.date]);
    // 锁定 in the published table: the pinned leader keeps his day even when moving him would be "cheaper".
    const locked = first.duties.map((x) => (x.date === '2025-01-08' ? { ...x, pinned: true } : x));
    const r2 = replan({ ...base, previous: locked, today: '2025-01-06' });
    expect(r2.duties.find((x) => x.date === '2025-01-08')).toMatchObject({ name: first.duties[2].name, pinned: true });
  });

  it('a pin every rule allows alone, that leaves no timetable with the rest, gets a cause line naming it', () => {
    // One 接访 a day, at most one a week each; 甲 is away on Tuesday. Pinning 乙 on Monday leaves
    // Tuesday to nobody, though the pin itself breaks no rule (without it: 甲 Monday, 乙 Tuesday).
    const township = presetConfig('township');
    const config = {
      ...township,
      from: '2025-03-03',
      to: '2025-03-04',
      rotation: { ...township.rotation!, reception: { min: 1, max: 1 }, visits: { min: 0, max: 0 }, maxPerWeek: 1 },
    };
    const ls = [leader('甲', '乡政府', { rank: '副科级', unavailable: ['2025-03-04'] }), leader('乙', '乡政府', { rank: '副科级' })];
    const days = weekdays(config.from, config.to);
    const published = plan({ config, days, leaders: ls });
    expect(names(published.duties)).toEqual(['03-03 甲', '03-04 乙']);
    const r = replan({
      config,
      days,
      leaders: ls,
      previous: published.duties,
      today: '2025-03-03',
      pins: [{ date: '2025-03-03', name: '乙' }],
    });
    expect(r.report.status).toBe('infeasible');
    expect(r.report.pinErrors).toEqual([]);
    expect(r.report.causes.filter((c) => c.kind === 'pin').map((c) => c.message)).toEqual([
      expect.stringMatching(/^锁定 2025-03-03 乙（接访） 单独不违反任何规则，但保留它就排不出合规的安排/),
    ]);
    // Without the pin the re-plan is whole, and no pin is blamed.
    expect(replan({ config, days, leaders: ls, previous: published.duties, today: '2025-03-03' }).report.status).toBe('optimal');
  });

  it('a pin that breaks a hard rule is an error naming the pin and the rule', () => {
    const d = first.duties[0];
    const spare = LS.find((l) => l.institution === '甲' && !first.duties.some((x) => x.name === l.name))!.name;
    const onAway = replan({
      ...base,
      leaders: away(LS, spare, d.date),
      previous: first.duties,
      today: '2025-01-06',
      pins: [{ date: d.date, name: spare }],
    });
    expect(onAway.report.status).toBe('pin-conflict');
    expect(onAway.report.pinErrors[0].message).toMatch(new RegExp(`锁定 2025-01-06 ${spare} 违反.*不可接访日期`));
    const wrongDay = replan({ ...base, previous: first.duties, today: '2025-01-06', pins: [{ date: '2025-01-07', name: spare }] });
    expect(wrongDay.report.pinErrors[0].message).toMatch(new RegExp(`锁定 2025-01-07 ${spare} 违反.*顺序`));
    const past = replan({ ...base, previous: first.duties, today: '2025-01-08', pins: [{ date: '2025-01-06', name: spare }] });
    expect(past.report.pinErrors.map((p) => p.rule)).toEqual(['frozen-past']);
    expect(past.report.pinErrors[0].message).toContain(`当天已公布的是 ${d.name}`);
    // With the past: the leader who served on 01-06 cannot be pinned to 01-10 (at most 1 per round).
    const again = replan({ ...base, previous: first.duties, today: '2025-01-07', pins: [{ date: '2025-01-10', name: d.name }] });
    expect(again.report.pinErrors.map((p) => p.rule)).toEqual(['max-per-leader']);
    expect(again.report.pinErrors[0].message).toMatch(new RegExp(`锁定 2025-01-10 ${d.name} 违反「每名领导本轮最多安排 1 次`));
    const unknown = replan({ ...base, previous: first.duties, today: '2025-01-06', pins: [{ date: '2025-01-10', name: '查无此人' }] });
    expect(unknown.report.pinErrors[0].message).toContain('领导名单中没有此人');
  });
});

describe('diff', () => {
  const D = (date: string, name: string, title = '职务', institution = '甲'): Duty => ({
    date,
    weekday: '',
    kind: '接访',
    institution,
    name,
    title,
    portfolio: '',
    place: '',
  });
  it('one line per changed, added and removed day; a new title alone is no change', () => {
    const before = [D('2024-12-11', '张一'), D('2024-12-12', '李二'), D('2024-12-13', '王三'), D('2024-12-16', '赵四')];
    const after = [D('2024-12-11', '张一', '新职务'), D('2024-12-12', '钱五', '副区长'), D('2024-12-16', '赵四'), D('2024-12-17', '孙六')];
    expect(diffTimetables(before, after).map(changeLine)).toEqual([
      '2024-12-12：原 李二（职务） → 现 钱五（副区长）',
      '2024-12-13：取消 王三（职务）',
      '2024-12-17：新增 孙六（职务）',
    ]);
    expect(diffTimetables(before, before)).toEqual([]);
  });
});

describe('a large infeasible re-plan', () => {
  // 20 leaders, 4 a day, at most 1 each, 12 days: 48 places for 20 leaders, so every timetable breaks the
  // maximum. The elastic integer program's search ran for minutes here; the re-plan goes by flows.
  const many = Array.from({ length: 20 }, (_, i) => leader(`领导${i + 1}`, '区'));
  const big = input(['区'], many, '2025-01-06', '2025-01-21', { order: { mode: 'none', start: 0 }, perDay: 4, maxPerLeader: 1 });
  const published = plan({ ...big, bestEffort: true });

  it('answers with the fewest breaks a plan needs, and changes the fewest days', () => {
    expect(published.report.status).toBe('best-effort');
    const victim = published.duties.find((d) => d.date === '2025-01-15')!;
    const started = Date.now();
    const r = replan({
      ...big,
      leaders: away(many, victim.name, victim.date),
      previous: published.duties,
      today: '2025-01-08',
      bestEffort: true,
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.report.status).toBe('best-effort');
    expect(r.report.breaks.length).toBe(published.report.breaks.length);
    expect(r.duties.filter((d) => d.date === victim.date).map((d) => d.name)).not.toContain(victim.name);
    // Days before today are frozen; of the rest, those the absence does not touch stay as published.
    const kept = (d: string) => names(r.duties.filter((x) => x.date === d)).sort();
    const was = (d: string) => names(published.duties.filter((x) => x.date === d)).sort();
    const days = [...new Set(published.duties.map((d) => d.date))];
    const unchanged = days.filter((d) => kept(d).join() === was(d).join());
    // Everyone is at the maximum and the released 领导2, 领导3 already serve 01-15, so the absent leader's
    // place is taken by someone from another day, who is replaced there by him: two days, the fewest.
    expect(unchanged.length).toBe(days.length - 2);
    expect(r.report.changedDays).toBe(2);
    const plainReplan = replan({ ...big, leaders: away(many, victim.name, victim.date), previous: published.duties, today: '2025-01-08' });
    expect(plainReplan.report.status).toBe('infeasible');
  });
});
