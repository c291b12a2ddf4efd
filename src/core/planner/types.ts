// The planner's vocabulary: what goes in, what comes out, and how a rule explains a failure.
import type { Calendar } from '../calendar.js';
import type { Config } from '../config.js';
import type { DayInfo, Duty, IsoDate, Kind, Leader, Rule, SourceRef } from '../types.js';

/** A duty record so far (from --history), already matched to a leader of the lists. */
export interface HistoryRecord {
  date: IsoDate;
  kind: Kind;
  name: string;
  institution: string;
}

/** A fixed assignment kept through planning (锁定). */
export interface Pin {
  date: IsoDate;
  name: string;
  /** Tells namesakes apart; optional when the name is unique. */
  institution?: string;
}

export type PlanConfig = Pick<
  Config,
  'from' | 'to' | 'perDay' | 'maxPerLeader' | 'eligibleRanks' | 'order' | 'institutions' | 'seed' | 'place'
>;

export interface PlanInput {
  config: PlanConfig;
  /** Every day of the window (calendar.days(from, to)); duties go on the working ones. */
  days: DayInfo[];
  leaders: Leader[];
  /** Duty records so far; those dated inside the window are ignored (this round replaces them). */
  history?: HistoryRecord[];
  /** Quota rules whose shortfall the plan reduces first (seed: district-quarterly). */
  quotaRules?: Rule[];
  /** Rules the report judges, with the checker, after planning (default: quotaRules). */
  reportRules?: Rule[];
  /** The calendar beyond the window, for whole quota periods (default: national, with `days` as given). */
  calendar?: Calendar;
  pins?: Pin[];
  /** Activity kind of this round; default 接访. */
  kind?: Kind;
  /** Write the plan that breaks the fewest hard rules instead of giving up. */
  bestEffort?: boolean;
}

/** A rule a timetable breaks, naming the people and the days. */
export interface Violation {
  /** The constraint's id, e.g. max-per-leader. */
  rule: string;
  /** The constraint's sentence. */
  sentence: string;
  /** One line for the clerk: Chinese first, English after. */
  message: string;
  names: string[];
  dates: IsoDate[];
  /** The timetable row the violation points at (file, line, column), when the duty came from a CSV. */
  source?: SourceRef;
}

/** Why no plan exists: a cause found directly, naming institution, days, leaders and their absences. */
export interface Cause {
  kind: 'no-leader-on-day' | 'hall' | 'pin';
  institution?: string;
  dates: IsoDate[];
  names: string[];
  message: string;
}

export interface LeftOut {
  name: string;
  institution: string;
  title: string;
  rank: string;
  reason: string;
}

export interface StillShort {
  name: string;
  institution: string;
  rule: string;
  period: string;
  count: number;
  min: number;
  /** Why the plan could not meet it (rotation plans say so for each unmet quota). */
  reason?: string;
}

export interface SoftUnmet {
  preference: string;
  sentence: string;
  message: string;
  names: string[];
  dates: IsoDate[];
}

/** The objective's levels, highest priority first (all minimised). */
export interface ObjectiveValue {
  /** Quota units still missing among leaders the round could serve. */
  quotaShortfall: number;
  /** Pairs of consecutive working days served by the same leader. */
  consecutive: number;
  /** Σ over leaders of n(n−1)/2 (0 when nobody serves twice): smaller is more even. */
  unevenness: number;
  /** Seeded tie-break: Σ of the chosen duties' hash costs. */
  tieBreak: number;
}

export interface ModelSize {
  variables: number;
  constraints: number;
  /** Independent subproblems solved one by one (one per institution in cycle order). */
  components: number;
}

export interface PlanReport {
  status: 'optimal' | 'infeasible' | 'best-effort';
  workingDays: number;
  duties: number;
  objective: ObjectiveValue;
  leftOut: LeftOut[];
  stillShort: StillShort[];
  softUnmet: SoftUnmet[];
  /** Why no plan keeps every hard rule (infeasible or best-effort). */
  causes: Cause[];
  /** Hard rules the written timetable breaks (best-effort), or the fewest any timetable must break. */
  breaks: Violation[];
  model: ModelSize;
}

export interface PlanResult {
  /** In date order; empty when infeasible without best-effort. */
  duties: Duty[];
  report: PlanReport;
}
