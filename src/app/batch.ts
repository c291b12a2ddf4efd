// A batch 批量: every office folder under one folder (a city's districts, a province's townships),
// each with its rota.json and lists, planned as `rota plan -c OFFICE/rota.json --out OUT/OFFICE` would.
// One office per call, and one office's failure is its own line in the summary: src/cli/batch.ts
// spreads the calls over worker threads.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { problem } from '../core/messages.js';
import { formatProblem } from '../core/problems.js';
import type { Problem } from '../core/types.js';
import { loadConfig } from '../io/config-file.js';
import { digestFiles } from '../io/digest.js';
import { planOverPublishedAdvice, publishedFolder } from '../io/publication.js';
import type { PublishOptions } from '../io/publish.js';
import { readBytes, unreadable } from '../io/read-file.js';
import { planRound } from './plan.js';
import { planInputPaths } from './publish.js';
import { publishPlan } from './publish-commands.js';
import { loadRound } from './round.js';

/** ok; infeasible: no plan keeps every rule (exit 1); bad-input: a file is wrong or cannot be written (exit 2); failed: rota's own bug (exit 70). */
export type OfficeStatus = 'ok' | 'infeasible' | 'bad-input' | 'failed';

export interface OfficeSummary {
  /** The office's folder name. */
  office: string;
  preset: string;
  status: OfficeStatus;
  duties: number;
  /** Quotas still short after planning (holiday weeks, leaves), each reported in the office's timetable.json. */
  unmet: number;
  /** Why the office is not ok: its first problem or cause, and how many more. */
  reason?: string;
  ms: number;
}

export interface BatchPlanOptions extends PublishOptions {
  /** Publish each office into OUT/<office>/ as \`rota plan --out\` does: one switch per office, a published folder refused. */
  out?: string;
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

/** An office's reason line: its first error, and how many more. */
export function because(problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const more = errors.length > 1 ? `（另有 ${errors.length - 1} 处 and ${errors.length - 1} more）` : '';
  return `${formatProblem(errors[0])}${more}`;
}

/** Plans the office in `dir/office`; never throws. */
export async function planOffice(dir: string, office: string, options: BatchPlanOptions = {}): Promise<OfficeSummary> {
  const t0 = performance.now();
  const summary = (s: Omit<OfficeSummary, 'office' | 'ms'>): OfficeSummary => ({ office, ...s, ms: performance.now() - t0 });
  let preset = '';
  try {
    const file = join(dir, office, 'rota.json');
    const { config, problems } = loadConfig(file, options.overrides);
    if (!config) return summary({ preset, status: 'bad-input', duties: 0, unmet: 0, reason: because(problems) });
    preset = config.preset ?? 'district';
    const loaded = loadRound(config, readBytes);
    if (!loaded.round) return summary({ preset, status: 'bad-input', duties: 0, unmet: 0, reason: because(loaded.problems) });
    const round = loaded.round;
    // As rota plan --out: a folder already published is changed by replan, never silently replaced.
    const target = options.out ? join(options.out, office) : undefined;
    if (target && publishedFolder(target))
      return summary({
        preset,
        status: 'bad-input',
        duties: 0,
        unmet: 0,
        reason: `已经发布过的文件夹 ${target}：${planOverPublishedAdvice(target)}`,
      });
    const result = planRound(round, { bestEffort: options.bestEffort });
    const { report } = result;
    if (report.status === 'infeasible') {
      const first = report.causes[0]?.message ?? report.breaks[0]?.message ?? '';
      return summary({ preset, status: 'infeasible', duties: 0, unmet: report.stillShort.length, reason: first });
    }
    if (target) {
      // The same publication step as rota plan --out (its date: the configuration's, else the window's first day).
      const today = options.today ?? config.published ?? config.from;
      const r = await publishPlan(target, round, result, digestFiles(planInputPaths(round, file)), { ...options, today });
      if (r.problems.some((p) => p.severity === 'error'))
        return summary({ preset, status: 'bad-input', duties: 0, unmet: 0, reason: because(r.problems) });
    }
    return summary({ preset, status: 'ok', duties: result.duties.length, unmet: report.stillShort.length });
  } catch (e) {
    const write = (e as Error).name === 'WriteError';
    return summary({ preset, status: write ? 'bad-input' : 'failed', duties: 0, unmet: 0, reason: (e as Error).message });
  }
}

/** The batch's exit code: 70 if rota failed on an office, else 2 if any input is bad, else 1 if any office is infeasible. */
export function batchExitCode(results: OfficeSummary[]): number {
  const has = (s: OfficeStatus) => results.some((r) => r.status === s);
  return has('failed') ? 70 : has('bad-input') ? 2 : has('infeasible') ? 1 : 0;
}
