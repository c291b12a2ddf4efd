// rota replan / swap / diff end to end through the built CLI, on the seed round: the clerk takes the
// posted timetable, marks one leader away on his day, and gets one command's worth of new files.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROTA = join(process.cwd(), 'bin/rota.js');
const rota = (args: string[], cwd = process.cwd()) => {
  const r = spawnSync('node', [ROTA, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const rows = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
const row = (file: string, date: string) => rows(file).find((l) => l.startsWith(date))!;
const seqOf = (ics: string, date: string) => {
  const ev = ics.split('BEGIN:VEVENT').find((e) => e.includes(`DTSTART;TZID=Asia/Shanghai:${date.replace(/-/g, '')}`))!;
  return { uid: /UID:(\S+)/.exec(ev)![1], seq: Number(/SEQUENCE:(\d+)/.exec(ev)![1]) };
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rota-replan-'));
  for (const f of ['rota.json', 'history.csv']) copyFileSync(join('fixtures', f), join(dir, f));
  // 王建国 (区委) becomes unavailable on 2024-12-19, his day in the seed plan.
  const leaders = readFileSync('fixtures/leaders.csv', 'utf8').replace(
    /^(王建国,.*?,)2024-12-23~2024-12-24,/m,
    '$12024-12-19;2024-12-23~2024-12-24,',
  );
  expect(leaders).toContain('王建国,中共克拉玛依区委,区委副书记,副处级,党建、意识形态、乡村振兴,2024-12-19;2024-12-23~2024-12-24,');
  writeFileSync(join(dir, 'leaders.csv'), leaders);
  expect(rota(['plan', '-c', 'fixtures/rota.json', '--out', join(dir, 'pub')]).code).toBe(0);
});

describe('rota replan', () => {
  it('moves exactly the one day that must move, prints the notice and writes every file', () => {
    const pub = join(dir, 'pub', 'timetable.csv');
    expect(row(pub, '2024-12-19')).toContain(',区委,王建国,'); // the seed plan puts him there
    const r = rota(['replan', '-c', 'rota.json', '--previous', 'pub/timetable.csv', '--today', '2024-12-16', '--out', 'new'], dir);
    expect(r.code).toBe(0);
    // Why exactly one: 12-19 is 区委's day and 王建国 can no longer take it, so it must change. 区委's other
    // eligible leaders: 张志强 serves 12-11 (frozen, and away on 12-19), 艾力·买买提 and 刘芳 serve no day and are
    // free on 12-19: either takes 12-19 and nothing else needs to move.
    const now = row(join(dir, 'new', 'timetable.csv'), '2024-12-19');
    const who = ['艾力·买买提', '刘芳'].find((n) => now.includes(`,区委,${n},`))!;
    expect(who).toBeDefined();
    const before = rows(pub),
      after = rows(join(dir, 'new', 'timetable.csv'));
    expect(after.filter((l, i) => l !== before[i]).map((l) => l.slice(0, 10))).toEqual(['2024-12-19']);
    const title = who === '刘芳' ? '区委常委、组织部部长' : '区委常委、政法委书记';
    const line = `2024-12-19：原 王建国（区委副书记） → 现 ${who}（${title}）`;
    expect(r.stdout).toContain(line);
    expect(r.stdout).toContain('有 1 天调整如下');
    expect(readdirSync(join(dir, 'new')).sort()).toEqual([
      'change-notice.docx',
      'change-notice.html',
      'change-notice.txt',
      'notices',
      'timetable.csv',
      'timetable.docx',
      'timetable.html',
      'timetable.ics',
      'timetable.json',
      '送审稿.docx',
    ]);
    expect(readFileSync(join(dir, 'new', 'change-notice.txt'), 'utf8')).toContain(line);
    // The dated notice is kept under the publication's number and date, and the page links to it and marks the day.
    expect(readdirSync(join(dir, 'new', 'notices')).sort()).toEqual(['2-2024-12-16.docx', '2-2024-12-16.html', '2-2024-12-16.txt']);
    expect(readFileSync(join(dir, 'new', 'timetable.html'), 'utf8')).toContain('href="notices/2-2024-12-16.html"');
    expect(readFileSync(join(dir, 'new', 'change-notice.html'), 'utf8')).toContain(`<span class="nm">${who}</span>（${title}）`);
    expect(readFileSync(join(dir, 'new', 'timetable.html'), 'utf8')).toContain(who);
    // ICS: same UIDs; only 12-19's SEQUENCE rose.
    const oldIcs = readFileSync(join(dir, 'pub', 'timetable.ics'), 'utf8'),
      newIcs = readFileSync(join(dir, 'new', 'timetable.ics'), 'utf8');
    for (const d of before.slice(1).map((l) => l.slice(0, 10))) {
      expect(seqOf(newIcs, d).uid).toBe(seqOf(oldIcs, d).uid);
      expect(seqOf(newIcs, d).seq).toBe(d === '2024-12-19' ? 1 : 0);
    }
    const json = JSON.parse(readFileSync(join(dir, 'new', 'timetable.json'), 'utf8'));
    expect(json.sequences['2024-12-19|接访|0']).toBe(1);
    expect(json.changes).toEqual([{ date: '2024-12-19', kind: '接访', type: 'changed', line }]);
    expect(json.today).toBe('2024-12-16');
  });

  it('the same inputs give the same bytes', () => {
    const a = rota(['replan', '-c', 'rota.json', '--previous', 'pub/timetable.csv', '--today', '2024-12-16', '--out', 'det1'], dir);
    const b = rota(['replan', '-c', 'rota.json', '--previous', 'pub/timetable.csv', '--today', '2024-12-16', '--out', 'det2'], dir);
    expect(a.stdout).toBe(b.stdout);
    for (const f of readdirSync(join(dir, 'det1'), { recursive: true, encoding: 'utf8' }).filter((p) => p.includes('.')))
      expect(readFileSync(join(dir, 'det2', f))).toEqual(readFileSync(join(dir, 'det1', f)));
  });

  it('without --today the clock says the round is past: nothing moves and the broken past day is reported', () => {
    const r = rota(['replan', '-c', 'rota.json', '--previous', 'pub/timetable.csv', '--json'], dir);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.today > '2024-12-26').toBe(true); // read from the clock: this test runs after the seed round
    expect(j.changes).toEqual([]);
    expect(r.stderr).toContain('不再改动');
    expect(r.stderr).toContain('王建国 2024-12-19 不可接访');
  });

  it('a pin that breaks a rule: exit 2, names the pin and the rule, writes nothing', () => {
    const r = rota(
      [
        'replan',
        '-c',
        'rota.json',
        '--previous',
        'pub/timetable.csv',
        '--today',
        '2024-12-16',
        '--pin',
        '2024-12-19=区委:王建国',
        '--out',
        'pinned',
      ],
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/锁定 2024-12-19 王建国 违反：「不在领导的不可接访日期安排/);
    expect(existsSync(join(dir, 'pinned'))).toBe(false);
    const bad = rota(['replan', '-c', 'rota.json', '--previous', 'pub/timetable.csv', '--pin', '12-19 王建国'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('应写成 日期=姓名');
  });

  it('a pin that keeps the rules holds, and is written to the 锁定 column', () => {
    const r = rota(
      ['replan', '-c', 'rota.json', '--previous', 'pub/timetable.csv', '--today', '2024-12-16', '--pin', '2024-12-19=刘芳', '--out', 'p2'],
      dir,
    );
    expect(r.code).toBe(0);
    const csv = rows(join(dir, 'p2', 'timetable.csv'));
    expect(csv[0]).toBe('日期,星期,类型,单位,姓名,职务,分管工作,地点,锁定');
    expect(csv.find((l) => l.startsWith('2024-12-19'))).toMatch(/,刘芳,.*,是$/);
  });

  it("a timetable outside the round's window is refused (exit 2)", () => {
    const r = rota(
      [
        'replan',
        '-c',
        'rota.json',
        '--from',
        '2025-01-02',
        '--to',
        '2025-01-31',
        '--previous',
        'pub/timetable.csv',
        '--today',
        '2025-01-02',
      ],
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不在本轮 2025-01-02 至 2025-01-31 内');
  });
});

describe('rota swap', () => {
  it('a broken swap: exit 1, the rule with people and days, the alternatives, the file untouched', () => {
    copyFileSync(join(dir, 'pub', 'timetable.csv'), join(dir, 's.csv'));
    const before = readFileSync(join(dir, 's.csv'));
    const r = rota(['swap', 's.csv', '2024-12-19', '2024-12-20', '-c', 'rota.json', '--today', '2024-12-10'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('违反「按 区委 → 区人大 → 区政府 → 区政协 → 区人民法院 → 区人民检察院 的顺序轮流接访');
    expect(r.stdout).toMatch(/2024-12-19 按顺序.*应由区委安排接访，却安排了区人大的/);
    expect(r.stdout).toMatch(/1\. 改由 (艾力·买买提|刘芳)/);
    expect(r.stderr).toContain('nothing was written');
    expect(readFileSync(join(dir, 's.csv'))).toEqual(before);
  });

  it('a valid substitution rewrites the CSV in place; --out writes the set with SEQUENCE from timetable.json', () => {
    copyFileSync(join(dir, 'pub', 'timetable.csv'), join(dir, 's2.csv'));
    const r = rota(['swap', 's2.csv', '2024-12-11', '--with', '艾力·买买提', '-c', 'rota.json', '--today', '2024-12-10'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2024-12-11：原 张志强（区委常委、宣传部部长） → 现 艾力·买买提（区委常委、政法委书记）');
    expect(row(join(dir, 's2.csv'), '2024-12-11')).toContain(',艾力·买买提,');
    expect(rows(join(dir, 's2.csv')).filter((l, i) => l !== rows(join(dir, 'pub', 'timetable.csv'))[i])).toHaveLength(1);
    const out = rota(
      ['swap', 'new/timetable.csv', '2024-12-20', '--with', '马晓军', '-c', 'rota.json', '--out', 'swapped', '--today', '2024-12-10'],
      dir,
    );
    // 马晓军 serves 12-12 already: broken (per-round maximum).
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('每名领导本轮最多安排 1 次');
    const ok = rota(
      ['swap', 'new/timetable.csv', '2024-12-20', '--with', '赵德胜', '-c', 'rota.json', '--out', 'swapped', '--today', '2024-12-10'],
      dir,
    );
    expect(ok.code).toBe(0);
    const ics = readFileSync(join(dir, 'swapped', 'timetable.ics'), 'utf8');
    expect(seqOf(ics, '2024-12-20').seq).toBe(1);
    expect(seqOf(ics, '2024-12-19').seq).toBe(1); // carried from new/timetable.json
    expect(seqOf(ics, '2024-12-11').seq).toBe(0);
    expect(readFileSync(join(dir, 'swapped', 'change-notice.txt'), 'utf8')).toContain(
      '2024-12-20：原 阿依古丽·吐尔逊（区人大常委会副主任） → 现 赵德胜（区人大常委会主任）',
    );
  });

  it('usage errors exit 2', () => {
    expect(rota(['swap', 'pub/timetable.csv', '2024-12-19', '-c', 'rota.json'], dir).code).toBe(2);
    const r = rota(['swap', 'pub/timetable.csv', '2024-12-19', '--with', '查无此人', '-c', 'rota.json', '--today', '2024-12-10'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('查无此人 不在领导名单中');
  });
});

describe('rota diff', () => {
  it('text, JSON and HTML of the same change', () => {
    const args = ['diff', 'pub/timetable.csv', 'new/timetable.csv', '-c', 'rota.json'];
    const t = rota(args, dir);
    expect(t.code).toBe(0);
    expect(t.stdout.split('\n').filter((l) => /^\d{4}-\d{2}-\d{2}：/.test(l))).toHaveLength(1);
    const j = JSON.parse(rota([...args, '--format', 'json'], dir).stdout);
    expect(j.changes.map((c: { date: string }) => c.date)).toEqual(['2024-12-19']);
    expect(t.stdout).toContain(j.changes[0].line);
    const h = rota([...args, '--format', 'html'], dir).stdout;
    expect(h).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(h).toContain('<h1>接访安排调整公告</h1>');
    expect(rota([...args, '--format', 'xml'], dir).code).toBe(2);
  });
});

describe('the published past stays as published', () => {
  it('a leader who served before today and has since left the list, or moved institution, does not stop replan', () => {
    const pub = join(dir, 'pub', 'timetable.csv');
    const first = row(pub, '2024-12-11').split(',');
    const [name, inst] = [first[4], first[3]];
    const list = readFileSync('fixtures/leaders.csv', 'utf8');
    const line = list.split(/\r?\n/).find((l) => l.startsWith(`${name},`))!;
    const left = join(dir, 'leaders-left.csv');
    writeFileSync(left, list.replace(`${line}\n`, '').replace(`${line}\r\n`, ''));
    const moved = join(dir, 'leaders-moved.csv');
    const other = inst === '区人大' ? '区政府' : '区人大';
    writeFileSync(moved, list.replace(line, line.replace(/^([^,]+),[^,]+,/, `$1,${other},`)));
    for (const leaders of [left, moved]) {
      const r = rota(['replan', '-c', 'fixtures/rota.json', '--leaders', leaders, '--previous', pub, '--today', '2024-12-18', '--json']);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as {
        duties: Array<{ date: string; name: string }>;
        changes: unknown[];
        report: { frozen: string[] };
      };
      expect(out.duties.find((d) => d.date === '2024-12-11')?.name).toBe(name);
      expect(out.report.frozen).toContain('2024-12-11');
      expect(out.changes).toEqual([]);
    }
  });

  it('substituting the leader already on a day is a no-op: exit 0, nothing written', () => {
    const pub = join(dir, 'pub', 'timetable.csv');
    const copy = join(dir, 'noop.csv');
    writeFileSync(copy, readFileSync(pub));
    const name = row(copy, '2024-12-11').split(',')[4];
    const same = rota(['swap', copy, '2024-12-11', '--with', name, '-c', 'fixtures/rota.json', '--today', '2024-12-10']);
    const self = rota(['swap', copy, '2024-12-11', '2024-12-11=' + name, '-c', 'fixtures/rota.json', '--today', '2024-12-10']);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('nothing changes');
    expect(self.code).toBe(2); // one day with itself is no swap at all
    expect(readFileSync(copy)).toEqual(readFileSync(pub));
  });
});
