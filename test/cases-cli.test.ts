// rota cases and rota who end to end through the built CLI: import (Excel's encodings, the office's own
// columns, errors by file, line and column, nothing written on error), check's exit codes, the masked
// export, retention, and a scan that no resident's name, phone or ID number reaches any output but the ledger.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'rota-cases-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROTA = join(process.cwd(), 'bin/rota.js');
function rota(args: string[], cwd = dir) {
  const r = spawnSync('node', [ROTA, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ROTA_CASES_DB: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
  return p;
};

/** Distinctive fake personal data: any of these strings in an output is a leak. */
const SECRETS = ['甄测试', '13912345678', '650102199001011234', '贾样例', '13987654321', '65010219850505123X', '幸福路88号'];
const HEADER = '来访日期,来访人,联系方式,身份证号,住址,主要问题,接访领导,责任单位,受理日期,办结日期,经办人';
const LEDGER = [
  HEADER,
  '2024-12-11,甄测试,13912345678,650102199001011234,幸福路88号,拖欠工资三个月,努尔兰·哈力木,区人社局,2024-12-12,,小王',
  '2024-12-12,贾样例,13987654321,65010219850505123X,,小区漏水,阿依古丽·吐尔逊,区住建局,2024-12-12,2024-12-20,小李',
  '2024-12-13,路人丙,,,,噪音扰民,努尔兰·哈力木,,,,',
].join('\r\n');

describe('rota cases import', () => {
  it('reads a GB18030 ledger from Excel, keeps the office column, and updates rather than duplicates on a second import', () => {
    const db = join(dir, 'gb.sqlite');
    const csv = file('gb.csv', iconv.encode(LEDGER, 'gb18030'));
    const r = rota(['cases', 'import', csv, '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('新增 3');
    expect(rota(['cases', 'import', csv, '--db', db]).stdout).toContain('新增 0，更新 0，未变 3');
    const out = join(dir, 'gb-export.csv');
    expect(rota(['cases', 'export', '--db', db, '--out', out]).code).toBe(0);
    const rows = parse(readFileSync(out, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((x) => x.经办人)).toEqual(['小王', '小李', '']);
    expect(rows.map((x) => x.状态)).toEqual(['办理中', '办结', '登记']);
  });

  it('reads UTF-16 "Unicode 文本" (tab-separated) the same', () => {
    const db = join(dir, 'u16.sqlite');
    const text = LEDGER.replaceAll(',', '\t');
    const csv = file('u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = rota(['cases', 'import', csv, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('新增 3');
  });

  it('names file, line and column of every error at once, exits 2 and writes nothing', () => {
    const db = join(dir, 'bad.sqlite');
    const csv = file(
      'bad.csv',
      `${HEADER}\r\n2024-12-11,甄测试,13912345678,6501021990,,工资,努尔兰·哈力木,,,,\r\n2024-12-40,贾样例,,,,漏水,,,,,\r\n`,
    );
    const r = rota(['cases', 'import', csv, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${csv}:2: 身份证号有 10 个字符`);
    expect(r.stderr).toContain(`${csv}:3: 来访日期:`);
    expect(r.stderr).toContain(`${csv}:3: 接访领导 不能为空`);
    expect(r.stderr).toContain('3 处错误');
    expect(r.stderr).not.toMatch(/at .*\.cjs/);
    expect(existsSync(db)).toBe(false);
  });

  it('refuses a ledger that would move a matter back, and keeps the stored one', () => {
    const db = join(dir, 'back.sqlite');
    const closed = file('closed.csv', `${HEADER}\r\n2024-12-12,贾样例,,,,小区漏水,阿依古丽·吐尔逊,区住建局,2024-12-12,2024-12-20,\r\n`);
    const open = file('open.csv', `${HEADER}\r\n2024-12-12,贾样例,,,,小区漏水,阿依古丽·吐尔逊,区住建局,2024-12-12,,\r\n`);
    expect(rota(['cases', 'import', closed, '--db', db]).code).toBe(0);
    const r = rota(['cases', 'import', open, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('已是“办结”');
    expect(rota(['cases', 'check', '--db', db, '--today', '2025-06-01']).stdout).toContain('办结 1');
  });

  it('will not keep the ledger inside a published folder', () => {
    const pub = join(dir, 'pub');
    file('pub/timetable.json', '{}');
    const r = rota(['cases', 'import', file('one.csv', LEDGER), '--db', join(pub, 'cases.sqlite')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('发布文件夹');
    expect(existsSync(join(pub, 'cases.sqlite'))).toBe(false);
  });
});

describe('rota cases check', () => {
  const db = join(dir, 'check.sqlite');
  it('exits 0 listing what is due soon, and 1 naming the overdue matter by number and leader only', () => {
    expect(rota(['cases', 'import', file('check.csv', LEDGER), '--db', db]).code).toBe(0);
    const soon = rota(['cases', 'check', '--db', db, '--today', '2025-02-05']);
    expect(soon.code).toBe(0);
    expect(soon.stdout).toMatch(
      /即将到期 due soon: 事项 20241211-[0-9a-f]{6}（包案领导 努尔兰·哈力木，责任单位 区人社局）办理期限至 2025-02-10，还有 5 天/,
    );
    const late = rota(['cases', 'check', '--db', db, '--today', '2025-02-12']);
    expect(late.code).toBe(1);
    expect(late.stdout).toMatch(
      /超期 overdue: 事项 20241211-[0-9a-f]{6}（包案领导 努尔兰·哈力木，责任单位 区人社局）办理期限至 2025-02-10，已超期 2 天/,
    );
  });
  it('exits 2 on a bad --today', () => {
    expect(rota(['cases', 'check', '--db', db, '--today', '2025-02-30']).code).toBe(2);
  });
});

describe('rota cases export and purge', () => {
  const db = join(dir, 'export.sqlite');
  it('masks ID numbers unless --unmasked, and an edited masked export imports back without losing the number', () => {
    expect(rota(['cases', 'import', file('export.csv', LEDGER), '--db', db]).code).toBe(0);
    const masked = join(dir, 'out', 'masked.csv');
    expect(rota(['cases', 'export', '--db', db, '--out', masked]).code).toBe(0);
    const text = readFileSync(masked, 'utf8');
    expect(text).toContain('6501**********1234');
    expect(text).toContain('6501**********123X');
    expect(text).not.toContain('650102199001011234');
    expect(rota(['cases', 'import', masked, '--db', db]).stdout).toContain('未变 3');
    const full = join(dir, 'out', 'full.csv');
    expect(rota(['cases', 'export', '--db', db, '--out', full, '--unmasked']).code).toBe(0);
    expect(readFileSync(full, 'utf8')).toContain('650102199001011234');
  });
  it('deletes closed matters concluded more than N years before today, and nothing else', () => {
    expect(rota(['cases', 'purge', '--db', db, '--keep-years', '3', '--today', '2027-12-20']).stdout).toContain('的 0 件');
    expect(rota(['cases', 'purge', '--db', db, '--keep-years', '3', '--today', '2027-12-21']).stdout).toContain('的 1 件');
    expect(rota(['cases', 'check', '--db', db, '--today', '2024-12-21']).stdout).toContain('台帐共 2 件');
  });
});

describe('rota who', () => {
  it('answers the matching duty after the day, else the next one', () => {
    const hit = rota(['who', join(process.cwd(), 'fixtures/timetable.csv'), '--topic', '拆迁', '--after', '2024-12-11']);
    expect(hit.code).toBe(0);
    expect(hit.stdout).toContain('2024-12-13（星期五）努尔兰·哈力木（区政府，副区长），分管：征地拆迁、城市建设、住房保障');
    expect(hit.stdout).toContain('对口');
    const next = rota(['who', join(process.cwd(), 'fixtures/timetable.csv'), '--topic', '欠薪', '--after', '2024-12-13']);
    expect(next.stdout).toContain('2024-12-16（星期一）买买提江·吐尔洪');
    expect(next.stdout).toContain('最近的接访日');
    expect(rota(['who', join(process.cwd(), 'fixtures/timetable.csv'), '--topic', '欠薪', '--after', '2024-12-26']).code).toBe(1);
  });
});

describe('privacy scan', () => {
  it('no resident name, phone or ID number in any stdout, stderr or written file (report included) but the ledger and its export', () => {
    const work = join(dir, 'scan');
    mkdirSync(work);
    const db = join(work, 'cases.sqlite');
    const ledger = join(work, 'ledger.csv');
    writeFileSync(ledger, LEDGER);
    const badCells = `${HEADER}\r\n2024-12-11,甄测试,13912345678,65010219900101123,幸福路88号,工资,努尔兰·哈力木,,2024-12-01,,\r\n`;
    writeFileSync(join(work, 'bad.csv'), badCells);
    const runs = [
      ['cases', 'import', ledger, '--db', db],
      ['cases', 'import', join(work, 'bad.csv'), '--db', db],
      ['cases', 'check', '--db', db, '--today', '2025-03-01'],
      ['cases', 'check', '--db', db, '--today', '2025-01-01'],
      ['cases', 'export', '--db', db, '--out', join(work, 'export.csv')],
      ['cases', 'purge', '--db', db, '--keep-years', '5', '--today', '2025-03-01'],
      ['cases', 'import', ledger, '--db', join(work, 'pub-folder', 'x.sqlite')],
      ['report', join(process.cwd(), 'fixtures/records-2024.csv'), '-c', join(process.cwd(), 'fixtures/rota.json')].concat([
        '--leaders',
        join(process.cwd(), 'fixtures/leaders.csv'),
        '--year',
        '2024',
        '--out',
        join(work, 'report'),
        '--cases',
        db,
      ]),
    ];
    file('scan/pub-folder/timetable.json', '{}');
    const printed = runs.map((args) => rota(args, work)).flatMap((r) => [r.stdout, r.stderr]);
    const allowed = new Set([ledger, db, join(work, 'export.csv')]);
    const written = readdirSync(work, { recursive: true, encoding: 'utf8' })
      .map((f) => join(work, f))
      .filter((f) => statSync(f).isFile() && !allowed.has(f) && !f.endsWith('bad.csv'));
    for (const text of [...printed, ...written.map((f) => readFileSync(f, 'utf8'))]) {
      for (const s of SECRETS) expect(text).not.toContain(s);
      expect(text).not.toContain('65010219900101123');
    }
    // The masked export holds no ID number in full either.
    const exported = readFileSync(join(work, 'export.csv'), 'utf8');
    for (const id of ['650102199001011234', '65010219850505123X']) expect(exported).not.toContain(id);
  });
});

describe('rota report --cases', () => {
  it('adds per leader the residents received, matters taken, closed on time and overdue, and lists a leader the list lacks', () => {
    const db = join(dir, 'report.sqlite');
    const ledger = file(
      'report.csv',
      [
        '来访日期,来访人,身份证号,主要问题,接访领导,责任单位,受理日期,办结日期',
        '2024-03-11,甄测试,650102199001011234,工资,王建国,区人社局,2024-03-12,2024-04-20',
        '2024-03-11,甄测试,650102199001011234,社保,王建国,区人社局,2024-03-12,2024-06-20',
        '2024-10-02,贾样例,,漏水,王建国,区住建局,2024-10-03,',
        '2024-05-02,某某,,噪音,不在名单,,,',
        '2023-05-02,某某,,噪音,王建国,,,',
      ].join('\n'),
    );
    expect(rota(['cases', 'import', ledger, '--db', db]).code).toBe(0);
    const out = join(dir, 'report');
    const cwd = process.cwd();
    const args = [
      'report',
      join(cwd, 'fixtures/records-2024.csv'),
      '--leaders',
      join(cwd, 'fixtures/leaders.csv'),
      '-c',
      join(cwd, 'fixtures/rota.json'),
    ];
    const r = rota([...args, '--year', '2024', '--out', out, '--cases', db]);
    expect(r.code).toBe(0);
    const rows = parse(readFileSync(join(out, 'report-2024-cases.csv'), 'utf8'), { bom: true, columns: true }) as Array<
      Record<string, string>
    >;
    // 王建国: two residents, three matters of 2024; 04-20 within 60 days of 03-12, 06-20 not, 10-03's still open at year end.
    expect(rows.find((x) => x.姓名 === '王建国')).toMatchObject({ 接待群众: '2', 包案: '3', 按期办结: '1', 超期: '2' });
    expect(rows.at(-1)).toMatchObject({ 单位: '', 姓名: '不在名单', 包案: '1' });
    const html = readFileSync(join(out, 'report-2024.html'), 'utf8');
    expect(html).toContain('谁接访、谁包案');
    for (const s of ['甄测试', '贾样例', '650102199001011234']) expect(html + r.stdout + r.stderr).not.toContain(s);
    // Without --cases the report is as before: no cases file, no ledger table.
    const plain = join(dir, 'report-plain');
    expect(rota([...args, '--year', '2024', '--out', plain]).code).toBe(0);
    expect(existsSync(join(plain, 'report-2024-cases.csv'))).toBe(false);
    expect(readFileSync(join(plain, 'report-2024.html'), 'utf8')).not.toContain('谁接访、谁包案');
  });
});
