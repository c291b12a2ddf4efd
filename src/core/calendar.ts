// Working days: weekends and holidays are off, make-up days (调休上班) are on, and the
// user's override file beats everything. Pure: all data comes in as arguments or modules.
import { eachDay, isoWeekday, WEEKDAYS } from './dates.js';
import { nationalEntriesOf, nationalYears } from './holidays/national.js';
import { type RegionId, regions } from './holidays/regions.js';
import type { DayInfo, HolidayEntry, IsoDate } from './types.js';

export interface CalendarOptions {
  /** Adds a region's own public holidays (xinjiang: 肉孜节, 古尔邦节). */
  region?: RegionId;
  /** The user's holidays file: local closures and extra working days; wins over all data. */
  overrides?: HolidayEntry[];
}

export interface Calendar {
  day(date: IsoDate): DayInfo;
  isWorkingDay(date: IsoDate): boolean;
  /** Every day from `from` to `to` inclusive. */
  days(from: IsoDate, to: IsoDate): DayInfo[];
  workingDays(from: IsoDate, to: IsoDate): IsoDate[];
  /** Years in the range whose official arrangement the data does not know (and the overrides do not cover). */
  unknownYears(from: IsoDate, to: IsoDate): number[];
  /** For each such year, which part is missing: the State Council's arrangement, the region's, or both. */
  missingHolidays(from: IsoDate, to: IsoDate): MissingHolidays[];
  /** With a duty-day pattern laid over it (patterns.ts), the calendar of working days beneath. */
  readonly plain?: Calendar;
}

export interface MissingHolidays {
  year: number;
  /** The State Council's holidays and make-up days are not bundled for the year. */
  national: boolean;
  /** The region's own holidays (e.g. 肉孜节、古尔邦节) are not bundled for the year; empty for none. */
  regional: string;
}

export function makeCalendar(options: CalendarOptions = {}): Calendar {
  const region = regions[options.region ?? 'national'];
  const overrides = options.overrides ?? [];
  const overrideYears = new Set(overrides.map((e) => +e.date.slice(0, 4)));
  // Each year's table is built when a day of it is first asked: a round asks one or two of the data's twenty-odd years.
  const tables = new Map<number, Map<IsoDate, HolidayEntry>>();
  const cache = new Map<IsoDate, DayInfo>();

  function tableOf(year: number): Map<IsoDate, HolidayEntry> {
    let table = tables.get(year);
    if (table) return table;
    table = new Map();
    // Later layers win: national, then region, then the user's file.
    for (const layer of [nationalEntriesOf(year), region.entries, overrides])
      for (const e of layer) if (+e.date.slice(0, 4) === year) table.set(e.date, e);
    tables.set(year, table);
    return table;
  }

  function missing(from: IsoDate, to: IsoDate): MissingHolidays[] {
    const out: MissingHolidays[] = [];
    for (let y = +from.slice(0, 4); y <= +to.slice(0, 4); y++) {
      if (overrideYears.has(y)) continue;
      const national = !nationalYears.has(y);
      const regional = region.years.has(y) ? '' : region.holidays;
      if (national || regional) out.push({ year: y, national, regional });
    }
    return out;
  }

  function day(date: IsoDate): DayInfo {
    let info = cache.get(date);
    if (info) return info;
    // The date read once and each object built whole: a round asks every day of its quarter.
    const wd = isoWeekday(date);
    const weekday = WEEKDAYS[wd - 1];
    const weekend = wd >= 6;
    const entry = tableOf(+date.slice(0, 4)).get(date);
    if (entry?.type === '上班') {
      // A weekend the office's own file declares 上班 is marked local: not a State Council 调休 day.
      info =
        weekend && entry.source
          ? { date, isoWeekday: wd, weekday, working: true, makeup: true, reason: entry.name, local: true }
          : { date, isoWeekday: wd, weekday, working: true, makeup: weekend, reason: weekend ? entry.name : undefined };
    } else if (entry?.type === '休息') {
      info = { date, isoWeekday: wd, weekday, working: false, makeup: false, reason: entry.name };
    } else if (weekend) {
      info = { date, isoWeekday: wd, weekday, working: false, makeup: false, reason: wd === 6 ? '周六' : '周日' };
    } else {
      info = { date, isoWeekday: wd, weekday, working: true, makeup: false };
    }
    cache.set(date, info);
    return info;
  }

  return {
    day,
    isWorkingDay: (date) => day(date).working,
    days: (from, to) => eachDay(from, to).map(day),
    workingDays: (from, to) => eachDay(from, to).filter((d) => day(d).working),
    unknownYears: (from, to) => missing(from, to).map((m) => m.year),
    missingHolidays: missing,
  };
}

/** What the holidays file changed in from..to: working days it took away, and days off it made working. */
export function holidayFileChanges(
  calendar: Calendar,
  region: RegionId,
  from: IsoDate,
  to: IsoDate,
): { removed: DayInfo[]; added: DayInfo[] } {
  const base = makeCalendar({ region });
  const days = (calendar.plain ?? calendar).days(from, to);
  return {
    removed: days.filter((d) => !d.working && base.isWorkingDay(d.date)),
    added: days.filter((d) => d.working && !base.isWorkingDay(d.date)),
  };
}
