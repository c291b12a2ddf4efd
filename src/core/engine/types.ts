// The planner's vocabulary: what goes in, what comes out, and how a rule explains a failure. One
// set of types for every preset (district round, township weekly, county monthly).
import type { Calendar } from '../calendar.js';
import type { Config } from '../config.js';
import type { Site } from '../sites.js';
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
  /** 接访 unless given. */
  kind?: Kind;
}

/**
 * A preset's rules as the engine reads them: numbers only, derived from the configuration by
 * rulesetOf (src/core/presets.ts). No rule asks which preset it is in; each reads these parameters.
 */
export interface Ruleset {
  /** 接访 places at the centre per working day. */
  reception: { min: number; max: number };
  /** 下访 slots per working day. */
  visits: { min: number; max: number };
  /** At most this many activities per leader in the whole window (the district round's per-round maximum). */
  maxPerRound?: number;
  /** At most this many activities per leader per ISO week. */
  maxPerWeek?: number;
  /** Rules whose shortfall the plan reduces first. */
  quotaRules: Rule[];
  /** No site should go longer than this many calendar days without a 下访. */
  siteGapDays: number;
  /** How the one solve splits the work: independent components, or ISO weeks / months carried forward, or whole. */
  strategy: 'components' | 'week' | 'month' | 'whole';
  /** Tie-break costs lie in 0 … tieRange − 1 (narrower when more levels lie above it). */
  tieRange: number;
}

export type PlanConfig = Pick<
  Config,
  'from' | 'to' | 'perDay' | 'maxPerLeader' | 'eligibleRanks' | 'order' | 'institutions' | 'seed' | 'place'
> &
  Partial<Pick<Config, 'rules' | 'rotation' | 'serveOn' | 'units' | 'slots'>>;

export interface PlanInput {
  config: PlanConfig;
  /** Every day of the window (calendar.days(from, to)); duties go on the working ones. */
  days: DayInfo[];
  leaders: Leader[];
  /** Duty records so far; those dated inside the window are ignored (this plan replaces them). */
  history?: HistoryRecord[];
  /** 下访 sites; none: 下访 duties are written with the place 待定 (to be decided). */
  sites?: Site[];
  /** The calendar beyond the window, for whole quota periods (default: national, with `days` as given). */
  calendar?: Calendar;
  pins?: Pin[];
  /** Write the plan that breaks the fewest hard rules instead of giving up. */
  bestEffort?: boolean;
  /** Told after each piece (component, week or month) is solved: the browser app's progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** A rule a timetable breaks, naming the people and the days. */
export interface Violation {
  /** The rule's id, e.g. max-per-leader. */
  rule: string;
  /** The rule's sentence. */
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
  /** The rule that left the leader out (its id), or quota-met / more-leaders-than-places. */
  rule: string;
  reason: string;
}

export interface StillShort {
  name: string;
  institution: string;
  rule: string;
  period: string;
  count: number;
  min: number;
  /** Why the plan could not meet it. */
  reason?: string;
  /** The calendar made it unavoidable: the period has no working day, or too few for every leader's quota (a holiday week). */
  calendar?: true;
}

/** A rule of the configuration this kind of plan does not serve, but whose leaders it schedules: left for other plans. */
export interface OtherPlan {
  rule: string;
  description: string;
  /** Periods in which someone is still short, sorted. */
  periods: string[];
  /** Leaders still short in any of them, in list order. */
  names: string[];
}

export interface SoftUnmet {
  preference: string;
  sentence: string;
  message: string;
  names: string[];
  dates: IsoDate[];
}

/** Each preference's measure of the timetable, by preference id, highest priority first (all minimised). */
export type ObjectiveValue = Record<string, number>;

export interface ModelSize {
  variables: number;
  constraints: number;
  /** Subproblems solved one by one (components or chunks, plus site months). */
  components: number;
  /** Of those, solved as min-cost flows (engine/network.ts); the rest by the integer program. */
  networks: number;
  /** Lowest preferences left out of the largest subproblem to keep its weights exact (0 normally). */
  coarsened: number;
}

export interface SiteCoverage {
  name: string;
  type: '村' | '社区';
  monthlyMin: number;
  visits: number;
  /** Visits per month (YYYY-MM) of the window. */
  perMonth: Record<string, number>;
  /** Longest stretch of calendar days without a visit, from the window's start to its end. */
  longestGap: number;
  /** Visits by a leader whose 分管工作 matches the site's 相关分管. */
  matched: number;
}

export interface PlanReport {
  status: 'optimal' | 'infeasible' | 'best-effort';
  workingDays: number;
  duties: number;
  /** 接访 and 下访 places below the per-day minimums (the breaks best effort minimises first). */
  unstaffed: number;
  /** 接访 and 下访 in the timetable. */
  kinds: Record<Kind, number>;
  objective: ObjectiveValue;
  leftOut: LeftOut[];
  /** The quota rules this kind of plan serves, each with how many (leader, period) pairs are still short. */
  served: Array<{ rule: string; description: string; short: number }>;
  /** What this timetable achieves: leaders still short of this plan's own quota rules, each with its reason. */
  stillShort: StillShort[];
  /** What remains for other plans: one summary per rule that this kind of plan does not serve. */
  otherPlans: OtherPlan[];
  softUnmet: SoftUnmet[];
  /** Why no plan keeps every hard rule (infeasible or best-effort). */
  causes: Cause[];
  /** Hard rules the written timetable breaks (best-effort), or the fewest any timetable must break. */
  breaks: Violation[];
  /** Visits per 下访 site (none without sites). */
  sites: SiteCoverage[];
  model: ModelSize;
}

export interface PlanResult {
  /** In date order; empty when infeasible without best-effort. */
  duties: Duty[];
  report: PlanReport;
}
