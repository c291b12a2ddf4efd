// Checks on a timetable that staff edited by hand (rota render), each a small named function
// that carries the sentence it explains itself with. Pure: facts in, problems out, each problem
// pointing at the CSV line. The planner's full hard-rule checker can absorb these by id.
import type { Calendar } from './calendar.js';
import type { Config } from './config.js';
import { institutionsForDays } from './order.js';
import type { Duty, Leader, Problem } from './types.js';

/** One timetable row: its duty and the leader it names (undefined when nobody matches). */
export interface TimetableEntry {
  duty: Duty;
  leader?: Leader;
}

export interface TimetableFacts {
  entries: TimetableEntry[];
  config: Config;
  calendar: Calendar;
  /** The whole leader list (for the order's eligible counts and for messages). */
  leaders: Leader[];
}

export interface TimetableCheck {
  id: string;
  /** The rule in the words a clerk reads. */
  description: string;
  run(facts: TimetableFacts): Problem[];
}

const at = (d: Duty, field: string, message: string): Problem => ({
  severity: 'error',
  ...(d.source ? { file: d.source.file, line: d.source.line } : {}),
  field,
  message,
});
const lineOf = (d: Duty) => (d.source ? `第${d.source.line}行 line ${d.source.line}` : '另一行');
const receptions = (f: TimetableFacts) => f.entries.filter((e) => e.duty.kind === '接访');

export const knownLeader: TimetableCheck = {
  id: 'known-leader',
  description: '接访领导须在领导名单中',
  run: (f) => f.entries.filter((e) => !e.leader).map(({ duty: d }) =>
    at(d, '姓名', `${d.name} 不在领导名单中（not in the leader list）；请检查姓名或在名单中补充`)),
};

export const withinWindow: TimetableCheck = {
  id: 'within-window',
  description: '接访日期须在本轮接访时间内',
  run: (f) => f.entries.filter((e) => e.duty.date < f.config.from || e.duty.date > f.config.to).map(({ duty: d }) =>
    at(d, '日期', `${d.date} 不在本轮接访时间 ${f.config.from} 至 ${f.config.to} 内（outside the round）`)),
};

export const workingDay: TimetableCheck = {
  id: 'working-day',
  description: '接访安排在工作日（含调休上班日）',
  run: (f) => f.entries.filter((e) => !f.calendar.isWorkingDay(e.duty.date)).map(({ duty: d }) =>
    at(d, '日期', `${d.date}（${d.weekday}）是休息日：${f.calendar.day(d.date).reason ?? '休息'}，不能安排接访（not a working day）`)),
};

export const leaderAvailable: TimetableCheck = {
  id: 'leader-available',
  description: '领导的不可接访日期不安排接访',
  run: (f) => f.entries.filter((e) => e.leader?.unavailable.includes(e.duty.date)).map(({ duty: d }) =>
    at(d, '日期', `${d.name} 在 ${d.date} 不可接访（listed as unavailable that day）`)),
};

export const eligibleRank: TimetableCheck = {
  id: 'eligible-rank',
  description: '接访领导的级别须符合本轮要求',
  run: (f) => receptions(f).filter((e) => e.leader && !f.config.eligibleRanks.includes(e.leader.rank)).map(({ duty: d, leader }) =>
    at(d, '姓名', `${d.name} 是${leader!.rank}，本轮接访须由 ${f.config.eligibleRanks.join('、')} 领导担任（rank not eligible）`)),
};

export const perDayLimit: TimetableCheck = {
  id: 'per-day-limit',
  description: '每个工作日安排的接访领导不超过规定人数',
  run: (f) => {
    const seen = new Map<string, Duty[]>();
    const out: Problem[] = [];
    for (const { duty: d } of receptions(f)) {
      const same = seen.get(d.date) ?? [];
      if (same.length >= f.config.perDay) {
        out.push(at(d, '日期', `${d.date} 已有${same.map((x) => `${x.name}（${lineOf(x)}）`).join('、')}接访，每天只安排 ${f.config.perDay} 名（duplicate day）`));
      }
      seen.set(d.date, [...same, d]);
    }
    return out;
  },
};

export const maxPerLeader: TimetableCheck = {
  id: 'max-per-leader',
  description: '每名领导本轮接访次数不超过规定次数',
  run: (f) => {
    const seen = new Map<string, Duty[]>();
    const out: Problem[] = [];
    for (const { duty: d } of receptions(f)) {
      const key = `${d.institution}\u0000${d.name}`;
      const before = seen.get(key) ?? [];
      if (before.length >= f.config.maxPerLeader) {
        out.push(at(d, '姓名', `${d.name} 已在${before.map((x) => `${x.date}（${lineOf(x)}）`).join('、')}接访，本轮每人最多 ${f.config.maxPerLeader} 次（too many duties）`));
      }
      seen.set(key, [...before, d]);
    }
    return out;
  },
};

export const institutionOrder: TimetableCheck = {
  id: 'institution-order',
  description: '按区委、区人大、区政府、区政协、区人民法院、区人民检察院的顺序安排接访',
  run: (f) => {
    const { config, calendar } = f;
    const days = calendar.workingDays(config.from, config.to);
    const order = config.institutions.map((i) => i.name);
    const eligible = new Map<string, number>();
    for (const l of f.leaders) {
      if (config.eligibleRanks.includes(l.rank)) eligible.set(l.institution, (eligible.get(l.institution) ?? 0) + 1);
    }
    const expected = institutionsForDays({ days, order, mode: config.order.mode, start: config.order.start, eligible });
    const byDay = new Map(days.map((d, i) => [d, expected[i]]));
    return receptions(f).flatMap(({ duty: d }) => {
      const want = byDay.get(d.date);
      if (!want || want === d.institution) return [];
      return [at(d, '单位', `${d.date} 按顺序（${order.join(' → ')}）应由${want}安排接访，此行是${d.institution || '（未写单位）'}（broken institution order）`)];
    });
  },
};

/** All checks, in the order their problems are listed. */
export const TIMETABLE_CHECKS: readonly TimetableCheck[] = [
  knownLeader, withinWindow, workingDay, leaderAvailable, eligibleRank, perDayLimit, maxPerLeader, institutionOrder,
];

/** Runs every check; problems sorted by line so a clerk can walk the file top to bottom. */
export function checkTimetable(facts: TimetableFacts, checks: readonly TimetableCheck[] = TIMETABLE_CHECKS): Problem[] {
  const all = checks.flatMap((c) => c.run(facts));
  return all
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}
