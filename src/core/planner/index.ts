// The planner's public surface.

export { type CheckOptions, type Component, checkTimetable, dutyLeader, HARD_CONSTRAINTS, type HardConstraint } from './constraints.js';
export { buildContext, isEligible, type PlanContext, type ResolvedPin } from './context.js';
export { pinCauses } from './explain.js';
export { seededHash, TIE_RANGE, tieCost } from './hash.js';
export { LEVELS, ModelBuilder } from './model.js';
export { buildModel, components, dutyFor, plan, solveComponent, solveContext } from './plan.js';
export { PREFERENCES, type Preference } from './preferences.js';
export { DISTRICT_QUOTA_RULE_IDS, type QuotaNeed, quotaNeeds, quotaRulesFor } from './quota.js';
export { measureObjective } from './report.js';
export type * from './types.js';
