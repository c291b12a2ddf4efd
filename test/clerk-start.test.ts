// A clerk's first hour (issue 12): init's examples plan as written for 区, 乡, 镇 and 街道; a holidays
// file's change is said in the plan; ./rota.json is used without -c; usage errors exit 2.
// End to end through the built CLI (npm test builds first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInstitution } from '../src/core/institutions.js';
import { TOWNSHIP_INSTITUTIONS, TOWNSHIP_INSTITUTIONS_BY_KIND } from '../src/core/presets.js';

const BIN = join(process.cwd(), 'bin/rota.js');
const rota = (args: string[], cwd = process.cwd()) => {
  const r = spawnSync('node', [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const fresh = () => mkdtempSync(join(tmpdir(), 'rota-clerk-'));
interface PlanJson {
  duties: Array<{ date: string; institution: string }>;
}

describe('rota init: the example plans as written', () => {
  it('district: 12 working days, 12 duties, nothing taken away by holidays.csv', () => {
    const dir = fresh();
    expect(rota(['init', dir]).code).toBe(0);
    expect(readFileSync(join(dir, 'holidays.csv'), 'utf8').trim()).toBe('日期,类型,名称');
    const p = rota(['plan', '-c', 'rota.json', '--json'], dir);
    expect(p.code).toBe(0);
    const duties = (JSON.parse(p.out) as PlanJson).duties;
    expect(duties).toHaveLength(12);
    expect(new Set(duties.map((d) => d.date)).size).toBe(12);
  });
  it.each([
    ['乡', ['乡党委', '乡人大', '乡政府']],
    ['镇', ['镇党委', '镇人大', '镇政府']],
    ['街道', ['街道党工委', '街道人大工委', '街道办事处']],
  ])('township --kind %s names its own institutions, and its example plans under them', (kind, names) => {
    const dir = fresh();
    const i = rota(['init', dir, '--preset', 'township', '--kind', kind]);
    expect(i.code).toBe(0);
    expect(i.out).toContain('holidays.csv');
    const cfg = JSON.parse(readFileSync(join(dir, 'rota.json'), 'utf8'));
    expect(cfg.institutions.map((x: { name: string }) => x.name)).toEqual(names);
    expect(cfg.title.startsWith(kind)).toBe(true);
    const p = rota(['plan', '--json'], dir);
    expect(p.code).toBe(0);
    const used = new Set((JSON.parse(p.out) as PlanJson).duties.map((d) => d.institution));
    expect([...used].every((u) => names.includes(u))).toBe(true);
  });
  it('--kind belongs to the township preset only', () => {
    const r = rota(['init', fresh(), '--kind', '镇']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^--kind 不能与 --preset district 同时使用/);
  });
});

describe('镇 and 街道 are never filed under 乡', () => {
  it.each(['镇党委', '街道党工委', '镇政府', '街道办事处'])('%s is unknown to a 乡 office', (text) => {
    expect(resolveInstitution(text, TOWNSHIP_INSTITUTIONS)).toBeUndefined();
  });
  it.each([
    ['乡纪委', '乡', '乡党委'],
    ['镇纪委', '镇', '镇党委'],
    ['街道纪工委', '街道', '街道党工委'],
    ['中共小拐乡委员会', '乡', '乡党委'],
    ['某某镇人民政府', '镇', '镇政府'],
  ] as const)('%s → %s office files it under %s', (text, kind, name) => {
    expect(resolveInstitution(text, TOWNSHIP_INSTITUTIONS_BY_KIND[kind])).toBe(name);
  });
  it('a 镇 leader list in a 乡 configuration is an error naming how to fix it', () => {
    const dir = fresh();
    rota(['init', dir, '--preset', 'township']);
    const leaders = join(dir, 'leaders.csv');
    writeFileSync(leaders, readFileSync(leaders, 'utf8').replace('乡党委', '镇党委'));
    const r = rota(['leaders'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('leaders.csv:2: 单位: 不认识的单位“镇党委”；请写 乡党委、乡人大、乡政府 之一');
    expect(r.err).toContain('rota init --preset township --kind 镇');
  });
});

describe('the plan says what the holidays file changed', () => {
  it('已按 holidays.csv 去掉 2024-12-20（本地活动）, and 11 days are planned', () => {
    const dir = fresh();
    rota(['init', dir]);
    writeFileSync(join(dir, 'holidays.csv'), '日期,类型,名称\n2024-12-20,休息,本地活动\n');
    const r = rota(['plan', '-c', 'rota.json'], dir);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(
      '已按 holidays.csv 去掉 2024-12-20（本地活动）；若不对，请改 holidays.csv。holidays.csv took 1 working day(s) away and added 0',
    );
    expect(r.out).toContain('11 个工作日');
  });
});

describe('the configuration in the folder', () => {
  it('every command uses ./rota.json without -c and says so', () => {
    const dir = fresh();
    rota(['init', dir]);
    for (const args of [['leaders'], ['calendar'], ['plan']]) {
      const r = rota(args, dir);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.err).toContain('使用当前文件夹的配置文件 rota.json (using ./rota.json)');
    }
    expect(rota(['leaders'], dir).out).toContain('共 12 名领导');
  });
  it('the calendar names its region and where it came from', () => {
    expect(rota(['calendar']).out.split('\n')[0]).toBe(
      '地区 region: 新疆维吾尔自治区（xinjiang：全国节假日加肉孜节、古尔邦节），按 内置默认（种子轮次） the built-in seed round',
    );
  });
  it('rota leaders with no list at all is a usage error', () => {
    const r = rota(['leaders'], fresh());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^没有领导名单；/);
  });
  it('check --leaders a.csv b.csv: b.csv is not taken for records, and the message says how to give two lists', () => {
    const r = rota(['check', '--leaders', 'fixtures/leaders.csv', 'fixtures/leaders.csv', '--year', '2024']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('这像是领导名单，不是接访记录：几个名单请写 --leaders a.csv --leaders b.csv');
  });
  it('a 2023 date in xinjiang says exactly what is missing', () => {
    const r = rota(['calendar', '--from', '2023-03-01', '--to', '2023-03-02']);
    expect(r.err).toContain('2023年的自治区肉孜节、古尔邦节放假安排尚未收录（国务院的节假日和调休已计入）');
    expect(r.err).not.toContain('只按周末计算');
  });
});

describe("the README's replan and swap examples run on the bundled files", () => {
  it('replan after 艾力·买买提 falls ill (fixtures/leaders-ill.csv, 12月17日至20日): one day changes', () => {
    const out = fresh();
    const r = rota([
      'replan',
      '-c',
      'fixtures/rota.json',
      '--leaders',
      'fixtures/leaders-ill.csv',
      '--previous',
      'fixtures/timetable.csv',
      '--today',
      '2024-12-16',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2024-12-19：原 艾力·买买提（区委常委、政法委书记） → 现 刘芳（区委常委、组织部部长）');
  });
  it('swap 2024-12-19 with 张志强 is refused, naming the rule and the best alternative', () => {
    const r = rota([
      'swap',
      'fixtures/timetable.csv',
      '2024-12-19',
      '--with',
      '张志强',
      '-c',
      'fixtures/rota.json',
      '--today',
      '2024-12-16',
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('张志强 2024-12-19 不可接访（不可接访日期：2024-12-19）');
    expect(r.out).toContain('1. 改由 刘芳（区委常委、组织部部长）接访');
  });
});
