// A published timetable of this round (for swap, replan, re-publication): read from its bytes, every
// row valid, every date inside the round's window. A re-plan's past is read as it was published:
// a leader who served and has since left the lists or moved to another institution is kept as written.
import { problem } from '../core/messages.js';
import { slotSessions } from '../core/slots.js';
import type { Duty, IsoDate, Problem } from '../core/types.js';
import type { Encoding } from '../io/decode.js';
import { readTimetableBytes, type TimetableReadOptions } from '../io/timetable-read.js';
import type { Round } from './round.js';

/**
 * A published (or hand-edited) timetable CSV of this round, from its bytes: its duties, or the problems
 * naming line and field. Rows before `frozenBefore` are read as published, whoever is on today's lists.
 * @example
 * const { duties, problems } = readRoundTimetable(round, 'timetable.csv', readFileSync('timetable.csv'));
 */
export function readRoundTimetable(
  round: Round,
  file: string,
  bytes: Uint8Array,
  frozenBefore?: IsoDate,
  options: TimetableReadOptions = { reconcile: 'error' },
): { duties: Duty[]; encoding: Encoding; problems: Problem[] } {
  const sessions = slotSessions(round.config.slots);
  const now = readTimetableBytes(bytes, file, round.leaders, round.config.institutions, { sessions, ...options });
  // Rows before frozenBefore, read against no list: as published, whoever is on today's lists.
  const asPublished = frozenBefore ? readTimetableBytes(bytes, file, [], round.config.institutions, { sessions }) : undefined;
  const past = asPublished?.duties.filter((d) => d.date < frozenBefore!) ?? [];
  const pastLines = new Set(past.map((d) => d.source?.line));
  const read = asPublished
    ? {
        encoding: now.encoding,
        duties: [...past, ...now.duties.filter((d) => !pastLines.has(d.source?.line))],
        problems: now.problems.filter((p) => p.line === undefined || !pastLines.has(p.line)),
      }
    : now;
  const problems = [...read.problems];
  if (!problems.length && read.duties.length === 0) problems.push(problem('timetable.empty', {}, { file }));
  const { from, to } = round.config;
  for (const d of read.duties) {
    if (d.date < from || d.date > to) {
      problems.push(problem('timetable.outside-window', { date: d.date, from, to }, { file, line: d.source?.line, field: '日期' }));
    }
  }
  return { duties: read.duties, encoding: read.encoding, problems };
}
