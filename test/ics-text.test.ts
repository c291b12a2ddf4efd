// timetable.ics is written as text (src/io/ics.ts); ical-generator 10, which wrote it before, is the
// oracle: for any timetable (sessions, own hours, all-day rounds, cancelled slots, sequences, one
// leader's calendar, text with ; , \\ and line breaks, long lines with CJK and astral characters to
// fold) both give the same bytes. libraryIcs below is the library-based writer as it was.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ICalCalendar, ICalEventStatus } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { type Config, SEED_CONFIG } from '../src/core/config.js';
import { addDays } from '../src/core/dates.js';
import { dutySlots } from '../src/core/duty-order.js';
import type { Duty } from '../src/core/types.js';
import {
  chinaVtimezone,
  escapeIcsText,
  eventWords,
  ICS_ZONE,
  type IcsOptions,
  renderIcs,
  slotKey,
  slotUid,
  stampOf,
} from '../src/io/ics.js';
import { chinaTime } from './support/china-time.js';

const allDay = (date: string) => new Date(`${date}T00:00:00Z`);

function libraryIcs(duties: readonly Duty[], config: Config, options: IcsOptions = {}): string {
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
    const { summary, description } = eventWords(d, config, contact);
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

/** Text that exercises escaping and folding: CJK, astral and lone surrogates, separators, line breaks. */
const text = (max: number) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom('王', '接访', '·', ';', ',', '\\', '\n', '\r\n', '\r', ' ', 'a', '𠮷', '\ud83d', '\ude00', '"', ':', 'é'),
        fc.string({ maxLength: 3 }),
      ),
      { maxLength: max },
    )
    .map((parts) => parts.join(''));

const hours = fc.constantFrom(
  { start: '10:00', end: '14:00' },
  { start: '08:30', end: '11:30' },
  { start: '15:00', end: '09:00' },
  { start: '00:00', end: '24:00' },
);

const duty = fc.record({
  date: fc.integer({ min: 0, max: 800 }).map((n) => addDays('2024-12-01', n)),
  kind: fc.constantFrom('接访' as const, '下访' as const),
  institution: text(4),
  name: text(6),
  title: text(8),
  portfolio: text(30),
  place: text(30),
  session: fc.option(fc.constantFrom('上午', '下午', '晚上'), { nil: undefined }),
  role: fc.option(fc.constantFrom('主接访' as const, '陪同' as const), { nil: undefined }),
  with: fc.option(fc.array(text(6), { maxLength: 3 }), { nil: undefined }),
  hours: fc.option(hours, { nil: undefined }),
});

const clean = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

describe('timetable.ics written as text', () => {
  it('is byte for byte what ical-generator writes for the same events and options', () => {
    fc.assert(
      fc.property(
        fc.array(duty, { maxLength: 12 }),
        fc.record({
          title: text(40),
          contact: fc.record({ name: text(4), phone: fc.constantFrom('', '0990-6245539') }),
          office: text(20),
          hours: fc.option(hours, { nil: undefined }),
          published: fc.option(fc.constantFrom('2024-12-09', '2025-06-30'), { nil: undefined }),
        }),
        fc.boolean(),
        fc.nat(5),
        (raw, c, some, cancelledCount) => {
          const duties = raw.map((d) => clean({ ...d, weekday: '' }) as Duty);
          const config: Config = clean({ ...SEED_CONFIG, ...c, hours: c.hours, published: c.published });
          const slots = dutySlots(duties, config);
          const options: IcsOptions = {
            sequences: Object.fromEntries(slots.map((s, i) => [slotKey(s.duty, s.slot), i % 3])),
            cancelled: slots.slice(0, cancelledCount).map((s) => ({ duty: s.duty, slot: s.slot + 7 })),
            ...(some ? { only: (d: Duty) => d.kind === '接访', name: `${c.title}：一人` } : {}),
          };
          expect(renderIcs(duties, config, options)).toBe(libraryIcs(duties, config, options));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('is what ical-generator writes for the seed round published by the built CLI', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rota-ics-text-')), 'out');
    const r = spawnSync(process.execPath, ['bin/rota.js', 'plan', '-c', 'fixtures/rota.json', '--out', dir], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const { duties, config } = JSON.parse(readFileSync(join(dir, 'timetable.json'), 'utf8'));
    const written = readFileSync(join(dir, 'timetable.ics'), 'utf8');
    expect(written).toMatch(/\r\n [^\r]/); // long lines were folded
    expect(written).toBe(libraryIcs(duties, config));
  });
});
