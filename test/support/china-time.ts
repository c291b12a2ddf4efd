// Beijing wall-clock times for ical-generator, the oracle of test/ics-text.test.ts (src/io/ics.ts writes
// calendars as text). China has kept UTC+8 without daylight saving since 1991, so a time there is a
// fixed offset from UTC. ical-generator formats any object shaped like a Temporal ZonedDateTime field by
// field (ICalTemporalZonedDateTimeStub, its documented stand-in for Temporal, which Node 20 lacks);
// chinaTime gives that shape.
import type { ICalTemporalInstantStub, ICalTemporalPlainDateTimeStub, ICalTemporalZonedDateTimeStub } from 'ical-generator';

/** Offsets from UTC of the zones a calendar is written in, in minutes. */
const OFFSETS: Readonly<Record<string, number>> = { 'Asia/Shanghai': 8 * 60, UTC: 0 };
const MINUTE = 60_000;

function offsetOf(zone: string): number {
  const minutes = OFFSETS[zone];
  if (minutes === undefined) throw new Error(`calendar times are written in ${Object.keys(OFFSETS).join(' or ')}, not ${zone}`);
  return minutes;
}

function instant(epochMs: number): ICalTemporalInstantStub {
  const iso = new Date(epochMs).toISOString();
  return { epochMilliseconds: epochMs, toJSON: () => iso, toString: () => iso, toZonedDateTimeISO: (zone) => zoned(epochMs, zone) };
}

/** The wall-clock fields of an instant in a zone. */
function plain(epochMs: number, zone: string): ICalTemporalPlainDateTimeStub {
  const wall = new Date(epochMs + offsetOf(zone) * MINUTE);
  const iso = wall.toISOString().slice(0, 19);
  const [year, month, day] = [wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate()];
  return {
    year,
    month,
    day,
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    toPlainDate: () => ({ year, month, day, toJSON: () => iso.slice(0, 10), toString: () => iso.slice(0, 10) }),
    toZonedDateTime: (other) => zoned(wall.getTime() - offsetOf(other) * MINUTE, other),
    toJSON: () => iso,
    toString: () => iso,
  };
}

function zoned(epochMs: number, timeZoneId: string): ICalTemporalZonedDateTimeStub {
  const fields = plain(epochMs, timeZoneId);
  const text = `${fields.toString()}[${timeZoneId}]`;
  return {
    year: fields.year,
    month: fields.month,
    day: fields.day,
    hour: fields.hour,
    minute: fields.minute,
    second: fields.second,
    timeZoneId,
    toPlainDateTime: () => fields,
    toInstant: () => instant(epochMs),
    withTimeZone: (zone) => zoned(epochMs, zone),
    toJSON: () => text,
    toString: () => text,
  };
}

/** `date` (2024-12-11) at `time` (10:00) Beijing time. */
export function chinaTime(date: string, time = '00:00'): ICalTemporalZonedDateTimeStub {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return zoned(Date.UTC(y, m - 1, d, hh, mm) - offsetOf('Asia/Shanghai') * MINUTE, 'Asia/Shanghai');
}
