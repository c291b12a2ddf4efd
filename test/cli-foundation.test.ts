// End to end through the built CLI (npm test builds first).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleLister } from './helpers/modules.js';

const BIN = join(process.cwd(), 'bin/rota.js');
function rota(args: string[], cwd = process.cwd()) {
  const r = spawnSync('node', [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('rota calendar', () => {
  it('--json for the seed round: 12 working days, 4 weekend days with reasons', () => {
    const r = rota(['calendar', '--from', '2024-12-11', '--to', '2024-12-26', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.workingDays).toHaveLength(12);
    expect(j.workingDays[0]).toEqual({ date: '2024-12-11', weekday: '星期三', makeup: false });
    expect(j.excluded).toEqual([
      { date: '2024-12-14', weekday: '星期六', reason: '周六' },
      { date: '2024-12-15', weekday: '星期日', reason: '周日' },
      { date: '2024-12-21', weekday: '星期六', reason: '周六' },
      { date: '2024-12-22', weekday: '星期日', reason: '周日' },
    ]);
  });
  it('text shows make-up days and the count', () => {
    const r = rota(['calendar', '--from', '2025-01-25', '--to', '2025-02-09']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2025-01-26 星期日 工作日（春节调休上班）/);
    expect(r.out).toMatch(/2025-01-28 星期二 休息：春节/);
    expect(r.out.trim().split('\n').at(-1)).toBe('2025-01-25 至 2025-02-09：工作日 6 天，休息 10 天（含调休上班 2 天）');
  });
  it('--region xinjiang adds 古尔邦节', () => {
    const j = JSON.parse(rota(['calendar', '--from', '2025-06-06', '--to', '2025-06-10', '--region', 'xinjiang', '--json']).out);
    expect(j.workingDays).toEqual([]);
    expect(j.excluded.map((d: { reason: string }) => d.reason)).toEqual(['古尔邦节', '古尔邦节', '古尔邦节', '古尔邦节', '古尔邦节']);
  });
  it('a year the data does not know is warned about, naming the override file', () => {
    const r = rota(['calendar', '--from', '2027-01-01', '--to', '2027-01-10', '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('2027');
    expect(r.err).toContain('--holidays');
    expect(JSON.parse(r.out).warnings[0]).toContain('2027');
  });
  it('a holidays file overrides', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rota-cal-'));
    writeFileSync(join(dir, 'h.csv'), '日期,类型,名称\n2024-12-18,休息,区运动会\n2024-12-21,上班,补班\n');
    const j = JSON.parse(rota(['calendar', '--holidays', join(dir, 'h.csv'), '--json']).out);
    expect(j.excluded.find((d: { date: string }) => d.date === '2024-12-18').reason).toBe('区运动会');
    expect(j.workingDays.find((d: { date: string }) => d.date === '2024-12-21')).toEqual({
      date: '2024-12-21',
      weekday: '星期六',
      makeup: true,
    });
  });
  it('bad dates and bad regions exit 2 without a stack trace', () => {
    for (const args of [
      ['--from', '2024-02-30'],
      ['--region', 'mars'],
      ['--holidays', '/nonexistent.csv'],
    ]) {
      const r = rota(['calendar', ...args]);
      expect(r.code).toBe(2);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(r.out).toBe('');
    }
  });
});

describe('rota leaders', () => {
  it('reads the bundled example', () => {
    const r = rota(['leaders', 'fixtures/leaders.csv', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out);
    expect(list).toHaveLength(21);
    expect(list.find((l: { name: string }) => l.name === '努尔兰·哈力木')).toMatchObject({ institution: '区政府', rank: '副处级' });
    expect(list.find((l: { name: string }) => l.name === '何振华').unavailable).toEqual(['2024-12-16', '2024-12-17', '2024-12-18']);
  });
  it('every error at once, with file:line, exit 2, nothing on stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rota-l-'));
    const f = join(dir, '法院.csv');
    writeFileSync(
      f,
      '姓名,单位,职务,级别\n何某,区法院,院长,正处级\n许某,区法院,副院长,副处\n何某,区人民法院,院长,正处级\n,区法院,庭长,正科级\n',
    );
    const r = rota(['leaders', f]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${f}:4: 姓名: 何某（区人民法院）出现了两次，第一次在 ${f}:2；`);
    expect(r.err).toContain(`${f}:5: 姓名为空；每一行都要写领导姓名`);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
  it('an unknown option is a usage error, exit 2', () => {
    expect(rota(['leaders', '--colour']).code).toBe(2);
  });
});

describe('rota init', () => {
  it('writes a configuration, its schema and templates the other commands accept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rota-init-'));
    expect(rota(['init', dir]).code).toBe(0);
    for (const f of ['rota.json', 'rota.schema.json', 'leaders.csv', 'holidays.csv']) expect(existsSync(join(dir, f))).toBe(true);
    const leaders = readFileSync(join(dir, 'leaders.csv'));
    expect([...leaders.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(leaders.toString('utf8')).toContain('姓名,单位,职务,级别,分管工作,不可接访日期,联络员,联系电话\r\n');
    const r = rota(['leaders', '-c', 'rota.json', '--json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)[0].name).toBe('张三');
    expect(rota(['calendar', '-c', 'rota.json', '--json'], dir).code).toBe(0);
  });
  it('refuses to overwrite without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rota-init-'));
    rota(['init', dir]);
    const r = rota(['init', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--force');
    expect(rota(['init', dir, '--force']).code).toBe(0);
  });
});

describe('rota --help', () => {
  it('lists the commands', () => {
    const r = rota(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['calendar', 'leaders', 'init']) expect(r.out).toContain(c);
  });
  it("to a pipe is the build's dist/cli/help.txt, printed without loading main, and commander's own text (rota help)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'rota-help-'));
    const { preload, loaded } = moduleLister(dir);
    const served = spawnSync('node', ['--require', preload, BIN, '--help'], { encoding: 'utf8' });
    expect({ code: served.status, err: served.stderr }).toEqual({ code: 0, err: '' });
    expect(loaded()).not.toContain('NativeModule vm');
    expect(served.stdout).toBe(readFileSync('dist/cli/help.txt', 'utf8'));
    expect(rota(['-h']).out).toBe(served.stdout);
    expect(rota(['help'])).toEqual({ code: 0, out: served.stdout, err: '' });
    // >/dev/null (a cron job's) too, though a character device as a terminal is.
    const thrownAway = spawnSync('node', ['--require', preload, BIN, '--help'], { stdio: ['ignore', 'ignore', 'pipe'] });
    expect(thrownAway.status).toBe(0);
    expect(loaded()).not.toContain('NativeModule vm');
  });
  it('without dist/cli/help.txt is the same text, from commander', () => {
    const root = mkdtempSync(join(tmpdir(), 'rota-help-install-'));
    for (const d of ['bin', 'dist/cli']) cpSync(d, join(root, d), { recursive: true });
    rmSync(join(root, 'dist', 'cli', 'help.txt'));
    const r = spawnSync('node', [join(root, 'bin', 'rota.js'), '--help'], { encoding: 'utf8' });
    expect({ code: r.status, out: r.stdout, err: r.stderr }).toEqual({ code: 0, out: rota(['help']).out, err: '' });
  });
});

describe('rota --version', () => {
  // bin/rota.js answers the option alone from package.json; with anything else commander does, in main.
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  it.each([['--version'], ['-V'], ['-V', '--help'], ['--version', 'plan']])("rota %s prints package.json's version", (...args) => {
    const r = rota(args);
    expect(r).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });
});

describe('an output folder that cannot be written', () => {
  it('is exit 2 with a sentence, not an internal error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rota-out-'));
    const blocker = join(dir, 'out');
    writeFileSync(blocker, 'a file where the folder should be');
    const r = rota(['plan', '-c', 'fixtures/rota.json', '--out', blocker]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot write to');
    expect(r.err).not.toContain('internal error');
    expect(readFileSync(blocker, 'utf8')).toBe('a file where the folder should be');
  });
});
