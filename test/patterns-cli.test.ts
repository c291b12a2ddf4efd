// Duty-day patterns through the built CLI: rota calendar --pattern lists the days with their moves,
// a bad spelling is exit 2 with the catalogue sentence, and a round whose rota.json names a pattern is
// planned only on its duty days, its page shows the other working days as plain days (not 节假日),
// and rota check of its own timetable agrees with the plan's report.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../src/core/calendar.js';
import { parsePattern, patternDays } from '../src/core/patterns.js';
import { runRota as rota } from './helpers/cli.js';

describe('rota calendar --pattern', () => {
  it('lists the duty days of 每月15日（遇节假日顺延） over 2025 with each move', () => {
    const r = rota([
      'calendar',
      '--pattern',
      '每月15日（遇节假日顺延）',
      '--from',
      '2025-01-01',
      '--to',
      '2025-12-31',
      '--region',
      'national',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { holidayRule: string; dutyDays: Array<{ date: string; movedFrom?: string }> };
    expect(out.holidayRule).toBe('顺延');
    expect(out.dutyDays).toHaveLength(12);
    expect(out.dutyDays.find((d) => d.movedFrom === '2025-02-15')?.date).toBe('2025-02-17');
    const text = rota([
      'calendar',
      '--pattern',
      '每周三（遇节假日取消）',
      '--from',
      '2025-09-29',
      '--to',
      '2025-10-19',
      '--region',
      'national',
    ]);
    expect(text.stdout).toContain('不安排 dropped：2025-10-01 星期三（国庆节）取消');
    expect(text.stdout).toContain('接访日 1 天（不安排 2 天）'); // 10-15 only: 10-01 and 10-08 fall in 国庆节
  });

  it('an unreadable pattern: exit 2, the field and the accepted spellings, nothing on stdout', () => {
    const r = rota(['calendar', '--pattern', '每两周三', '--from', '2025-01-01', '--to', '2025-01-31']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--pattern');
    expect(r.stderr).toContain('读不懂接访日的写法“每两周三”');
    expect(r.stderr).toContain('每月第一个和第四个星期三');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('a township round on 每周一和周四', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rota-pattern-'));
  const config = JSON.parse(readFileSync('fixtures/township/rota.json', 'utf8'));
  for (const f of ['leaders.csv', 'sites.csv']) writeFileSync(join(dir, f), readFileSync(join('fixtures/township', f)));
  writeFileSync(
    join(dir, 'rota.json'),
    JSON.stringify({ ...config, $schema: undefined, from: '2025-03-01', to: '2025-04-30', pattern: '每周一和周四' }),
  );
  const plan = rota(['plan', '-c', 'rota.json', '--out', 'out', '--json'], dir);
  const out = JSON.parse(plan.stdout) as { duties: Array<{ date: string }>; report: { stillShort: unknown[]; workingDays: number } };
  const expected = patternDays(
    parsePattern('每周一和周四').pattern!,
    makeCalendar({ region: 'xinjiang' }),
    '2025-03-01',
    '2025-04-30',
  ).days.map((d) => d.date);

  it('plans only on the pattern days, every one of them', () => {
    expect(plan.code).toBe(0);
    expect([...new Set(out.duties.map((d) => d.date))]).toEqual(expected);
    expect(out.report.workingDays).toBe(expected.length);
  });

  it('the page shows a non-duty working day as a plain day, neither shaded nor tagged', () => {
    const html = readFileSync(join(dir, 'out/timetable.html'), 'utf8');
    const cell = (d: number) =>
      new RegExp(
        `<td( class="[^"]*")?><span class="d"><span class="vh">3月</span>${d}<span class="vh">日</span></span>(<span class="tag[^"]*">)?`,
      ).exec(html);
    expect(cell(4)?.[1]).toBeUndefined(); // Tuesday 2025-03-04: no duty, no shade
    expect(cell(4)?.[2]).toBeUndefined();
    expect(cell(8)?.[1]).toBe(' class="rest"'); // Saturday
  });

  it('rota check of its own timetable agrees with the report; a duty moved to a Tuesday is named as not a duty day', () => {
    const check = rota(['check', '-c', 'rota.json', 'out/timetable.csv', '--from', '2025-03-03', '--to', '2025-04-27'], dir);
    expect(check.code).toBe(out.report.stillShort.length ? 1 : 0);
    const csv = readFileSync(join(dir, 'out/timetable.csv'), 'utf8').replace(/\n2025-03-03,星期一,/, '\n2025-03-04,星期二,');
    writeFileSync(join(dir, 'moved.csv'), csv);
    const moved = rota(['check', '-c', 'rota.json', 'moved.csv'], dir);
    expect(moved.stdout + moved.stderr).toContain('2025-03-04 是工作日，但不是本轮的接访日');
  });
});

describe("a week with working days but none of the pattern's duty days", () => {
  // 每周三（遇节假日取消） over 2025-09-22..10-19: 10-01 and 10-08 fall in 国庆节 and are dropped, so
  // W40 (09-29, 09-30 working) and W41 (10-09, 10-10 working) have no 接访日 and a weekly rule cannot apply.
  const dir = mkdtempSync(join(tmpdir(), 'rota-pattern-week-'));
  const config = JSON.parse(readFileSync('fixtures/township/rota.json', 'utf8'));
  for (const f of ['leaders.csv', 'sites.csv']) writeFileSync(join(dir, f), readFileSync(join('fixtures/township', f)));
  const window = { from: '2025-09-22', to: '2025-10-19' };
  writeFileSync(join(dir, 'rota.json'), JSON.stringify({ ...config, $schema: undefined, ...window, pattern: '每周三（遇节假日取消）' }));

  it('is exempt as having no 接访日 (not "no working day"), and only the duty weeks are judged', () => {
    expect(rota(['plan', '-c', 'rota.json', '--out', 'out'], dir).code).toBe(0);
    const args = ['check', '-c', 'rota.json', 'out/timetable.csv', '--from', window.from, '--to', window.to];
    const json = JSON.parse(rota([...args, '--format', 'json', '--detail'], dir).stdout) as {
      results: Array<{ period: string; status: string; reason?: string }>;
    };
    const exempt = json.results.filter((r) => r.period === '2025-W40' || r.period === '2025-W41');
    expect(exempt.length).toBeGreaterThan(0);
    for (const r of exempt) {
      expect(r.status).toBe('exempt');
      expect(r.reason).toContain('没有接访日（其余工作日不是本轮的接访日');
    }
    expect(new Set(json.results.filter((r) => r.status !== 'exempt').map((r) => r.period))).toEqual(new Set(['2025-W39', '2025-W42']));
    expect(rota(args, dir).stdout).toContain('免于考核（无接访日）exempt, no duty day: township-weekly 2025-W40, township-weekly 2025-W41');
  });
});
