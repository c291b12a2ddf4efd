// One test per named timetable check: given tiny facts, exactly these problems on these lines.
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../src/core/calendar.js';
import { SEED_CONFIG, type Config } from '../src/core/config.js';
import { weekdayName } from '../src/core/dates.js';
import {
  checkTimetable, eligibleRank, institutionOrder, knownLeader, leaderAvailable, maxPerLeader, perDayLimit,
  TIMETABLE_CHECKS, withinWindow, workingDay, type TimetableEntry, type TimetableFacts,
} from '../src/core/timetable-checks.js';
import type { Leader } from '../src/core/types.js';
import { seed } from './helpers/seed.js';

const calendar = makeCalendar({ region: 'xinjiang' });
const L = (name: string, institution: string, over: Partial<Leader> = {}): Leader => ({
  name, institution, title: '副职', rank: '副处级', portfolio: '', unavailable: [], liaison: '', phone: '', ...over,
});
const A = L('甲', '区委'), B = L('乙', '区人大'), C = L('丙', '区政府');
let line = 1;
const E = (date: string, leader: Leader | undefined, name = leader?.name ?? '无名', institution = leader?.institution ?? '区委'): TimetableEntry => ({
  duty: { date, weekday: weekdayName(date), kind: '接访', institution, name, title: '', portfolio: '', place: '', source: { file: 't.csv', line: ++line } },
  ...(leader ? { leader } : {}),
});
const facts = (entries: TimetableEntry[], config: Config = SEED_CONFIG, leaders = [A, B, C]): TimetableFacts => ({ entries, config, calendar, leaders });
const lines = (ps: { line?: number }[]) => ps.map((p) => p.line);

describe('timetable checks', () => {
  it('every check has an id and a Chinese sentence', () => {
    for (const c of TIMETABLE_CHECKS) {
      expect(c.id).toMatch(/^[a-z-]+$/);
      expect(c.description).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(new Set(TIMETABLE_CHECKS.map((c) => c.id)).size).toBe(TIMETABLE_CHECKS.length);
  });

  it('known-leader: a name not in the list is an error on its line', () => {
    line = 1;
    const ps = knownLeader.run(facts([E('2024-12-11', A), E('2024-12-12', undefined, '查无此人')]));
    expect(lines(ps)).toEqual([3]);
    expect(ps[0]).toMatchObject({ file: 't.csv', field: '姓名' });
    expect(ps[0].message).toContain('查无此人 不在领导名单中');
  });

  it('within-window: a date outside from..to is an error', () => {
    line = 1;
    expect(lines(withinWindow.run(facts([E('2024-12-10', A), E('2024-12-11', A), E('2024-12-27', A)])))).toEqual([2, 4]);
  });

  it('working-day: a Saturday and a holiday are errors, a make-up Sunday is not', () => {
    line = 1;
    const ps = workingDay.run(facts([E('2024-12-14', A), E('2025-01-28', A), E('2025-01-26', A), E('2024-12-16', A)]));
    expect(lines(ps)).toEqual([2, 3]);
    expect(ps[0].message).toContain('周六');
    expect(ps[1].message).toContain('春节');
  });

  it('leader-available: a duty on one of the leader\'s 不可接访日期 is an error', () => {
    line = 1;
    const away = L('丁', '区委', { unavailable: ['2024-12-12'] });
    expect(lines(leaderAvailable.run(facts([E('2024-12-11', away), E('2024-12-12', away)])))).toEqual([3]);
  });

  it('eligible-rank: a 正科级 leader cannot take a 县处级 round\'s day', () => {
    line = 1;
    const junior = L('戊', '区委', { rank: '正科级' });
    const ps = eligibleRank.run(facts([E('2024-12-11', junior), E('2024-12-12', A)]));
    expect(lines(ps)).toEqual([2]);
    expect(ps[0].message).toContain('正科级');
  });

  it('per-day-limit: a second duty on a day with perDay 1 is an error naming the first line; perDay 2 allows it', () => {
    line = 1;
    const entries = [E('2024-12-11', A), E('2024-12-11', B), E('2024-12-11', C)];
    const ps = perDayLimit.run(facts(entries));
    expect(lines(ps)).toEqual([3, 4]);
    expect(ps[0].message).toContain('第2行');
    expect(lines(perDayLimit.run(facts(entries, { ...SEED_CONFIG, perDay: 2 })))).toEqual([4]);
  });

  it('max-per-leader: a leader\'s second duty is an error when maxPerLeader is 1', () => {
    line = 1;
    const ps = maxPerLeader.run(facts([E('2024-12-11', A), E('2024-12-12', B), E('2024-12-13', A)]));
    expect(lines(ps)).toEqual([4]);
    expect(ps[0].message).toContain('2024-12-11');
  });

  it('institution-order: cycle from 区委 over working days; a swapped pair gives two errors', () => {
    line = 1;
    // Working days 12-11, 12-12, 12-13 → 区委, 区人大, 区政府 (cycle, start 0).
    expect(institutionOrder.run(facts([E('2024-12-11', A), E('2024-12-12', B), E('2024-12-13', C)]))).toEqual([]);
    line = 1;
    const ps = institutionOrder.run(facts([E('2024-12-11', B), E('2024-12-12', A), E('2024-12-13', C)]));
    expect(lines(ps)).toEqual([2, 3]);
    expect(ps[0].message).toContain('应由区委');
    // order.start 1 begins with 区人大.
    line = 1;
    expect(institutionOrder.run(facts([E('2024-12-11', B)], { ...SEED_CONFIG, order: { mode: 'cycle', start: 1 } }))).toEqual([]);
  });

  it('the hand-made seed timetable passes every check', () => {
    const s = seed();
    expect(checkTimetable({ entries: s.entries, config: s.config, calendar: s.calendar, leaders: s.leaders })).toEqual([]);
  });

  it('checkTimetable lists problems by line', () => {
    line = 1;
    const ps = checkTimetable(facts([E('2024-12-14', undefined, '某某'), E('2024-12-11', B)]));
    expect(lines(ps)).toEqual([...lines(ps)].sort((a, b) => a! - b!));
    expect(ps.length).toBeGreaterThanOrEqual(3);
  });
});
