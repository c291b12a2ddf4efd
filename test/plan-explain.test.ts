// When no plan exists, each cause is found and named: institution, days, leaders and their absences.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plan } from '../src/core/engine/index.js';
import { runRota } from './helpers/cli.js';
import { input, leader } from './support/plan-facts.js';

// Cycle order 甲 乙 over 2025-01-06..09: 甲 has 01-06 and 01-08, 乙 has 01-07 and 01-09.
const both = (extra: ReturnType<typeof leader>[]) => [leader('乙一', '乙'), leader('乙二', '乙'), ...extra];

describe('infeasibility explanations', () => {
  it('a day with no eligible available leader names the institution, the day and each absence', () => {
    const ls = both([
      leader('何某', '甲', { unavailable: ['2025-01-06', '2025-01-07'] }),
      leader('许某', '甲', { unavailable: ['2025-01-06'] }),
    ]);
    const r = plan(input(['甲', '乙'], ls, '2025-01-06', '2025-01-09'));
    expect(r.report.status).toBe('infeasible');
    expect(r.duties).toEqual([]);
    const c = r.report.causes.find((x) => x.kind === 'no-leader-on-day')!;
    expect(c.institution).toBe('甲');
    expect(c.dates).toEqual(['2025-01-06']);
    expect(c.names).toEqual(['何某', '许某']);
    expect(c.message).toContain('none of its 2 eligible leaders is available on 2025-01-06');
    expect(c.message).toContain('何某：不可接访 01-06~01-07');
    expect(c.message).toContain('许某：不可接访 01-06');
    // The smallest set of broken rules: one empty place on 01-06.
    expect(r.report.breaks.map((b) => [b.rule, b.dates])).toEqual([['reception-per-day', ['2025-01-06']]]);
  });

  it('an institution with no eligible leader at all is named with the ranks it has', () => {
    const r = plan(input(['甲', '乙'], both([leader('李明', '甲', { rank: '正科级' })]), '2025-01-06', '2025-01-09'));
    const c = r.report.causes[0];
    expect(c.message).toContain('甲 需在 2025-01-06、2025-01-08 安排接访');
    expect(c.message).toContain('李明：正科级');
    expect(r.report.breaks).toHaveLength(2);
  });

  it("Hall's condition: fewer distinct available leaders than days, at most one duty each", () => {
    // 甲 needs 2 duties (01-06, 01-08); 何某 is away on both, so only 许某 can serve, once.
    const ls = both([leader('何某', '甲', { unavailable: ['2025-01-06', '2025-01-08'] }), leader('许某', '甲')]);
    const r = plan(input(['甲', '乙'], ls, '2025-01-06', '2025-01-09'));
    expect(r.report.status).toBe('infeasible');
    const c = r.report.causes.find((x) => x.kind === 'hall')!;
    expect(c.dates).toEqual(['2025-01-06', '2025-01-08']);
    expect(c.message).toContain('只有 1 名（许某）');
    expect(c.message).toContain('何某：不可接访 01-06、01-08');
    // Fewest breaks: 许某 serves twice (one break), rather than an empty day.
    expect(r.report.breaks.map((b) => b.rule)).toEqual(['max-per-leader']);
  });

  it('best effort writes the plan with the fewest breaks and lists each', () => {
    const ls = both([leader('何某', '甲', { unavailable: ['2025-01-06', '2025-01-08'] }), leader('许某', '甲')]);
    const r = plan(input(['甲', '乙'], ls, '2025-01-06', '2025-01-09', {}, { bestEffort: true }));
    expect(r.report.status).toBe('best-effort');
    expect(r.duties.filter((d) => d.name === '许某').map((d) => d.date)).toEqual(['2025-01-06', '2025-01-08']);
    expect(r.report.breaks).toHaveLength(1);
    expect(r.report.breaks[0].names).toEqual(['许某']);
  });

  it('a pin that breaks a hard rule names the pin and the rule', () => {
    const ls = both([leader('何某', '甲', { unavailable: ['2025-01-06'] }), leader('许某', '甲')]);
    const r = plan(input(['甲', '乙'], ls, '2025-01-06', '2025-01-09', {}, { pins: [{ date: '2025-01-06', name: '何某' }] }));
    expect(r.report.status).toBe('infeasible');
    const c = r.report.causes.find((x) => x.kind === 'pin')!;
    expect(c.message).toContain('锁定 2025-01-06 何某');
    expect(c.message).toContain('不在领导的不可接访日期安排');
    expect(r.report.breaks.map((b) => b.rule)).toEqual(['pins']);
  });

  it('an unknown pinned leader and too many pins on a day are named', () => {
    const ls = both([leader('何某', '甲'), leader('许某', '甲')]);
    const r = plan(
      input(
        ['甲', '乙'],
        ls,
        '2025-01-06',
        '2025-01-09',
        {},
        {
          pins: [
            { date: '2025-01-06', name: '无名氏' },
            { date: '2025-01-08', name: '何某' },
            { date: '2025-01-08', name: '许某' },
          ],
        },
      ),
    );
    const msgs = r.report.causes.map((c) => c.message).join('\n');
    expect(msgs).toContain('锁定 2025-01-06 无名氏：领导名单中没有此人');
    expect(msgs).toContain('2025-01-08 锁定了 2 名领导（何某、许某）');
  });
});

describe('a week that needs more than its leaders may give: someone over the weekly maximum, and why', () => {
  // A township fortnight, one 接访 a day, each leader at most once a week: 3 leaders fill 3 of each week's 5
  // days. Leaving the other two short is two breaks a week; one leader over the weekly maximum on both is
  // one (a person over it in a week counts once, as the district counts its per-round maximum).
  const dir = mkdtempSync(join(tmpdir(), 'rota-explain-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'leaders.csv'),
    '姓名,单位,职务,级别,不可接访日期\n王一,乡党委,书记,正科级,\n李二,乡政府,乡长,正科级,\n张三,乡人大,主席,正科级,2025-03-05\n',
  );
  const office = { place: { name: '乡接待室', address: '乡政府' }, contact: { name: '刘婷', phone: '0990-6901000' }, office: '乡办' };
  const rotation = { reception: { min: 1, max: 1 }, visits: { min: 0, max: 0 }, maxPerWeek: 1 };
  writeFileSync(
    join(dir, 'rota.json'),
    JSON.stringify({
      preset: 'township',
      region: 'national',
      from: '2025-03-03',
      to: '2025-03-14',
      leaders: ['leaders.csv'],
      rotation,
      ...office,
    }),
  );

  const weekCause = (need: number, names: string) =>
    new RegExp(
      `原因 cause: 2025-W1[01] 的 5 个工作日每天至少 ${need} 人次，共需 ${need * 5} 人次；可安排的领导 3 名，每人每周最多 1 次，最多 3 人次，所以 ${names} 超过每周最多次数。`,
    );

  it('names the week, what it needs and what its leaders may give, and who goes over; no day is left short', () => {
    const r = runRota(['plan', '-c', 'rota.json'], dir);
    expect(r.code).toBe(1);
    const causes = r.stderr.split('\n').filter((l) => l.includes('原因 cause:'));
    expect(causes).toHaveLength(2);
    for (const c of causes) expect(c).toMatch(weekCause(1, '(王一|李二|张三)'));
    expect(r.stderr).toContain('至少违反 2 处');
    expect(r.stderr.match(/超过每周 1 次 \(over the weekly maximum\)/g)).toHaveLength(2);
    expect(r.stderr).not.toContain('名领导接访，缺');
  });

  it('with a 下访 a day too: two leaders over it each week rather than seven places short', () => {
    const config = JSON.parse(readFileSync(join(dir, 'rota.json'), 'utf8'));
    const both = { ...config, rotation: { reception: { min: 1, max: 2 }, visits: { min: 1, max: 1 }, maxPerWeek: 1 } };
    writeFileSync(join(dir, 'visits.json'), JSON.stringify(both));
    const r = runRota(['plan', '-c', 'visits.json'], dir);
    expect(r.code).toBe(1);
    const causes = r.stderr.split('\n').filter((l) => l.includes('原因 cause:'));
    expect(causes).toHaveLength(2);
    for (const c of causes) expect(c).toMatch(weekCause(2, '(王一|李二|张三)、(王一|李二|张三)'));
    expect(r.stderr).toContain('至少违反 4 处');
    expect(r.stderr).not.toMatch(/名领导(接访|下访)，缺/);
  });
});
