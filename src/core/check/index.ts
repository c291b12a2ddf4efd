// The checker's public core: judge() for whole arrays, createTally() for streams.
export { judge, createTally, defaultRange, type JudgeInput, type Judgement, type CheckResult, type CheckSummary, type CountedRecord, type Tally, type TallyOptions, type FinishOptions } from './tally.js';
export { periodOf, periodsOverlapping, wholeInside, PERIOD_NAMES, type PeriodSpan } from './periods.js';
export { LEAVE_COLUMNS, buildLeaves, type Leave } from './leaves.js';
export { PERIOD_JUDGEMENTS, judgePeriod, periodCutByRange, noWorkingDay, onLeaveThroughout, belowMinimum, aboveMaximum, unknownPerson, notWorkingDay, duplicateRecord, type Status, type Verdict, type PeriodFacts } from './judgements.js';
