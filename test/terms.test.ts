// Terms of office (到任, 调离, 任职起止): read from the leader list in every spelling, and honoured by
// the planner, the re-planner, the checker and the report: nobody planned or judged outside a term.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../src/core/calendar.js';
import { judge } from '../src/core/check/tally.js';
import { presetConfig } from '../src/core/config.js';
import { addDays } from '../src/core/dates.js';
import { buildContext, HARD_RULES } from '../src/core/engine/index.js';
import { plan } from '../src/core/engine/plan.js';
import { buildLeaders } from '../src/core/leaders.js';
import { recordReader } from '../src/core/records.js';
import { replan } from '../src/core/replan/replan.js';
import { inTerm, parseTerm } from '../src/core/term.js';
import type { Leader, Term } from '../src/core/types.js';

const cal = makeCalendar({ region: 'xinjiang' });
const township = presetConfig('township');
const institutions = township.institutions;

const row = (line: number, values: Record<string, string>) => ({
  line,
  values: { name: '张国庆', institution: '乡党委', title: '政法委员', rank: '副科级', ...values },
});

describe('term columns', () => {
  const cases: Array<[string, Record<string, string>, Term]> = [
    ['到任', { start: '2025-07-01' }, { from: '2025-07-01' }],
    ['调离 (the day left: the last day in office is the day before)', { end: '2025-07-01' }, { to: '2025-06-30' }],
    ['到任 and 调离 together', { start: '2025-01-06', end: '2025-07-01' }, { from: '2025-01-06', to: '2025-06-30' }],
    ['调离 in Chinese date words', { end: '2025年7月1日' }, { to: '2025-06-30' }],
    ['任职起止 open-ended', { term: '2025-07-01~' }, { from: '2025-07-01' }],
    ['任职起止 至今', { term: '2025-07-01至今' }, { from: '2025-07-01' }],
    ['任职起止 closed (both ends inclusive)', { term: '2025-01-01~2025-06-30' }, { from: '2025-01-01', to: '2025-06-30' }],
    ['任职起止 from the beginning', { term: '~2025-06-30' }, { to: '2025-06-30' }],
  ];
  for (const [what, values, term] of cases) {
    it(what, () => {
      const { leaders, problems } = buildLeaders([{ file: 'l.csv', rows: [row(2, values)] }], { institutions });
      expect(problems).toEqual([]);
      expect(leaders[0].term).toEqual(term);
    });
  }

  it('no term columns: no term, in office every day', () => {
    const { leaders } = buildLeaders([{ file: 'l.csv', rows: [row(2, {})] }], { institutions });
    expect(leaders[0].term).toBeUndefined();
    expect(inTerm(leaders[0], '2000-01-01')).toBe(true);
  });

  it('the headers 到任日期, 调离日期 and 任职起止 are read as the term columns', async () => {
    const { readTable } = await import('../src/io/table.js');
    const { LEADER_COLUMNS } = await import('../src/core/leaders.js');
    for (const [header, cell] of [
      ['到任日期', '2025-07-01'],
      ['调离日期', '2025-07-01'],
      ['任职起止', '2025-07-01~'],
      ['到任', '2025-07-01'],
      ['调离', '2025-07-01'],
    ]) {
      const csv = `姓名,单位,职务,级别,${header}\n张国庆,乡党委,政法委员,副科级,${cell}\n`;
      const t = readTable(new TextEncoder().encode(csv), 'l.csv', LEADER_COLUMNS);
      const { leaders, problems } = buildLeaders([{ file: 'l.csv', rows: t.rows }], { institutions });
      expect(problems).toEqual([]);
      expect(leaders[0].term).toBeDefined();
    }
  });

  it('bad terms are refused, each naming its column', () => {
    const bad: Array<Record<string, string>> = [
      { term: '2025-07-01~', end: '2025-08-01' },
      { term: '2025年' },
      { start: '2025-07-01', end: '2025-07-01' },
      { term: '2025-07-01~2025-06-30' },
      { start: '2025-13-01' },
    ];
    const { leaders, problems } = buildLeaders([{ file: 'l.csv', rows: bad.map((v, i) => row(i + 2, { ...v, name: `张${i}` })) }], {
      institutions,
    });
    expect(leaders).toEqual([]);
    expect(problems.map((p) => [p.code, p.line, p.field])).toEqual([
      ['term.twice', 2, '任职起止'],
      ['term.unreadable', 3, '任职起止'],
      ['term.reversed', 4, '调离'],
      ['term.reversed', 5, '任职起止'],
      ['date.invalid', 6, '到任'],
    ]);
  });

  it('a leader who moved institution is two rows with terms apart: one person, no namesake warning; overlapping terms warn', () => {
    const moved = buildLeaders(
      [{ file: 'l.csv', rows: [row(2, { end: '2025-07-01' }), row(3, { institution: '乡政府', start: '2025-07-01' })] }],
      { institutions },
    );
    expect(moved.problems).toEqual([]);
    const both = buildLeaders(
      [{ file: 'l.csv', rows: [row(2, { end: '2025-07-02' }), row(3, { institution: '乡政府', start: '2025-07-01' })] }],
      {
        institutions,
      },
    );
    expect(both.problems.map((p) => p.code)).toEqual(['leader.namesake']);
  });

  it('a record without 单位 belongs to the post held that day', () => {
    const { leaders } = buildLeaders(
      [{ file: 'l.csv', rows: [row(2, { end: '2025-07-01' }), row(3, { institution: '乡政府', start: '2025-07-01' })] }],
      { institutions },
    );
    const read = recordReader(leaders, institutions);
    expect(read('r.csv', { line: 2, values: { date: '2025-06-30', name: '张国庆' } }).leader?.institution).toBe('乡党委');
    expect(read('r.csv', { line: 3, values: { date: '2025-07-01', name: '张国庆' } }).leader?.institution).toBe('乡政府');
  });
});

const NAMES = ['甲', '乙', '丙', '丁', '戊'];
const leaderOf = (name: string, i: number, term?: Term): Leader => ({
  name,
  institution: ['乡党委', '乡人大', '乡政府'][i % 3],
  title: '委员',
  rank: '副科级',
  portfolio: '',
  unavailable: [],
  liaison: '',
  phone: '',
  ...(term ? { term } : {}),
});

/** Random terms over a few weeks: each leader maybe arriving and maybe leaving inside the window. */
const instance = fc.record({
  start: fc.constantFrom('2025-03-03', '2025-06-02', '2025-09-01'),
  weeks: fc.integer({ min: 2, max: 5 }),
  terms: fc.array(fc.tuple(fc.option(fc.integer({ min: 0, max: 34 })), fc.option(fc.integer({ min: 0, max: 34 }))), {
    minLength: 3,
    maxLength: 5,
  }),
  today: fc.integer({ min: 0, max: 34 }),
});

type Instance = typeof instance extends fc.Arbitrary<infer T> ? T : never;

function build(x: Instance) {
  const to = addDays(x.start, x.weeks * 7 - 1);
  const leaders: Leader[] = x.terms.map(([a, b], i) => {
    const from = a === null ? undefined : addDays(x.start, a);
    const last = b === null ? undefined : addDays(x.start, Math.max(a ?? 0, b));
    return leaderOf(NAMES[i], i, from || last ? { ...(from ? { from } : {}), ...(last ? { to: last } : {}) } : undefined);
  });
  const config = { ...township, from: x.start, to };
  return { leaders, config, to, days: cal.days(x.start, to) };
}

describe('nobody planned or judged outside their term (property)', () => {
  it('plan, replan and the checker keep every leader inside the term', () => {
    fc.assert(
      fc.property(instance, (x) => {
        const { leaders, config, to, days } = build(x);
        const p = plan({ config, days, leaders, calendar: cal, bestEffort: true });
        const byName = new Map(leaders.map((l) => [l.name, l]));
        for (const d of p.duties) expect(inTerm(byName.get(d.name)!, d.date)).toBe(true);
        // Re-planned after every term ends a week earlier than planned: still nobody outside.
        const today = addDays(x.start, x.today);
        const shorter = leaders.map((l) => (l.term?.to ? { ...l, term: { ...l.term, to: addDays(l.term.to, -7) } } : l));
        const r = replan({ config, days, leaders: shorter, calendar: cal, previous: p.duties, today, bestEffort: true });
        const now = new Map(shorter.map((l) => [l.name, l]));
        for (const d of r.duties) if (d.date >= today) expect(inTerm(now.get(d.name)!, d.date)).toBe(true);
        // The checker judges only periods the term covers whole.
        const j = judge({ leaders, duties: p.duties, rules: config.rules, calendar: cal, from: x.start, to, lenient: true });
        for (const res of j.results) {
          const l = byName.get(res.name)!;
          const whole = cal.workingDays(res.from, res.to).every((d) => inTerm(l, d));
          if (!whole) expect(res.status).toBe('not-judged');
          if (res.status === 'short') expect(whole).toBe(true);
        }
        // Nobody is listed as without records when the term misses the range.
        for (const w of j.summary.withoutRecords) {
          const l = byName.get(w.name)!;
          expect(cal.days(x.start, to).some((d) => inTerm(l, d.date))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('parseTerm', () => {
  it('empty cells: no term', () => {
    expect(parseTerm({})).toEqual({ errors: [] });
    expect(parseTerm({ start: '', end: '', term: '' })).toEqual({ errors: [] });
  });
});

describe('a leader who moved institution is one person with one weekly maximum', () => {
  // 张国庆 leaves 乡党委 after Tuesday 07-08 and joins 乡政府 on 07-09: two rows, one person. One 接访
  // a day, at most one a week each: four people for five days, so one break — best effort puts one
  // person over the weekly maximum rather than leave a day short (as few breaks, fewer days short).
  // His two rows count as one person: two duties for him, one in each post, are that break too.
  const zhang = (institution: string, term: Term) => ({ ...leaderOf('张国庆', 0, term), institution });
  const leaders = [
    zhang('乡党委', { to: '2025-07-08' }),
    zhang('乡政府', { from: '2025-07-09' }),
    leaderOf('李', 1),
    leaderOf('王', 2),
    leaderOf('赵', 3),
  ];
  const config = {
    ...township,
    from: '2025-07-07',
    to: '2025-07-11',
    rotation: { ...township.rotation!, reception: { min: 1, max: 1 }, visits: { min: 0, max: 0 }, maxPerWeek: 1 },
  };

  it('plan: one person over the weekly maximum, every day staffed, reported as one break naming him', () => {
    const r = plan({ config, days: cal.days(config.from, config.to), leaders, calendar: cal, bestEffort: true });
    expect(r.report.status).toBe('best-effort');
    expect(r.duties).toHaveLength(5);
    const twice = [...new Set(r.duties.map((d) => d.name))].filter((n) => r.duties.filter((d) => d.name === n).length === 2);
    expect(twice).toHaveLength(1);
    expect(r.report.breaks.map((b) => [b.rule, b.names])).toEqual([['max-per-week', twice]]);
  });

  it('the rule judges a timetable the same way: two duties in the move week, one in each post, are over it', () => {
    const ctx = buildContext({ config, days: cal.days(config.from, config.to), leaders, calendar: cal });
    const rule = HARD_RULES.find((r) => r.id === 'max-per-week')!;
    const duty = (date: string, institution: string) => ({ ...dutyBase, date, institution });
    const dutyBase = { weekday: '', kind: '接访' as const, name: '张国庆', title: '委员', portfolio: '', place: '' };
    expect(rule.check([duty('2025-07-07', '乡党委')], ctx)).toEqual([]);
    const twice = rule.check([duty('2025-07-07', '乡党委'), duty('2025-07-10', '乡政府')], ctx);
    expect(twice.map((v) => [v.names, v.dates])).toEqual([[['张国庆'], ['2025-07-07', '2025-07-10']]]);
  });
});
