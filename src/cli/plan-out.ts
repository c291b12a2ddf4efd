// rota plan --out and --json: the inputs' digest, the publication and timetable.json. A bundle of its
// own (dist/cli/plan-out.cjs, scripts/build.mjs), so a plan shown on the screen neither loads nor
// compiles the published files' code (calendar, page, notices, .docx), nor reads its code cache.
import type { PlanOutcome } from '../app/plan.js';
import { planInputPaths, planOutput } from '../app/publish.js';
import { publishPlan } from '../app/publish-commands.js';
import type { Round } from '../app/round.js';
import type { CsvEncoding } from '../io/csv-write.js';
import { digestFiles } from '../io/digest.js';
import { planJson } from '../io/plan-files.js';
import { reportProblems } from './exit.js';
import { reportWritten, writeOut } from './output.js';
import { todayOption } from './today.js';

export { planOverPublishedAdvice, publishedFolder } from '../io/publication.js';

export interface PlanOutOptions {
  config?: string;
  out?: string;
  json?: boolean;
  encoding: CsvEncoding;
  icsPerLeader?: boolean;
  replace?: boolean;
}

/** Publishes the plan into --out and prints it as JSON with --json (inputs digested from `read`, the bytes read by path, else from disk); true when the JSON was printed. */
export async function writePlan(
  round: Round,
  result: PlanOutcome,
  opts: PlanOutOptions,
  read: ReadonlyMap<string, Uint8Array> = new Map(),
): Promise<boolean> {
  const inputs = digestFiles(planInputPaths(round, opts.config), read);
  if (opts.out) {
    const options = { today: todayOption(undefined), encoding: opts.encoding, icsPerLeader: opts.icsPerLeader, replace: opts.replace };
    const r = await publishPlan(opts.out, round, result, inputs, options);
    reportProblems(r.problems);
    reportWritten(r.written);
  }
  if (opts.json) writeOut(planJson(planOutput(round, result, inputs)));
  return Boolean(opts.json);
}
