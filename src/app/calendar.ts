// The calendar a round is planned on: the region's official holidays and the holidays file's changes,
// with a warning for each year of the window whose official arrangement rota does not know yet.
import { type Calendar, makeCalendar } from '../core/calendar.js';
import type { Config } from '../core/config.js';
import { placed, problem } from '../core/messages.js';
import {
  DEFAULT_HOLIDAY_RULE,
  type DroppedDay,
  type Pattern,
  type PatternDay,
  parsePattern,
  patternCalendar,
  patternDays,
} from '../core/patterns.js';
import type { Problem } from '../core/types.js';
import { holidaysFrom, type ReadFile } from '../io/lists.js';

/**
 * The calendar; problems: the holidays file's; unknownYears: a warning per year of the window rota does
 * not know. With a pattern (每周三 …) its duty days are the calendar's working days; `holidays` is the
 * calendar before the pattern.
 */
export function roundCalendar(
  config: Config,
  read: ReadFile,
): { calendar: Calendar; holidays: Calendar; problems: Problem[]; unknownYears: Problem[] } {
  const file = config.holidays ? holidaysFrom(read, config.holidays) : { entries: [], problems: [] };
  const holidays = makeCalendar({ region: config.region, overrides: file.entries });
  const pattern = config.pattern === undefined ? undefined : parsePattern(config.pattern).pattern;
  const calendar = pattern ? patternCalendar(holidays, pattern) : holidays;
  return { calendar, holidays, problems: file.problems, unknownYears: unknownYearWarnings(holidays, config.from, config.to) };
}

/** A warning for each year in from..to whose official holidays the calendar does not know, saying what is missing. */
export function unknownYearWarnings(calendar: Calendar, from: string, to: string): Problem[] {
  return calendar.missingHolidays(from, to).map((m) => problem('holidays.unknown-year', m, { severity: 'warning' }));
}

/** The duty days a pattern yields in the round's window, with the holiday rule in force and each move. */
export interface DutyDayList {
  pattern: Pattern;
  /** 顺延 / 提前 / 取消, or 按所写日期 for dates kept as written, or 不适用 for every working day. */
  rule: string;
  days: PatternDay[];
  dropped: DroppedDay[];
}

/** `text` (rota calendar --pattern) or the configuration's pattern over its window; the problem names the field. */
export function dutyDayList(config: Config, holidays: Calendar, text: string, field: string): { list?: DutyDayList; problems: Problem[] } {
  const { pattern, error } = parsePattern(text);
  if (!pattern) return { problems: [placed(error!, { field })] };
  const { days, dropped } = patternDays(pattern, holidays, config.from, config.to);
  const kind = pattern.shape.kind;
  const rule = kind === 'working-days' ? '不适用' : (pattern.holiday ?? (kind === 'dates' ? '按所写日期' : DEFAULT_HOLIDAY_RULE));
  return { list: { pattern, rule, days, dropped }, problems: [] };
}
