// A city's batch of 20 townships, planned with `rota plan --batch`, against a summary worked out by
// hand from the calendar and the lists (not copied from output):
// - Every office has 7 leaders and the township preset (ROTATION_DEFAULTS): 接访 at most 2 a day and 下访
//   at most 2 (to a place 待定 without a sites list), each leader at least once an ISO week
//   (township-weekly), one activity a day. National calendar.
// - "ok" offices plan 2025-03-03 ~ 03-16 (W10, W11): 5 working days a week hold 20 ≥ 7 → every quota met.
// - "holiday" offices plan 2025-01-27 ~ 02-09. W05 (01-27 ~ 02-02) has one working day, 01-27 (Spring
//   Festival 01-28 ~ 02-04): 4 places for 7 leaders → 3 quotas short, all the calendar's doing. W06 has
//   02-05 ~ 02-07 and the make-up Saturday 02-08: 16 places ≥ 7 → met.
// - "missed" offices plan W10 ~ W11 with one leader away 03-03 ~ 03-07 (all of W10): 1 quota short, a
//   missed duty, not the calendar's.
// - the "both" office is a holiday office whose one leader is away 02-05 ~ 02-08 (every working day of
//   W06): 3 calendar shortfalls in W05 and 1 missed in W06.
// - "infeasible" offices have two leaders both away the whole window: no day can have its 接访.
// - "bad" offices: a leader list that does not exist; a site whose 每月至少 is a pasted phone number.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import type { OfficeSummary } from '../src/app/batch.js';
import type { OfficeCheck } from '../src/app/check-batch.js';
import { OFFICE } from './bench/township-gen.js';

const dir = mkdtempSync(join(tmpdir(), 'rota-triage-'));
afterAll(() => process.env.KEEP || rmSync(dir, { recursive: true, force: true }));
const rota = (args: string[]) => {
  const r = spawnSync('node', ['bin/rota.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const SEVEN = [
  '王一,乡党委,书记',
  '李二,乡政府,乡长',
  '张三,乡人大,主席',
  '赵四,乡党委,副书记',
  '钱五,乡政府,副乡长',
  '孙六,乡政府,副乡长',
  '周七,乡党委,委员',
];
const MARCH = { from: '2025-03-03', to: '2025-03-16' };
const SPRING = { from: '2025-01-27', to: '2025-02-09' };

function office(name: string, window: { from: string; to: string }, away: Record<string, string> = {}, extra: object = {}): void {
  const d = join(dir, 'city', name);
  mkdirSync(d, { recursive: true });
  const rows = SEVEN.map(
    (l) => `${l},${l.includes('书记') || l.includes('乡长') || l.includes('主席') ? '正科级' : '副科级'},${away[l.split(',')[0]] ?? ''}`,
  );
  writeFileSync(join(d, 'leaders.csv'), `姓名,单位,职务,级别,不可接访日期\n${rows.join('\n')}\n`);
  writeFileSync(
    join(d, 'rota.json'),
    JSON.stringify({ preset: 'township', region: 'national', ...window, leaders: ['leaders.csv'], ...OFFICE, ...extra }),
  );
}

function infeasible(name: string): void {
  const d = join(dir, 'city', name);
  mkdirSync(d, { recursive: true });
  writeFileSync(
    join(d, 'leaders.csv'),
    '姓名,单位,职务,级别,不可接访日期\n王一,乡党委,书记,正科级,2025-03-03~2025-03-16\n李二,乡政府,乡长,正科级,2025-03-03~2025-03-16\n',
  );
  writeFileSync(
    join(d, 'rota.json'),
    JSON.stringify({ preset: 'township', region: 'national', ...MARCH, leaders: ['leaders.csv'], ...OFFICE }),
  );
}

// Names sort in this order (the batch's order within a group).
for (let i = 1; i <= 10; i++) office(`a${String(i).padStart(2, '0')}-ok`, MARCH);
for (let i = 1; i <= 3; i++) office(`b${i}-holiday`, SPRING);
for (let i = 1; i <= 2; i++) office(`c${i}-missed`, MARCH, { 赵四: '2025-03-03~2025-03-07' });
office('d-both', SPRING, { 钱五: '2025-02-05~2025-02-08' });
infeasible('e1-infeasible');
infeasible('e2-infeasible');
office('f1-bad', MARCH, {}, { leaders: ['名单.csv'] });
office('f2-bad', MARCH, {}, { sites: 'sites.csv' });
writeFileSync(join(dir, 'city', 'f2-bad', 'sites.csv'), '名称,类型,每月至少\n小拐村,村,13912345678\n');

type Line = Pick<OfficeSummary, 'office' | 'status' | 'unmet' | 'calendar'>;
const line = (office: string, status: OfficeSummary['status'], unmet = 0, calendar = 0): Line => ({ office, status, unmet, calendar });
/** The hand-checked summary, grouped as the batch prints it: most serious first. */
const EXPECTED: Line[] = [
  line('f1-bad', 'bad-input'),
  line('f2-bad', 'bad-input'),
  line('e1-infeasible', 'infeasible'),
  line('e2-infeasible', 'infeasible'),
  line('b1-holiday', 'short', 3, 3),
  line('b2-holiday', 'short', 3, 3),
  line('b3-holiday', 'short', 3, 3),
  line('c1-missed', 'short', 1, 0),
  line('c2-missed', 'short', 1, 0),
  line('d-both', 'short', 4, 3),
  ...Array.from({ length: 10 }, (_, i) => line(`a${String(i + 1).padStart(2, '0')}-ok`, 'ok')),
];

describe('plan --batch: a summary a city can act on', () => {
  const r = rota(['plan', '--batch', join(dir, 'city'), '--json']);
  const summary = JSON.parse(r.stdout) as { totals: Record<string, unknown>; offices: OfficeSummary[] };

  it('groups the 20 offices by status with the hand-checked counts and totals', () => {
    expect(r.code).toBe(2);
    expect(summary.offices.map((o) => ({ office: o.office, status: o.status, unmet: o.unmet, calendar: o.calendar }))).toEqual(EXPECTED);
    expect(summary.totals).toEqual({
      offices: 20,
      byStatus: { failed: 0, 'bad-input': 2, infeasible: 2, short: 6, ok: 10 },
      duties: summary.offices.reduce((n, o) => n + o.duties, 0),
      unmet: 15,
      calendar: 12,
    });
  });

  it('gives each office not ok its top cause in one short line, a missed duty before a holiday week', () => {
    const reason = (office: string) => summary.offices.find((o) => o.office === office)!.reason ?? '';
    for (const o of summary.offices) {
      expect(o.reason ?? '', o.office).not.toContain('\n');
      expect((o.reason ?? '').length, o.office).toBeLessThanOrEqual(200);
      expect(o.reason === undefined, o.office).toBe(o.status === 'ok');
    }
    expect(reason('f1-bad')).toMatch(/名单\.csv.*没有这个文件/);
    expect(reason('f2-bad')).toContain('“13912345678”超过上限 31');
    expect(reason('e1-infeasible')).toContain('2025-03-03');
    expect(reason('b1-holiday')).toMatch(/^未满足 3 项：其他原因 0，节假日所致 3 .*2025-W05/);
    expect(reason('c1-missed')).toMatch(/^未满足 1 项：其他原因 1，节假日所致 0 .*赵四（乡党委）2025-W10/);
    expect(reason('d-both')).toMatch(/^未满足 4 项：其他原因 1，节假日所致 3 .*钱五（乡政府）2025-W06/);
  });

  it('prints the same as a text table in groups, each headed with its count, and the totals', () => {
    const text = rota(['plan', '--batch', join(dir, 'city')]).stdout.split('\n');
    const headings = text.filter((l) => /个单位 offices）$/.test(l));
    expect(headings).toEqual([
      '输入有误 bad input（2 个单位 offices）',
      '无法排出 infeasible（2 个单位 offices）',
      '完成，有未满足 planned, quotas unmet（6 个单位 offices）',
      '完成 ok（10 个单位 offices）',
    ]);
    expect(text.find((l) => l.startsWith('合计'))).toContain('未满足 unmet 15，其中节假日所致 of them calendar 12');
    // Under 完成 ok only offices with nothing unmet: duties, then 0 unmet and 0 of them calendar.
    const ok = text.slice(
      text.indexOf('完成 ok（10 个单位 offices）') + 1,
      text.findIndex((l) => l.startsWith('合计')),
    );
    expect(ok).toHaveLength(10);
    for (const l of ok) expect(l).toMatch(/^ {2}a\d\d-ok +township +\d+ +0 +0 +\d+$/);
  });
});

describe('plan --batch --out --replace publishes over an earlier batch on purpose', () => {
  it('a second batch with --replace publishes every office again; without it, each is refused', () => {
    const out = join(dir, 'out');
    const first = rota(['plan', '--batch', join(dir, 'city'), '--out', out, '--json']);
    const again = rota(['plan', '--batch', join(dir, 'city'), '--out', out, '--replace', '--json']);
    const statuses = (s: string) => (JSON.parse(s) as { offices: OfficeSummary[] }).offices.map((o) => [o.office, o.status]);
    expect(again.code).toBe(first.code);
    expect(statuses(again.stdout)).toEqual(statuses(first.stdout));
    expect(again.stdout).not.toContain('已经发布过');
    const refused = JSON.parse(rota(['plan', '--batch', join(dir, 'city'), '--out', out, '--json']).stdout) as { offices: OfficeSummary[] };
    expect(refused.offices.find((o) => o.office === 'a01-ok')).toMatchObject({ status: 'bad-input' });
  });
});

describe('check --batch: a real absence is not lost among holiday weeks', () => {
  // The holiday office's and the both office's own timetables, checked as records over their window:
  // b1's only shortfalls are the 3 in W05 the calendar made; d-both has those and 钱五's missed W06.
  const chk = join(dir, 'check');
  rota(['plan', '--batch', join(dir, 'city'), '--out', join(dir, 'published')]);
  for (const o of ['b1-holiday', 'd-both']) {
    mkdirSync(join(chk, o), { recursive: true });
    writeFileSync(join(chk, o, 'leaders.csv'), readFileSync(join(dir, 'city', o, 'leaders.csv')));
    writeFileSync(join(chk, o, 'records.csv'), readFileSync(join(dir, 'published', o, 'timetable.csv')));
    const cfg = { ...JSON.parse(readFileSync(join(dir, 'city', o, 'rota.json'), 'utf8')), history: ['records.csv'] };
    writeFileSync(join(chk, o, 'rota.json'), JSON.stringify(cfg));
  }
  const range = ['--from', SPRING.from, '--to', SPRING.to];

  it('puts the missed duty first and counts holiday shortfalls apart', () => {
    const r = rota(['check', '--batch', chk, ...range, '--format', 'json']);
    expect(r.code).toBe(1);
    const { offices, totals } = JSON.parse(r.stdout) as { offices: OfficeCheck[]; totals: Record<string, unknown> };
    expect(offices.map((o) => [o.office, o.status, o.short, o.calendar])).toEqual([
      ['d-both', 'short', 1, 3],
      ['b1-holiday', 'calendar', 0, 3],
    ]);
    expect(offices[0].reason).toMatch(/^钱五（乡政府）2025-W06 有 0 次/);
    expect(offices[1].reason).toMatch(/（节假日所致 calendar）2025-W05/);
    expect(totals).toMatchObject({
      offices: 2,
      byStatus: { failed: 0, 'bad-input': 0, short: 1, calendar: 1, ok: 0 },
      short: 1,
      calendar: 6,
    });
  });

  it('writes JUnit XML and GitHub annotations as the single-office check does, each office named', () => {
    const junit = rota(['check', '--batch', chk, ...range, '--format', 'junit']);
    expect(junit.code).toBe(1);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(junit.stdout);
    const suites = [xml.testsuites.testsuite].flat() as Array<Record<string, string>>;
    expect(suites.map((s) => s['@_name'])).toEqual([
      'd-both · township-weekly 乡科级领导干部每周接访、下访群众不少于一次',
      'b1-holiday · township-weekly 乡科级领导干部每周接访、下访群众不少于一次',
    ]);
    expect(xml.testsuites['@_failures']).toBe('7');
    const single = rota(['check', '-c', join(chk, 'b1-holiday', 'rota.json'), ...range, '--format', 'github']);
    const github = rota(['check', '--batch', chk, ...range, '--format', 'github']).stdout;
    const annotations = github.split('\n').filter((l) => l.startsWith('::error'));
    expect(annotations).toHaveLength(7);
    // b1's annotations are the single check's, with the office in the title.
    const own = single.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(annotations.slice(4)).toEqual(own.map((l) => l.replace('title=rota check ', 'title=rota check b1-holiday ')));
  });
});

describe('plan --batch --from/--to over a mixed city: one window for every kind of office', () => {
  // March 2025 in Xinjiang: 20 working days, 03-03 ~ 03-28 (03-31 is 肉孜节). Worked out by hand:
  // - the district (the seed's lists, at most one duty each, cycle from 区委): 区人大 has 03-04, 03-12,
  //   03-20 and 03-28 but 3 leaders (人大, 区人大, 区人大常委会 are one institution) → no plan;
  // - the township (15 leaders, none away in March): W09 and W14 have no working day inside the window,
  //   so each leader's week is short by the calendar, 15 × 2 = 30; W10 ~ W13 are met;
  // - the county (20 县处级 leaders): 20 接访 places for 20 quarterly quotas, 下访 for the rest → all met;
  // - the court (4 posts, 每周三): 03-05, 03-12, 03-19, 03-26 for 4 monthly quotas → all met.
  const mixed = join(dir, 'mixed');
  const copy = (from: string, to: string, files: string[]) => {
    mkdirSync(join(mixed, to), { recursive: true });
    for (const f of files) writeFileSync(join(mixed, to, f), readFileSync(join(from, f)));
  };
  copy('fixtures', 'district', ['rota.json', 'leaders.csv', 'history.csv']);
  copy('fixtures/township', 'township', ['rota.json', 'leaders.csv', 'sites.csv']);
  copy('fixtures/county', 'county', ['rota.json', 'sites.csv']);
  copy('fixtures', 'county', ['leaders.csv']);
  const county = join(mixed, 'county', 'rota.json');
  writeFileSync(county, readFileSync(county, 'utf8').replace('../leaders.csv', 'leaders.csv'));
  rota(['init', join(mixed, 'court'), '--preset', 'court']);

  it('names the district’s cause in one short line; the others plan, the township’s cut weeks the calendar’s', () => {
    const r = rota(['plan', '--batch', mixed, '--from', '2025-03-01', '--to', '2025-03-31', '--json']);
    expect(r.code).toBe(1);
    const { offices } = JSON.parse(r.stdout) as { offices: OfficeSummary[] };
    expect(offices.map((o) => [o.office, o.status, o.unmet, o.calendar])).toEqual([
      ['district', 'infeasible', 0, 0],
      ['township', 'short', 30, 30],
      ['county', 'ok', 0, 0],
      ['court', 'ok', 0, 0],
    ]);
    const district = offices[0].reason ?? '';
    expect(district).toMatch(/^区人大 需在 2025-03-04、2025-03-12、2025-03-20、2025-03-28 共安排 4 人次接访/);
    expect(district).toContain('只有 3 名');
    for (const o of offices) expect((o.reason ?? '').length, o.office).toBeLessThanOrEqual(200);
  });
});
