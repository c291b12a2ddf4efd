// The published state on disk: timetable.json beside the published timetable.csv (see sequences.ts).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Duty, Problem } from '../core/types.js';
import { type PublishedState, publishedStateFrom } from './sequences.js';

/** Reads timetable.json beside the published CSV when there is one; otherwise the CSV's duties with sequence 0. */
export function readPublishedState(csvFile: string, csvDuties: Duty[]): { state: PublishedState; problems: Problem[] } {
  const file = join(dirname(csvFile), 'timetable.json');
  return publishedStateFrom(existsSync(file) ? { text: readFileSync(file, 'utf8'), file } : undefined, csvDuties);
}
