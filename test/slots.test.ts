// rota.json `slots` read and planned: sessions, places, modes and roles with who may fill each,
// every slot of every duty day filled by a leader it admits, and the plan's own check agreeing.
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../src/core/calendar.js';
import { type Config, validateConfig } from '../src/core/config.js';
import { buildContext, checkTimetable } from '../src/core/engine/index.js';
import { plan } from '../src/core/engine/plan.js';
import { parsePattern, patternCalendar } from '../src/core/patterns.js';
import type { Leader, Rank } from '../src/core/types.js';

const national = makeCalendar({ region: 'national' });
const L = (name: string, title: string, rank: Rank = '副处级', unavailable: string[] = []): Leader => ({
  name,
  institution: '人民法院',
  title,
  rank,
  portfolio: '',
  unavailable,
  liaison: '',
  phone: '',
});
const COURT = [L('张明', '院长', '正处级'), L('李华', '副院长'), L('王芳', '副院长'), L('赵强', '审判委员会专职委员')];

function config(raw: Record<string, unknown>): Config {
  const r = validateConfig({ preset: 'court', from: '2025-03-01', to: '2025-03-31', ...raw }, 'rota.json');
  expect(r.problems).toEqual([]);
  return r.config!;
}
/** The round's calendar: its pattern's duty days (the court's 每周三) working, the rest not. */
const calendarOf = (c: Config) => (c.pattern ? patternCalendar(national, parsePattern(c.pattern).pattern!) : national);
const run = (c: Config, leaders = COURT, bestEffort = false) => {
  const cal = calendarOf(c);
  const r = plan({ config: c, days: cal.days(c.from, c.to), leaders, calendar: cal, bestEffort });
  const ctx = buildContext({ config: c, days: cal.days(c.from, c.to), leaders, calendar: cal });
  return { r, breaks: checkTimetable(r.duties, ctx) };
};

describe('rota.json slots', () => {
  it('上午 and 下午 each their own leader and hours: two duties every duty day, 上午 first', () => {
    const c = config({
      slots: [
        { session: '上午', hours: { start: '08:30', end: '11:30' } },
        { session: '下午', hours: { start: '15:00', end: '17:30' } },
      ],
    });
    const { r, breaks } = run(c);
    expect(r.report.status).toBe('optimal');
    expect(breaks).toEqual([]);
    const days = [...new Set(r.duties.map((d) => d.date))];
    expect(r.duties).toHaveLength(days.length * 2);
    for (const date of days) {
      const two = r.duties.filter((d) => d.date === date);
      expect(two.map((d) => d.session)).toEqual(['上午', '下午']);
      expect(two.map((d) => d.hours?.start)).toEqual(['08:30', '15:00']);
      expect(two[0].name).not.toBe(two[1].name);
    }
  });

  it('带班 only by the 院长, 主接访 by anyone else: the 院长 leads every day he can', () => {
    const c = config({
      slots: [
        { role: '带班', who: { titles: ['院长'] } },
        { role: '主接访', who: { titles: ['副院长', '审判委员会专职委员'] } },
      ],
      rotation: { maxPerWeek: 2 },
    });
    const { r, breaks } = run(c);
    expect(r.report.status).toBe('optimal');
    expect(breaks).toEqual([]);
    for (const d of r.duties) expect(d.role === '带班').toBe(d.name === '张明');
  });

  it('names the slot nobody may fill on a day', () => {
    const c = config({ slots: [{ role: '带班', who: { titles: ['院长'] } }, { role: '主接访' }], rotation: { maxPerWeek: 2 } });
    const away = COURT.map((l, i) => (i === 0 ? { ...l, unavailable: ['2025-03-12'] } : l));
    const { r } = run(c, away, true);
    expect(r.report.status).toBe('best-effort');
    expect(r.report.breaks.map((b) => b.message).join('\n')).toContain('带班');
    expect(r.report.causes.map((c) => c.message)).toEqual([
      expect.stringContaining('2025-03-12 的「带班」（院长）需要 1 名领导，能担任的只有 张明，其中 张明 不可接访'),
    ]);
  });

  it('refuses perDay that contradicts the slots, naming both', () => {
    const r = validateConfig({ perDay: 1, slots: [{ session: '上午' }, { session: '下午' }] }, 'rota.json');
    expect(r.problems.map((p) => [p.code, p.field])).toEqual([['config.slots-conflict', 'perDay']]);
  });

  it('refuses two slots a timetable could not tell apart, and a slot field it does not know', () => {
    const r = validateConfig({ slots: [{ session: '上午' }, { session: '上午', mode: '视频' }, { session: '上午' }] }, 'rota.json');
    expect(r.problems.map((p) => p.field)).toEqual(['slots[1].mode']);
    const dup = validateConfig({ slots: [{ session: '上午' }, { session: '上午' }] }, 'rota.json');
    expect(dup.problems.map((p) => p.field)).toEqual(['slots[1]']);
    expect(dup.problems[0].message).toContain('"leaders": 2');
  });

  it('a check of a hand-edited day: a 副院长 in the 带班 slot (one break, not also an empty 带班), and an empty 下午', () => {
    const c = config({
      slots: [{ session: '上午', role: '带班', who: { titles: ['院长'] } }, { session: '下午' }],
      rotation: { maxPerWeek: 2 },
    });
    const cal = calendarOf(c);
    const ctx = buildContext({ config: c, days: cal.days(c.from, c.to), leaders: COURT, calendar: cal });
    const date = '2025-03-05';
    const duty = {
      date,
      weekday: '星期三',
      kind: '接访' as const,
      institution: '人民法院',
      name: '李华',
      title: '副院长',
      portfolio: '',
      place: ctx.place,
      session: '上午',
      role: '带班' as const,
    };
    const vs = checkTimetable([duty], ctx).filter((v) => v.rule === 'slots' && v.dates.includes(date));
    expect(vs.map((v) => v.message)).toEqual([
      expect.stringContaining('李华（副院长，副处级）不能担任「上午 带班」（院长）'),
      expect.stringContaining('「下午」应有 1 名领导，只安排了 0 名'),
    ]);
  });
});
