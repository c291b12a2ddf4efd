// The files a re-plan or an applied swap writes with --out: the published set (page, CSV, ICS with
// raised SEQUENCE on changed events), timetable.json (duties, sequences, changes, report) and the
// change notice as change-notice.html and change-notice.txt.
import type { Calendar } from '../core/calendar.js';
import type { Config } from '../core/config.js';
import type { DayChange } from '../core/replan/diff.js';
import { changeLine } from '../core/replan/diff.js';
import type { Duty } from '../core/types.js';
import type { OutFile } from './atomic-write.js';
import { type NoticeMeta, noticeHtml, noticeText } from './notice.js';
import { publicDuty } from './plan-files.js';
import { type PublishOptions, publishFiles } from './publish.js';
import { nextSequences, type PublishedState, removedSlots } from './sequences.js';

export interface Republication {
  duties: Duty[];
  changes: DayChange[];
  config: Config;
  calendar: Calendar;
  /** What the calendars were last published with (timetable.json beside the old CSV, or the CSV). */
  previous: PublishedState;
  /** The notice's date. */
  date?: string;
  /** Extra keys for timetable.json (the re-plan's report, the inputs' digest). */
  extra?: Record<string, unknown>;
}

export function republishJson(r: Republication, sequences: Record<string, number>): string {
  return `${JSON.stringify(
    {
      title: r.config.title,
      from: r.config.from,
      to: r.config.to,
      duties: r.duties.map(publicDuty),
      sequences,
      changes: r.changes.map((c) => ({ date: c.date, kind: c.kind, type: c.type, line: changeLine(c) })),
      ...r.extra,
      config: r.config,
    },
    null,
    2,
  )}\n`;
}

/**
 * A re-publication after a re-plan or a swap: the same files with raised SEQUENCE on changed calendar
 * events, cancelled events for removed days, and the dated change notice.
 */
export async function republishFiles(r: Republication, options: PublishOptions = {}): Promise<OutFile[]> {
  const sequences = nextSequences(r.previous, r.duties, r.config);
  const meta: NoticeMeta = { config: r.config, ...(r.date ? { date: r.date } : {}) };
  return [
    ...(await publishFiles(r.duties, r.config, r.calendar, {
      ...options,
      sequences,
      cancelled: removedSlots(r.previous, r.duties, r.config),
    })),
    { path: 'timetable.json', content: republishJson(r, sequences) },
    { path: 'change-notice.html', content: noticeHtml(r.changes, meta) },
    { path: 'change-notice.txt', content: noticeText(r.changes, meta) },
  ];
}
