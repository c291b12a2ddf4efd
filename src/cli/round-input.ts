// What replan and swap read: the round (configuration, calendar, leaders, history), a published
// timetable inside the round's window, pins and duty references from the command line.
import type { Calendar } from '../core/calendar.js';
import type { Config } from '../core/config.js';
import { parseDate } from '../core/dates.js';
import { resolveInstitution } from '../core/institutions.js';
import type { HistoryRecord, Pin, PlanInput } from '../core/planner/types.js';
import type { DutyRef } from '../core/replan/swap.js';
import type { Duty, Leader, Problem } from '../core/types.js';
import type { Encoding } from '../io/decode.js';
import { type CommonOptions, loadContext } from './context.js';
import { Exit, reportProblems } from './exit.js';

export interface RoundOptions extends CommonOptions {
  preset?: string;
  sites?: string;
  leaders?: string[];
  history?: string[];
  seed?: string;
}

export interface Round {
  config: Config;
  calendar: Calendar;
  leaders: Leader[];
  history: HistoryRecord[];
  warnings: Problem[];
}

export async function loadRound(opts: RoundOptions): Promise<Round> {
  const extra: Record<string, unknown> = {};
  if (opts.leaders) extra.leaders = opts.leaders;
  if (opts.history) extra.history = opts.history;
  if (opts.preset) extra.preset = opts.preset;
  if (opts.sites) extra.sites = opts.sites;
  if (opts.seed !== undefined) extra.seed = /^\d+$/.test(opts.seed) ? Number(opts.seed) : opts.seed;
  const { config, calendar, warnings } = loadContext(opts, extra);
  const [{ loadLeaders }, { loadHistory }] = await Promise.all([import('../io/load.js'), import('../io/history.js')]);
  const { leaders, problems } = loadLeaders(config.leaders, config.institutions);
  const history = loadHistory(config.history, leaders, config.institutions);
  reportProblems([...problems, ...history.problems.filter((p) => p.severity === 'error')]);
  if (leaders.length === 0) throw new Exit(2, '没有领导名单 no leaders: give --leaders FILE or "leaders" in the configuration');
  return {
    config,
    calendar,
    leaders,
    history: history.records,
    warnings: [...warnings, ...history.problems.filter((p) => p.severity !== 'error')],
  };
}

/** The planner's input for the round. */
export function planInput(r: Round, quotaRules: PlanInput['quotaRules']): PlanInput {
  return {
    config: r.config,
    days: r.calendar.days(r.config.from, r.config.to),
    leaders: r.leaders,
    history: r.history,
    quotaRules,
    reportRules: r.config.rules,
    calendar: r.calendar,
  };
}

/** A published timetable of this round: read, every row valid, every date inside the window. */
export async function readRoundTimetable(file: string, r: Round): Promise<{ duties: Duty[]; encoding: Encoding }> {
  const { readTimetable } = await import('../io/timetable-read.js');
  const read = readTimetable(file, r.leaders, r.config.institutions);
  const problems = [...read.problems];
  if (!problems.length && read.duties.length === 0)
    problems.push({ severity: 'error', file, message: '时间表没有任何安排 the timetable has no rows' });
  const { from, to } = r.config;
  for (const d of read.duties) {
    if (d.date < from || d.date > to) {
      problems.push({
        severity: 'error',
        file,
        line: d.source?.line,
        field: '日期',
        message: `${d.date} 不在本轮 ${from} 至 ${to} 内：请用 -c 指定这张时间表所属一轮的配置（或 --from/--to）(the timetable lies outside the round's window)`,
      });
    }
  }
  reportProblems(problems);
  return { duties: read.duties, encoding: read.encoding };
}

/** --pin 2024-12-19=某某 or 2024-12-19=区委:某某 */
export function parsePins(values: string[] | undefined, config: Config): Pin[] {
  const problems: Problem[] = [];
  const pins = (values ?? []).flatMap((text): Pin[] => {
    const m = /^([^=]+)=(?:([^:：]+)[:：])?(.+)$/.exec(text.trim());
    const date = m ? parseDate(m[1]) : undefined;
    if (!m || !date) {
      problems.push({
        severity: 'error',
        field: '--pin',
        message: `"${text}"：应写成 日期=姓名 或 日期=单位:姓名，例如 2024-12-19=王建国 (expected DATE=NAME or DATE=INSTITUTION:NAME)`,
      });
      return [];
    }
    if (!m[2]) return [{ date, name: m[3].trim() }];
    const institution = resolveInstitution(m[2], config.institutions);
    if (!institution) {
      problems.push({
        severity: 'error',
        field: '--pin',
        message: `"${text}"：不认识的单位 "${m[2]}"；应为 ${config.institutions.map((i) => i.name).join('、')} 之一 (unknown institution)`,
      });
      return [];
    }
    return [{ date, name: m[3].trim(), institution }];
  });
  reportProblems(problems);
  return pins;
}

/** 2024-12-19 or 2024-12-19=某某 (a day with several duties needs the name). */
export function parseDutyRef(text: string, what: string): DutyRef {
  const [d, name] = text.split('=');
  const date = parseDate(d ?? '');
  if (!date) throw new Exit(2, `${what}: "${text}" 不是日期；应写成 YYYY-MM-DD 或 YYYY-MM-DD=姓名 (expected a date)`);
  return name ? { date, name: name.trim() } : { date };
}
