// The checker's core: periods, each judgement, each seed rule, record problems, leaves.
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../src/core/calendar.js';
import { type CheckResult, defaultRange, judge, type Leave, periodOf, periodsOverlapping } from '../src/core/check/index.js';
import { parsePattern, patternCalendar } from '../src/core/patterns.js';
import { SEED_RULES } from '../src/core/rules.js';
import type { Duty, Kind, Leader, Rank, Rule } from '../src/core/types.js';

const calendar = makeCalendar({ region: 'national' });

function leader(name: string, rank: Rank, institution = '区委'): Leader {
  return {
    name,
    institution,
    title: rank === '副科级' || rank === '正科级' ? '街道办事处副主任' : '区委副书记',
    rank,
    portfolio: '',
    unavailable: [],
    liaison: '',
    phone: '',
  };
}

function duty(date: string, name: string, kind: Kind = '接访', line = 2, institution = '区委'): Duty {
  return { date, weekday: '', kind, institution, name, title: '', portfolio: '', place: '', source: { file: 'r.csv', line } };
}

const rule = (id: string): Rule => SEED_RULES.find((r) => r.id === id)!;
const find = (results: CheckResult[], rule: string, period: string) => results.filter((r) => r.rule === rule && r.period === period);

describe('periods', () => {
  it('puts 2024-12-30 in ISO week 2025-W01 (Monday 2024-12-30 to Sunday 2025-01-05)', () => {
    expect(periodOf('week', '2024-12-30')).toEqual({ period: 'week', key: '2025-W01', from: '2024-12-30', to: '2025-01-05' });
  });
  it('puts 2021-01-03 (a Sunday) in 2020-W53', () => {
    expect(periodOf('week', '2021-01-03').key).toBe('2020-W53');
    expect(periodOf('week', '2021-01-03').from).toBe('2020-12-28');
  });
  it('gives month, quarter and year with their first and last days (leap February)', () => {
    expect(periodOf('month', '2024-02-10')).toEqual({ period: 'month', key: '2024-02', from: '2024-02-01', to: '2024-02-29' });
    expect(periodOf('quarter', '2024-11-05')).toEqual({ period: 'quarter', key: '2024-Q4', from: '2024-10-01', to: '2024-12-31' });
    expect(periodOf('year', '2024-11-05')).toEqual({ period: 'year', key: '2024', from: '2024-01-01', to: '2024-12-31' });
  });
  it('lists the periods that overlap a range, edges included', () => {
    expect(periodsOverlapping('month', '2024-01-15', '2024-03-01').map((p) => p.key)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(periodsOverlapping('week', '2024-12-25', '2025-01-06').map((p) => p.key)).toEqual(['2024-W52', '2025-W01', '2025-W02']);
  });
});

describe('one test per seed rule', () => {
  it('district-quarterly counts only 接访: a 下访 in the quarter leaves a 副处级 leader short', () => {
    const j = judge({
      leaders: [leader('甲', '副处级')],
      duties: [duty('2024-11-05', '甲', '下访')],
      rules: [rule('district-quarterly')],
      calendar,
      from: '2024-10-01',
      to: '2024-12-31',
    });
    expect(find(j.results, 'district-quarterly', '2024-Q4')[0]).toMatchObject({ status: 'short', count: 0, required: 1 });
    const ok = judge({
      leaders: [leader('甲', '副处级')],
      duties: [duty('2024-11-05', '甲', '接访')],
      rules: [rule('district-quarterly')],
      calendar,
      from: '2024-10-01',
      to: '2024-12-31',
    });
    expect(find(ok.results, 'district-quarterly', '2024-Q4')[0]).toMatchObject({ status: 'ok', count: 1 });
  });
  it('county-monthly counts 接访 or 下访 each month for 正处级 and 副处级 only', () => {
    const leaders = [leader('甲', '正处级'), leader('乙', '副科级')];
    const duties = [duty('2024-10-08', '甲', '下访'), duty('2024-12-02', '甲', '接访')];
    const j = judge({ leaders, duties, rules: [rule('county-monthly')], calendar, from: '2024-10-01', to: '2024-12-31' });
    expect(j.results.map((r) => `${r.name} ${r.period} ${r.status} ${r.count}`)).toEqual([
      '甲 2024-10 ok 1',
      '甲 2024-11 short 0',
      '甲 2024-12 ok 1',
    ]);
  });
  it('township-weekly judges 乡科级 leaders by ISO week', () => {
    const j = judge({
      leaders: [leader('乙', '副科级')],
      duties: [duty('2024-12-02', '乙', '下访'), duty('2024-12-12', '乙', '接访')],
      rules: [rule('township-weekly')],
      calendar,
      from: '2024-12-02',
      to: '2024-12-22',
    });
    expect(j.results.map((r) => `${r.period} ${r.status}`)).toEqual(['2024-W49 ok', '2024-W50 ok', '2024-W51 short']);
  });
  it('a yearly rule with a maximum reports "over" above it', () => {
    const yearly: Rule = { id: 'y', description: '每年至多两次', who: { names: ['甲'] }, kinds: ['接访'], period: 'year', min: 1, max: 2 };
    const duties = ['2024-03-04', '2024-05-06', '2024-07-08'].map((d, i) => duty(d, '甲', '接访', i + 2));
    const j = judge({
      leaders: [leader('甲', '副处级'), leader('乙', '副处级')],
      duties,
      rules: [yearly],
      calendar,
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(j.results).toHaveLength(1); // the rule names only 甲
    expect(j.results[0]).toMatchObject({ period: '2024', status: 'over', count: 3, max: 2 });
    expect(j.results[0].records?.map((r) => r.line)).toEqual([2, 3, 4]);
  });
  it('a rule for named institutions leaves others out', () => {
    const r: Rule = {
      id: 'court',
      description: '法院每月',
      who: { institutions: ['区人民法院'] },
      kinds: ['接访'],
      period: 'month',
      min: 1,
    };
    const j = judge({
      leaders: [leader('甲', '副处级', '区人民法院'), leader('乙', '副处级')],
      duties: [],
      rules: [r],
      calendar,
      from: '2024-01-01',
      to: '2024-01-31',
    });
    expect(j.results.map((x) => x.name)).toEqual(['甲']);
  });
});

describe('periods judged, exempt, not judged', () => {
  it('does not judge periods cut by from/to and says so', () => {
    const j = judge({
      leaders: [leader('甲', '副处级')],
      duties: [],
      rules: [rule('county-monthly')],
      calendar,
      from: '2024-10-15',
      to: '2024-12-10',
    });
    expect(j.results.map((r) => `${r.period} ${r.status}`)).toEqual(['2024-10 not-judged', '2024-11 short', '2024-12 not-judged']);
    expect(j.results[0].reason).toContain('不作评判');
  });
  it('exempts a week without any working day (2026-W08, Spring Festival 02-15..02-23) but judges 2025-W05 (working Monday 01-27)', () => {
    const leaders = [leader('乙', '副科级')];
    const j26 = judge({ leaders, duties: [], rules: [rule('township-weekly')], calendar, from: '2026-02-16', to: '2026-02-22' });
    expect(j26.results[0]).toMatchObject({ period: '2026-W08', status: 'exempt' });
    expect(j26.results[0].reason).toContain('春节');
    const j25 = judge({ leaders, duties: [], rules: [rule('township-weekly')], calendar, from: '2025-01-27', to: '2025-02-02' });
    expect(j25.results[0]).toMatchObject({ period: '2025-W05', status: 'short' });
  });
  it('exempts a leader whose leaves cover every working day of a period, and names the leave', () => {
    const leaves: Leave[] = [
      { name: '甲', institution: '区委', from: '2024-11-01', to: '2024-11-15', reason: '病假' },
      { name: '甲', institution: '区委', from: '2024-11-16', to: '2024-11-29', reason: '学习' }, // 11-30 is a Saturday
    ];
    const j = judge({
      leaders: [leader('甲', '副处级')],
      duties: [],
      rules: [rule('county-monthly')],
      calendar,
      from: '2024-10-01',
      to: '2024-12-31',
      leaves,
    });
    const nov = find(j.results, 'county-monthly', '2024-11')[0];
    expect(nov.status).toBe('exempt');
    expect(nov.reason).toContain('病假 2024-11-01~2024-11-15');
    expect(find(j.results, 'county-monthly', '2024-10')[0].status).toBe('short');
  });
  it('does not exempt when one working day of the period is not on leave', () => {
    const leaves: Leave[] = [{ name: '甲', institution: '区委', from: '2024-11-01', to: '2024-11-28', reason: '出差' }];
    const j = judge({
      leaders: [leader('甲', '副处级')],
      duties: [],
      rules: [rule('county-monthly')],
      calendar,
      from: '2024-11-01',
      to: '2024-11-30',
      leaves,
    });
    expect(j.results[0].status).toBe('short'); // Friday 11-29 is a working day
  });
  it('puts leaders without any record first', () => {
    const j = judge({
      leaders: [leader('甲', '副处级'), leader('乙', '副处级')],
      duties: [duty('2024-11-05', '甲')],
      rules: [rule('county-monthly')],
      calendar,
      from: '2024-11-01',
      to: '2024-11-30',
    });
    expect(j.results.map((r) => r.name)).toEqual(['乙', '甲']);
    expect(j.summary.withoutRecords).toEqual([{ name: '乙', institution: '区委' }]);
    expect(j.summary).toMatchObject({ judged: 2, ok: 1, short: 1, violations: 1, compliant: false });
  });
  it('defaults the range to the days the records cover: a period cut by the first or last record is not judged', () => {
    // 2024-10-09 is a Wednesday after 10-08, a working day: October's first week had a duty day before it.
    const j = judge({
      leaders: [leader('甲', '副处级')],
      duties: [duty('2024-10-09', '甲'), duty('2024-12-10', '甲')],
      rules: [rule('county-monthly')],
      calendar,
    });
    expect(j.summary).toMatchObject({ from: '2024-10-09', to: '2024-12-10' });
    expect(j.results.map((r) => `${r.period} ${r.status}`)).toEqual(['2024-10 not-judged', '2024-11 short', '2024-12 not-judged']);
  });
  it('widens the default range over days without a duty to the edge of a week, month, quarter or year', () => {
    // National Day 10-01 ~ 10-07: a first record on 10-08 leaves October, Q4 and its week whole. The last
    // on Friday 11-29 leaves W48 whole (the weekend after it) but not December, which has working days.
    const range = (first: string, last: string, cal = calendar) => defaultRange(first, last, cal);
    expect(range('2024-10-08', '2024-11-29')).toEqual({ from: '2024-10-01', to: '2024-12-01' });
    // A year of records from the first working day to the last is the whole year.
    expect(range('2024-01-02', '2024-12-31')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    // Mid-week on both ends: the records' own days.
    expect(range('2024-11-06', '2024-11-20')).toEqual({ from: '2024-11-06', to: '2024-11-20' });
    // Under 每周三 the Monday and Tuesday before a first Wednesday hold no duty: its week is judged, and
    // the month is not (09-17 was a Wednesday); after the last Wednesday, the rest of its month is whole.
    const wednesdays = patternCalendar(calendar, parsePattern('每周三').pattern!);
    expect(range('2025-09-24', '2025-11-26', wednesdays)).toEqual({ from: '2025-09-22', to: '2025-11-30' });
  });
  it('refuses to judge with neither records nor a range', () => {
    const j = judge({ leaders: [leader('甲', '副处级')], duties: [], rules: SEED_RULES, calendar });
    expect(j.problems[0].severity).toBe('error');
  });
});

describe('record problems', () => {
  it('reports a duplicate (same date, name, kind) with both lines and counts it once', () => {
    const j = judge({
      leaders: [leader('甲', '副处级')],
      duties: [duty('2024-11-05', '甲', '接访', 2), duty('2024-11-05', '甲', '接访', 7), duty('2024-11-05', '甲', '下访', 8)],
      rules: [rule('county-monthly')],
      calendar,
      from: '2024-11-01',
      to: '2024-11-30',
    });
    expect(j.problems).toHaveLength(1);
    expect(j.problems[0]).toMatchObject({ severity: 'error', file: 'r.csv', line: 7 });
    expect(j.problems[0].message).toContain('r.csv:2');
    expect(j.results[0].count).toBe(2); // 接访 once + 下访
  });
  it('reports a person not in the leader list and a date that is not a working day', () => {
    const j = judge({
      leaders: [leader('甲', '副处级')],
      duties: [duty('2024-11-05', '丙', '接访', 3), duty('2024-11-09', '甲', '接访', 4)],
      rules: [rule('county-monthly')],
      calendar,
      from: '2024-11-01',
      to: '2024-11-30',
    });
    expect(j.problems.map((p) => [p.line, p.field])).toEqual([
      [3, '姓名'],
      [4, '日期'],
    ]);
    expect(j.problems[1].message).toContain('周六');
  });
  it('makes them warnings when lenient', () => {
    const j = judge({
      leaders: [leader('甲', '副处级')],
      duties: [duty('2024-11-09', '甲')],
      rules: [rule('county-monthly')],
      calendar,
      from: '2024-11-01',
      to: '2024-11-30',
      lenient: true,
    });
    expect(j.problems.map((p) => p.severity)).toEqual(['warning']);
    expect(j.results[0]).toMatchObject({ status: 'ok', count: 1 }); // the Saturday duty still counts
  });
  it('tells namesakes apart by institution', () => {
    const leaders = [leader('甲', '副处级', '区委'), leader('甲', '副处级', '区政府')];
    const j = judge({
      leaders,
      duties: [duty('2024-11-05', '甲', '接访', 2, '区政府')],
      rules: [rule('county-monthly')],
      calendar,
      from: '2024-11-01',
      to: '2024-11-30',
    });
    expect(j.results.map((r) => `${r.institution} ${r.count}`)).toEqual(['区委 0', '区政府 1']);
  });
});
