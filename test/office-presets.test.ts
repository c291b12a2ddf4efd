// The offices beyond the seed's district: each preset's `rota init --preset ID` example plans as
// written through the built CLI, in its own words, and rota check of the published timetable agrees;
// 厅局级 ranks; a township list written with 镇 names read as a 镇; who serves fixed by date (serveOn).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../src/core/calendar.js';
import { presetConfig } from '../src/core/config.js';
import { plan } from '../src/core/engine/plan.js';
import { OFFICE_PRESET_IDS } from '../src/core/office-presets.js';
import { parseRank } from '../src/core/ranks.js';
import { holdsPost } from '../src/core/rules.js';
import type { Leader } from '../src/core/types.js';
import { leader } from './support/plan-facts.js';

const rota = (args: string[], cwd: string) => {
  const r = spawnSync('node', [resolve('bin/rota.js'), ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe.each(OFFICE_PRESET_IDS)('rota init --preset %s', (id) => {
  const dir = mkdtempSync(join(tmpdir(), `rota-${id}-`));
  rota(['init', '.', '--preset', id], dir);
  const r = rota(['plan', '-c', 'rota.json', '--out', 'out', '--json'], dir);
  const out = JSON.parse(r.stdout) as {
    duties: Array<{ date: string }>;
    report: { status: string; stillShort: unknown[]; served: Array<{ description: string; short: number }> };
  };

  it('plans as written, every quota met, in the office’s own words', () => {
    expect(r.code).toBe(0);
    expect(out.report.status).toBe('optimal');
    expect(out.report.stillShort).toEqual([]);
    expect(out.report.served.map((s) => s.short)).toEqual([0]);
    const words = out.report.served[0].description;
    expect(words).not.toMatch(/区级|区人民群众信访服务中心|乡科级|县处级/);
    expect(words).toMatch({ court: /院长/, procuratorate: /检察长/, department: /局长/, prefecture: /州（市）/ }[id]);
    expect(readFileSync(join(dir, 'out/timetable.html'), 'utf8')).not.toContain('区人民群众信访服务中心');
  });

  it('rota check of the published timetable agrees (exit 0)', () => {
    const check = rota(['check', '-c', 'rota.json', 'out/timetable.csv', '--from', '2025-01-01', '--to', '2025-03-31'], dir);
    expect(check.stdout + check.stderr).not.toContain('超出 1');
    expect(check.code).toBe(0);
  });
});

describe('ranks and posts', () => {
  it('厅局级: 正局级 and 副局级 are the 厅 grades', () => {
    expect(parseRank('副局级')).toBe('副厅级');
    expect(parseRank('正厅级')).toBe('正厅级');
    expect(parseRank('正地级')).toBe('正厅级');
  });
  it('a post is held when a part of the title ends with it, not after 副', () => {
    expect(holdsPost('县委副书记、县长', '县长')).toBe(true);
    expect(holdsPost('常务副县长', '县长')).toBe(false);
    expect(holdsPost('副院长', '院长')).toBe(false);
    expect(holdsPost('院长', '院长')).toBe(true);
    expect(holdsPost('县委书记', '书记')).toBe(true);
    expect(holdsPost('县委副书记', '书记')).toBe(false);
  });
});

describe('a township list written with 镇 names, under --preset township without rota.json', () => {
  it('is read as a 镇, with one line saying so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rota-town-'));
    rota(['init', '.', '--preset', 'township', '--kind', '镇'], dir);
    rmSync(join(dir, 'rota.json'));
    const r = rota(['plan', '--preset', 'township', '--leaders', 'leaders.csv', '--from', '2025-01-06', '--to', '2025-01-10'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/已按镇读取/g)).toHaveLength(1);
    expect(r.stderr).not.toContain('不认识的单位');
    expect(r.stdout).toContain('镇党委');
  });
  it('rota check of its timetable under a rota.json that says only township reads the list the same way', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rota-town-'));
    rota(['init', '.', '--preset', 'township', '--kind', '街道'], dir);
    expect(rota(['plan', '-c', 'rota.json', '--from', '2025-01-06', '--to', '2025-01-19', '--out', 'out'], dir).code).toBe(0);
    writeFileSync(join(dir, 'rota.json'), JSON.stringify({ preset: 'township', leaders: ['leaders.csv'] }));
    const check = rota(['check', '-c', 'rota.json', 'out/timetable.csv'], dir);
    expect(check.stderr.match(/已按街道读取/g)).toHaveLength(1);
    expect(check.stdout + check.stderr).not.toContain('不认识的单位');
    // The records cover W02 and W03 whole (the last, Friday 01-17, has only the weekend after it): the one
    // shortfall is the one the plan reported, 阿依古丽·买买提 away all of W03.
    expect(check.stdout).toContain('阿依古丽·买买提 办事处副主任 乡科级: 2025-W03 有 0 次');
    expect(check.stdout).toMatch(/评判 8 个周期，合格 7，不足 1/);
    expect(check.code).toBe(1);
  });
});

describe('who serves fixed by date (serveOn)', () => {
  const person = (name: string, title: string, rank: Leader['rank']): Leader => leader(name, '区委', { rank, title, portfolio: '' });
  const leaders = [
    person('甲', '县委书记', '正处级'),
    person('乙', '县委副书记、县长', '正处级'),
    person('丙', '副县长', '副处级'),
    person('丁', '副县长', '副处级'),
    person('戊', '县委常委', '副处级'),
  ];
  const cal = makeCalendar({ region: 'national' });
  it('书记 in odd months, 县长 in even months, 正职 on Mondays, 副职 the other days', () => {
    const base = presetConfig('county');
    const config = {
      ...base,
      from: '2025-03-01',
      to: '2025-06-30',
      rotation: { ...base.rotation!, visits: { min: 0, max: 0 }, maxPerWeek: 3 },
      serveOn: [
        { who: { titles: ['县委书记'] }, months: [1, 3, 5, 7, 9, 11], weekdays: [1] },
        { who: { titles: ['县长'] }, months: [2, 4, 6, 8, 10, 12], weekdays: [1] },
        { who: { ranks: ['副处级' as const] }, weekdays: [2, 3, 4, 5, 6, 7] },
      ],
    };
    const r = plan({ config, days: cal.days(config.from, config.to), leaders, calendar: cal });
    expect(r.report.status).toBe('optimal');
    const month = (d: string) => +d.slice(5, 7);
    const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
    for (const d of r.duties) {
      if (d.name === '甲') expect([month(d.date) % 2, weekday(d.date)]).toEqual([1, 1]);
      if (d.name === '乙') expect([month(d.date) % 2, weekday(d.date)]).toEqual([0, 1]);
      if (['丙', '丁', '戊'].includes(d.name)) expect(weekday(d.date)).not.toBe(1);
    }
    expect(r.duties.filter((d) => d.name === '甲').length).toBeGreaterThan(0);
    expect(r.duties.filter((d) => d.name === '乙').length).toBeGreaterThan(0);
  });
  it('rota.json refuses an entry without months or weekdays, naming the field', async () => {
    const { validateConfig } = await import('../src/core/config.js');
    const { problems } = validateConfig({ serveOn: [{ who: { titles: ['县长'] } }, { who: {}, months: [13] }] }, 'rota.json');
    expect(problems.map((p) => p.field)).toEqual(['serveOn[0]', 'serveOn[1].months']);
  });
});
