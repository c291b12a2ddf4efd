// The one publication step every command and the browser app take: (what was published, the new
// timetable, today) → the files of the new publication. It alone decides the frozen past (no day
// before today changes), the next log entry and from it every event's SEQUENCE, the cancelled events
// each leader's calendar still owes, the dated change notice (earlier ones kept and linked from the
// page), the changed days marked on the page and the page's publication date. No file system here:
// src/io/publish-folder.ts writes the files, under the lock that covered reading the state.
import type { Calendar } from '../core/calendar.js';
import type { Config } from '../core/config.js';
import { sortDuties } from '../core/duty-order.js';
import { buildContext } from '../core/engine/context.js';
import { checkTimetable } from '../core/engine/rules.js';
import type { Violation } from '../core/engine/types.js';
import { problem } from '../core/messages.js';
import { changeLine, type DayChange, diffTimetables } from '../core/replan/diff.js';
import type { Duty, IsoDate, Problem } from '../core/types.js';
import type { OutFile } from '../io/atomic-write.js';
import type { CsvEncoding } from '../io/csv-write.js';
import type { InputDigest } from '../io/input-digest.js';
import { type NoticeMeta, noticeHtml, noticeText } from '../io/notice.js';
import { type PlanOutput, planJson, publicDuty } from '../io/plan-files.js';
import { publishFiles } from '../io/publish.js';
import { cancellations, changedSlots, type LogEntry, type PublishedState, removedSlots, sequencesOf } from '../io/sequences.js';
import type { PlanOutcome } from './plan.js';
import type { Round } from './round.js';

export type { PublishedState } from '../io/sequences.js';

/** The command a publication is made by, as the log names it (the browser app names the command its step is). */
export type PublishCommand = 'plan' | 'replan' | 'swap' | 'render' | 'rollback';

export interface PublishRequest {
  command: PublishCommand;
  duties: Duty[];
  config: Config;
  calendar: Calendar;
  /** Days before it are the duty record: a publication that would change one is refused. */
  today: IsoDate;
  /** What was published before (undefined: the first publication). */
  previous?: PublishedState;
  /** A plan that replaces the round on purpose (rota plan --replace): the past may change, SEQUENCE still rises. */
  replace?: boolean;
  /** Earlier change notices (notices/…) to keep. */
  notices?: OutFile[];
  /** Also write ics/<姓名>.ics; a folder that had them keeps them whatever this says. */
  icsPerLeader?: boolean;
  encoding?: CsvEncoding;
  /** Keys for timetable.json (a re-plan's today, report and inputs' digest). */
  extra?: Record<string, unknown>;
  /** A plan's report and inputs: a first publication writes them as timetable.json (render's first writes none). */
  plan?: Pick<PlanOutput, 'report' | 'inputs'>;
}

export interface Publication {
  files: OutFile[];
  /** The changed days against the previous publication (none for a first one). */
  changes: DayChange[];
  /** The log entry this publication adds. */
  entry: LogEntry;
  /** The configuration as published: its publication date is this publication's. */
  config: Config;
  /** Errors (a past day changed) mean nothing may be written. */
  problems: Problem[];
}

/** The change notices of every publication are kept as notices/<number>-<date>.html, .txt and .docx. */
export const noticePath = (e: Pick<LogEntry, 'number' | 'date'>, ext: 'html' | 'txt' | 'docx') => `notices/${e.number}-${e.date}.${ext}`;

const noticeNumber = (f: OutFile) => Number(/^notices\/(\d+)-/.exec(f.path)?.[1] ?? 0);

/** Days before `today` whose events differ between two timetables. */
export function pastChanges(previous: PublishedState, duties: readonly Duty[], config: Config, today: IsoDate): string[] {
  const days = changedSlots(previous, duties, config)
    .map((k) => k.split('|')[0])
    .filter((d) => d < today);
  return [...new Set(days)];
}

/** The date of a publication: today, never before the last one's (DTSTAMP never goes back). */
function publicationDate(previous: PublishedState | undefined, config: Config, today: IsoDate): IsoDate {
  if (!previous) return config.published ?? today;
  const last = previous.log.at(-1)?.date ?? '';
  return last > today ? last : today;
}

/**
 * The new publication: every file of the folder, or problems (a day before today would change).
 * @example
 * const p = await publish({ command: 'swap', duties, config, calendar, today: '2024-12-17', previous });
 * if (!p.problems.length) publishFolder('发布', p.files);
 */
export async function publish(req: PublishRequest): Promise<Publication> {
  const { previous, duties, today } = req;
  const date = publicationDate(previous, req.config, today);
  const config: Config = previous ? { ...req.config, published: date } : req.config;
  const changes = previous ? diffTimetables(previous.duties, duties) : [];
  const entry: LogEntry = {
    number: (previous?.log.at(-1)?.number ?? 0) + 1,
    date,
    command: req.command,
    changes: changes.map(changeLine),
    slots: changedSlots(previous ?? { duties: [] }, duties, config),
  };
  const past = previous && !req.replace ? pastChanges(previous, duties, config, today) : [];
  const problems = past.length ? [problem('publish.past', { today, days: past })] : [];
  const perLeader = Boolean(req.icsPerLeader) || (previous?.perLeader ?? false);
  if (!previous && req.plan) {
    // A plan's first publication: the files `rota plan --out` has always written (its log is implied: entry 1, every slot at 0).
    const files = await publishFiles(duties, config, req.calendar, { encoding: req.encoding, icsPerLeader: perLeader });
    const out = { title: config.title, from: config.from, to: config.to, duties, report: req.plan.report, config, inputs: req.plan.inputs };
    return { files: [...files, { path: 'timetable.json', content: planJson(out) }], changes, entry, config, problems };
  }
  const before: PublishedState = previous ?? { duties: [], sequences: {}, log: [], cancelled: [] };
  const log = [...before.log, entry];
  const sequences = sequencesOf(log);
  const cancelled = cancellations(before, duties, config);
  const kept = (req.notices ?? []).filter((f) => !f.path.startsWith(`notices/${entry.number}-`));
  const meta: NoticeMeta = { config, date };
  // Each publication's dated notice (本次无调整 too); only a re-render that changes nothing keeps the last one.
  const notice: OutFile[] =
    changes.length || req.command !== 'render'
      ? [
          { path: noticePath(entry, 'html'), content: noticeHtml(changes, meta) },
          { path: noticePath(entry, 'txt'), content: noticeText(changes, meta) },
          { path: noticePath(entry, 'docx'), content: (await import('../io/docx/index.js')).changeNoticeDocx(changes, meta) },
        ]
      : [];
  const notices = [...kept, ...notice].sort((a, b) => noticeNumber(a) - noticeNumber(b) || (a.path < b.path ? -1 : 1));
  const files = await publishFiles(duties, config, req.calendar, {
    encoding: req.encoding,
    icsPerLeader: perLeader,
    sequences,
    // The whole calendar cancels slots nobody holds now; each leader's, every slot taken from him.
    cancelled: removedSlots(before, duties, config),
    leaderCancelled: cancelled,
    page: {
      changed: [...new Set(changes.map((c) => c.date))],
      notices: log
        .filter((e) => notices.some((f) => f.path === noticePath(e, 'html')))
        .map((e) => ({ href: noticePath(e, 'html'), date: e.date, count: e.changes.length })),
    },
  });
  const latest = [...notices].reverse();
  const json = {
    title: config.title,
    from: config.from,
    to: config.to,
    // In the timetable's one order, as the CSV: not in the order an exchange or a re-plan left them.
    duties: sortDuties(duties, config).map(publicDuty),
    sequences,
    changes: changes.map((c) => ({ date: c.date, kind: c.kind, type: c.type, line: changeLine(c) })),
    ...req.extra,
    log,
    cancelled: cancelled.map((c) => ({ duty: publicDuty(c.duty), slot: c.slot })),
    config,
  };
  return {
    files: [
      ...files,
      { path: 'timetable.json', content: `${JSON.stringify(json, null, 2)}\n` },
      // The newest notice, where a webmaster has always found it.
      ...(['html', 'txt', 'docx'] as const).flatMap((ext) => {
        const f = latest.find((n) => n.path.endsWith(`.${ext}`));
        return f ? [{ path: `change-notice.${ext}`, content: f.content }] : [];
      }),
      ...notices,
    ],
    changes,
    entry,
    config,
    problems,
  };
}

/**
 * The planner's own hard rules on a timetable about to be published (a partial one judged as far as
 * it goes): render, and the browser app's every export, refuse one that breaks a rule.
 */
export function ruleBreaks(round: Pick<Round, 'config' | 'calendar' | 'leaders'>, duties: readonly Duty[]): Violation[] {
  const { config, calendar, leaders } = round;
  const ctx = buildContext({ config, days: calendar.days(config.from, config.to), leaders, calendar });
  return checkTimetable([...duties], ctx, { complete: false });
}

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
