// Incremental counting for the checker: one duty at a time into a per-leader, per-day, per-kind
// grid (its size depends on leaders and days, never on the number of lines), then judgement of
// every (leader, rule, period) at the end. Pure: the caller feeds the duties.

import type { Calendar } from '../calendar.js';
import { byDate, dayNumber, daysInMonth, fromDayNumber, isLeapYear, isoWeekday } from '../dates.js';
import { groupBy } from '../group-by.js';
import { inOfficeOn, leaderKey } from '../leaders.js';
import { problem } from '../messages.js';
import { ruleApplies } from '../rules.js';
import { termsOverlap } from '../term.js';
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
  /** The ranks the round plans (its eligibleRanks): a leader of another rank is on no roster here and not judged. Default: all. */
  ranks?: readonly Rank[];
}

export interface FinishOptions {
  /** Default: the first record's date, moved back over days without a duty (defaultRange). */
  from?: IsoDate;
  /** Default: the last record's date, moved on over days without a duty. */
  to?: IsoDate;
  leaves?: Leave[];
  /** Judge only the periods sharing a day with this range (the plan's report asks about its window's, still counted over from..to). */
  only?: { from: IsoDate; to: IsoDate };
}

export interface Tally {
  /** Counts one duty; `leader` when the caller already matched it (recordReader). Returns the line's problems. */
  add(duty: Duty, leader?: Leader): Problem[];
  /** The index of a leader of the tally (for addDay), or -1. */
  indexOf(leader: Leader): number;
  /**
   * Counts a duty without a Duty object (the checker's fast path): the leader by indexOf, the date as
   * its dayNumber, the kind as 0 接访 / 1 下访. As add(), without the place.
   */
  addDay(leader: number, day: number, kind: number, file: string, line: number): Problem[];
  /** First and last date among the counted duties. */
  range(): { first?: IsoDate; last?: IsoDate };
  finish(options?: FinishOptions): Judgement;
  /** Every counted duty of a leader, by date then kind (needs keepRecords). */
  records(leader: Leader): CountedRecord[];
}

const KIND_INDEX: Record<Kind, number> = { 接访: 0, 下访: 1 };
const KINDS: Kind[] = ['接访', '下访'];
const BOTH_KINDS = [0, 1];
const CELLS = 366 * 2;
/**
 * A leader's first few counted duties are also kept as a list (day · 2 + kind): a period's count is then
 * a look at those few, not prefix sums over every day of the range (a plan's report judges a quarter for
 * leaders with one or two duties each). Past this many, the leader's counts come from the grid.
 */
const FEW = 16;

interface YearGrid {
  /** Line of the first record of (day of year, kind); 0 = none. */
  line: Int32Array;
  /** The file of that record, by index in files; made only once a record comes from a second file (undefined: all from the first). */
  file?: Int32Array;
}

interface DayFacts {
  date: IsoDate;
  year: number;
  doy: number;
  working: boolean;
  reason?: string;
  /** A working day the round's pattern makes no duty day. */
  nonDuty?: true;
}

/**
 * The default checked range: the records' first to last date, each end moved out to the edge of its week,
 * month, quarter or year when only days without a duty lie between (weekends, holidays, working days the
 * round's pattern leaves out). So a period is judged when the records cover every duty day of it: a round
 * that starts on a Monday or after a holiday has its first week judged; one that starts mid-week or
 * mid-month is not judged on the days before its first record, nor after its last.
 */
export function defaultRange(first: IsoDate, last: IsoDate, calendar: Calendar): { from: IsoDate; to: IsoDate } {
  const noDuty = (day: number) => {
    const d = calendar.day(fromDayNumber(day));
    return !d.working || d.nonDuty === true;
  };
  const f = dayNumber(first);
  const l = dayNumber(last);
  const at = (y: number, m: number, d: number) => dayNumber(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const [y0, m0] = [+first.slice(0, 4), +first.slice(5, 7)];
  const [y1, m1] = [+last.slice(0, 4), +last.slice(5, 7)];
  const q0 = m0 - ((m0 - 1) % 3);
  const q1 = m1 + 2 - ((m1 - 1) % 3);
  // Starts of the week, month, quarter and year holding the first record; ends of those holding the last.
  const starts = [f - isoWeekday(first) + 1, at(y0, m0, 1), at(y0, q0, 1), at(y0, 1, 1)];
  const ends = [l + 7 - isoWeekday(last), at(y1, m1, daysInMonth(y1, m1)), at(y1, q1, daysInMonth(y1, q1)), at(y1, 12, 31)];
  let reach = f;
  while (reach > Math.min(...starts) && noDuty(reach - 1)) reach--;
  let further = l;
  while (further < Math.max(...ends) && noDuty(further + 1)) further++;
  const from = Math.min(f, ...starts.filter((d) => d >= reach));
  const to = Math.max(l, ...ends.filter((d) => d <= further));
  return { from: fromDayNumber(from), to: fromDayNumber(to) };
}

export function createTally(options: TallyOptions): Tally {
  const { leaders, rules, calendar } = options;
  const severity = options.lenient ? 'warning' : 'error';
  const index = new Map<Leader, number>(leaders.map((l, i) => [l, i]));
  const byName = groupBy(leaders, (l) => l.name);
  // Per year, each leader's grid (made at the leader's first record of the year).
  const grids = new Map<number, Array<YearGrid | undefined>>();
  const gridsOf = (year: number) => {
    let g = grids.get(year);
    if (!g) grids.set(year, (g = new Array(leaders.length).fill(undefined)));
    return g;
  };
  const kept: CountedRecord[][] = leaders.map(() => []);
  // Each leader's counted cells while there are at most FEW (undefined: none yet; null: more).
  const few: Array<number[] | null | undefined> = new Array(leaders.length).fill(undefined);
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  // Facts of each day seen, by day number: a few hundred distinct days in a million records.
  const days = new Map<number, DayFacts>();
  let first = Infinity;
  let last = -Infinity;

  // Records come by date: the last day's facts and grids are kept at hand.
  let lastDay = Number.NaN;
  let lastFacts: DayFacts | undefined;
  let lastGrids: Array<YearGrid | undefined> = [];

  function facts(day: number): DayFacts {
    if (day === lastDay) return lastFacts!;
    let f = days.get(day);
    if (!f) {
      const date = fromDayNumber(day);
      const year = +date.slice(0, 4);
      const info = calendar.day(date);
      f = { date, year, doy: day - dayNumber(`${year}-01-01`), working: info.working, reason: info.reason, nonDuty: info.nonDuty };
      days.set(day, f);
    }
    return f;
  }

  function resolve(duty: Duty): Leader | undefined {
    const named = byName.get(duty.name) ?? [];
    const same = duty.institution ? named.filter((l) => l.institution === duty.institution) : inOfficeOn(named, duty.date);
    return same.length === 1 ? same[0] : undefined;
  }

  const NONE: Problem[] = [];
  let lastFile: string | undefined;
  let lastFileIndex = 0;

  function add(duty: Duty, given?: Leader): Problem[] {
    const leader = given ?? resolve(duty);
    const li = leader === undefined ? undefined : index.get(leader);
    if (li === undefined) {
      const at = { file: duty.source?.file, line: duty.source?.line };
      return [problem('leader.not-listed', { name: duty.name, institution: duty.institution }, { severity, ...at, field: '姓名' })];
    }
    return addAt(li, dayNumber(duty.date), KIND_INDEX[duty.kind], duty.source?.file, duty.source?.line, duty.place);
  }

  function addAt(li: number, day: number, kind: number, file: string | undefined, line: number | undefined, place: string): Problem[] {
    let problems = NONE;
    const f = facts(day);
    if (f.nonDuty) problems = [problem('record.not-duty-day', { date: f.date }, { severity, file, line, field: '日期' })];
    else if (!f.working)
      problems = [problem('record.not-working-day', { date: f.date, why: f.reason }, { severity, file, line, field: '日期' })];
    if (day !== lastDay) {
      lastDay = day;
      lastFacts = f;
      lastGrids = gridsOf(f.year);
    }
    let grid = lastGrids[li];
    if (!grid) {
      grid = { line: new Int32Array(CELLS) };
      lastGrids[li] = grid;
    }
    const cell = f.doy * 2 + kind;
    if (grid.line[cell] !== 0) {
      const where = `${files[grid.file?.[cell] ?? 0]}:${grid.line[cell]}`;
      return [...problems, problem('record.duplicate', { where }, { severity, file, line })];
    }
    const name = file ?? '';
    if (name !== lastFile) {
      let fi = fileIndex.get(name);
      if (fi === undefined) {
        fi = files.length;
        files.push(name);
        fileIndex.set(name, fi);
      }
      lastFile = name;
      lastFileIndex = fi;
    }
    grid.line[cell] = line ?? -1;
    const mine = few[li];
    if (mine === undefined) few[li] = [day * 2 + kind];
    else if (mine !== null && mine.length < FEW) mine.push(day * 2 + kind);
    else few[li] = null;
    if (lastFileIndex > 0) (grid.file ??= new Int32Array(CELLS))[cell] = lastFileIndex;
    if (day < first) first = day;
    if (day > last) last = day;
    if (options.keepRecords) kept[li].push({ date: f.date, kind: KINDS[kind], place, ...(file !== undefined ? { file, line } : {}) });
    return problems;
  }

  /**
   * Leader li's count of duties of the given kinds (0 接访, 1 下访) from day lo to hi, within from..to: from
   * the few cells kept, or by prefix sums over from..to made once (a period's count is then two lookups).
   */
  function counter(li: number, from: number, to: number): (kinds: number[], lo: number, hi: number) => number {
    const cells = few[li];
    if (cells === undefined) return () => 0;
    if (cells !== null)
      return (kinds, lo, hi) => {
        let n = 0;
        for (const c of cells) if (c >> 1 >= lo && c >> 1 <= hi && kinds.includes(c & 1)) n++;
        return n;
      };
    const sums = prefixCounts(li, from, to);
    return (kinds, lo, hi) => {
      let n = 0;
      for (const k of kinds) n += sums[k][hi - from + 1] - sums[k][lo - from];
      return n;
    };
  }

  /**
   * Per kind, how many duties leader `li` has before each day of from..to (prefix sums), so that a
   * period's count is two lookups: counts(k)[d - from + 1] - counts(k)[d0 - from].
   */
  function prefixCounts(li: number, from: number, to: number): Int32Array[] {
    const out = KINDS.map(() => new Int32Array(to - from + 2));
    for (let d = from; d <= to; ) {
      const f = facts(d);
      const yearEnd = Math.min(to, d - f.doy + (isLeapYear(f.year) ? 365 : 364));
      const grid = grids.get(f.year)?.[li];
      for (let k = 0; k < KINDS.length; k++) {
        const sums = out[k];
        for (let dd = d, cell = f.doy * 2 + k; dd <= yearEnd; dd++, cell += 2)
          sums[dd - from + 1] = sums[dd - from] + (grid !== undefined && grid.line[cell] !== 0 ? 1 : 0);
      }
      d = yearEnd + 1;
    }
    return out;
  }

  function finish(fo: FinishOptions = {}): Judgement {
    const problems: Problem[] = [];
    const dflt = first <= last ? defaultRange(fromDayNumber(first), fromDayNumber(last), calendar) : undefined;
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
    const fromDay = dayNumber(from);
    const toDay = dayNumber(to);
    interface SpanFacts {
      span: PeriodSpan;
      workingDays: IsoDate[];
      offReasons: string[];
      patterned: boolean;
      /** The span cut to from..to, as text and as day numbers. */
      lo: IsoDate;
      hi: IsoDate;
      loDay: number;
      hiDay: number;
    }
    const spans = new Map<string, SpanFacts>();
    const spanFacts = (span: PeriodSpan) => {
      let s = spans.get(span.key);
      if (!s) {
        const inside = calendar.days(span.from, span.to);
        const offReasons = [...new Set(inside.filter((d) => !d.working && d.isoWeekday <= 5 && d.reason).map((d) => d.reason!))];
        const lo = span.from < from ? from : span.from;
        const hi = span.to > to ? to : span.to;
        s = {
          span,
          workingDays: inside.filter((d) => d.working).map((d) => d.date),
          offReasons,
          patterned: inside.some((d) => d.nonDuty),
          lo,
          hi,
          loDay: dayNumber(lo),
          hiDay: dayNumber(hi),
        };
        spans.set(span.key, s);
      }
      return s;
    };
    const judged = (span: PeriodSpan) => !fo.only || (span.from <= fo.only.to && span.to >= fo.only.from);
    const periodLists = new Map(rules.map((r) => [r.period, periodsOverlapping(r.period, from, to).filter(judged).map(spanFacts)]));
    const ruleKinds = new Map(rules.map((r) => [r, r.kinds.map((k) => KIND_INDEX[k])]));
    const leavesOf = groupBy(fo.leaves ?? [], leaderKey);
    const summary = { ...empty, from, to };
    const withRecords: CheckResult[][] = [];
    const withoutRecords: CheckResult[][] = [];
    let records = 0;
    leaders.forEach((leader, li) => {
      const count = counter(li, fromDay, toDay);
      const total = count(BOTH_KINDS, fromDay, toDay);
      records += total;
      const own: CheckResult[] = [];
      const leaves = (leavesOf.size && leavesOf.get(leaderKey(leader))) || [];
      const mine = options.keepRecords ? sortedRecords(li) : [];
      const rostered = !options.ranks || options.ranks.includes(leader.rank);
      for (const rule of rules) {
        if (!rostered || !ruleApplies(rule, leader)) continue;
        const kinds = ruleKinds.get(rule)!;
        for (const sf of periodLists.get(rule.period)!) {
          const { span, lo, hi } = sf;
          const n = count(kinds, sf.loDay, sf.hiDay);
          const verdict = judgePeriod({
            rule,
            span,
            from,
            to,
            count: n,
            workingDays: sf.workingDays,
            offReasons: sf.offReasons,
            patterned: sf.patterned,
            leaves,
            term: leader.term,
          });
          // Written out, not spread: unoptimised (a plan's report), spreading copies each part once more.
          const result = {
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
          } as CheckResult;
          if (rule.max !== undefined) result.max = rule.max;
          result.status = verdict?.status ?? 'ok';
          if (verdict) result.reason = verdict.reason;
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
      if (total === 0 && rostered && termsOverlap(leader.term, { from, to })) {
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
    indexOf: (leader) => index.get(leader) ?? -1,
    addDay: (li, day, kind, file, line) => addAt(li, day, kind, file, line, ''),
    range: () => (first <= last ? { first: fromDayNumber(first), last: fromDayNumber(last) } : {}),
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
  /** Judge only the periods sharing a day with this range (FinishOptions.only). */
  only?: { from: IsoDate; to: IsoDate };
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
  for (const duty of input.duties) {
    const found = tally.add(duty);
    if (found.length) problems.push(...found);
  }
  const j = tally.finish({ from: input.from, to: input.to, leaves: input.leaves, only: input.only });
  return { ...j, problems: [...problems, ...j.problems] };
}
