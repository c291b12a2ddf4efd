// Duty records so far (--history) from disk: timetable-format CSVs, each row matched to a leader of the lists.

import type { HistoryRecord } from '../core/engine/types.js';
import type { Institution } from '../core/institutions.js';
import type { Leader, Problem } from '../core/types.js';
import { historyFrom } from './lists.js';
import { readFromDisk } from './read-round.js';

export function loadHistory(
  files: string[],
  leaders: Leader[],
  institutions: Institution[],
): { records: HistoryRecord[]; problems: Problem[] } {
  return historyFrom(readFromDisk, files, leaders, institutions);
}
