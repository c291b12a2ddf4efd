// The planner's public surface.
export { plan, solveContext, components, buildModel, solveComponent, dutyFor } from './plan.js';
export { buildContext, isEligible, type PlanContext, type ResolvedPin } from './context.js';
export { HARD_CONSTRAINTS, checkTimetable, dutyLeader, type HardConstraint, type Component, type CheckOptions } from './constraints.js';
export { pinCauses } from './explain.js';
export { PREFERENCES, type Preference } from './preferences.js';
export { quotaNeeds, quotaRulesFor, DISTRICT_QUOTA_RULE_IDS, type QuotaNeed } from './quota.js';
export { seededHash, tieCost, TIE_RANGE } from './hash.js';
export { measureObjective } from './report.js';
export { ModelBuilder, LEVELS } from './model.js';
export type * from './types.js';
