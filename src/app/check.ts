// Checking duty records against the quota rules: what `rota check`, `rota report` and
// `rota check --batch` share. The setup (calendar, leaders, rules, leaves) comes from a configuration
// and optional files that replace its lists; the record files are streamed into one tally and judged.
import type { Calendar } from '../core/calendar.js';
import { createTally, type Judgement, type Leave, type Tally } from '../core/check/index.js';
import type { Config } from '../core/config.js';
import { buildContext } from '../core/engine/context.js';
import { slotsFilled } from '../core/engine/slot-rule.js';
import type { Violation } from '../core/engine/types.js';
import { problem } from '../core/messages.js';
import { hasErrors } from '../core/problems.js';
import { slotSessions } from '../core/slots.js';
import type { Duty, IsoDate, Leader, Problem, Rule } from '../core/types.js';
import { loadLeaves, loadRules, tallyRecordFiles } from '../io/check-input.js';
import { readBytes } from '../io/read-file.js';
import { roundCalendar, unknownYearWarnings } from './calendar.js';
import { townshipLeaders } from './round.js';

export interface CheckSetup {
  config: Config;
  calendar: Calendar;
  leaders: Leader[];
  rules: Rule[];
  leaves: Leave[];
}

/** Files that replace the configuration's lists (the CLI's --leaders, --rules, --leaves). */
export interface SetupFiles {
  leaders?: string[];
  rules?: string;
  leaves?: string;
}

/** Everything but the records, or every problem that stops the check (warnings ride along). */
export function loadCheckSetup(given: Config, files: SetupFiles = {}): { setup?: CheckSetup; problems: Problem[] } {
  const cal = roundCalendar(given, readBytes);
  const problems = [...cal.problems];
  const leaderFiles = files.leaders ?? given.leaders;
  if (leaderFiles.length === 0) return { problems: [...problems, problem('input.none', { what: '领导名单' })] };
  // A township list written with 镇 or 街道 names is read as that kind, as a plan reads it.
  const { config, leaders, problems: lp } = townshipLeaders({ ...given, leaders: leaderFiles }, readBytes);
  let rules = config.rules;
  if (files.rules) {
    const r = loadRules(files.rules);
    problems.push(...r.problems);
    if (r.rules) rules = r.rules;
  }
  problems.push(...lp);
  if (hasErrors(problems)) return { problems };
  let leaves: Leave[] = [];
  if (files.leaves) {
    const l = loadLeaves(files.leaves, leaders, config.institutions);
    problems.push(...l.problems);
    leaves = l.leaves;
  }
  if (hasErrors(problems)) return { problems };
  return { setup: { config: { ...config, leaders: given.leaders }, calendar: cal.calendar, leaders, rules, leaves }, problems };
}

export interface CheckRecordsOptions {
  from?: IsoDate;
  to?: IsoDate;
  /** Keep each counted duty (JSON output, the report's duty list): memory grows with the lines. */
  keepRecords?: boolean;
  /** Record problems are warnings, and judging goes on. */
  lenient?: boolean;
}

export interface RecordsChecked {
  tally: Tally;
  /** A round with slots: records in a slot their leader may not fill, in no slot of the round, or a duty day's slot left empty. */
  slots: Violation[];
  /** The records' problems, then the judgement's and the unknown-year warnings. */
  problems: Problem[];
  /** Problems only counted, past the 10,000 kept. */
  omitted: number;
  /** Undefined when a record error stopped the check before judging. */
  judgement?: Judgement;
}

/** Tallies `files` for this setup and judges the range, unless an error in the records stops it. */
export async function checkRecords(setup: CheckSetup, files: string[], o: CheckRecordsOptions = {}): Promise<RecordsChecked> {
  const tally = createTally({
    leaders: setup.leaders,
    rules: setup.rules,
    calendar: setup.calendar,
    keepRecords: o.keepRecords,
    lenient: o.lenient,
    // Judged as the plan rosters them: the district's 正科级 office staff are not held to the township's weekly rule.
    ranks: setup.config.eligibleRanks,
  });
  // The slots are judged on the duties themselves: kept as they are read (not by the fast path, which reads no slot fields).
  const duties: Duty[] = [];
  const slotted = (setup.config.slots?.length ?? 0) > 0;
  const read = await tallyRecordFiles(files, {
    leaders: setup.leaders,
    institutions: setup.config.institutions,
    sessions: slotSessions(setup.config.slots),
    tally: slotted
      ? {
          ...tally,
          add: (d, l) => {
            duties.push(d);
            return tally.add(d, l);
          },
        }
      : tally,
    lenient: o.lenient,
    fast: !o.keepRecords && !slotted,
  });
  const problems = read.problems;
  if (hasErrors(problems)) {
    if (o.from && o.to) problems.push(...unknownYearWarnings(setup.calendar, o.from, o.to));
    return { tally, slots: [], problems, omitted: read.omitted };
  }
  const judgement = tally.finish({ from: o.from, to: o.to, leaves: setup.leaves });
  const from = judgement.summary.from || o.from || '';
  const to = judgement.summary.to || o.to || '';
  problems.push(...judgement.problems, ...unknownYearWarnings(setup.calendar, from, to));
  const slots = slotted && from && to ? slotBreaks(setup, duties, from, to) : [];
  // A record in the wrong slot, or an empty slot, makes the records not compliant (exit 1) like a quota short.
  const judged = slots.length ? { ...judgement, summary: { ...judgement.summary, compliant: false } } : judgement;
  return { tally, slots, problems, omitted: read.omitted, judgement: judged };
}

/** The round's slot rule (engine/slot-rule.ts) on the records of from..to: the same judgement render and the plan make. */
function slotBreaks(setup: CheckSetup, duties: Duty[], from: IsoDate, to: IsoDate): Violation[] {
  const { calendar, leaders } = setup;
  const config = { ...setup.config, from, to };
  const ctx = buildContext({ config, days: calendar.days(from, to), leaders, calendar });
  return slotsFilled.check(
    duties.filter((d) => d.date >= from && d.date <= to),
    ctx,
  );
}
