// What a published folder knows about itself: its timetable.json says what the calendars last had
// (duties and SEQUENCE per slot), so a re-publication into it raises SEQUENCE and writes a change
// notice wherever the edited CSV was saved; a plan over it is refused unless it replaces on purpose.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../core/config.js';
import type { Duty, Problem } from '../core/types.js';
import type { OutFile } from './atomic-write.js';
import { isPublished } from './publish-folder.js';
import { readPublishedState } from './published-state.js';
import { nextSequences, type PublishedState, publishedStateFrom, removedSlots } from './sequences.js';

/** The last publication of the folder `out`, or undefined when rota has not published there. */
export function previousPublication(out: string): { state?: PublishedState; problems: Problem[] } {
  const file = join(out, 'timetable.json');
  if (!existsSync(file)) return { problems: [] };
  const read = publishedStateFrom({ text: readFileSync(file, 'utf8'), file }, []);
  return { ...(read.state.file ? { state: read.state } : {}), problems: read.problems };
}

/**
 * What the calendars were last published with, for a re-publication into `out`: the folder's own
 * timetable.json wherever the edited CSV was saved (Excel "Save As" elsewhere keeps SEQUENCE rising),
 * else timetable.json beside the CSV, else the CSV alone (sequence 0).
 */
export function lastPublication(
  out: string | undefined,
  csvFile: string,
  csvDuties: Duty[],
): { state: PublishedState; problems: Problem[] } {
  const target = out === undefined ? undefined : previousPublication(out);
  return target?.state ? { state: target.state, problems: target.problems } : readPublishedState(csvFile, csvDuties);
}

/** What to do instead of `rota plan --out` over a published folder (after "已经发布过的文件夹 OUT："). */
export function planOverPublishedAdvice(out: string): string {
  return `要调整已发布的安排，请用 rota replan --previous ${join(out, 'timetable.csv')} --out ${out}；确要重新排整轮并替换，请加 --replace（日历 SEQUENCE 仍会递增）。未写出任何文件 (${out} holds a publication: use rota replan --previous … to change it, or --replace to start over on purpose; nothing was written)`;
}

/** Is `out` a folder rota published into (so plan --out there needs --replace)? */
export const publishedFolder = (out: string): boolean => isPublished(out) && existsSync(join(out, 'timetable.json'));

/** SEQUENCE and cancelled events of a plan that replaces a publication: the phones' calendars must update. */
export function replacing(prev: PublishedState, duties: readonly Duty[], config: Pick<Config, 'institutions'>) {
  return { sequences: nextSequences(prev, duties, config), cancelled: removedSlots(prev, duties, config) };
}

/** The folder's change notices, carried into a re-publication that changes nothing (its last real notice stays). */
export function keptNotices(out: string): OutFile[] {
  return ['change-notice.html', 'change-notice.txt']
    .filter((p) => existsSync(join(out, p)))
    .map((p) => ({ path: p, content: readFileSync(join(out, p)) }));
}
