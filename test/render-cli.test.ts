// rota render end to end through the built CLI: files written all at once, or a clear error per
// CSV line, exit 2 and nothing written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const rota = (args: string[]) => {
  const r = spawnSync('node', ['bin/rota.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'rota-render-'));

describe('rota render', () => {
  it('re-publishes a hand-edited published timetable: change notice, SEQUENCE raised only on the edited day', () => {
    const out = tmp();
    expect(rota(['plan', '-c', 'fixtures/rota.json', '--out', out]).code).toBe(0);
    const csvFile = join(out, 'timetable.csv');
    const lines = readFileSync(csvFile, 'utf8').split('\r\n');
    const i = lines.findIndex((l) => l.startsWith('2024-12-19,'));
    const before = lines[i].split(',')[4];
    // 区委's three other eligible leaders: take one who is free on 12-19 and not on the timetable already.
    const onTable = new Set(lines.slice(1).map((l) => l.split(',')[4]));
    const substitute = ['艾力·买买提', '刘芳'].find((n) => !onTable.has(n))!;
    lines[i] = lines[i].replace(`,${before},`, `,${substitute},`);
    writeFileSync(csvFile, lines.join('\r\n'));
    // Only 姓名 was edited: the other cells of the row are taken from the leader list, a warning each.
    const r = rota(['render', csvFile, '-c', 'fixtures/rota.json', '--out', out, '--fix-from-leaders', '--today', '2024-12-10']);
    const warnings = r.stderr.split('\n').filter((l) => l && !l.startsWith('wrote '));
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((l) => l.includes('已按名单改为'))).toBe(true);
    expect(r.code).toBe(0);
    const notice = readFileSync(join(out, 'change-notice.txt'), 'utf8');
    expect(notice).toContain(`2024-12-19：原 ${before}`);
    expect(notice).toContain(`→ 现 ${substitute}`);
    const seqs = [...readFileSync(join(out, 'timetable.ics'), 'utf8').matchAll(/SEQUENCE:(\d+)/g)].map((m) => +m[1]);
    expect(seqs.filter((n) => n === 1)).toHaveLength(1);
    expect(seqs.filter((n) => n === 0)).toHaveLength(11);
  });

  it('writes timetable.html, .csv, .ics and one ics per leader from the seed timetable', () => {
    const out = tmp();
    const r = rota(['render', 'fixtures/timetable.csv', '-c', 'fixtures/rota.json', '--out', out, '--ics-per-leader']);
    // Standard error holds only the files written (as every command reports them), no warning.
    expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('wrote '))).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已校验 12 条安排（12 天，2024-12-11 至 2024-12-26）');
    expect(r.stderr).toContain(`wrote ${join(out, 'timetable.html')}`);
    expect(r.stdout).not.toContain('wrote ');
    expect(readdirSync(out).sort()).toEqual([
      'ics',
      'timetable.csv',
      'timetable.docx',
      'timetable.html',
      'timetable.ics',
      'timetable.json',
      '送审稿.docx',
    ]);
    expect(readdirSync(join(out, 'ics'))).toHaveLength(12);
    expect(readdirSync(join(out, 'ics'))).toContain('努尔兰·哈力木.ics');
    expect(readFileSync(join(out, 'timetable.csv'))).toEqual(readFileSync('fixtures/timetable.csv'));
    expect(readFileSync(join(out, 'timetable.ics'), 'utf8').match(/BEGIN:VEVENT/g)).toHaveLength(12);
    expect(readFileSync(join(out, 'timetable.html'), 'utf8')).toContain('努尔兰·哈力木');
  });

  it('--encoding gb18030 writes the CSV without BOM in GB18030', () => {
    const out = tmp();
    expect(rota(['render', 'fixtures/timetable.csv', '-c', 'fixtures/rota.json', '-o', out, '--encoding', 'gb18030']).code).toBe(0);
    const bytes = readFileSync(join(out, 'timetable.csv'));
    expect(bytes[0]).not.toBe(0xef);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const utf8 = readFileSync('fixtures/timetable.csv', 'utf8').replace(/^\uFEFF/, '');
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(utf8);
  });

  it('reads a GB18030 timetable staff saved from Excel and re-renders it', () => {
    const dir = tmp();
    const out = join(dir, 'out');
    expect(rota(['render', 'fixtures/timetable.csv', '-c', 'fixtures/rota.json', '-o', dir, '--encoding', 'gb18030']).code).toBe(0);
    const r = rota(['render', join(dir, 'timetable.csv'), '-c', 'fixtures/rota.json', '-o', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'timetable.csv'))).toEqual(readFileSync('fixtures/timetable.csv'));
  });

  it('rejects a broken timetable with one error per CSV line, exit 2, and writes nothing', () => {
    const dir = tmp();
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      [
        '日期,姓名,单位',
        '2024-12-11,查无此人,区委', // 2: unknown leader
        '2024-12-14,艾力·买买提,区委', // 3: Saturday
        '2024-12-12,阿依古丽·吐尔逊,区人大', // 4: fine
        '2024-12-12,马晓军,区人大', // 5: second duty that day
        '2024-12-13,杨丽,区政协', // 6: 区政府's day
        '',
      ].join('\r\n'),
    );
    const out = join(dir, 'out');
    const r = rota(['render', bad, '-c', 'fixtures/rota.json', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^${bad}:2: 姓名: 查无此人 不在区委的领导名单中`)),
      expect.stringMatching(new RegExp(`^${bad}:3: 日期: 2024-12-14（星期六）是休息日：周六`)),
      expect.stringMatching(new RegExp(`^${bad}:5: 日期: 2024-12-12 已有阿依古丽·吐尔逊（第4行 line 4）接访`)),
      expect.stringMatching(new RegExp(`^${bad}:6: 单位: 2024-12-13 按顺序.*应由区政府安排接访，却安排了区政协的杨丽`)),
      '输入有 4 处错误，未写出任何文件。4 errors in the input; nothing was written.',
    ]);
    expect(existsSync(out)).toBe(false);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('exit 2 for a bad --encoding, a missing file and no leader list', () => {
    const out = tmp();
    const enc = rota(['render', 'fixtures/timetable.csv', '-c', 'fixtures/rota.json', '-o', out, '--encoding', 'latin1']);
    expect(enc).toMatchObject({ code: 2 });
    expect(enc.stderr).toContain('错误 --encoding <enc> 不能是“latin1”；请写 utf-8、gb18030 之一。');
    const missing = rota(['render', 'nope.csv', '-c', 'fixtures/rota.json', '-o', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.csv: 无法读取文件：没有这个文件；');
    const noLeaders = rota(['render', 'fixtures/timetable.csv', '-o', out]);
    expect(noLeaders.code).toBe(2);
    expect(noLeaders.stderr).toContain('no leader list');
    expect(readdirSync(out)).toEqual([]);
  });

  it("--leaders replaces the configuration's list", () => {
    const r = rota(['render', 'fixtures/timetable.csv', '-c', 'fixtures/rota.json', '-o', tmp(), '--leaders', 'fixtures/leaders.csv']);
    expect(r.code).toBe(0);
  });
});
