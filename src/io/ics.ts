// The timetable as an iCalendar file (RFC 5545) for leaders' and liaisons' phone calendars,
// written as text: byte for byte what ical-generator 10 wrote for the same events (test/ics-text.test.ts
// holds it to that library), at a fraction of its cost per event (a township year is ~750). Same inputs, same bytes: DTSTAMP comes from the publishing date,
// never the clock, and each event's UID names its duty slot (round, date, kind, and session, place and
// role when the duty names them, and its number there), not the leader, so re-publishing a changed
// plan updates the event instead of adding a second one.
import { hash } from 'node:crypto';
import type { Config } from '../core/config.js';
import { addDays } from '../core/dates.js';
import { dutySlots, slotParts } from '../core/duty-order.js';
import { kindText } from '../core/slot-text.js';
import type { Duty } from '../core/types.js';
import { chinaInstant } from './china-time.js';

export const ICS_ZONE = 'Asia/Shanghai';

/**
 * VTIMEZONE for Asia/Shanghai, written out by hand: ical-generator only emits VTIMEZONE through a
 * generator function (README "Date, Time & Timezones"), the suggested @touch4it/ical-timezones and
 * timezones-ical-library are not dependencies here, and China has kept UTC+8 without daylight
 * saving since 1991, so one STANDARD block is the whole truth for any date rota deals with.
 */
export function chinaVtimezone(tz: string): string | null {
  if (tz !== ICS_ZONE) return null;
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${ICS_ZONE}`,
    `X-LIC-LOCATION:${ICS_ZONE}`,
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:CST',
    'DTSTART:19700101T000000',
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');
}

export interface IcsOptions {
  /** Calendar name; defaults to the configuration's title. */
  name?: string;
  /** The part of each UID after @; a domain-like name the publisher controls. */
  uidDomain?: string;
  /** Keep only these duties (slots are still numbered over all of them, so UIDs stay the same). */
  only?: (duty: Duty) => boolean;
  /** SEQUENCE per slot key (slotKey): raised on a changed event so subscribed calendars update it. */
  sequences?: Record<string, number>;
  /** Slots published before and gone now: written as cancelled events so calendars drop them. */
  cancelled?: ReadonlyArray<{ duty: Duty; slot: number }>;
}

type SlotOf = Pick<Duty, 'date' | 'kind' | 'session' | 'role' | 'place'>;

/** The key of a duty slot (what its UID is made of, besides the round's title): 2024-12-19|接访|0, or 2024-12-19|接访|上午|大厅|主接访|0. */
export function slotKey(duty: SlotOf, slot: number): string {
  return [...slotParts(duty), slot].join('|');
}

/** Stable UID of a duty slot: the round's title, the date, the kind, its session, place and role when named, and the slot; not the leader. */
export function slotUid(config: Config, duty: Duty, slot: number, domain = 'rota.invalid'): string {
  // crypto.hash, not a createHash object per UID: building the object costs more than hashing a line.
  const h = hash('sha256', [config.title, ...slotParts(duty), slot].join('\u0000'), 'hex');
  return `${h.slice(0, 32)}@${domain}`;
}

/** DTSTAMP: midnight Beijing time of the publishing date (or the first day), written in UTC. */
export function stampOf(config: Config): Date {
  return chinaInstant(config.published ?? config.from);
}

/** An all-day event's day, VALUE=DATE (20241211): the date itself, no zone. */
const basicDate = (date: string) => date.replaceAll('-', '');

/** TEXT value escaping of RFC 5545 3.3.11, for the values ical-generator writes unescaped (NAME). */
export function escapeIcsText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** An event's SUMMARY and DESCRIPTION (before escaping): the duty in words, with the contact and the office. */
export function eventWords(d: Duty, config: Config, contact: string): { summary: string; description: string } {
  const description = [
    d.session ? `时段：${d.session}` : '',
    d.role ? `角色：${d.role}` : '',
    d.portfolio ? `分管工作：${d.portfolio}` : '',
    d.institution ? `单位：${d.institution}` : '',
    d.with?.length ? `陪同单位：${d.with.join('、')}` : '',
    contact ? `咨询电话：${contact}` : '',
    config.office ? `发布：${config.office}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const summary = `${d.session ? `${d.session} ` : ''}领导${kindText(d)}：${d.name}${d.title ? `（${d.title}）` : ''}`;
  return { summary, description };
}

export function renderIcs(duties: readonly Duty[], config: Config, options: IcsOptions = {}): string {
  const stamp = `DTSTAMP:${utcStamp(stampOf(config))}`;
  const contact = [config.contact.name, config.contact.phone].filter(Boolean).join(' ');
  const events = [
    ...dutySlots(duties, config).map((e) => ({ ...e, cancelled: false })),
    ...(options.cancelled ?? []).map((e) => ({ ...e, cancelled: true })),
  ];
  const body: string[] = [];
  let zoned = false;
  // Each day's times once: a township year has ~750 events on ~250 days.
  const times = new Map<string, ReturnType<typeof wallClock>>();
  const clock = (date: string, time: string) => {
    const key = `${date}T${time}`;
    let t = times.get(key);
    if (!t) times.set(key, (t = wallClock(date, time)));
    return t;
  };
  for (const { duty: d, slot, cancelled } of events) {
    if (options.only && !options.only(d)) continue;
    const { summary, description } = eventWords(d, config, contact);
    body.push(
      'BEGIN:VEVENT',
      `UID:${slotUid(config, d, slot, options.uidDomain)}`,
      `SEQUENCE:${options.sequences?.[slotKey(d, slot)] ?? 0}`,
      stamp,
    );
    // The duty's own hours (its session's), else the round's, in Beijing wall-clock time; with neither, an all-day event.
    const hours = d.hours ?? config.hours;
    if (hours) {
      zoned = true;
      // A start after the end is written as the end (as ical-generator swapped them).
      let [start, end] = [clock(d.date, hours.start), clock(d.date, hours.end)];
      if (start.at > end.at) [start, end] = [end, start];
      body.push(`DTSTART;TZID=${ICS_ZONE}:${start.text}`, `DTEND;TZID=${ICS_ZONE}:${end.text}`);
    } else {
      body.push(
        `DTSTART;VALUE=DATE:${basicDate(d.date)}`,
        `DTEND;VALUE=DATE:${basicDate(addDays(d.date, 1))}`,
        'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
        'X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT:TRUE',
      );
    }
    body.push(`SUMMARY:${eventText(cancelled ? `已取消 ${summary}` : summary)}`);
    if (d.place) body.push(`LOCATION:${eventText(d.place)}`);
    body.push(`DESCRIPTION:${eventText(description)}`);
    if (cancelled) body.push('STATUS:CANCELLED');
    body.push('END:VEVENT');
  }
  const name = escapeIcsText(options.name ?? config.title);
  const head = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//rota//timetable//ZH',
    ...(name ? [`NAME:${name}`, `X-WR-CALNAME:${name}`] : []),
  ];
  // VTIMEZONE only when some event is written in Beijing time; DTSTAMP stays in UTC.
  if (zoned) head.push(chinaVtimezone(ICS_ZONE)!);
  const text = [...head, ...body, 'END:VCALENDAR'].join('\r\n');
  return `${text.split('\r\n').map(foldLine).join('\r\n')}\r\n`;
}

/** TEXT escaping as the calendar's events are written: \\ ; , escaped, every line break (CRLF, CR or LF) as \\n. */
const eventText = (text: string) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');

const two = (n: number) => String(n).padStart(2, '0');
const year = (d: Date) => String(d.getUTCFullYear()).padStart(4, '0');
/** 20241210 of a Date's UTC day. */
const utcDate = (d: Date) => `${year(d)}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}`;
/** 20241209T160000Z: an instant in UTC. */
const utcStamp = (d: Date) => `${utcDate(d)}T${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`;

/** DATE at TIME Beijing wall-clock time, written without a zone (20250102T100000), and a number that orders it. */
function wallClock(date: string, time: string): { text: string; at: number } {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  // Beijing is a fixed UTC+8 (see chinaVtimezone): its wall clock is the UTC fields of the same numbers.
  const wall = new Date(Date.UTC(y, m - 1, d, hh, mm));
  return {
    text: `${utcDate(wall)}T${two(wall.getUTCHours())}${two(wall.getUTCMinutes())}${two(wall.getUTCSeconds())}`,
    at: wall.getTime(),
  };
}

const encoder = new TextEncoder();
/** The longest a line may be before it is folded, in octets (RFC 5545 3.1: 75 with the fold's space). */
const LINE_OCTETS = 74;

/**
 * RFC 5545 3.1 folding, as ical-generator 10 folds: a CRLF and a space before the character that would
 * take the line past 74 octets of UTF-8, never inside a character (a surrogate pair is one piece).
 */
function foldLine(line: string): string {
  if (line.length * 3 <= LINE_OCTETS) return line; // no UTF-16 unit takes more than 3 octets
  let out = '';
  let from = 0;
  let used = 0;
  for (let i = 0; i < line.length; i++) {
    const at = i;
    const c = line.charCodeAt(i);
    let size = 3; // the rest of the BMP, and a lone low surrogate (U+FFFD)
    if (c < 0x80) size = 1;
    else if (c < 0x800) size = 2;
    else if (c >= 0xd800 && c <= 0xdbff) size = encoder.encode(line.slice(at, ++i + 1)).length;
    used += size;
    if (used > LINE_OCTETS) {
      out += `${line.slice(from, at)}\r\n `;
      from = at;
      used = size;
    }
  }
  return out + line.slice(from);
}
