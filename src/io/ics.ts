// The timetable as an iCalendar file (RFC 5545) for leaders' and liaisons' phone calendars,
// written with ical-generator. Same inputs, same bytes: DTSTAMP comes from the publishing date,
// never the clock, and each event's UID names its duty slot (round, date, kind, and session, place and
// role when the duty names them, and its number there), not the leader, so re-publishing a changed
// plan updates the event instead of adding a second one.
import { createHash } from 'node:crypto';
import { ICalCalendar, ICalEventStatus } from 'ical-generator';
import type { Config } from '../core/config.js';
import { addDays } from '../core/dates.js';
import { dutySlots, slotParts } from '../core/duty-order.js';
import { kindText } from '../core/slot-text.js';
import type { Duty } from '../core/types.js';
import { chinaTime } from './china-time.js';

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
  const h = createHash('sha256')
    .update([config.title, ...slotParts(duty), slot].join('\u0000'))
    .digest('hex');
  return `${h.slice(0, 32)}@${domain}`;
}

/** DTSTAMP: midnight Beijing time of the publishing date (or the first day), written in UTC. */
export function stampOf(config: Config): Date {
  return new Date(chinaTime(config.published ?? config.from).toInstant().epochMilliseconds);
}

/** An all-day event's day: a Date at UTC midnight, which ical-generator writes as that date (VALUE=DATE, no zone). */
const allDay = (date: string) => new Date(`${date}T00:00:00Z`);

/** TEXT value escaping of RFC 5545 3.3.11, for the values ical-generator writes unescaped (NAME). */
export function escapeIcsText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

export function renderIcs(duties: readonly Duty[], config: Config, options: IcsOptions = {}): string {
  const cal = new ICalCalendar({
    prodId: { company: 'rota', product: 'timetable', language: 'ZH' },
    name: escapeIcsText(options.name ?? config.title),
    // A generator without a calendar-wide zone name: VTIMEZONE for the events' TZID, while
    // DTSTAMP stays in UTC (a calendar zone name would make it lose its Z).
    timezone: { name: null, generator: chinaVtimezone },
  });
  const stamp = stampOf(config);
  const contact = [config.contact.name, config.contact.phone].filter(Boolean).join(' ');
  const events = [
    ...dutySlots(duties, config).map((e) => ({ ...e, cancelled: false })),
    ...(options.cancelled ?? []).map((e) => ({ ...e, cancelled: true })),
  ];
  for (const { duty: d, slot, cancelled } of events) {
    if (options.only && !options.only(d)) continue;
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
    const common = {
      id: slotUid(config, d, slot, options.uidDomain),
      sequence: options.sequences?.[slotKey(d, slot)] ?? 0,
      stamp,
      summary: cancelled ? `已取消 ${summary}` : summary,
      ...(cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
      description,
      ...(d.place ? { location: d.place } : {}),
    };
    // The duty's own hours (its session's), else the round's; with neither, an all-day event.
    const hours = d.hours ?? config.hours;
    if (hours) {
      cal.createEvent({
        ...common,
        start: chinaTime(d.date, hours.start),
        end: chinaTime(d.date, hours.end),
        timezone: ICS_ZONE,
      });
    } else {
      cal.createEvent({
        ...common,
        allDay: true,
        start: allDay(d.date),
        end: allDay(addDays(d.date, 1)),
      });
    }
  }
  const text = cal.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
