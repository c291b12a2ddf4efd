// Re-planning a published timetable: keep every duty still valid, change the fewest days, never
// rewrite the days before "today"; the change notice, the re-publication and the JSON document.
import type { Config } from '../core/config.js';
import type { Pin } from '../core/engine/types.js';
import { changeLine } from '../core/replan/diff.js';
import { type ReplanResult, replan } from '../core/replan/replan.js';
import type { Duty, IsoDate } from '../core/types.js';
import { noticeText } from '../io/notice.js';
import { publicDuty } from '../io/plan-files.js';
import { planInput } from './plan.js';
import type { Round } from './round.js';

export interface ReplanOptions {
  /** Days before it are kept exactly as published. */
  today: IsoDate;
  pins?: Pin[];
  bestEffort?: boolean;
}

export interface ReplanOutcome extends ReplanResult {
  today: IsoDate;
  /** The round's configuration as re-published: its publication date is at least today. */
  config: Config;
  /** The change notice as plain text. */
  notice: string;
}

/**
 * Re-plans a published timetable after a change (an illness, a new leave): the days before `today`
 * stay as published, the fewest other days change; the change notice comes with it.
 * @example
 * const r = replanRound(round, published, { today: '2024-12-18' });
 * console.log(r.notice);
 */
export function replanRound(round: Round, previous: Duty[], options: ReplanOptions): ReplanOutcome {
  const { today } = options;
  const result = replan({ ...planInput(round), previous, today, pins: options.pins, bestEffort: options.bestEffort });
  const published = round.config.published;
  const config = { ...round.config, published: published && published > today ? published : today };
  return { ...result, today, config, notice: noticeText(result.changes, { config, date: today }) };
}

/** The document `rota replan --json` prints. */
export function replanJson(r: ReplanOutcome): string {
  return `${JSON.stringify(
    {
      title: r.config.title,
      from: r.config.from,
      to: r.config.to,
      today: r.today,
      duties: r.duties.map((d) => ({ ...publicDuty(d), ...(d.pinned ? { pinned: true } : {}) })),
      changes: r.changes.map((x) => ({ date: x.date, kind: x.kind, type: x.type, line: changeLine(x) })),
      report: r.report,
    },
    null,
    2,
  )}\n`;
}
