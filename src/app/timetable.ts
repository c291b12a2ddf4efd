// A published timetable of this round (for swap, replan, re-publication): read from its bytes, every
// row valid, every date inside the round's window.
import type { Duty, Problem } from '../core/types.js';
import type { Encoding } from '../io/decode.js';
import { readTimetableBytes } from '../io/timetable-read.js';
import type { Round } from './round.js';

export function readRoundTimetable(
  round: Round,
  file: string,
  bytes: Uint8Array,
): { duties: Duty[]; encoding: Encoding; problems: Problem[] } {
  const read = readTimetableBytes(bytes, file, round.leaders, round.config.institutions);
  const problems = [...read.problems];
  if (!problems.length && read.duties.length === 0)
    problems.push({ severity: 'error', file, message: '时间表没有任何安排 the timetable has no rows' });
  const { from, to } = round.config;
  for (const d of read.duties) {
    if (d.date < from || d.date > to) {
      problems.push({
        severity: 'error',
        file,
        line: d.source?.line,
        field: '日期',
        message: `${d.date} 不在本轮 ${from} 至 ${to} 内：请用 -c 指定这张时间表所属一轮的配置（或 --from/--to）(the timetable lies outside the round's window)`,
      });
    }
  }
  return { duties: read.duties, encoding: read.encoding, problems };
}
