// rota plan / init with presets through the built CLI (npm test builds first): a township year end
// to end, the county preset from the command line, files, and `rota check` agreeing with the plan.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../src/core/calendar.js';

const rota = (args: string[]) => {
  const r = spawnSync('node', ['bin/rota.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'rota-rotation-'));
const cal = makeCalendar({ region: 'xinjiang' });
interface Out {
  duties: Array<{ date: string; kind: string; name: string; place: string }>;
  report: {
    status: string;
    stillShort: Array<{ name: string; period: string; reason: string }>;
    kinds: Record<string, number>;
    sites: Array<{ name: string; perMonth: Record<string, number> }>;
  };
}

describe('a township year through the CLI', () => {
  const r = rota(['plan', '-c', 'fixtures/township/rota.json', '--from', '2025-01-01', '--to', '2025-12-31', '--json']);
  const out = JSON.parse(r.stdout) as Out;
  it('exits 0 with duties only on working days, both kinds, 下访 at the sites', () => {
    expect(r.code).toBe(0);
    expect(out.report.status).toBe('optimal');
    for (const d of out.duties) expect(cal.isWorkingDay(d.date)).toBe(true);
    expect(out.report.kinds.接访).toBeGreaterThanOrEqual(cal.workingDays('2025-01-01', '2025-12-31').length);
    expect(out.duties.filter((d) => d.kind === '下访').every((d) => d.place.includes('村') || d.place.includes('社区'))).toBe(true);
    for (const s of out.report.sites) for (const n of Object.values(s.perMonth)) expect(n).toBeGreaterThanOrEqual(1);
  });
  it('unmet weeks are only holiday-shortened ones, each with its reason', () => {
    const weeks = new Set(out.report.stillShort.map((s) => s.period));
    for (const w of weeks) {
      const s = out.report.stillShort.find((x) => x.period === w)!;
      expect(s.reason).toMatch(/只有 \d 个工作日|都不可安排/);
    }
    expect(weeks.has('2025-W05')).toBe(true);
  });
  it('rota check on the written timetable finds exactly the weeks the plan reported', () => {
    const dir = tmp();
    expect(rota(['plan', '-c', 'fixtures/township/rota.json', '--from', '2025-01-01', '--to', '2025-12-31', '--out', dir]).code).toBe(0);
    const c = rota([
      'check',
      join(dir, 'timetable.csv'),
      '--leaders',
      'fixtures/township/leaders.csv',
      '--rules',
      'fixtures/township/rota.json',
      '-c',
      'fixtures/township/rota.json',
      '--from',
      '2025-01-01',
      '--to',
      '2025-12-31',
      '--format',
      'json',
      '--detail',
    ]);
    const j = JSON.parse(c.stdout) as { results: Array<{ name: string; period: string; status: string }> };
    const found = j.results
      .filter((x) => x.status === 'short')
      .map((x) => `${x.name} ${x.period}`)
      .sort();
    const reported = new Set(out.report.stillShort.map((x) => `${x.name} ${x.period}`));
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((k) => !reported.has(k))).toEqual([]);
    const csv = readFileSync(join(dir, 'timetable.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF日期,星期,类型,单位,姓名,职务,分管工作,地点');
    expect(csv).toContain(',下访,');
    const ics = readFileSync(join(dir, 'timetable.ics'), 'utf8');
    expect(ics).toContain('SUMMARY:领导下访：');
    const html = readFileSync(join(dir, 'timetable.html'), 'utf8');
    expect(html).toContain('2025年第5周（1月27日—2月2日）');
  });
});

describe('presets from the command line', () => {
  it('--preset county with the district leaders: monthly plan, 李明 (正科级) left out', () => {
    const r = rota(['plan', '--preset', 'county', '--leaders', 'fixtures/leaders.csv', '--from', '2025-03-01', '--to', '2025-03-31']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('李明（区委，正科级）：正科级，不在 正处级、副处级 之列');
    expect(r.stdout).toContain('[county-monthly] 县处级领导干部每月接访、下访群众不少于一次：全部达到 all met');
  });
  it('rota init --preset township writes a ready example that plans', () => {
    const dir = tmp();
    const i = rota(['init', '--preset', 'township', dir]);
    expect(i.code).toBe(0);
    expect(i.stdout).toContain('sites.csv');
    const cfg = JSON.parse(readFileSync(join(dir, 'rota.json'), 'utf8'));
    expect([cfg.preset, cfg.sites, cfg.rotation.decompose]).toEqual(['township', 'sites.csv', 'week']);
    expect(readFileSync(join(dir, 'sites.csv'), 'utf8')).toContain('名称,类型,地址,每月至少,相关分管');
    const p = rota(['plan', '-c', join(dir, 'rota.json'), '--json']);
    expect(p.code).toBe(0);
    expect((JSON.parse(p.stdout) as Out).duties.some((d) => d.place.startsWith('示例村'))).toBe(true);
  });
  it('a bad preset is exit 2 naming the field and the choices', () => {
    const r = rota(['plan', '--preset', 'city']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('district, township, county');
  });
  it('a bad sites file is exit 2 naming file, line and field', () => {
    const r = rota(['plan', '-c', 'fixtures/township/rota.json', '--sites', 'fixtures/township/leaders.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('leaders.csv');
  });
});
