// The calendar a round is planned on: the region's official holidays and the holidays file's changes,
// with a warning for each year of the window whose official arrangement rota does not know yet.
import { type Calendar, makeCalendar } from '../core/calendar.js';
import type { Config } from '../core/config.js';
import { problem } from '../core/messages.js';
import type { Problem } from '../core/types.js';
import { holidaysFrom, type ReadFile } from '../io/lists.js';

/** The calendar; problems: the holidays file's; unknownYears: a warning per year of the window rota does not know. */
export function roundCalendar(config: Config, read: ReadFile): { calendar: Calendar; problems: Problem[]; unknownYears: Problem[] } {
  const holidays = config.holidays ? holidaysFrom(read, config.holidays) : { entries: [], problems: [] };
  const calendar = makeCalendar({ region: config.region, overrides: holidays.entries });
  return { calendar, problems: holidays.problems, unknownYears: unknownYearWarnings(calendar, config.from, config.to) };
}

/** A warning for each year in from..to whose official holidays the calendar does not know, saying what is missing. */
export function unknownYearWarnings(calendar: Calendar, from: string, to: string): Problem[] {
  return calendar.missingHolidays(from, to).map((m) => problem('holidays.unknown-year', m, { severity: 'warning' }));
}
