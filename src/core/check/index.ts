// The checker's public core: judge() for whole arrays, createTally() for streams.

export {
  aboveMaximum,
  belowMinimum,
  judgePeriod,
  noWorkingDay,
  onLeaveThroughout,
  PERIOD_JUDGEMENTS,
  type PeriodFacts,
  periodCutByRange,
  type Status,
  type Verdict,
} from './judgements.js';
export { buildLeaves, LEAVE_COLUMNS, type Leave } from './leaves.js';
export { PERIOD_NAMES, type PeriodSpan, periodOf, periodsOverlapping, wholeInside } from './periods.js';
export {
  type CheckResult,
  type CheckSummary,
  type CountedRecord,
  createTally,
  defaultRange,
  type FinishOptions,
  type JudgeInput,
  type Judgement,
  judge,
  type Tally,
  type TallyOptions,
} from './tally.js';
