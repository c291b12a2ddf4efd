// Incremental counting for the checker: one duty at a time into a per-leader, per-day, per-kind
// grid (its size depends on leaders and days, never on the number of lines), then judgement of
// every (leader, rule, period) at the end. Pure: the caller feeds the duties.

import type { Calendar } from '../calendar.js';
import { byDate, dayNumber, fromDayNumber } from '../dates.js';
import { leaderKey } from '../leaders.js';
import { problem } from '../messages.js';
import { ruleApplies } from '../rules.js';
import type { Duty, IsoDate, Kind, Leader, Problem, Rank, Rule } from '../types.js';
import { judgePeriod, type Status } from './judgements.js';
import type { Leave } from './leaves.js';
import { type PeriodSpan, periodsOverlapping } from './periods.js';

/** A duty that counted, as shown in the results. */
export interface CountedRecord {
  date: IsoDate;
  kind: Kind;
  place: string;
  file?: string;
  line?: number;
}

/** One judged (leader, rule, period). */
export interface CheckResult {
  name: string;
  institution: string;
  title: string;
  rank: Rank;
  rule: string;
  kinds: Kind[];
  /** 2024-W47, 2024-11, 2024-Q4 or 2024. */
  period: string;
  from: IsoDate;
  to: IsoDate;
  count: number;
  required: number;
  max?: number;
  status: Status;
  reason?: string;
  /** The duties that counted (when records are kept). */
  records?: CountedRecord[];
}

export interface CheckSummary {
  from: IsoDate;
  to: IsoDate;
  leaders: number;
  /** Leaders without a single record in the range: the most serious violation, listed first. */
  withoutRecords: Array<{ name: string; institution: string }>;
  /** Records counted in the range (duplicates once). */
  records: number;
  judged: number;
  ok: number;
  short: number;
  over: number;
  exempt: number;
  notJudged: number;
  violations: number;
  compliant: boolean;
}

export interface Judgement {
  results: CheckResult[];
  summary: CheckSummary;
  problems: Problem[];
}

export interface TallyOptions {
  leaders: Leader[];
  rules: Rule[];
  calendar: Calendar;
  /** Keep the duties that counted, for results[].records (memory grows with the lines). */
  keepRecords?: boolean;
  /** Record problems become warnings instead of errors. */
  lenient?: boolean;
}

export interface FinishOptions {
  /** Default: the first day of the month of the first record. */
  from?: IsoDate;
  /** Default: the date of the last record. */
  to?: IsoDate;
  leaves?: Leave[];
}

export interface Tally {
  /** Counts one duty; `leader` when the caller already matched it (recordReader). Returns the line's problems. */
  add(duty: Duty, leader?: Leader): Problem[];
  /** Counts a duty of a leader of the tally (the checker's fast path: no Duty object); as add(), without the place. */
  addFor(leader: Leader, date: IsoDate, kind: Kind, source: { file: string; line: number }): Problem[];
  /** First and last date among the counted duties. */
  range(): { first?: IsoDate; last?: IsoDate };
  finish(options?: FinishOptions): Judgement;
  /** Every counted duty of a leader, by date then kind (needs keepRecords). */
  records(leader: Leader): CountedRecord[];
}

const KIND_INDEX: Record<Kind, number> = { 接访: 0, 下访: 1 };
const CELLS = 366 * 2;

/** Where a duty's line is, for its problems. */
const at = (duty: Duty) => ({ file: duty.source?.file, line: duty.source?.line });

interface YearGrid {
  /** Line of the first record of (day of year, kind); 0 = none. */
  line: Int32Array;
  file: Int32Array;
}

interface DateFacts {
  year: number;
  doy: number;
  working: boolean;
  reason?: string;
}

/** The default checked range: from the first of the month of the first record to the last record. */
export function defaultRange(first: IsoDate, last: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: `${first.slice(0, 7)}-01`, to: last };
}

export function createTally(options: TallyOptions): Tally {
  const { leaders, rules, calendar } = options;
  const severity = options.lenient ? 'warning' : 'error';
  const index = new Map<Leader, number>(leaders.map((l, i) => [l, i]));
  const byName = new Map<string, Leader[]>();
  for (const l of leaders) byName.set(l.name, [...(byName.get(l.name) ?? []), l]);
  const grids: Array<Map<number, YearGrid>> = leaders.map(() => new Map());
  const kept: CountedRecord[][] = leaders.map(() => []);
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const dates = new Map<IsoDate, DateFacts>();
  let first: IsoDate | undefined;
  let last: IsoDate | undefined;

  function facts(date: IsoDate): DateFacts {
    let f = dates.get(date);
    if (!f) {
      const year = +date.slice(0, 4);
      const info = calendar.day(date);
      f = { year, doy: dayNumber(date) - dayNumber(`${year}-01-01`), working: info.working, reason: info.reason };
      dates.set(date, f);
    }
    return f;
  }

  function resolve(duty: Duty): Leader | undefined {
    const named = byName.get(duty.name) ?? [];
    const same = duty.institution ? named.filter((l) => l.institution === duty.institution) : named;
    return same.length === 1 ? same[0] : undefined;
  }

  const NONE: Problem[] = [];
  let lastFile: string | undefined;
  let lastFileIndex = 0;

  function add(duty: Duty, given?: Leader): Problem[] {
    const leader = given ?? resolve(duty);
    const li = leader === undefined ? undefined : index.get(leader);
    if (li === undefined) {
      return [problem('leader.not-listed', { name: duty.name, institution: duty.institution }, { severity, ...at(duty), field: '姓名' })];
    }
    return addAt(li, duty.date, duty.kind, duty.source, duty.place);
  }

  function addAt(li: number, date: IsoDate, kind: Kind, source: Duty['source'], place: string): Problem[] {
    let problems = NONE;
    const f = facts(date);
    if (!f.working)
      problems = [
        problem('record.not-working-day', { date, why: f.reason }, { severity, file: source?.file, line: source?.line, field: '日期' }),
      ];
    let grid = grids[li].get(f.year);
    if (!grid) {
      grid = { line: new Int32Array(CELLS), file: new Int32Array(CELLS) };
      grids[li].set(f.year, grid);
    }
    const cell = f.doy * 2 + KIND_INDEX[kind];
    if (grid.line[cell] !== 0) {
      const where = `${files[grid.file[cell]]}:${grid.line[cell]}`;
      return [...problems, problem('record.duplicate', { where }, { severity, file: source?.file, line: source?.line })];
    }
    const file = source?.file ?? '';
    if (file !== lastFile) {
      let fi = fileIndex.get(file);
      if (fi === undefined) {
        fi = files.length;
        files.push(file);
        fileIndex.set(file, fi);
      }
      lastFile = file;
      lastFileIndex = fi;
    }
    const fi = lastFileIndex;
    grid.line[cell] = source?.line ?? -1;
    grid.file[cell] = fi;
    if (first === undefined || date < first) first = date;
    if (last === undefined || date > last) last = date;
    if (options.keepRecords) kept[li].push({ date, kind, place, ...(source ? { file: source.file, line: source.line } : {}) });
    return problems;
  }

  /** Duties of leader `li` of the given kinds from `from` to `to`. */
  function count(li: number, kinds: Kind[], from: IsoDate, to: IsoDate): number {
    let n = 0;
    const end = dayNumber(to);
    for (let d = dayNumber(from); d <= end; ) {
      const date = fromDayNumber(d);
      const year = +date.slice(0, 4);
      const doy = d - dayNumber(`${year}-01-01`);
      const yearEnd = Math.min(end, dayNumber(`${year}-12-31`));
      const grid = grids[li].get(year);
      if (grid) {
        for (let k = doy, dd = d; dd <= yearEnd; k++, dd++) {
          for (const kind of kinds) if (grid.line[k * 2 + KIND_INDEX[kind]] !== 0) n++;
        }
      }
      d = yearEnd + 1;
    }
    return n;
  }

  function finish(fo: FinishOptions = {}): Judgement {
    const problems: Problem[] = [];
    const dflt = first !== undefined && last !== undefined ? defaultRange(first, last) : undefined;
    const from = fo.from ?? dflt?.from;
    const to = fo.to ?? dflt?.to;
    const empty: CheckSummary = {
      from: from ?? '',
      to: to ?? '',
      leaders: leaders.length,
      withoutRecords: [],
      records: 0,
      judged: 0,
      ok: 0,
      short: 0,
      over: 0,
      exempt: 0,
      notJudged: 0,
      violations: 0,
      compliant: true,
    };
    if (from === undefined || to === undefined) {
      problems.push(problem('check.nothing-to-judge', {}));
      return { results: [], summary: empty, problems };
    }
    if (to < from) {
      problems.push(problem('check.to-before-from', { from, to }, { field: 'to' }));
      return { results: [], summary: empty, problems };
    }
    const spans = new Map<string, { span: PeriodSpan; workingDays: IsoDate[]; offReasons: string[] }>();
    const spanFacts = (span: PeriodSpan) => {
      let s = spans.get(span.key);
      if (!s) {
        const days = calendar.days(span.from, span.to);
        const offReasons = [...new Set(days.filter((d) => !d.working && d.isoWeekday <= 5 && d.reason).map((d) => d.reason!))];
        s = { span, workingDays: days.filter((d) => d.working).map((d) => d.date), offReasons };
        spans.set(span.key, s);
      }
      return s;
    };
    const periodLists = new Map(rules.map((r) => [r.period, periodsOverlapping(r.period, from, to)]));
    const leavesOf = new Map<string, Leave[]>();
    for (const l of fo.leaves ?? []) leavesOf.set(leaderKey(l), [...(leavesOf.get(leaderKey(l)) ?? []), l]);
    const summary = { ...empty, from, to };
    const withRecords: CheckResult[][] = [];
    const withoutRecords: CheckResult[][] = [];
    let records = 0;
    leaders.forEach((leader, li) => {
      const total = count(li, ['接访', '下访'], from, to);
      records += total;
      const own: CheckResult[] = [];
      const leaves = leavesOf.get(leaderKey(leader)) ?? [];
      const mine = options.keepRecords ? sortedRecords(li) : [];
      for (const rule of rules) {
        if (!ruleApplies(rule, leader)) continue;
        for (const span of periodLists.get(rule.period)!) {
          const sf = spanFacts(span);
          const lo = span.from < from ? from : span.from;
          const hi = span.to > to ? to : span.to;
          const n = count(li, rule.kinds, lo, hi);
          const verdict = judgePeriod({ rule, span, from, to, count: n, workingDays: sf.workingDays, offReasons: sf.offReasons, leaves });
          const result: CheckResult = {
            name: leader.name,
            institution: leader.institution,
            title: leader.title,
            rank: leader.rank,
            rule: rule.id,
            kinds: rule.kinds,
            period: span.key,
            from: span.from,
            to: span.to,
            count: n,
            required: rule.min,
            ...(rule.max !== undefined ? { max: rule.max } : {}),
            status: verdict?.status ?? 'ok',
            ...(verdict ? { reason: verdict.reason } : {}),
          };
          if (options.keepRecords) result.records = mine.filter((r) => r.date >= lo && r.date <= hi && rule.kinds.includes(r.kind));
          own.push(result);
          const s = result.status;
          if (s === 'not-judged') summary.notJudged++;
          else if (s === 'exempt') summary.exempt++;
          else {
            summary.judged++;
            summary[s]++;
          }
        }
      }
      if (total === 0) {
        summary.withoutRecords.push({ name: leader.name, institution: leader.institution });
        withoutRecords.push(own);
      } else withRecords.push(own);
    });
    summary.records = records;
    summary.violations = summary.short + summary.over;
    summary.compliant = summary.violations === 0;
    return { results: [...withoutRecords.flat(), ...withRecords.flat()], summary, problems };
  }

  function sortedRecords(li: number): CountedRecord[] {
    return [...kept[li]].sort((a, b) => byDate(a, b) || KIND_INDEX[a.kind] - KIND_INDEX[b.kind]);
  }

  return {
    add,
    addFor: (leader, date, kind, source) => {
      const li = index.get(leader);
      if (li === undefined) throw new Error(`addFor: ${leader.name} is not one of the tally's leaders`);
      return addAt(li, date, kind, source, '');
    },
    range: () => ({ first, last }),
    finish,
    records: (leader) => {
      const li = index.get(leader);
      return li === undefined ? [] : sortedRecords(li);
    },
  };
}

export interface JudgeInput {
  leaders: Leader[];
  duties: Duty[];
  rules: Rule[];
  calendar: Calendar;
  from?: IsoDate;
  to?: IsoDate;
  leaves?: Leave[];
  lenient?: boolean;
  /** Default true: results[].records lists the duties that counted. */
  keepRecords?: boolean;
}

/**
 * Judges duty records against quota rules: one result per (leader, rule, period) overlapping
 * from..to, leaders without any record first. The planner and `rota check` both use it.
 */
export function judge(input: JudgeInput): Judgement {
  const tally = createTally({
    leaders: input.leaders,
    rules: input.rules,
    calendar: input.calendar,
    keepRecords: input.keepRecords ?? true,
    lenient: input.lenient,
  });
  const problems: Problem[] = [];
  for (const duty of input.duties) problems.push(...tally.add(duty));
  const j = tally.finish({ from: input.from, to: input.to, leaves: input.leaves });
  return { ...j, problems: [...problems, ...j.problems] };
}
