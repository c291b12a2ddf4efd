// Slot fields (时段, 接访时间, 方式, 角色; several places a day) in the timetable CSV and calendar:
// written only when some duty has them, read back as written (also as offices spell them), and the
// seed's files unchanged.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { receptionForm } from '../src/core/cases/forms.js';
import { dayNumber, fromDayNumber, weekdayName } from '../src/core/dates.js';
import { sortDuties } from '../src/core/duty-order.js';
import { DISTRICT_INSTITUTIONS } from '../src/core/institutions.js';
import { SESSIONS } from '../src/core/slot-text.js';
import { DUTY_MODES, DUTY_ROLES } from '../src/core/slots.js';
import type { Duty } from '../src/core/types.js';
import { renderIcs } from '../src/io/ics.js';
import { renderCsv } from '../src/io/publish.js';
import { readTimetableBytes } from '../src/io/timetable-read.js';
import { duty, seed } from './helpers/seed.js';

const s = seed();
const strip = (ds: Duty[]) => ds.map(({ source: _s, ...d }) => d);
const csvText = async (ds: Duty[]) => new TextDecoder().decode((await renderCsv(ds, s.config)).subarray(3));
const read = (text: string) => readTimetableBytes(new TextEncoder().encode(text), 't.csv', [], s.config.institutions);

const HALL = '区人民群众信访服务中心（克拉玛依市昆仑路585号）';
const COURT = '区人民法院诉讼服务中心（克拉玛依市准噶尔路1号）';
/** Two sessions, two places on 2024-12-11: the shape issue 19 names. */
const TWO_BY_TWO: Duty[] = [
  duty({ date: '2024-12-11', weekday: '星期三', name: '乙', place: COURT, session: '下午', hours: { start: '15:00', end: '17:30' } }),
  duty({
    date: '2024-12-11',
    weekday: '星期三',
    name: '甲',
    place: HALL,
    session: '上午',
    hours: { start: '08:30', end: '11:30' },
    role: '主接访',
  }),
  duty({
    date: '2024-12-11',
    weekday: '星期三',
    name: '丙',
    place: HALL,
    session: '下午',
    hours: { start: '15:00', end: '17:30' },
    mode: '视频接访',
  }),
  duty({
    date: '2024-12-11',
    weekday: '星期三',
    name: '丁',
    place: HALL,
    session: '上午',
    hours: { start: '08:30', end: '11:30' },
    role: '陪同',
  }),
];

describe('timetable.csv with slots', () => {
  it('adds 时段, 接访时间 and 角色 only when some duty has them; 类型 shows the mode; places of a session by name', async () => {
    const lines = (await csvText(TWO_BY_TWO)).split('\r\n');
    expect(lines[0]).toBe('日期,星期,时段,接访时间,类型,单位,姓名,职务,角色,分管工作,地点');
    expect(lines.slice(1, 5)).toEqual([
      `2024-12-11,星期三,上午,08:30-11:30,接访,区委,甲,,主接访,,${HALL}`,
      `2024-12-11,星期三,上午,08:30-11:30,接访,区委,丁,,陪同,,${HALL}`,
      `2024-12-11,星期三,下午,15:00-17:30,接访,区委,乙,,,,${COURT}`,
      `2024-12-11,星期三,下午,15:00-17:30,视频接访,区委,丙,,,,${HALL}`,
    ]);
    const noRole = (await csvText(TWO_BY_TWO.map(({ role: _r, ...d }) => d))).split('\r\n')[0];
    expect(noRole).toBe('日期,星期,时段,接访时间,类型,单位,姓名,职务,分管工作,地点');
    expect((await csvText(s.duties)).split('\r\n')[0]).toBe('日期,星期,类型,单位,姓名,职务,分管工作,地点');
  });

  it('reads the headers and values offices write: 时间段, 接访方式, 身份, 8:30—11:30, 视频', () => {
    const r = read(
      '日期,时间段,接待时间,姓名,接访方式,身份\n2024-12-11,上午,8:30—11:30,甲,视频,带班领导\n2024-12-11,PM,15：00至17：30,乙,约访,\n',
    );
    expect(r.problems).toEqual([]);
    expect(strip(r.duties).map(({ session, hours, kind, mode, role }) => ({ session, hours, kind, mode, role }))).toEqual([
      { session: '上午', hours: { start: '08:30', end: '11:30' }, kind: '接访', mode: '视频接访', role: '带班' },
      { session: '下午', hours: { start: '15:00', end: '17:30' }, kind: '接访', mode: '约访', role: undefined },
    ]);
  });

  it('tells every unknown 时段, unreadable 接访时间 and unknown 角色 by line and field, and makes no duty of those rows', () => {
    const r = read(
      '日期,时段,接访时间,姓名,角色\n2024-12-11,上半天,08:30-11:30,甲,主接访\n2024-12-12,上午,11:30-08:30,乙,列席\n2024-12-13,下午,,丙,\n',
    );
    expect(r.problems.map((p) => [p.code, p.line, p.field])).toEqual([
      ['slot.session-unknown', 2, '时段'],
      ['slot.hours-bad', 3, '接访时间'],
      ['slot.role-unknown', 3, '角色'],
    ]);
    expect(r.problems[0].message).toContain('不认识的时段“上半天”');
    expect(r.duties.map((d) => d.name)).toEqual(['丙']);
  });

  it('round-trips any duties with any slot fields, in date-then-session order (property)', async () => {
    const two = (n: number) => String(n).padStart(2, '0');
    // Any start and an end in a later hour (so always after it).
    const hours = fc
      .tuple(
        fc.integer({ min: 0, max: 22 }),
        fc.integer({ min: 1, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
      )
      .map(([h, more, m1, m2]) => ({ start: `${two(h)}:${two(m1)}`, end: `${two(Math.min(23, h + more))}:${two(m2)}` }));
    const row = fc.record(
      {
        day: fc.integer({ min: 0, max: 20 }),
        name: fc.constantFrom('甲', '乙', '丙', '=丁'),
        inst: fc.constantFrom(...DISTRICT_INSTITUTIONS.map((i) => i.name)),
        place: fc.constantFrom(HALL, COURT, '南湖村'),
        kind: fc.constantFrom('接访' as const, '下访' as const),
        session: fc.constantFrom(...SESSIONS),
        hours,
        mode: fc.constantFrom(...DUTY_MODES),
        role: fc.constantFrom(...DUTY_ROLES),
      },
      { requiredKeys: ['day', 'name', 'inst', 'place', 'kind'] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 10 }), async (rows) => {
        const duties: Duty[] = rows.map(({ day, inst, kind, mode, ...r }) => {
          const date = fromDayNumber(dayNumber('2024-12-01') + day);
          // A mode is a way of receiving: only a 接访 has one.
          return {
            ...r,
            date,
            weekday: weekdayName(date),
            institution: inst,
            title: '',
            portfolio: '',
            kind,
            ...(mode && kind === '接访' ? { mode } : {}),
          };
        });
        const back = readTimetableBytes(await renderCsv(duties, s.config), 't.csv', [], s.config.institutions);
        expect(back.problems).toEqual([]);
        const key = (d: Duty) => JSON.stringify(Object.entries(d).sort());
        expect(strip(back.duties).map(key).sort()).toEqual(duties.map(key).sort());
        // The order, judged independently: by date, then a dayless session before 全天, 上午 … 晚上.
        const pos = (d: Duty) => [d.date, d.session === undefined ? -1 : SESSIONS.indexOf(d.session)] as const;
        for (let i = 1; i < back.duties.length; i++) {
          const [a, b] = [pos(back.duties[i - 1]), pos(back.duties[i])];
          expect(a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1])).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the 领导干部接访表 of a duty in a session', () => {
  it('says its session with its own hours, its mode and its role; a duty without them keeps the round’s hours', () => {
    const form = receptionForm(TWO_BY_TWO[2], '10:00—14:00');
    expect(form.fields.slice(0, 4)).toEqual([
      ['接访日期', '2024-12-11（星期三）'],
      ['时段', '下午 15:00—17:30'],
      ['接访方式', '视频接访'],
      ['接访领导', '丙'],
    ]);
    expect(receptionForm(TWO_BY_TWO[1], '10:00—14:00').fields).toContainEqual(['角色', '主接访']);
    expect(receptionForm(s.duties[0], '10:00—14:00').fields.map(([k]) => k)).toEqual([
      '接访日期',
      '时段',
      '接访领导',
      '单位职务',
      '分管工作',
      '接访地点',
      '陪同单位',
    ]);
  });
});

describe('duty order', () => {
  it('follows the slots’ session and place order when the round gives one', () => {
    const slots = [
      { session: '下午', place: { name: '区人民法院诉讼服务中心' }, kind: '接访' as const, leaders: 1 },
      { session: '上午', place: { name: '区人民群众信访服务中心' }, kind: '接访' as const, leaders: 1 },
    ];
    const names = sortDuties(TWO_BY_TWO, { ...s.config, slots }).map((d) => d.name);
    expect(names).toEqual(['乙', '丙', '甲', '丁']);
  });
});

describe('timetable.ics with slots', () => {
  const events = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

  it('one event per duty at its own hours and place, UIDs unique', () => {
    const evs = events(renderIcs(TWO_BY_TWO, s.config));
    expect(evs.map((e) => [e.summary, e.startDate.toString(), e.endDate.toString(), e.location])).toEqual([
      ['上午 领导接访：甲', '2024-12-11T08:30:00', '2024-12-11T11:30:00', HALL],
      ['上午 领导接访：丁', '2024-12-11T08:30:00', '2024-12-11T11:30:00', HALL],
      ['下午 领导接访：乙', '2024-12-11T15:00:00', '2024-12-11T17:30:00', COURT],
      ['下午 领导视频接访：丙', '2024-12-11T15:00:00', '2024-12-11T17:30:00', HALL],
    ]);
    expect(new Set(evs.map((e) => e.uid)).size).toBe(4);
  });

  it('a duty without its own hours takes the round’s; a swap of leaders keeps each slot’s UID', () => {
    const [a, b] = [TWO_BY_TWO[1], TWO_BY_TWO[0]];
    const noHours = duty({ date: '2024-12-12', weekday: '星期四', name: '戊' });
    const before = events(renderIcs([a, b, noHours], s.config));
    expect(before[2].startDate.toString()).toBe(`2024-12-12T${s.config.hours?.start}:00`);
    const swapped = events(renderIcs([{ ...a, name: b.name }, { ...b, name: a.name }, noHours], s.config));
    expect(swapped.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    expect(swapped.map((e) => e.summary)).toEqual(['上午 领导接访：乙', '下午 领导接访：甲', '领导接访：戊']);
  });
});
