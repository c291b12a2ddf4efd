// What a plan publishes: the document behind timetable.json and `rota plan --json` (planFiles and
// planJson turn it into the files), with the digest of the inputs it was made from.
import type { InputDigest } from '../io/input-digest.js';
import type { PlanOutput } from '../io/plan-files.js';
import type { PlanOutcome } from './plan.js';
import type { Round } from './round.js';

/** The input files a plan names in its digest, in this order: configuration, leaders, records, holidays, sites. */
export function planInputPaths(round: Round, configFile: string | undefined): string[] {
  const c = round.config;
  return [
    ...(configFile ? [configFile] : []),
    ...c.leaders,
    ...c.history,
    ...(c.holidays ? [c.holidays] : []),
    ...(c.sites ? [c.sites] : []),
  ];
}

/** The document behind timetable.json and `rota plan --json`: the plan, its report, the configuration, the inputs' digest. */
export function planOutput(round: Round, outcome: PlanOutcome, inputs: InputDigest): PlanOutput {
  const { config } = round;
  return { title: config.title, from: config.from, to: config.to, duties: outcome.duties, report: outcome.report, config, inputs };
}
