// The published state on disk: timetable.json in the published folder (or beside a published CSV),
// the change notices kept in notices/, whether the folder has per-leader calendars (see sequences.ts).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../core/config.js';
import { problem } from '../core/messages.js';
import type { Duty, Problem } from '../core/types.js';
import type { OutFile } from './atomic-write.js';
import { generations, isPublished, keptFiles, stateDir, targetOf } from './publish-folder.js';
import { type PublishedState, publishedStateFrom } from './sequences.js';

/** Reads timetable.json beside the published CSV when there is one; otherwise the CSV's duties with sequence 0. */
export function readPublishedState(
  csvFile: string,
  csvDuties: Duty[],
  config?: Pick<Config, 'institutions' | 'published'>,
): { state: PublishedState; problems: Problem[] } {
  const file = join(dirname(csvFile), 'timetable.json');
  return publishedStateFrom(existsSync(file) ? { text: readFileSync(file, 'utf8'), file } : undefined, csvDuties, config);
}

export interface FolderState {
  /** The last publication's state; undefined when rota has not published a timetable.json there. */
  state?: PublishedState;
  /** The change notices kept in notices/. */
  notices: OutFile[];
  problems: Problem[];
}

/**
 * What the published folder `out` holds. An unreadable timetable.json is never taken as "not
 * published": the newest kept generation's stands in (a warning), and without one it is an error.
 */
export function readFolderState(out: string, config: Pick<Config, 'institutions' | 'published'>): FolderState {
  const dir = targetOf(out);
  if (!isPublished(dir)) return { notices: [], problems: [] };
  // Read only where the new publication needs their bytes (see keptFiles).
  const notices = existsSync(join(dir, 'notices')) ? keptFiles(dir, 'notices') : [];
  const perLeader = existsSync(join(dir, 'ics'));
  const file = join(dir, 'timetable.json');
  if (!existsSync(file)) return { notices, problems: [] };
  const read = (f: string) => publishedStateFrom({ text: readFileSync(f, 'utf8'), file: f }, [], config);
  const here = read(file);
  if (here.state.file) return { state: { ...here.state, perLeader }, notices, problems: here.problems };
  const detail = here.problems[0] ? String(here.problems[0].message) : '';
  for (const g of [...generations(dir)].reverse()) {
    const kept = join(stateDir(dir), `gen-${g}`, 'timetable.json');
    if (!existsSync(kept)) continue;
    const r = read(kept);
    if (r.state.file)
      return {
        state: { ...r.state, perLeader },
        notices,
        problems: [problem('publish.state-from-generation', { out, generation: g }, { severity: 'warning', file })],
      };
  }
  return { notices, problems: [problem('publish.state-lost', { out, detail }, { file })] };
}
