// A batch 批量: every office folder under one folder (a city's districts, a province's townships),
// each with its rota.json and lists, planned as `rota plan -c OFFICE/rota.json --out OUT/OFFICE` would.
// One office per call, and one office's failure is its own line in the summary: src/cli/batch.ts
// spreads the calls over worker threads.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { StillShort } from '../core/engine/types.js';
import { clip } from '../core/limits.js';
import { problem } from '../core/messages.js';
import { formatProblem } from '../core/problems.js';
import type { Problem } from '../core/types.js';
import { loadConfig } from '../io/config-file.js';
import { officeFieldProblems } from '../io/config-parse.js';
import { digestFiles } from '../io/digest.js';
import { planOverPublishedAdvice, publishedFolder } from '../io/publication.js';
import type { PublishOptions } from '../io/publish.js';
import { unreadable } from '../io/read-file.js';
import { readFromDisk } from '../io/read-round.js';
import { planRound } from './plan.js';
import { planInputPaths } from './publish.js';
import { publishPlan } from './publish-commands.js';
import { loadRound } from './round.js';

/**
 * ok: every quota met; short: planned, some quotas unmet (exit 0, as rota plan); infeasible: no plan
 * keeps every rule (exit 1); bad-input: a file is wrong or cannot be written (exit 2); failed: rota's own bug (exit 70).
 */
export type OfficeStatus = 'ok' | 'short' | 'infeasible' | 'bad-input' | 'failed';

/** The statuses, most serious first: the order the summary groups offices in. */
export const PLAN_STATUSES: OfficeStatus[] = ['failed', 'bad-input', 'infeasible', 'short', 'ok'];

export interface OfficeSummary {
  /** The office's folder name. */
  office: string;
  preset: string;
  status: OfficeStatus;
  duties: number;
  /** Quotas still short after planning (holiday weeks, leaves), each reported in the office's timetable.json. */
  unmet: number;
  /** Of those, the ones the calendar made unavoidable (a period with no or too few working days). */
  calendar: number;
  /** Why the office is not ok, in one short line: its first problem or cause, or its top unmet quota. */
  reason?: string;
  ms: number;
}

export interface BatchPlanOptions extends PublishOptions {
  /** Publish each office into OUT/<office>/ as \`rota plan --out\` does: one switch per office, a published folder refused. */
  out?: string;
  /** Replace a published OUT/<office>/ on purpose, as \`rota plan --out --replace\` (calendar SEQUENCE keeps rising). */
  replace?: boolean;
  bestEffort?: boolean;
  /** Today (Beijing time), the publication's date when a configuration has none. */
  today?: string;
  /** Command-line values for every office's configuration (from, to, region, seed). */
  overrides?: Record<string, unknown>;
}

/** The office folders under `dir` (those holding a rota.json), by name. */
export function findOffices(dir: string): { offices: string[]; problems: Problem[] } {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'rota.json')))
      .map((e) => e.name)
      .sort();
  } catch (e) {
    return { offices: [], problems: [unreadable(dir, e)] };
  }
  if (names.length === 0)
    return {
      offices: [],
      problems: [problem('batch.no-office', {}, { file: dir })],
    };
  return { offices: names, problems: [] };
}

/** The longest reason a summary line shows: a city reads one line per office. */
export const REASON_CHARS = 160;

/** A reason in one short line: the first line, cut to REASON_CHARS with the cut said. */
export const oneLine = (text: string) => clip(text.split('\n')[0], REASON_CHARS);

/** An office's reason line: its first error, and how many more. */
export function because(problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const more = errors.length > 1 ? `（另有 ${errors.length - 1} 处 and ${errors.length - 1} more）` : '';
  return `${oneLine(formatProblem(errors[0]))}${more}`;
}

/** The top unmet quota of a plan: a missed one before one the calendar made unavoidable, with how many of each. */
function topShortfall(short: StillShort[]): string {
  const missed = short.filter((s) => !s.calendar);
  const first = missed[0] ?? short[0];
  const counts = `未满足 ${short.length} 项：其他原因 ${missed.length}，节假日所致 ${short.length - missed.length} (${missed.length} missed, ${short.length - missed.length} calendar)`;
  // The reason's Chinese only: the English in parentheses at its end is in timetable.json.
  return oneLine(`${counts}；${first.name}（${first.institution}）${first.period}：${(first.reason ?? '').replace(/\s*\([^()]*\)$/, '')}`);
}

/** Plans the office in `dir/office`; never throws. */
export async function planOffice(dir: string, office: string, options: BatchPlanOptions = {}): Promise<OfficeSummary> {
  const t0 = performance.now();
  const summary = (s: Pick<OfficeSummary, 'preset' | 'status'> & Partial<OfficeSummary>): OfficeSummary => ({
    office,
    duties: 0,
    unmet: 0,
    calendar: 0,
    ...s,
    ms: performance.now() - t0,
  });
  let preset = '';
  try {
    const file = join(dir, office, 'rota.json');
    const { config, problems, seedFields } = loadConfig(file, options.overrides);
    if (!config) return summary({ preset, status: 'bad-input', reason: because(problems) });
    preset = config.preset ?? 'district';
    const loaded = loadRound(config, readFromDisk);
    if (!loaded.round) return summary({ preset, status: 'bad-input', reason: because(loaded.problems) });
    const seeded = options.out ? officeFieldProblems(seedFields, file) : [];
    if (seeded.length) return summary({ preset, status: 'bad-input', reason: because(seeded) });
    const round = loaded.round;
    // As rota plan --out: a folder already published is changed by replan, or replaced only on purpose.
    const target = options.out ? join(options.out, office) : undefined;
    if (target && publishedFolder(target) && !options.replace)
      return summary({ preset, status: 'bad-input', reason: oneLine(`已经发布过的文件夹 ${target}：${planOverPublishedAdvice(target)}`) });
    const result = planRound(round, { bestEffort: options.bestEffort });
    const { report } = result;
    if (report.status === 'infeasible') {
      const first = report.causes[0]?.message ?? report.breaks[0]?.message ?? '';
      return summary({ preset, status: 'infeasible', reason: oneLine(first) });
    }
    const counts = { unmet: report.stillShort.length, calendar: report.stillShort.filter((s) => s.calendar).length };
    if (target) {
      // The same publication step as rota plan --out (its date: the configuration's, else the window's first day).
      const today = options.today ?? config.published ?? config.from;
      const r = await publishPlan(target, round, result, digestFiles(planInputPaths(round, file)), { ...options, today });
      if (r.problems.some((p) => p.severity === 'error')) return summary({ preset, status: 'bad-input', reason: because(r.problems) });
    }
    const short = report.stillShort.length > 0;
    return summary({
      preset,
      status: short ? 'short' : 'ok',
      duties: result.duties.length,
      ...counts,
      ...(short ? { reason: topShortfall(report.stillShort) } : {}),
    });
  } catch (e) {
    const write = (e as Error).name === 'WriteError';
    return summary({ preset, status: write ? 'bad-input' : 'failed', reason: oneLine((e as Error).message) });
  }
}

/** The batch's exit code: 70 if rota failed on an office, else 2 if any input is bad, else 1 if any office is infeasible. */
export function batchExitCode(results: OfficeSummary[]): number {
  const has = (s: OfficeStatus) => results.some((r) => r.status === s);
  return has('failed') ? 70 : has('bad-input') ? 2 : has('infeasible') ? 1 : 0;
}
