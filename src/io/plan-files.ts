// The files `rota plan --out DIR` writes: everything a round publishes, plus timetable.json.
import type { Calendar } from '../core/calendar.js';
import type { Config } from '../core/config.js';
import type { PlanReport } from '../core/engine/types.js';
import type { Duty } from '../core/types.js';
import type { OutFile } from './atomic-write.js';
import type { InputDigest } from './input-digest.js';
import { type PublishOptions, publishFiles } from './publish.js';

export interface PlanOutput {
  title: string;
  from: string;
  to: string;
  duties: Duty[];
  report: PlanReport;
  config: Config;
  inputs: InputDigest;
  /** SEQUENCE per slot, when the plan replaces an earlier publication (rota plan --replace). */
  sequences?: Record<string, number>;
}

/** The duty as published: exactly these keys, in this order (with, the 陪同单位, only when the round names them). */
export function publicDuty(
  d: Duty,
): Pick<
  Duty,
  'date' | 'weekday' | 'kind' | 'institution' | 'name' | 'title' | 'portfolio' | 'place' | 'with' | 'session' | 'hours' | 'mode' | 'role'
> {
  return {
    date: d.date,
    weekday: d.weekday,
    kind: d.kind,
    institution: d.institution,
    name: d.name,
    title: d.title,
    portfolio: d.portfolio,
    place: d.place,
    ...(d.with !== undefined ? { with: d.with } : {}),
    // A slot's fields only when it has them: the seed's timetable.json stays byte for byte.
    ...(d.session ? { session: d.session } : {}),
    ...(d.hours ? { hours: { start: d.hours.start, end: d.hours.end } } : {}),
    ...(d.mode ? { mode: d.mode } : {}),
    ...(d.role ? { role: d.role } : {}),
  };
}

/** The JSON document: the same on stdout (--json) and in timetable.json. */
export function planJson(out: PlanOutput): string {
  return `${JSON.stringify({ ...out, duties: out.duties.map(publicDuty) }, null, 2)}\n`;
}

/**
 * Everything a plan publishes, as files in memory: timetable.html, .csv (Excel-safe), .ics, .json and,
 * with `icsPerLeader`, ics/<姓名>.ics; `publishFolder` switches a folder to them in one step.
 * @example
 * const files = await planFiles(planOutput(round, outcome, digestFiles(paths)), round.calendar);
 * publishFolder('发布', files);
 */
export async function planFiles(out: PlanOutput, calendar: Calendar, options: PublishOptions = {}): Promise<OutFile[]> {
  return [...(await publishFiles(out.duties, out.config, calendar, options)), { path: 'timetable.json', content: planJson(out) }];
}
