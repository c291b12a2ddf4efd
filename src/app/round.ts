// Loading a round: the configuration's lists (leaders, duty records, 下访 sites, holidays) read
// through a reader — the CLI's reads the disk, the browser app's the files the clerk picked — into
// the calendar, leaders and records the planner takes. Every problem of every file at once.
import type { Calendar } from '../core/calendar.js';
import { type Config, windowProblems } from '../core/config.js';
import type { HistoryRecord } from '../core/engine/types.js';
import { LIMITS } from '../core/limits.js';
import { problem } from '../core/messages.js';
import { asTownshipKind, TOWNSHIP_INSTITUTIONS } from '../core/presets.js';
import type { Site } from '../core/sites.js';
import { slotSessions } from '../core/slots.js';
import type { Leader, Problem } from '../core/types.js';
import { historyFrom, leadersFrom, type ReadFile, sitesFrom } from '../io/lists.js';
import { roundCalendar } from './calendar.js';

export interface Round {
  config: Config;
  calendar: Calendar;
  leaders: Leader[];
  history: HistoryRecord[];
  /** 下访 sites of a township or county plan (none for a district round). */
  sites: Site[];
  /** Problems that do not stop the round (unknown holiday years, records of people not listed). */
  warnings: Problem[];
}

/**
 * The round, or the errors that stop it (warnings ride along in either case). `read` gives a file's
 * bytes: `readFromDisk` on Node, or the bytes of files a clerk picked in the browser app.
 * @example
 * const { round, problems } = loadRound(config, readFromDisk);
 * if (!round) console.error(problems.map(formatProblem).join('\n'));
 */
export function loadRound(given: Config, read: ReadFile): { round?: Round; problems: Problem[] } {
  const { config, leaders, problems } = townshipLeaders(given, read, LIMITS.leaders);
  const cal = roundCalendar(config, read);
  const history = historyFrom(read, config.history, leaders, config.institutions, slotSessions(config.slots));
  const sites = config.sites ? sitesFrom(read, config.sites) : { sites: [], problems: [] };
  const all = [...windowProblems(config), ...cal.problems, ...cal.unknownYears, ...problems, ...history.problems, ...sites.problems];
  const errors = all.filter((p) => p.severity === 'error');
  if (!errors.length && leaders.length === 0) errors.push(problem('input.none', { what: '领导名单' }));
  if (!errors.length)
    errors.push(...planSizeProblems(leaders.length, sites.sites.length, cal.calendar.workingDays(config.from, config.to).length));
  const warnings = all.filter((p) => p.severity !== 'error');
  if (errors.length) return { problems: [...errors, ...warnings] };
  return {
    round: { config, calendar: cal.calendar, leaders, history: history.records, sites: sites.sites, warnings },
    problems: warnings,
  };
}

/**
 * The leader lists; a township round that names no institutions of its own and whose list writes a 镇's
 * or a 街道's (镇党委, 街道办事处 …) is read as that kind of office, with one warning saying so, instead
 * of refusing every row with the 乡's names. With `max` (a plan's limit), more rows are refused before each is checked.
 */
export function townshipLeaders(
  config: Config,
  read: ReadFile,
  max = Number.POSITIVE_INFINITY,
): { config: Config; leaders: Leader[]; problems: Problem[] } {
  const first = { config, ...leadersFrom(read, config.leaders, config, max) };
  const unknown = (ps: Problem[]) => ps.filter((p) => p.code === 'institution.unknown').length;
  const names = (c: Config) => c.institutions.map((i) => i.name).join('、');
  const asWritten = names(config) !== TOWNSHIP_INSTITUTIONS.map((i) => i.name).join('、');
  if (config.preset !== 'township' || asWritten || unknown(first.problems) === 0) return first;
  let best = first;
  for (const kind of ['镇', '街道'] as const) {
    const c = asTownshipKind(config, kind);
    const read2 = { config: c, ...leadersFrom(read, c.leaders, c) };
    if (unknown(read2.problems) < unknown(best.problems)) best = read2;
  }
  if (best === first) return first;
  const kind = names(best.config).startsWith('镇') ? '镇' : '街道';
  const said = problem('institution.township-kind', { kind, names: best.config.institutions.map((i) => i.name) }, { severity: 'warning' });
  return { ...best, problems: [said, ...best.problems] };
}

/** A plan's size, judged before planning: leaders, sites, and leaders × working days. */
function planSizeProblems(leaders: number, sites: number, days: number): Problem[] {
  const out: Problem[] = [];
  if (leaders > LIMITS.leaders) out.push(problem('limit.leaders', { count: leaders, max: LIMITS.leaders }));
  if (sites > LIMITS.sites) out.push(problem('limit.sites', { count: sites, max: LIMITS.sites }));
  if (!out.length && leaders * days > LIMITS.cells) out.push(problem('limit.cells', { leaders, days, max: LIMITS.cells }));
  return out;
}
