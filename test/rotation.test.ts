// The rotation planner (township weekly, county monthly): presets, each hard rule, holidays, sites,
// reasons for unmet quotas, and the checker finding nothing the plan did not report itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../src/core/calendar.js';
import { judge } from '../src/core/check/tally.js';
import { type Config, presetConfig, type Rotation, SEED_CONFIG, validateConfig } from '../src/core/config.js';
import { dayNumber, isoWeekKey } from '../src/core/dates.js';
import { buildContext } from '../src/core/engine/context.js';
import { plan } from '../src/core/engine/plan.js';
import { maxPerWeek, onePerDay, receptionPerDay, visitsPerDay } from '../src/core/engine/rules.js';
import { gapWindows, longestGap, portfolioMatches } from '../src/core/engine/sites.js';
import type { PlanConfig } from '../src/core/engine/types.js';
import type { Duty, Leader } from '../src/core/types.js';
import { planFixture } from './helpers/rotation.js';

type RotationConfig = PlanConfig & Required<Pick<Config, 'rules' | 'rotation'>>;

const TOWNSHIP = 'fixtures/township/rota.json';
const COUNTY = 'fixtures/county/rota.json';
const cal = makeCalendar({ region: 'xinjiang' });

function leader(name: string, over: Partial<Leader> = {}): Leader {
  return { name, institution: '乡政府', title: '副乡长', rank: '副科级', portfolio: '', unavailable: [], liaison: '', phone: '', ...over };
}
function tinyConfig(over: Partial<Rotation> = {}, from = '2025-03-03', to = '2025-03-07'): RotationConfig {
  const c = presetConfig('township');
  return { ...c, from, to, rotation: { ...c.rotation!, ...over } };
}
const duty = (date: string, name: string, kind: Duty['kind'] = '接访'): Duty => ({
  date,
  weekday: '',
  kind,
  institution: '乡政府',
  name,
  title: '',
  portfolio: '',
  place: '',
});
const ctxOf = (config: RotationConfig, leaders: Leader[]) =>
  buildContext({ config, days: cal.days(config.from, config.to), leaders, calendar: cal });

/** Every quota the checker finds short in the window must be one the plan reported itself. */
function checkerAgrees(r: ReturnType<typeof plan>, config: RotationConfig, leaders: Leader[]) {
  const j = judge({ leaders, duties: r.duties, rules: config.rules, calendar: cal, from: config.from, to: config.to, lenient: true });
  expect(j.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const reported = new Set(r.report.stillShort.map((s) => `${s.name}|${s.rule}|${s.period}`));
  const found = j.results.filter((x) => x.status === 'short' || x.status === 'over').map((x) => `${x.name}|${x.rule}|${x.period}`);
  expect(found.filter((k) => !reported.has(k))).toEqual([]);
}

describe('presets', () => {
  it('district is the seed configuration unchanged; township and county fill their defaults', () => {
    expect(validateConfig({ preset: 'district' }, 'f').config).toEqual(SEED_CONFIG);
    const t = validateConfig({ preset: 'township' }, 'f').config!;
    expect(t.institutions.map((i) => i.name)).toEqual(['乡党委', '乡人大', '乡政府']);
    expect([t.eligibleRanks, t.order.mode, t.rules.map((r) => r.id), t.rotation?.decompose]).toEqual([
      ['正科级', '副科级'],
      'none',
      ['township-weekly'],
      'week',
    ]);
    const c = validateConfig({ preset: 'county' }, 'f').config!;
    expect([c.eligibleRanks, c.rotation?.quotaRules, c.rotation?.decompose]).toEqual([
      ['正处级', '副处级'],
      ['county-monthly', 'district-quarterly'],
      'month',
    ]);
  });
  it('the file overrides the preset field by field; rotation null means the district round', () => {
    const t = validateConfig({ preset: 'township', rotation: { reception: { max: 3 } }, title: 'X' }, 'f').config!;
    expect([t.title, t.rotation?.reception, t.rotation?.visits]).toEqual(['X', { min: 1, max: 3 }, { min: 0, max: 2 }]);
    expect(validateConfig({ preset: 'township', rotation: null }, 'f').config!.rotation).toBeUndefined();
  });
  it.each([
    [{ preset: 'city' }, 'preset', 'district, township, county'],
    [{ preset: 'township', rotation: { quotaRules: ['weekly'] } }, 'rotation.quotaRules', 'township-weekly'],
    [{ preset: 'township', rotation: { reception: { min: 3, max: 2 } } }, 'rotation.reception.max', 'from min (3) to 20'],
    [{ preset: 'township', rotation: { decompose: 'day' } }, 'rotation.decompose', 'week, month, whole'],
    [{ preset: 'township', rotation: { maxPerWeek: 0 } }, 'rotation.maxPerWeek', 'from 1 to 14'],
    [{ order: { mode: 'random' } }, 'order.mode', 'cycle, blocks, none'],
  ])('%j is an error naming %s', (raw, field, allowed) => {
    const { config, problems } = validateConfig(raw, 'rota.json');
    expect(config).toBeUndefined();
    expect(problems.find((p) => p.field === field)?.message).toContain(allowed);
  });
});

describe('hard rules, one at a time (check on tiny timetables)', () => {
  const leaders = [leader('甲'), leader('乙'), leader('丙')];
  const ctx = ctxOf(tinyConfig({ reception: { min: 1, max: 1 }, visits: { min: 0, max: 1 }, maxPerWeek: 1 }), leaders);
  const full = ['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07'];
  it('reception-per-day: a day with no 接访 and a day with two are named', () => {
    const ds = [duty('2025-03-03', '甲'), duty('2025-03-03', '乙'), ...full.slice(2).map((d) => duty(d, '丙'))];
    expect(receptionPerDay.check(ds, ctx).map((v) => v.dates[0])).toEqual(['2025-03-03', '2025-03-04']);
  });
  it('visits-per-day: more 下访 than the maximum', () => {
    expect(visitsPerDay.check([duty('2025-03-05', '甲', '下访'), duty('2025-03-05', '乙', '下访')], ctx).map((v) => v.dates)).toEqual([
      ['2025-03-05'],
    ]);
  });
  it('one-per-day: 接访 and 下访 by the same leader on the same day', () => {
    const v = onePerDay.check([duty('2025-03-05', '甲'), duty('2025-03-05', '甲', '下访'), duty('2025-03-06', '甲')], ctx);
    expect(v.map((x) => [x.names, x.dates])).toEqual([[['甲'], ['2025-03-05']]]);
  });
  it('max-per-week: two activities in one ISO week when K = 1, none across two weeks', () => {
    expect(maxPerWeek.check([duty('2025-03-03', '甲'), duty('2025-03-07', '甲', '下访')], ctx).map((v) => v.dates)).toEqual([
      ['2025-03-03', '2025-03-07'],
    ]);
    expect(maxPerWeek.check([duty('2025-03-07', '甲'), duty('2025-03-10', '甲')], ctx)).toEqual([]);
  });
});

describe('the planner keeps each rule on a tiny week', () => {
  it('5 days, 3 leaders, K = 2, one 接访 a day: every day staffed, nobody over 2, nobody twice a day, quotas met', () => {
    const leaders = [leader('甲'), leader('乙'), leader('丙', { unavailable: ['2025-03-03', '2025-03-04'] })];
    const config = tinyConfig({ reception: { min: 1, max: 1 }, visits: { min: 0, max: 1 }, maxPerWeek: 2 });
    const r = plan({ config, days: cal.days(config.from, config.to), leaders, calendar: cal });
    expect(r.report.status).toBe('optimal');
    const byDay = (k: string) => r.duties.filter((d) => d.kind === '接访' && d.date === k).length;
    for (const d of cal.workingDays(config.from, config.to)) expect(byDay(d)).toBe(1);
    for (const l of leaders) {
      const mine = r.duties.filter((d) => d.name === l.name);
      expect(mine.length).toBeGreaterThanOrEqual(1);
      expect(mine.length).toBeLessThanOrEqual(2);
      expect(new Set(mine.map((d) => d.date)).size).toBe(mine.length);
      for (const d of mine) expect(l.unavailable).not.toContain(d.date);
    }
    // Fewest activities: exactly the 5 places, since they already give everyone a duty.
    expect(r.duties).toHaveLength(5);
    checkerAgrees(r, config, leaders);
  });
  it('a day nobody can take breaks the reception minimum: infeasible with the cause, best effort writes the rest', () => {
    const away = ['2025-03-05'];
    const leaders = [leader('甲', { unavailable: away }), leader('乙', { unavailable: away })];
    const config = tinyConfig({ reception: { min: 1, max: 1 } });
    const r = plan({ config, days: cal.days(config.from, config.to), leaders, calendar: cal });
    expect(r.report.status).toBe('infeasible');
    expect(r.duties).toEqual([]);
    expect(r.report.causes.map((c) => c.dates)).toEqual([['2025-03-05']]);
    expect(r.report.causes[0].message).toContain('甲：不可接访 03-05');
    const b = plan({ config, days: cal.days(config.from, config.to), leaders, calendar: cal, bestEffort: true });
    expect(b.report.status).toBe('best-effort');
    expect(b.duties.map((d) => d.date)).not.toContain('2025-03-05');
    expect(b.report.breaks.map((v) => v.rule)).toEqual(['reception-per-day']);
  });
  it('a week 1 leader too many for its days: the unmet quota names the capacity', () => {
    // One working day (Mon 2025-01-27 of the Spring Festival week), 1 接访 + 1 下访 a day, 3 leaders.
    const leaders = [leader('甲'), leader('乙'), leader('丙')];
    const config = tinyConfig({ reception: { min: 1, max: 1 }, visits: { min: 0, max: 1 } }, '2025-01-27', '2025-02-02');
    const r = plan({ config, days: cal.days(config.from, config.to), leaders, calendar: cal });
    expect(r.report.status).toBe('optimal');
    expect(r.duties).toHaveLength(2);
    expect(r.report.stillShort).toHaveLength(1);
    expect(r.report.stillShort[0].reason).toContain(
      '2025-W05 在排班范围内只有 1 个工作日（01-27），每天最多 接访 1、下访 1 人次，共 2 人次，而 3 名领导本周都需要接访或下访 1 次',
    );
    checkerAgrees(r, config, leaders);
  });
  it('history outside the window counts: a leader who already served this week is not needed again', () => {
    const leaders = [leader('甲'), leader('乙')];
    const config = tinyConfig({ reception: { min: 1, max: 1 }, visits: { min: 0, max: 0 } }, '2025-03-05', '2025-03-05');
    const r = plan({
      config,
      days: cal.days(config.from, config.to),
      leaders,
      calendar: cal,
      history: [{ date: '2025-03-03', kind: '接访', name: '甲', institution: '乡政府' }],
    });
    expect(r.duties.map((d) => d.name)).toEqual(['乙']);
  });
});

describe('township month across the 2025 Spring Festival', () => {
  const r = planFixture(TOWNSHIP, { from: '2025-01-20', to: '2025-02-09' });
  it('uses the make-up Sunday 01-26 and Saturday 02-08; nothing from 01-28 to 02-04', () => {
    const dates = new Set(r.duties.map((d) => d.date));
    expect(dates.has('2025-01-26')).toBe(true);
    expect(dates.has('2025-02-08')).toBe(true);
    expect(r.duties.filter((d) => d.date >= '2025-01-28' && d.date <= '2025-02-04')).toEqual([]);
    expect(r.report.status).toBe('optimal');
  });
  it('the one-day week 2025-W05 holds at most the per-day maximum; the 11 others are reported with the reason', () => {
    const w05 = r.duties.filter((d) => isoWeekKey(d.date) === '2025-W05');
    expect(w05.map((d) => d.date)).toEqual(Array(4).fill('2025-01-27'));
    const short = r.report.stillShort.filter((s) => s.period === '2025-W05');
    expect(short).toHaveLength(11);
    for (const s of short) expect(s.reason).toContain('只有 1 个工作日（01-27），每天最多 接访 2、下访 2 人次，共 4 人次，而 15 名领导');
  });
  it('every other week: all 15 leaders served once (孙建华, away 01-20~01-24, on the make-up Sunday)', () => {
    for (const w of ['2025-W04', '2025-W06']) {
      expect(new Set(r.duties.filter((d) => isoWeekKey(d.date) === w).map((d) => d.name)).size).toBe(15);
    }
    expect(r.duties.filter((d) => d.name === '孙建华' && isoWeekKey(d.date) === '2025-W04').map((d) => d.date)).toEqual(['2025-01-26']);
  });
  it('the checker finds nothing the plan did not report', () => checkerAgrees(r, { ...r.config, rotation: r.config.rotation! }, r.leaders));
});

describe('site rotation (township, first quarter 2025)', () => {
  const r = planFixture(TOWNSHIP, { from: '2025-01-01', to: '2025-03-31' });
  const visits = r.duties.filter((d) => d.kind === '下访');
  it('every 下访 names a site of the list with its address', () => {
    const places = new Set(r.sites.map((s) => `${s.name}（${s.address}）`));
    for (const d of visits) expect(places.has(d.place)).toBe(true);
  });
  it('every site at least its monthly minimum in every month, recounted from the duties', () => {
    for (const s of r.sites) {
      for (const m of ['2025-01', '2025-02', '2025-03']) {
        expect(visits.filter((d) => d.place.startsWith(`${s.name}（`) && d.date.startsWith(m)).length).toBeGreaterThanOrEqual(s.monthlyMin);
      }
    }
  });
  it('no site left out longer than siteGapDays (30), recounted', () => {
    for (const s of r.sites) {
      const dates = visits.filter((d) => d.place.startsWith(`${s.name}（`)).map((d) => d.date);
      expect(longestGap(dates, '2025-01-01', '2025-03-31')).toBeLessThanOrEqual(30);
    }
    expect(r.report.objective['site-gap']).toBe(0);
  });
  it('a leader with a related site goes there more often than chance: 马建军 (征地拆迁) to 南湖村, 周志明 (欠薪) to 金龙社区', () => {
    for (const [name, site] of [
      ['马建军', '南湖村'],
      ['周志明', '金龙社区'],
    ]) {
      const mine = visits.filter((d) => d.name === name);
      expect(mine.filter((d) => d.place.startsWith(site)).length * 2).toBeGreaterThan(mine.length);
    }
  });
  it('visits spread over the sites: per month, most and fewest visits differ by at most 1', () => {
    for (const m of ['2025-01', '2025-02', '2025-03']) {
      const n = r.sites.map((s) => visits.filter((d) => d.place.startsWith(`${s.name}（`) && d.date.startsWith(m)).length);
      expect(Math.max(...n) - Math.min(...n)).toBeLessThanOrEqual(1);
    }
  });
  it('portfolio matching, gap windows and gaps as defined', () => {
    expect(portfolioMatches({ portfolio: '人社、劳动保障、欠薪' }, { related: ['劳动保障'] })).toBe(true);
    expect(portfolioMatches({ portfolio: '党委全面工作' }, { related: ['畜牧'] })).toBe(false);
    expect(longestGap(['2025-01-10'], '2025-01-01', '2025-01-31')).toBe(21);
    // Last visit 01-01, gap 10: runs of 11 days 01-02..01-12 up to 01-21..01-31 → the minimal sets of visit indexes.
    expect(gapWindows(['2025-01-05', '2025-01-15', '2025-01-25'], Date.UTC(2025, 0, 1) / 864e5, '2025-01-01', '2025-01-31', 10)).toEqual([
      [0],
      [1],
      [2],
    ]);
  });
});

describe('gap windows against their definition', () => {
  it('are the minimal sets of visits inside some run of `gap` + 1 days after the last visit that ends in the month', () => {
    const dates = Array.from({ length: 31 }, (_, i) => `2025-01-${String(i + 1).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 3, max: 35 }),
        (days, back, gap) => {
          const visits = days.map((d) => dates[d]);
          const last = dayNumber('2025-01-01') - back;
          // Every run of gap + 1 days (a gap of exactly `gap` days is allowed), straight from the definition;
          // then the sets no other set lies inside (the empty set alone when a run holds no visit).
          const runs: number[][] = [];
          for (let t = Math.max(last + 1, dayNumber('2025-01-01') - gap); t + gap <= dayNumber('2025-01-31'); t++) {
            const set = visits.flatMap((v, j) => (dayNumber(v) >= t && dayNumber(v) <= t + gap ? [j] : []));
            if (!runs.some((r) => r.join() === set.join())) runs.push(set);
          }
          const minimal = runs.filter((s) => !runs.some((o) => o.length < s.length && o.every((j) => s.includes(j))));
          expect(gapWindows(visits, last, '2025-01-01', '2025-01-31', gap)).toEqual(minimal);
        },
      ),
      { numRuns: 300, seed: 31 },
    );
  });
});

describe('balance, spread and determinism', () => {
  const r = planFixture(TOWNSHIP, { from: '2025-03-03', to: '2025-05-30' });
  it("每名领导 接访 and 下访 counts within 1 of every other leader's", () => {
    for (const kind of ['接访', '下访']) {
      const n = r.leaders.map((l) => r.duties.filter((d) => d.name === l.name && d.kind === kind).length);
      expect(Math.max(...n) - Math.min(...n)).toBeLessThanOrEqual(2);
    }
  });
  it('no leader on consecutive working days', () => expect(r.report.objective['no-consecutive-days']).toBe(0));
  it('same inputs, same timetable', () => {
    expect(planFixture(TOWNSHIP, { from: '2025-03-03', to: '2025-05-30' }).duties).toEqual(r.duties);
  });
});

describe('county preset (district 县处级 leaders, monthly)', () => {
  const r = planFixture(COUNTY);
  it('every 县处级 leader each month, 接访 once in the quarter; 李明 (正科级) left out with the reason', () => {
    expect(r.report.stillShort).toEqual([]);
    expect(r.report.leftOut.map((l) => [l.name, l.reason.slice(0, 3)])).toEqual([['李明', '正科级']]);
    for (const l of r.leaders.filter((x) => x.rank !== '正科级')) {
      for (const m of ['2025-01', '2025-02', '2025-03']) expect(r.duties.some((d) => d.name === l.name && d.date.startsWith(m))).toBe(true);
      expect(r.duties.some((d) => d.name === l.name && d.kind === '接访')).toBe(true);
    }
  });
  it('one 接访 each working day at the district centre; at most one activity a week per leader', () => {
    for (const day of cal.workingDays('2025-01-01', '2025-03-31')) {
      expect(r.duties.filter((d) => d.date === day && d.kind === '接访').map((d) => d.place)).toEqual([
        '区人民群众信访服务中心（克拉玛依市昆仑路585号）',
      ]);
    }
    const perWeek = new Map<string, number>();
    for (const d of r.duties) perWeek.set(`${d.name}${isoWeekKey(d.date)}`, (perWeek.get(`${d.name}${isoWeekKey(d.date)}`) ?? 0) + 1);
    expect(Math.max(...perWeek.values())).toBe(1);
  });
  it('the checker finds nothing the plan did not report', () => checkerAgrees(r, { ...r.config, rotation: r.config.rotation! }, r.leaders));
});
