// The rotation planner's vocabulary (seed 四、(二)): 接访 at the centre and 下访 to sites, planned
// week by week (township) or month by month (county), over a month, a quarter or a year.
import type { Calendar } from '../calendar.js';
import type { Config, Rotation } from '../config.js';
import type { HistoryRecord, PlanReport } from '../planner/types.js';
import type { Site } from '../sites.js';
import type { DayInfo, IsoDate, Kind, Leader } from '../types.js';

export type RotationConfig = Pick<
  Config,
  'from' | 'to' | 'perDay' | 'maxPerLeader' | 'eligibleRanks' | 'order' | 'institutions' | 'seed' | 'place' | 'rules'
> & { rotation: Rotation };

export interface RotationInput {
  config: RotationConfig;
  /** Every day of the window (calendar.days(from, to)). */
  days: DayInfo[];
  leaders: Leader[];
  /** 下访 sites; none: 下访 duties are written with the place 待定 (to be decided). */
  sites?: Site[];
  /** Duty records so far; those inside the window are replaced by this plan. */
  history?: HistoryRecord[];
  /** The calendar beyond the window, for whole quota periods and weeks. */
  calendar: Calendar;
  bestEffort?: boolean;
  /** Told after each chunk (week or month) is solved: the browser app's progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** The rotation's objective, measured from the timetable itself, highest priority first (all minimised). */
export interface RotationObjective {
  /** 接访/下访 places below the per-day minimum (hard rule breaks). */
  unstaffed: number;
  /** Quota units still missing in the periods the window touches (the quota rules, elastic). */
  quotaShortfall: number;
  /** Site visits below the sites' monthly minimums, over whole months of the window. */
  siteShortfall: number;
  /** Activities planned (fewest that meet the rules above). */
  activities: number;
  /** Pairs of consecutive working days served by the same leader. */
  consecutive: number;
  /** Σ over leaders and kinds of n(n−1)/2: smaller is a more even split of 接访 and 下访. */
  unevenness: number;
  /** Site gaps longer than rotation.siteGapDays. */
  siteGaps: number;
  /** 下访 to a site whose 相关分管 does not match the leader's 分管工作. */
  portfolioMismatch: number;
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

export interface RotationReport extends Omit<PlanReport, 'objective' | 'model'> {
  objective: RotationObjective;
  /** Model sizes summed over chunks; coarsened: lowest preferences left out of the largest chunk (0 normally). */
  model: PlanReport['model'] & { coarsened: number };
  kinds: Record<Kind, number>;
  sites: SiteCoverage[];
  /** How the horizon was cut and solved. */
  decomposition: { mode: Rotation['decompose']; chunks: number; siteMonths: number };
}

export interface RotationResult {
  duties: import('../types.js').Duty[];
  report: RotationReport;
}

/** One activity chosen by the first stage: leader, working day, kind. */
export interface Activity {
  leader: number;
  day: number;
  kind: Kind;
}

export type { IsoDate };
