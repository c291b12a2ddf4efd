// The calendar a round is planned on: the region's official holidays and the holidays file's changes,
// with a warning for each year of the window whose official arrangement rota does not know yet.
import { type Calendar, makeCalendar } from '../core/calendar.js';
import type { Config } from '../core/config.js';
import type { Problem } from '../core/types.js';
import { holidaysFrom, type ReadFile } from '../io/lists.js';

/** The calendar; problems: the holidays file's; unknownYears: a warning per year of the window rota does not know. */
export function roundCalendar(config: Config, read: ReadFile): { calendar: Calendar; problems: Problem[]; unknownYears: Problem[] } {
  const holidays = config.holidays ? holidaysFrom(read, config.holidays) : { entries: [], problems: [] };
  const calendar = makeCalendar({ region: config.region, overrides: holidays.entries });
  return { calendar, problems: holidays.problems, unknownYears: unknownYearWarnings(config, calendar, config.from, config.to) };
}

/** A warning for each year in from..to whose official holidays the calendar does not know. */
export function unknownYearWarnings(cfg: Config, calendar: Calendar, from: string, to: string): Problem[] {
  return calendar.unknownYears(from, to).map((y) => ({
    severity: 'warning',
    message: `${y}年的官方节假日安排（国务院${cfg.region === 'xinjiang' ? '及自治区' : ''}通知）尚未收录，${y}年只按周末计算；请在 --holidays 文件（日期, 类型, 名称）中补充当年的放假和调休上班日。The official holiday arrangement for ${y} is unknown; add it in a --holidays file.`,
  }));
}
