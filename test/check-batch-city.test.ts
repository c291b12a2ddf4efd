// A city of 20 mixed offices checked at once with `rota check --batch` over the first quarter of 2025,
// against a summary worked out by hand from each office's lists and records (not copied from output).
// The facts every expectation below rests on:
// - Region xinjiang, 2025: Spring Festival 01-28 ~ 02-04 with make-up days 01-26 (Sun) and 02-08 (Sat), so
//   ISO week W05 (01-27 ~ 02-02) has one working day, 01-27. 肉孜节 03-29 ~ 03-31.
// - The range 2025-01-01 ~ 03-31 holds January, February, March and Q1 whole, and weeks W02 ~ W13; W01
//   (from 2024-12-30) and W14 (to 04-06) are cut and not judged.
// - Rules: a district and a county judge 县处级 leaders monthly (接访 or 下访) and quarterly (接访); a
//   township (乡, 镇, 街道) judges 乡科级 leaders weekly; a court, a procuratorate and a department judge
//   their posts monthly (接访); a prefecture judges 厅级 leaders quarterly (接访). Records are 接访.
// - Duty days: a court and a prefecture receive on Wednesdays (每周三), a procuratorate on Mondays and
//   Thursdays, a department on Thursdays; the others on every working day.
// - A township day holds at most 2 接访 and 2 下访: in W05's one day, 4 of 6 leaders at most. Those
//   left out there are short by the calendar's doing, not the office's.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import type { OfficeCheck } from '../src/app/check-batch.js';
import { runRota } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'rota-city-'));
afterAll(() => process.env.KEEP || rmSync(dir, { recursive: true, force: true }));
const city = join(dir, 'city');

/** One Wednesday of each judged week W02 ~ W13; W05's is its one working day, Monday 01-27. */
const WEEKS = [
  '2025-01-08',
  '2025-01-15',
  '2025-01-22',
  '2025-01-27',
  '2025-02-05',
  '2025-02-12',
  '2025-02-19',
  '2025-02-26',
  '2025-03-05',
  '2025-03-12',
  '2025-03-19',
  '2025-03-26',
];
/** Three Wednesdays a month, one per leader: leader i receives on MONTHS[i][month]. */
const WEDNESDAYS = [
  ['2025-01-08', '2025-02-12', '2025-03-12'],
  ['2025-01-15', '2025-02-19', '2025-03-19'],
  ['2025-01-22', '2025-02-26', '2025-03-26'],
];
/** Thursdays, for a department's and a procuratorate's duty days. */
const THURSDAYS = [
  ['2025-01-09', '2025-02-13', '2025-03-13'],
  ['2025-01-16', '2025-02-20', '2025-03-20'],
];

type Person = [name: string, institution: string, title: string, rank: string];
/** Records as [leader index, date]. */
type Records = Array<[number, string]>;

function office(name: string, preset: string | undefined, people: Person[], records: Records | undefined): void {
  const d = join(city, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'leaders.csv'), `姓名,单位,职务,级别\n${people.map((p) => p.join(',')).join('\n')}\n`);
  const rows = (records ?? []).map(([i, date]) => `${date},接访,${people[i][1]},${people[i][0]}`);
  writeFileSync(join(d, 'records.csv'), `日期,类型,单位,姓名\n${rows.join('\n')}\n`);
  const config = { ...(preset ? { preset } : {}), region: 'xinjiang', leaders: ['leaders.csv'], history: records ? ['records.csv'] : [] };
  writeFileSync(join(d, 'rota.json'), JSON.stringify(config));
}
/** Every leader on each of `dates[i]` (a leader's own list of days), but those `skip` names. */
const each = (people: number, dates: (i: number) => string[], skip: Array<[number, string]> = []): Records =>
  Array.from({ length: people }, (_, i) =>
    dates(i)
      .filter((d) => !skip.some(([j, s]) => j === i && s === d))
      .map((d): [number, string] => [i, d]),
  ).flat();

const DISTRICT: Person[] = [
  ['张三', '区委', '区委常委、政法委书记', '副处级'],
  ['刘强', '区人大', '区人大常委会副主任', '副处级'],
  ['陈静', '区政府', '副区长', '副处级'],
];
const TOWNSHIP: Person[] = [
  ['王五', '乡党委', '党委书记', '正科级'],
  ['陈八', '乡人大', '人大主席', '正科级'],
  ['李十', '乡政府', '副乡长', '副科级'],
];
const SIX: Person[] = [
  ...TOWNSHIP,
  ['赵一', '乡政府', '乡长', '正科级'],
  ['钱二', '乡党委', '副书记', '副科级'],
  ['孙三', '乡政府', '副乡长', '副科级'],
];
const COURT: Person[] = [
  ['张明', '人民法院', '院长', '正处级'],
  ['李华', '人民法院', '副院长', '正科级'],
  ['赵强', '人民法院', '审判委员会专职委员', '正科级'],
];
const PREFECTURE: Person[] = [
  ['蒋涛', '州委', '州委副书记', '副厅级'],
  ['韩冰', '州政府', '副州长', '副厅级'],
];
const monthly = (i: number) => WEDNESDAYS[i];
const weekly = () => WEEKS;
// In W05 (01-27) only the first four of six leaders: the other two are the calendar's shortfalls.
const sixWeekly = (skip: Array<[number, string]> = []) => each(6, weekly, [[4, '2025-01-27'], [5, '2025-01-27'], ...skip]);

// ok: every quota met.
office('a1-district', undefined, DISTRICT, each(3, monthly));
office('a2-county', 'county', DISTRICT, each(3, monthly));
office('a3-township', 'township', TOWNSHIP, each(3, weekly));
office(
  'a4-town',
  'township',
  [
    ['周一', '镇党委', '党委书记', '正科级'],
    ['吴二', '镇政府', '镇长', '正科级'],
    ['郑三', '镇人大', '人大主席', '正科级'],
  ],
  each(3, weekly),
);
office(
  'a5-street',
  'township',
  [
    ['冯一', '街道党工委', '党工委书记', '正科级'],
    ['陈二', '街道办事处', '办事处主任', '正科级'],
  ],
  each(2, weekly),
);
office('a6-court', 'court', COURT, each(3, monthly));
office(
  'a7-procuratorate',
  'procuratorate',
  [
    ['孙伟', '人民检察院', '检察长', '正处级'],
    ['周静', '人民检察院', '副检察长', '正科级'],
  ],
  each(2, (i) => THURSDAYS[i]),
);
office(
  'a8-department',
  'department',
  [
    ['钱进', '局机关', '局长', '正科级'],
    ['冯梅', '局机关', '副局长', '副科级'],
  ],
  each(2, (i) => THURSDAYS[i]),
);
office('a9-prefecture', 'prefecture', PREFECTURE, [
  [0, '2025-01-08'],
  [1, '2025-02-12'],
]);
// short: a leader missed a quota the calendar left room for.
office('b1-district', undefined, DISTRICT, each(3, monthly, [[2, '2025-02-26']])); // 陈静: February
office(
  'b2-county',
  'county',
  DISTRICT,
  each(3, monthly).filter(([i]) => i !== 1),
); // 刘强: Jan, Feb, Mar and Q1
office('b3-township', 'township', TOWNSHIP, each(3, weekly, [[2, '2025-03-05']])); // 李十: W10
office('b4-court', 'court', COURT, each(3, monthly, [[0, '2025-03-12']])); // 张明: March
office('b5-prefecture', 'prefecture', PREFECTURE, [[0, '2025-01-08']]); // 韩冰: Q1
office(
  'b6-department',
  'department',
  [
    ['钱进', '局机关', '局长', '正科级'],
    ['冯梅', '局机关', '副局长', '副科级'],
  ],
  each(2, (i) => THURSDAYS[i], [[1, '2025-01-16']]),
); // 冯梅: January
// calendar: the only shortfalls are W05's two; and one office with those and a missed week too.
office('c1-township', 'township', SIX, sixWeekly());
office('c2-township', 'township', SIX, sixWeekly([[3, '2025-03-12']])); // 赵一: W11
// bad input: a record on a court's Tuesday, a person not on the list, no records at all.
office('d1-court', 'court', COURT, [...each(3, monthly), [1, '2025-01-07']]);
office('d2-district', undefined, DISTRICT, each(3, monthly));
writeFileSync(join(city, 'd2-district', 'records.csv'), '2025-01-09,接访,区委,王小二\n', { flag: 'a' }); // line 11
office('d3-district', undefined, DISTRICT, undefined);

type Line = Pick<OfficeCheck, 'office' | 'preset' | 'status' | 'records' | 'short' | 'calendar'>;
const line = (office: string, preset: string, status: OfficeCheck['status'], records = 0, short = 0, calendar = 0): Line => ({
  office,
  preset,
  status,
  records,
  short,
  calendar,
});
/** The hand-checked summary, most serious first, by name within a status. records: those counted in the range. */
const EXPECTED: Line[] = [
  line('d1-court', 'court', 'bad-input'),
  line('d2-district', 'district', 'bad-input'),
  line('d3-district', 'district', 'bad-input'),
  line('b1-district', 'district', 'short', 8, 1), // 陈静: 2025-02
  line('b2-county', 'county', 'short', 6, 1), // 刘强: 3 months and Q1, one leader
  line('b3-township', 'township', 'short', 35, 1), // 李十: W10
  line('b4-court', 'court', 'short', 8, 1), // 张明: 2025-03
  line('b5-prefecture', 'prefecture', 'short', 1, 1), // 韩冰: Q1
  line('b6-department', 'department', 'short', 5, 1), // 冯梅: 2025-01
  line('c2-township', 'township', 'short', 69, 1, 2), // 赵一: W11; 钱二 and 孙三 in W05
  line('c1-township', 'township', 'calendar', 70, 0, 2), // 6 × 12 − 2
  line('a1-district', 'district', 'ok', 9),
  line('a2-county', 'county', 'ok', 9),
  line('a3-township', 'township', 'ok', 36),
  line('a4-town', 'township', 'ok', 36),
  line('a5-street', 'township', 'ok', 24),
  line('a6-court', 'court', 'ok', 9),
  line('a7-procuratorate', 'procuratorate', 'ok', 6),
  line('a8-department', 'department', 'ok', 6),
  line('a9-prefecture', 'prefecture', 'ok', 2),
];
/** Leader-periods short, each a JUnit failure and a GitHub annotation: b2's 刘强 4, c2's 3, c1's 2, the rest 1 each. */
const VIOLATIONS = 1 + 4 + 1 + 1 + 1 + 1 + 3 + 2;
const RANGE = ['--from', '2025-01-01', '--to', '2025-03-31'];

describe('check --batch over a city of 20 mixed offices, against the summary worked out by hand', () => {
  const json = runRota(['check', '--batch', city, ...RANGE, '--format', 'json']);
  const summary = JSON.parse(json.stdout) as { offices: OfficeCheck[]; totals: Record<string, unknown> };

  it('json: each office’s status, records, leaders short and calendar shortfalls, grouped, with the totals', () => {
    expect(json.code).toBe(2);
    expect(
      summary.offices.map((o) => ({
        office: o.office,
        preset: o.preset,
        status: o.status,
        records: o.records,
        short: o.short,
        calendar: o.calendar,
      })),
    ).toEqual(EXPECTED);
    expect(summary.totals).toMatchObject({
      offices: 20,
      byStatus: { failed: 0, 'bad-input': 3, short: 7, calendar: 1, ok: 9 },
      short: 7,
      calendar: 4,
    });
  });

  it('json: each office not ok has its top cause in one short line, a missed duty before a holiday week', () => {
    const reason = (office: string) => summary.offices.find((o) => o.office === office)?.reason ?? '';
    for (const o of summary.offices) {
      expect(o.reason === undefined, o.office).toBe(o.status === 'ok');
      expect(reason(o.office), o.office).not.toContain('\n');
      expect(reason(o.office).length, o.office).toBeLessThanOrEqual(200);
    }
    expect(reason('d1-court')).toMatch(/records\.csv:11: 日期: 2025-01-07/);
    expect(reason('d2-district')).toMatch(/records\.csv:11: 姓名: 王小二（区委） 不在领导名单中/);
    expect(reason('d3-district')).toContain('接访记录');
    expect(reason('b1-district')).toMatch(/^陈静（区政府）2025-02 有 0 次/);
    expect(reason('b2-county')).toMatch(/^刘强（区人大）/);
    expect(reason('b3-township')).toMatch(/^李十（乡政府）2025-W10 有 0 次/);
    expect(reason('b4-court')).toMatch(/^张明（人民法院）2025-03 有 0 次/);
    expect(reason('b5-prefecture')).toMatch(/^韩冰（州政府）2025-Q1 有 0 次/);
    expect(reason('b6-department')).toMatch(/^冯梅（局机关）2025-01 有 0 次/);
    expect(reason('c2-township')).toMatch(/^赵一（乡政府）2025-W11 有 0 次/);
    expect(reason('c1-township')).toMatch(/^(钱二（乡党委）|孙三（乡政府）)（节假日所致 calendar）2025-W05 有 0 次/);
  });

  it('text: the offices in groups headed with their counts, and the totals', () => {
    const r = runRota(['check', '--batch', city, ...RANGE]);
    expect(r.code).toBe(2);
    const text = r.stdout.split('\n');
    const headings = text.filter((l) => /个单位 offices）$/.test(l));
    expect(headings).toEqual([
      '输入有误 bad input（3 个单位 offices）',
      '有领导未达要求 missed duties（7 个单位 offices）',
      '仅节假日所致不足 short only in holiday periods（1 个单位 offices）',
      '合规 ok（9 个单位 offices）',
    ]);
    // 60 leaders on the lists; the records counted, summed from the table above.
    const records = EXPECTED.reduce((n, e) => n + e.records, 0);
    expect(text.find((l) => l.startsWith('合计'))).toContain(
      `领导 leaders 60，记录 records ${records}，未达要求的领导 leaders short 7，节假日所致不足 calendar 4`,
    );
    const listed = text.filter((l) => /^ {2}[a-d]\d-/.test(l)).map((l) => l.trim().split(/\s+/)[0]);
    expect(listed).toEqual(EXPECTED.map((e) => e.office));
  });

  it('junit: one suite per office and rule, a failure per leader-period short and per office that could not be checked', () => {
    const r = runRota(['check', '--batch', city, ...RANGE, '--format', 'junit']);
    expect(r.code).toBe(2);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(r.stdout);
    expect(xml.testsuites['@_failures']).toBe(String(VIOLATIONS + 3));
    const suites = [xml.testsuites.testsuite].flat() as Array<Record<string, string>>;
    const failing = new Set(suites.filter((s) => s['@_failures'] !== '0').map((s) => s['@_name'].split(' · ')[0]));
    expect([...failing].sort()).toEqual(
      EXPECTED.filter((e) => e.status !== 'ok')
        .map((e) => e.office)
        .sort(),
    );
  });

  it('github: an error annotation per leader-period short and per office that could not be checked, each office named', () => {
    const r = runRota(['check', '--batch', city, ...RANGE, '--format', 'github']);
    expect(r.code).toBe(2);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(VIOLATIONS + 3);
    const count = (office: string) => errors.filter((l) => l.includes(`title=rota check ${office}`)).length;
    expect(EXPECTED.map((e) => count(e.office))).toEqual([1, 1, 1, 1, 4, 1, 1, 1, 1, 3, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
