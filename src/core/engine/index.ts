// The engine's surface: one planner, one rule set, for every preset.
export { buildContext, isEligible, type PlanContext, type Published, type ResolvedPin } from './context.js';
export { pinCauses, quotaReason } from './explain.js';
export { seededHash } from './hash.js';
export { LEVELS, ModelBuilder } from './model.js';
export { buildModel, components, dutyOf, pieces, plan, solveContext } from './plan.js';
export { changedDays, PREFERENCES, type Preference, tieCost } from './preferences.js';
export { leftOut, measureObjective, softUnmet, stillShort } from './report.js';
export { type CheckOptions, checkTimetable, dutyLeader, HARD_RULES, type HardRule } from './rules.js';
export { longestGap, portfolioMatches, SITE_RULES, type SiteRule, siteCoverage, UNDECIDED_SITE } from './sites.js';
export type * from './types.js';
