// The done-when, through the built CLI: a township plans its year, transfers a leader on
// 07-01 (调离) and receives his successor (到任), re-plans from 07-01 changing only the departed
// leader's days, and its year-end check and report judge each leader only within the term.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRota } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'rota-terms-'));
const rota = (args: string[]) => runRota(args, dir);
const rows = (file: string) =>
  readFileSync(join(dir, file), 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));

const LEADERS = `姓名,单位,职务,级别,分管工作
王海涛,乡党委,党委书记,正科级,党委全面工作
李娟,乡政府,副乡长,副科级,教育、卫生健康、民政
张国庆,乡党委,政法委员,副科级,政法、信访、综治
周志明,乡政府,副乡长,副科级,人社、劳动保障、欠薪
`;
const JULY = `姓名,单位,职务,级别,分管工作,调离,到任
王海涛,乡党委,党委书记,正科级,党委全面工作,,
李娟,乡政府,副乡长,副科级,教育、卫生健康、民政,,
张国庆,乡党委,政法委员,副科级,政法、信访、综治,2025-07-01,
周志明,乡政府,副乡长,副科级,人社、劳动保障、欠薪,,
何伟,乡党委,政法委员,副科级,政法、信访、综治,,2025-07-01
`;

describe('a township transfers a leader in July', () => {
  const config = JSON.parse(readFileSync('fixtures/township/rota.json', 'utf8'));
  writeFileSync(join(dir, 'rota.json'), JSON.stringify({ ...config, $schema: undefined, to: '2025-12-31' }));
  copyFileSync('fixtures/township/sites.csv', join(dir, 'sites.csv'));
  writeFileSync(join(dir, 'leaders.csv'), LEADERS);
  writeFileSync(join(dir, 'leaders-july.csv'), JULY);
  const planned = rota(['plan', '--out', 'pub']);
  const replanned = rota([
    'replan',
    '--leaders',
    'leaders-july.csv',
    '--previous',
    'pub/timetable.csv',
    '--today',
    '2025-07-01',
    '--out',
    'pub2',
  ]);

  it('re-plans from 07-01 changing exactly the departed leader’s days, and says how many', () => {
    expect(planned.code).toBe(0);
    expect(replanned.code).toBe(0);
    const before = rows('pub/timetable.csv');
    const after = rows('pub2/timetable.csv');
    const his = new Set(before.filter((r) => r[4] === '张国庆' && r[0] >= '2025-07-01').map((r) => r[0]));
    const day = (rs: string[][], d: string) =>
      rs
        .filter((r) => r[0] === d)
        .map((r) => r.join())
        .sort()
        .join('|');
    const dates = [...new Set([...before, ...after].map((r) => r[0]))];
    const changed = new Set(dates.filter((d) => day(before, d) !== day(after, d)));
    expect(changed).toEqual(his);
    expect(replanned.stdout).toContain(`有 ${his.size} 天调整如下`);
    expect(after.some((r) => r[4] === '张国庆' && r[0] >= '2025-07-01')).toBe(false);
    expect(after.some((r) => r[4] === '何伟' && r[0] < '2025-07-01')).toBe(false);
  });

  it('the year-end records check passes, judging each leader only within the term', () => {
    const check = rota(['check', '--leaders', 'leaders-july.csv', '--year', '2025', 'pub2/timetable.csv']);
    expect(check.stderr).not.toContain('错误');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('合规 compliant');
    const json = rota(['check', '--leaders', 'leaders-july.csv', '--year', '2025', '--format', 'json', '--detail', 'pub2/timetable.csv']);
    const results = JSON.parse(json.stdout).results as Array<{ name: string; period: string; status: string; reason?: string }>;
    const of = (name: string, period: string) => results.find((r) => r.name === name && r.period === period)!;
    expect(of('张国庆', '2025-W20').status).toBe('ok');
    expect(of('张国庆', '2025-W30')).toMatchObject({ status: 'not-judged' });
    expect(of('张国庆', '2025-W30').reason).toContain('不在任期内');
    expect(of('何伟', '2025-W20').status).toBe('not-judged');
    expect(of('何伟', '2025-W30').status).toBe('ok');
    // The week of the move (07-01 is a Tuesday) is judged in neither post.
    expect(of('张国庆', '2025-W27').reason).toContain('任期只覆盖其中 1 个工作日');
    expect(of('何伟', '2025-W27').status).toBe('not-judged');
  });

  it('the year-end report has no violation and counts each leader’s duties where they were held', () => {
    const report = rota(['report', '--leaders', 'leaders-july.csv', '--year', '2025', '--out', 'rep', 'pub2/timetable.csv']);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('不合规 0');
    const summary = rows('rep/report-2025-summary.csv');
    expect(summary.find((r) => r[1] === '张国庆')!.join()).toContain('达标');
    expect(summary.find((r) => r[1] === '何伟')!.join()).toContain('达标');
  });
});
