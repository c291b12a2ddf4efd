// Every input is bounded: the fuzz cases of issue 11 each end in exit 2 with a sentence naming the
// option, or file, line and field, within seconds (they once ran for minutes or ended in exit 70).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'rota-bounds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const rota = (args: string[]) => {
  const r = spawnSync('node', ['bin/rota.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const file = (name: string, content: string) => {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
};
const leaders = readFileSync('fixtures/leaders.csv', 'utf8').split('\r\n');

describe('bad input is exit 2 with a sentence, never exit 70 or minutes of work', () => {
  it('a fifty-year plan names the two-year limit and how to split', () => {
    const r = rota(['plan', '-c', 'fixtures/rota.json', '--from', '2000-01-01', '--to', '2049-12-31']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '一轮最长两年（731 天），2000-01-01 至 2049-12-31 共 18263 天；请分成几轮排，例如 --from 2000-01-01 --to 2000-12-31，再 --from 2001-01-01',
    );
    expect(r.stderr).not.toContain('internal error');
  });

  it('--from 0000-01-01 names the years the calendar covers', () => {
    const r = rota(['plan', '-c', 'fixtures/rota.json', '--from', '0000-01-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('from: expected a real date written YYYY-MM-DD in the years 2000 to 2099, got "0000-01-01"');
  });

  it('calendar --to 9999-12-31 and check --year 9999 are refused at once', () => {
    const cal = rota(['calendar', '--to', '9999-12-31']);
    expect(cal.code).toBe(2);
    expect(cal.stderr).toContain('to: expected a real date written YYYY-MM-DD in the years 2000 to 2099, got "9999-12-31"');
    const check = rota(['check', 'fixtures/records-2024.csv', '-c', 'fixtures/rota.json', '--year', '9999']);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('--year: “9999”的年份超出了 rota 的日历（2000 至 2099 年）');
  });

  it('"perDay": 1000000 names the field and its range', () => {
    const cfg = file('perday.json', JSON.stringify({ leaders: [join(process.cwd(), 'fixtures/leaders.csv')], perDay: 1_000_000 }));
    const r = rota(['plan', '-c', cfg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('perDay: expected a whole number from 1 to 20, got 1000000');
  });

  it('a 20 MB office string is refused with a short message', () => {
    const cfg = file('office.json', JSON.stringify({ leaders: [join(process.cwd(), 'fixtures/leaders.csv')], office: 'x'.repeat(20e6) }));
    const r = rota(['plan', '-c', cfg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('office: expected a non-empty string of at most 1000 characters');
    expect(r.stderr.length).toBeLessThan(2000);
  });

  it('a 10 MB cell names file, line and column; so does a 2,000-character name', () => {
    const big = [...leaders];
    big[2] = big[2].replace('政法、维稳', 'x'.repeat(10e6));
    const r = rota(['plan', '-c', 'fixtures/rota.json', '--leaders', file('big.csv', big.join('\r\n'))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('big.csv:3: 分管工作: 这一格有 10000008 个字符，最多 65536 个');
    expect(r.stderr.length).toBeLessThan(2000);
    const long = [...leaders];
    long[2] = long[2].replace(/^[^,]+/, '王'.repeat(2000));
    const n = rota(['plan', '-c', 'fixtures/rota.json', '--leaders', file('name.csv', long.join('\r\n'))]);
    expect(n.code).toBe(2);
    expect(n.stderr).toContain('name.csv:3: 姓名: 这一格有 2000 个字符，最多 1000 个');
  });

  it("a record dated 9999 in a leader's unavailable days or a timetable is an error naming the line", () => {
    const l = [...leaders];
    l[2] = l[2].replace(/,,热合曼/, ',2024-12-11~9999-12-31,热合曼');
    const r = rota(['plan', '-c', 'fixtures/rota.json', '--leaders', file('far.csv', l.join('\r\n'))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('far.csv:3: 不可接访日期: “2024-12-11~9999-12-31”的年份超出了 rota 的日历（2000 至 2099 年）');
  });
});
