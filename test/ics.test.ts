// timetable.ics checked by an independent parser (ical.js) and, where ical.js is lenient, by
// reading the raw bytes: folding at 75 octets on UTF-8 boundaries, TZIDs with VTIMEZONEs, DTSTAMP in Z.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { SEED_CONFIG } from '../src/core/config.js';
import { weekdayName } from '../src/core/dates.js';
import type { Duty } from '../src/core/types.js';
import { renderIcs, slotUid } from '../src/io/ics.js';
import { perLeaderIcs, safeFileName } from '../src/io/publish.js';
import { duty, seed } from './helpers/seed.js';

const s = seed();

// ical.js does not know RFC 7986 NAME (nor X-WR-CALNAME); tell it both are TEXT so it unescapes them.
const props = ICAL.design.icalendar.property as Record<string, { defaultType: string }>;
props.name = { defaultType: 'text' };
props['x-wr-calname'] = { defaultType: 'text' };

function events(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  // Use the file's own VTIMEZONE, not any zone ical.js might know by name.
  ICAL.TimezoneService.reset();
  for (const vtz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  return comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

/** Physical lines as bytes, split at CRLF. */
function rawLines(text: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      out.push(bytes.subarray(start, i));
      start = i + 2;
      i++;
    }
  }
  expect(start).toBe(bytes.length); // ends with CRLF, no bare LF anywhere after the last line
  return out;
}

/** Logical lines: continuation lines (leading space) joined back. */
const unfold = (text: string) =>
  text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);

describe('timetable.ics for the seed round', () => {
  const text = renderIcs(s.duties, s.config);

  it('has one event per duty with 10:00-14:00 Beijing time, TZID Asia/Shanghai', () => {
    const evs = events(text);
    expect(evs).toHaveLength(12);
    const first = evs[0];
    expect(first.startDate.toString()).toBe('2024-12-11T10:00:00');
    expect(first.endDate.toString()).toBe('2024-12-11T14:00:00');
    expect(first.startDate.zone.tzid).toBe('Asia/Shanghai');
    // 10:00 in Beijing is 02:00 UTC: the VTIMEZONE ical.js read says +08:00.
    expect(first.startDate.toUnixTime()).toBe(Date.UTC(2024, 11, 11, 2, 0, 0) / 1000);
    expect(evs.map((e) => e.startDate.toString().slice(0, 10))).toEqual(s.duties.map((d) => d.date));
  });

  it('SUMMARY, LOCATION and DESCRIPTION carry name, title, place, 分管工作 and the contact phone', () => {
    const ev = events(text)[2];
    expect(ev.summary).toBe('领导接访：努尔兰·哈力木（副区长）');
    expect(ev.location).toBe('区人民群众信访服务中心（克拉玛依市昆仑路585号）');
    expect(ev.description).toContain('分管工作：征地拆迁、城市建设、住房保障');
    expect(ev.description).toContain('0990-6245539');
  });

  it('every TZID used has a VTIMEZONE, and DTSTAMP is UTC (ends in Z)', () => {
    const lines = unfold(text);
    const used = new Set(lines.flatMap((l) => [...l.matchAll(/;TZID=([^;:]+)/g)].map((m) => m[1])));
    const defined = new Set(lines.filter((l) => l.startsWith('TZID:')).map((l) => l.slice(5)));
    expect([...used]).toEqual(['Asia/Shanghai']);
    for (const tz of used) expect(defined.has(tz)).toBe(true);
    const stamps = lines.filter((l) => l.startsWith('DTSTAMP'));
    expect(stamps).toHaveLength(12);
    // Published 2024-12-09 00:00 Beijing time = 2024-12-08 16:00 UTC.
    for (const l of stamps) expect(l).toBe('DTSTAMP:20241208T160000Z');
  });

  it('folds lines at ≤75 octets without splitting a UTF-8 character', () => {
    const lines = rawLines(text);
    expect(lines.some((l) => l[0] === 0x20)).toBe(true); // Chinese text did need folding
    for (const l of lines) {
      expect(l.length).toBeLessThanOrEqual(75);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(l)).not.toThrow();
    }
  });

  it('same inputs give the same bytes (no clock), whatever order the duties come in', () => {
    expect(renderIcs([...s.duties].reverse(), s.config)).toBe(text);
  });

  it('UIDs name the slot, not the leader: a swapped leader keeps the event, another day does not', () => {
    const uids = events(text).map((e) => e.uid);
    expect(new Set(uids).size).toBe(12);
    for (const u of uids) expect(u).toMatch(/^[0-9a-f]{32}@rota\.invalid$/);
    const swapped = s.duties.map((d, i) => (i === 0 ? { ...d, name: '艾力·买买提', title: '区委常委、政法委书记' } : d));
    const after = events(renderIcs(swapped, s.config));
    expect(after.map((e) => e.uid)).toEqual(uids);
    expect(after[0].summary).toBe('领导接访：艾力·买买提（区委常委、政法委书记）');
    expect(slotUid(s.config, s.duties[0], 0)).not.toBe(slotUid(s.config, { ...s.duties[0], date: '2024-12-12' }, 0));
    expect(slotUid(s.config, s.duties[0], 0)).not.toBe(slotUid(s.config, s.duties[0], 1));
  });

  it('writes all-day events when no hours are configured', () => {
    const { hours: _h, ...noHours } = s.config;
    const t = renderIcs(s.duties, noHours);
    const evs = events(t);
    expect(evs).toHaveLength(12);
    expect(evs[0].startDate.isDate).toBe(true);
    expect(evs[0].startDate.toString()).toBe('2024-12-11');
    expect(evs[0].endDate.toString()).toBe('2024-12-12');
    expect(unfold(t).filter((l) => l.includes('TZID'))).toEqual([]);
  });
});

describe('ICS text escaping', () => {
  const nasty = fc.stringMatching(/^[a-z征地拆迁，、；,;\\\n :"（）🙂]{1,40}$/u);

  it('commas, semicolons, backslashes, newlines, Chinese and emoji round-trip through ical.js', () => {
    fc.assert(
      fc.property(nasty, nasty, nasty, nasty, (name, title, portfolio, place) => {
        const d: Duty = duty({ date: '2024-12-11', weekday: weekdayName('2024-12-11'), name, title, portfolio, place });
        const config = { ...SEED_CONFIG, title: `接访,表;\\\n${title}`, contact: { name: '古丽博斯丹', phone: '0990-6245539' } };
        const t = renderIcs([d], config);
        const [ev] = events(t);
        expect(ev.summary).toBe(`领导接访：${name}（${title}）`);
        expect(ev.location).toBe(place);
        expect(ev.description.startsWith(`分管工作：${portfolio}\n单位：区委\n`)).toBe(true);
        const cal = new ICAL.Component(ICAL.parse(t));
        expect(cal.getFirstPropertyValue('name')).toBe(config.title);
        expect(cal.getFirstPropertyValue('x-wr-calname')).toBe(config.title);
        for (const l of rawLines(t)) {
          expect(l.length).toBeLessThanOrEqual(75);
          new TextDecoder('utf-8', { fatal: true }).decode(l);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('one calendar per leader', () => {
  it('writes ics/<姓名>.ics per leader with the same UIDs as the round calendar', () => {
    const files = perLeaderIcs(s.duties, s.config);
    expect(files).toHaveLength(12);
    const all = new Map(events(renderIcs(s.duties, s.config)).map((e) => [e.summary, e.uid]));
    for (const f of files) {
      const evs = events(f.content as string);
      expect(evs).toHaveLength(1);
      expect(f.path).toBe(`ics/${evs[0].summary.replace(/^领导接访：(.*)（.*$/, '$1')}.ics`);
      expect(evs[0].uid).toBe(all.get(evs[0].summary));
    }
  });

  it('namesakes in two institutions get two files; hostile names become safe Windows file names', () => {
    const two = [
      duty({ date: '2024-12-11', name: '张伟', institution: '区委' }),
      duty({ date: '2024-12-12', name: '张伟', institution: '区政府' }),
      duty({ date: '2024-12-13', name: 'a/b\\c:d*e?f"g<h>i|j.', institution: '区委' }),
      duty({ date: '2024-12-16', name: 'CON', institution: '区委' }),
    ];
    expect(perLeaderIcs(two, SEED_CONFIG).map((f) => f.path)).toEqual([
      'ics/CON.ics'.replace('CON', '_CON'),
      'ics/a_b_c_d_e_f_g_h_i_j.ics',
      'ics/张伟-区委.ics',
      'ics/张伟-区政府.ics',
    ]);
    expect(safeFileName('..')).toBe('_');
    expect(safeFileName('lpt1.txt')).toBe('_lpt1.txt');
  });

  it('per-leader file names fit 255 bytes, cut between characters, never hidden, unique ignoring case (property)', () => {
    const char = fc.constantFrom(...'王建国努尔兰·哈力木.. aA/\\:-'.split(''), '😀', '𠀀', 'é');
    const names = fc.uniqueArray(fc.string({ unit: char, minLength: 1, maxLength: 200 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(names, (ns) => {
        const duties = ns.map((name, i) => duty({ date: `2024-12-${String(11 + i).padStart(2, '0')}`, name, institution: '区委' }));
        const bases = perLeaderIcs(duties, SEED_CONFIG).map((f) => f.path.slice('ics/'.length));
        expect(bases).toHaveLength(new Set(ns).size);
        for (const b of bases) {
          expect(Buffer.byteLength(b, 'utf8')).toBeLessThanOrEqual(255);
          expect(b.startsWith('.')).toBe(false);
          expect(b.endsWith('.ics')).toBe(true);
          // No half of a surrogate pair: the name survives a round trip through UTF-8.
          expect(Buffer.from(b, 'utf8').toString('utf8')).toBe(b);
        }
        expect(new Set(bases.map((b) => b.toLowerCase())).size).toBe(bases.length);
      }),
      { numRuns: 200 },
    );
  });
});
