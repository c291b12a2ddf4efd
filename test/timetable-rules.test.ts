// The planner's hard rules judging a hand-edited timetable (what rota render and rota swap use):
// the rules that only a hand-made table can break (known leader, inside the window), holidays and
// make-up days, and every violation pointing at its CSV line and column.
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../src/core/calendar.js';
import { type Config, SEED_CONFIG } from '../src/core/config.js';
import { weekdayName } from '../src/core/dates.js';
import { buildContext, checkTimetable, HARD_RULES } from '../src/core/engine/index.js';
import type { Duty, Leader } from '../src/core/types.js';
import { seed } from './helpers/seed.js';

const calendar = makeCalendar({ region: 'xinjiang' });
const L = (name: string, institution: string, over: Partial<Leader> = {}): Leader => ({
  name,
  institution,
  title: '副职',
  rank: '副处级',
  portfolio: '',
  unavailable: [],
  liaison: '',
  phone: '',
  ...over,
});
const A = L('甲', '区委'),
  B = L('乙', '区人大'),
  C = L('丙', '区政府');
const ctxFor = (config: Config = SEED_CONFIG, leaders = [A, B, C]) =>
  buildContext({ config, days: calendar.days(config.from, config.to), leaders, calendar });
let line = 1;
const E = (date: string, who: Leader | string, institution = typeof who === 'string' ? '区委' : who.institution): Duty => ({
  date,
  weekday: weekdayName(date),
  kind: '接访',
  institution,
  name: typeof who === 'string' ? who : who.name,
  title: '',
  portfolio: '',
  place: '',
  source: { file: 't.csv', line: ++line },
});
const run = (id: string, duties: Duty[], ctx = ctxFor()) => HARD_RULES.find((c) => c.id === id)!.check(duties, ctx, { complete: false });
const lines = (vs: { source?: { line: number } }[]) => vs.map((v) => v.source?.line);

describe("the planner's hard rules on a hand-edited timetable", () => {
  it('every rule has a unique id, a Chinese sentence, and a column to point at when it checks rows', () => {
    expect(new Set(HARD_RULES.map((c) => c.id)).size).toBe(HARD_RULES.length);
    for (const c of HARD_RULES) expect(c.sentence(ctxFor())).toMatch(/[\u4e00-\u9fff]/);
    expect(HARD_RULES.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'known-leader',
        'within-window',
        'working-day',
        'order',
        'eligibility',
        'availability',
        'reception-per-day',
        'max-per-leader',
      ]),
    );
  });

  it('known-leader: a name not in the lists is named, on its line, in the 姓名 column', () => {
    line = 1;
    const vs = run('known-leader', [E('2024-12-11', A), E('2024-12-12', '查无此人')]);
    expect(vs).toHaveLength(1);
    expect(vs[0].source).toEqual({ file: 't.csv', line: 3, field: '姓名' });
    expect(vs[0].message).toContain('查无此人 不在区委的领导名单中');
    expect(run('eligibility', [E('2024-12-12', '查无此人')])).toEqual([]); // said once, by known-leader
  });

  it('within-window: dates outside from..to, and working-day stays silent about them', () => {
    line = 1;
    const duties = [E('2024-12-10', A), E('2024-12-11', A), E('2024-12-27', A)];
    expect(lines(run('within-window', duties))).toEqual([2, 4]);
    expect(run('working-day', duties)).toEqual([]);
  });

  it('working-day: a Spring Festival day is refused by name, a make-up Sunday is a working day', () => {
    line = 1;
    const config = { ...SEED_CONFIG, from: '2025-01-20', to: '2025-02-10' };
    const vs = run('working-day', [E('2025-01-28', A), E('2025-01-26', A), E('2025-01-25', A)], ctxFor(config));
    expect(lines(vs)).toEqual([2, 4]);
    expect(vs[0].message).toContain('春节');
    expect(vs[1].message).toContain('2025-01-25（星期六）是休息日：周六');
  });

  it("per-day: the extra row names the first one's line; perDay 2 allows two; a leader twice on a day is named", () => {
    line = 1;
    const duties = [E('2024-12-11', A), E('2024-12-11', B, '区委'), E('2024-12-11', C, '区委')];
    const vs = run('reception-per-day', duties);
    expect(lines(vs)).toEqual([3, 4]);
    expect(vs[0].message).toContain('已有甲（第2行 line 2）接访');
    expect(lines(run('reception-per-day', duties, ctxFor({ ...SEED_CONFIG, perDay: 2 })))).toEqual([4]);
    line = 1;
    expect(run('one-per-day', [E('2024-12-11', A), E('2024-12-11', A)])[0].message).toContain('被安排了两次（接访（第2行 line 2）');
  });

  it('per-day: a partial table is judged as far as it goes; a complete one also for empty days', () => {
    const ctx = ctxFor();
    expect(HARD_RULES.find((c) => c.id === 'reception-per-day')!.check([E('2024-12-11', A)], ctx, { complete: false })).toEqual([]);
    expect(HARD_RULES.find((c) => c.id === 'reception-per-day')!.check([E('2024-12-11', A)], ctx).length).toBe(ctx.days.length - 1);
  });

  it('max-per-leader: points at the duty beyond the maximum and lists every date with its line', () => {
    line = 1;
    const vs = run('max-per-leader', [E('2024-12-11', A), E('2024-12-12', B), E('2024-12-19', A)]);
    expect(lines(vs)).toEqual([4]);
    expect(vs[0].message).toContain('12-11（第2行 line 2）、12-19（第4行 line 4）');
  });

  it('order: a swapped pair gives two violations in the 单位 column; order.start 1 begins with 区人大', () => {
    line = 1;
    const vs = run('order', [E('2024-12-11', B), E('2024-12-12', A), E('2024-12-13', C)]);
    expect(lines(vs)).toEqual([2, 3]);
    expect(vs[0].source?.field).toBe('单位');
    expect(vs[0].message).toContain('应由区委安排接访');
    line = 1;
    expect(run('order', [E('2024-12-11', B)], ctxFor({ ...SEED_CONFIG, order: { mode: 'cycle', start: 1 } }))).toEqual([]);
  });

  it('the hand-made seed timetable keeps every rule', () => {
    const s = seed();
    const ctx = buildContext({
      config: s.config,
      days: s.calendar.days(s.config.from, s.config.to),
      leaders: s.leaders,
      calendar: s.calendar,
    });
    expect(checkTimetable(s.duties, ctx)).toEqual([]);
  });
});
