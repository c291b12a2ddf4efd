// rota plan through the built CLI (npm test builds first): the bundled seed round, determinism,
// files written all or none, and exit codes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const rota = (args: string[]) => {
  const r = spawnSync('node', ['bin/rota.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'rota-plan-'));
interface JsonDuty {
  date: string;
  weekday: string;
  kind: string;
  institution: string;
  name: string;
  title: string;
  portfolio: string;
  place: string;
}

// Unavailable dates as written in fixtures/leaders.csv.
const AWAY: Record<string, string[]> = {
  王建国: ['2024-12-23', '2024-12-24'],
  刘芳: ['2024-12-11'],
  张志强: ['2024-12-19'],
  赵德胜: ['2024-12-12'],
  马晓军: ['2024-12-20'],
  陈立新: ['2024-12-13'],
  周海燕: ['2024-12-23'],
  热依拉·艾买提: ['2024-12-13'],
  买买提江·吐尔洪: ['2024-12-24'],
  巴特尔: ['2024-12-16'],
  何振华: ['2024-12-16', '2024-12-17', '2024-12-18'],
  许静: ['2024-12-25'],
  古丽娜·艾山: ['2024-12-26'],
};

describe('rota plan -c fixtures/rota.json (the seed round)', () => {
  const r = rota(['plan', '-c', 'fixtures/rota.json', '--json']);
  const out = JSON.parse(r.stdout) as {
    duties: JsonDuty[];
    report: {
      status: string;
      stillShort: Array<{ name: string; rule: string; period: string }>;
      otherPlans: Array<{ rule: string; periods: string[]; names: string[] }>;
      leftOut: Array<{ name: string; reason: string }>;
    };
  };

  it('exits 0 with 12 duties in the cycle order 区委 … 区人民检察院, twice', () => {
    expect(r.code).toBe(0);
    const order = ['区委', '区人大', '区政府', '区政协', '区人民法院', '区人民检察院'];
    expect(out.duties.map((d) => d.institution)).toEqual([...order, ...order]);
    expect(out.duties.map((d) => d.date.slice(5))).toEqual([
      '12-11',
      '12-12',
      '12-13',
      '12-16',
      '12-17',
      '12-18',
      '12-19',
      '12-20',
      '12-23',
      '12-24',
      '12-25',
      '12-26',
    ]);
    expect(Object.keys(out.duties[0])).toEqual(['date', 'weekday', 'kind', 'institution', 'name', 'title', 'portfolio', 'place']);
    expect(out.duties[0].place).toBe('区人民群众信访服务中心（克拉玛依市昆仑路585号）');
    expect(out.duties.every((d) => d.kind === '接访')).toBe(true);
  });

  it('nobody on an unavailable day, nobody twice, 李明 (正科级) never', () => {
    for (const d of out.duties) expect(AWAY[d.name] ?? []).not.toContain(d.date);
    expect(new Set(out.duties.map((d) => d.name)).size).toBe(12);
    expect(out.duties.some((d) => d.name === '李明')).toBe(false);
    expect(out.report.leftOut.find((l) => l.name === '李明')!.reason).toContain('正科级');
  });

  it('prefers leaders without a Q4 接访 in fixtures/history.csv (worked out by hand per institution)', () => {
    const on = (date: string) => out.duties.find((d) => d.date === date)!.name;
    // 区委: 王建国 and 张志强 have no Q4 duty; 张志强 is away 12-19, so he takes 12-11 and 王建国 12-19.
    expect([on('2024-12-11'), on('2024-12-19')]).toEqual(['张志强', '王建国']);
    // 区人大: only 马晓军 lacks one and is away 12-20, so he takes 12-12; 12-20 goes to one who served.
    expect(on('2024-12-12')).toBe('马晓军');
    expect(['赵德胜', '阿依古丽·吐尔逊']).toContain(on('2024-12-20'));
    // 区政府: 努尔兰·哈力木, 孙伟 (his 11-18 duty was a 下访) and 热依拉·艾买提 lack one: both days go to them.
    const gov = ['努尔兰·哈力木', '孙伟', '热依拉·艾买提'];
    expect(gov).toContain(on('2024-12-13'));
    expect(gov).toContain(on('2024-12-23'));
    // 区政协: 买买提江·吐尔洪 (away 12-24) and 巴特尔 (away 12-16).
    expect([on('2024-12-16'), on('2024-12-24')]).toEqual(['买买提江·吐尔洪', '巴特尔']);
    // 区人民法院: 库尔班·尼亚孜 then 何振华 (away 12-16~18); 许静 already served.
    expect([on('2024-12-17'), on('2024-12-25')]).toEqual(['库尔班·尼亚孜', '何振华']);
    // 区人民检察院: 古丽娜·艾山 (away 12-26) first; 12-26 only 黄志远 is left.
    expect([on('2024-12-18'), on('2024-12-26')]).toEqual(['古丽娜·艾山', '黄志远']);
    // Exactly one of 区政府's three is still without a duty this quarter, and nobody else.
    const quarterly = out.report.stillShort.filter((s) => s.rule === 'district-quarterly');
    expect(quarterly).toHaveLength(1);
    expect(gov).toContain(quarterly[0].name);
    // The checker's monthly rule, left for the county's plan: the 8 eligible leaders not on the timetable
    // have no December record.
    expect(out.report.stillShort.map((s) => s.rule)).toEqual(['district-quarterly']);
    expect(out.report.otherPlans.map((o) => [o.rule, o.periods])).toEqual([['county-monthly', ['2024-12']]]);
    const monthly = [...out.report.otherPlans[0].names].sort();
    const serving = new Set(out.duties.map((d) => d.name));
    const eligibleNames = [
      '王建国',
      '艾力·买买提',
      '刘芳',
      '张志强',
      '赵德胜',
      '阿依古丽·吐尔逊',
      '马晓军',
      '陈立新',
      '努尔兰·哈力木',
      '周海燕',
      '孙伟',
      '热依拉·艾买提',
      '买买提江·吐尔洪',
      '杨丽',
      '巴特尔',
      '何振华',
      '许静',
      '库尔班·尼亚孜',
      '古丽娜·艾山',
      '黄志远',
    ];
    expect(monthly).toEqual(eligibleNames.filter((n) => !serving.has(n)).sort());
    expect(monthly).toHaveLength(8);
    // 李明 (正科级) falls under the weekly 乡科级 rule, which a district round never serves: not listed.
    expect(out.report.otherPlans.some((o) => o.rule === 'township-weekly')).toBe(false);
  });

  it('the table names the left-out, what the round achieves and what remains for other plans', () => {
    const t = rota(['plan', '-c', 'fixtures/rota.json']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('2024-12-11  星期三  区委');
    expect(t.stdout).toContain('李明（区委，正科级）');
    expect(t.stdout).toContain('what this timetable achieves\n  [district-quarterly]');
    expect(t.stdout).toContain('what remains for other plans (1)\n  [county-monthly]');
    expect(t.stdout).not.toContain('township-weekly');
  });

  it('in colour when forced (chalk, loaded only then): the same text with the title in bold', () => {
    const plain = rota(['plan', '-c', 'fixtures/rota.json']);
    const r = spawnSync('node', ['bin/rota.js', 'plan', '-c', 'fixtures/rota.json'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '1' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\u001b[1m克拉玛依区2024年第四轮领导干部接访安排表');
    expect(r.stdout.replace(/\u001b\[\d+m/g, '')).toBe(plain.stdout);
  });
});

describe('determinism and files', () => {
  it('two runs give identical bytes (stdout and --out files); --seed changes only ties', () => {
    const [a, b] = [tmp(), tmp()];
    const r1 = rota(['plan', '-c', 'fixtures/rota.json', '--out', a, '--json']);
    const r2 = rota(['plan', '-c', 'fixtures/rota.json', '--out', b, '--json']);
    expect(r1.code).toBe(0);
    expect(r1.stdout).toBe(r2.stdout);
    const files = ['timetable.csv', 'timetable.docx', 'timetable.html', 'timetable.ics', 'timetable.json', '送审稿.docx'];
    expect(readdirSync(a).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f)))).toBe(true);
    const csv = readFileSync(join(a, 'timetable.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF日期,星期,类型,单位,姓名,职务,分管工作,地点\r\n2024-12-11,星期三,接访,区委,张志强,')).toBe(true);
    const json = JSON.parse(readFileSync(join(a, 'timetable.json'), 'utf8'));
    expect(json.inputs.files.map((f: { path: string }) => f.path)).toEqual([
      'fixtures/rota.json',
      'fixtures/leaders.csv',
      'fixtures/history.csv',
    ]);
    // The digest of the bytes the plan was made from (read once, kept for it), as node:crypto hashes the files.
    const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
    for (const f of json.inputs.files as { path: string; sha256: string }[]) expect(f.sha256).toBe(sha256(readFileSync(f.path)));
    expect(json.inputs.sha256).toBe(
      sha256(json.inputs.files.map((f: { path: string; sha256: string }) => `${f.path}\u0000${f.sha256}\n`).join('')),
    );
    expect(json.config.perDay).toBe(1);
  });

  it('infeasible: exit 1, the cause on stderr, no files; --best-effort writes and lists the break', () => {
    const dir = tmp();
    const leaders = join(dir, 'leaders.csv');
    writeFileSync(
      leaders,
      readFileSync('fixtures/leaders.csv', 'utf8')
        .replace(
          '库尔班·尼亚孜,区人民法院,区人民法院副院长,副处级,刑事审判、行政审判,',
          '库尔班·尼亚孜,区人民法院,区人民法院副院长,副处级,刑事审判、行政审判,2024-12-17',
        )
        .replace(
          '许静,区人民法院,区人民法院副院长,副处级,民事审判、执行、涉诉信访,2024-12-25',
          '许静,区人民法院,区人民法院副院长,副处级,民事审判、执行、涉诉信访,2024-12-17',
        ),
    );
    const out = join(dir, 'out');
    const r = rota(['plan', '-c', 'fixtures/rota.json', '--leaders', leaders, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      '区人民法院 needs leaders on 2024-12-17 and 2024-12-25 but none of its 3 eligible leaders is available on 2024-12-17',
    );
    expect(r.stderr).toContain('何振华：不可接访 12-16~12-18');
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    const b = rota(['plan', '-c', 'fixtures/rota.json', '--leaders', leaders, '--out', out, '--best-effort', '--json']);
    expect(b.code).toBe(0);
    expect(b.stderr).toContain('2024-12-17（区人民法院）只有 0 名领导接访');
    const j = JSON.parse(b.stdout);
    expect(j.report.status).toBe('best-effort');
    expect(j.duties).toHaveLength(11);
    expect(existsSync(join(out, 'timetable.csv'))).toBe(true);
  });

  it('a bad --seed is bad input: exit 2, no stack trace', () => {
    const r = rota(['plan', '-c', 'fixtures/rota.json', '--seed', 'abc']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('seed');
    expect(r.stderr).not.toContain('    at ');
  });
});
