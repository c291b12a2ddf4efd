// rota check and rota report end to end through the built CLI: exit codes, stdout, stderr, files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'rota-check-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rota(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync('node', ['bin/rota.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const fixture = readFileSync('fixtures/records-2024.csv', 'utf8');
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
// The fixture's only gap: 艾力·买买提 has no duty in November 2024. Fill it for a compliant file.
const compliant = file('compliant.csv', `${fixture}2024-11-20,星期三,下访,区委,艾力·买买提,区委常委、政法委书记,小拐乡小拐村\r\n`);
const LEADERS = ['--leaders', 'fixtures/leaders.csv', '-c', 'fixtures/rota.json'];
const junit = (xml: string) =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (n) => ['testsuite', 'testcase', 'failure'].includes(n),
  }).parse(xml);

describe('rota check exit codes', () => {
  it('exits 0 and passes every JUnit testcase when the records comply', () => {
    const r = rota(['check', compliant, ...LEADERS, '--format', 'junit']);
    expect(r.code).toBe(0);
    expect(junit(r.stdout).testsuites.failures).toBe('0');
  });
  it('exits 1 with a readable JUnit failure when one leader misses one month', () => {
    const r = rota(['check', 'fixtures/records-2024.csv', ...LEADERS, '--format', 'junit']);
    expect(r.code).toBe(1);
    const doc = junit(r.stdout);
    expect(doc.testsuites.failures).toBe('1');
    const failed = doc.testsuites.testsuite
      .flatMap((s: { testcase?: Array<{ failure?: Array<{ message: string }> }> }) => s.testcase ?? [])
      .flatMap((t: { failure?: Array<{ message: string }> }) => t.failure ?? []);
    expect(failed.map((f: { message: string }) => f.message)).toEqual([
      '艾力·买买提 区委常委、政法委书记 县处级: 2024-11 有 0 次，少于规定的至少 1 次（接访/下访）。2024-11 has 0 of at least 1',
    ]);
  });
  it('prints the missing month in text, then the summary line', () => {
    const r = rota(['check', 'fixtures/records-2024.csv', ...LEADERS]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '艾力·买买提 区委常委、政法委书记 县处级: 2024-11 有 0 次，少于规定的至少 1 次（接访/下访）。2024-11 has 0 of at least 1',
    );
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^不合规 NOT compliant — 2024-01-01 至 2024-12-31：21 名领导/);
    expect(r.stdout).not.toContain('\u001b[');
  });
  it('respects NO_COLOR even when colour is forced', () => {
    const r = rota(['check', 'fixtures/records-2024.csv', ...LEADERS], { FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(r.stdout).not.toContain('\u001b[');
    const coloured = rota(['check', 'fixtures/records-2024.csv', ...LEADERS], { FORCE_COLOR: '1', NO_COLOR: '' });
    expect(coloured.stdout).toContain('\u001b[');
  });
  it('exits 2 naming file and line for a person not in the list, a weekend and a duplicate; --lenient goes on', () => {
    const bad = file(
      'bad.csv',
      '日期,类型,单位,姓名\n2024-11-05,接访,区委,王建国\n2024-11-09,接访,区委,王建国\n2024-11-05,接访,区委,王建国\n2024-11-06,接访,区委,无名氏\n2024-11-07,走访,区委,王建国\n',
    );
    const r = rota(['check', bad, ...LEADERS, '--from', '2024-11-01', '--to', '2024-11-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:3: 日期: 2024-11-09 不是工作日（周六）`);
    expect(r.stderr).toContain(`${bad}:4: 与 ${bad}:2 重复`);
    expect(r.stderr).toContain(`${bad}:5: 姓名: 无名氏（区委） 不在领导名单中`);
    expect(r.stderr).toContain(
      `${bad}:6: 类型: 不认识的类型“走访”；请写 接访 或 下访（空着按 接访）；不是当面接访的写 视频接访、电话接访、集中接访 或 约访。unknown activity kind "走访"`,
    );
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    const lenient = rota(['check', bad, ...LEADERS, '--from', '2024-11-01', '--to', '2024-11-30', '--lenient']);
    expect(lenient.code).toBe(1); // the others have no November record
    expect(lenient.stderr).toContain('警告 warning');
  });
  it('--format json gives the totals and the violations only; --detail adds every judged entry and its records', () => {
    const compact = rota(['check', 'fixtures/records-2024.csv', ...LEADERS, '--year', '2024', '--format', 'json']);
    expect(compact.code).toBe(1);
    const c = JSON.parse(compact.stdout);
    expect(Object.keys(c)).toEqual(['summary', 'rules', 'problems', 'violations']);
    // The fixture's one gap: 艾力·买买提's November, without the records list a violation has none of.
    expect(c.violations).toEqual([expect.objectContaining({ name: '艾力·买买提', period: '2024-11', status: 'short', count: 0 })]);
    expect(c.violations[0]).not.toHaveProperty('records');
    const detail = JSON.parse(
      rota(['check', 'fixtures/records-2024.csv', ...LEADERS, '--year', '2024', '--format', 'json', '--detail']).stdout,
    );
    expect(Object.keys(detail)).toEqual(['summary', 'rules', 'problems', 'violations', 'results']);
    expect(detail.results).toHaveLength(detail.summary.judged + detail.summary.exempt + detail.summary.notJudged);
    expect(detail.results.find((r: { status: string }) => r.status === 'ok').records.length).toBeGreaterThan(0);
    expect(compact.stdout.length * 20).toBeLessThan(JSON.stringify(detail, null, 2).length);
  });
  it('writes GitHub annotations pointing at the faulty record line', () => {
    const bad = file('gh.csv', '日期,姓名\n2024-11-05,无名氏\n');
    const r = rota(['check', bad, ...LEADERS, '--format', 'github', '--from', '2024-11-01', '--to', '2024-11-30']);
    expect(r.code).toBe(2);
    const m = /^::error file=([^,]+),line=(\d+),title=[^:]+::(.*)$/m.exec(r.stdout)!;
    expect([m[1], m[2]]).toEqual([bad, '2']);
    expect(m[3]).toContain('无名氏');
  });
  it('exits 2 on usage and unreadable input, without a stack trace', () => {
    expect(rota(['check', compliant, ...LEADERS, '--format', 'xml']).code).toBe(2);
    expect(rota(['check', compliant]).code).toBe(2); // no leader list anywhere
    const missing = rota(['check', join(dir, 'nope.csv'), ...LEADERS]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.csv: 无法读取文件：没有这个文件；');
    expect(missing.stderr).toContain('cannot read the file: no such file');
    const noName = rota(['check', file('nohead.csv', '日期,类型\n2024-11-05,接访\n'), ...LEADERS]);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain('缺少必填列 姓名');
    const mixed = Buffer.concat([
      Buffer.from('日期,姓名\n2024-11-05,王建国\n'),
      Buffer.alloc(70_000, 0x20),
      Buffer.from([0xff, 0xfe, 0x0a]),
    ]);
    const broken = rota(['check', file('mixed.csv', mixed), ...LEADERS]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('不是有效的 UTF-8');
  });
});

describe('rota check inputs', () => {
  it('reads records saved by Excel as GB18030 and as UTF-16 text', () => {
    const gb = file('gb.csv', iconv.encode(fixture.replace(/^\uFEFF/, ''), 'gb18030'));
    expect(rota(['check', gb, ...LEADERS, '--format', 'json']).code).toBe(1);
    const tsv = fixture.replace(/^\uFEFF/, '').replace(/,/g, '\t');
    const u16 = file('u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]));
    const out = JSON.parse(rota(['check', u16, ...LEADERS, '--format', 'json']).stdout);
    expect(out.summary).toMatchObject({ short: 1, records: 292 });
  });
  it('passes over a title row above the header, as plan reads lists, on the fast path and the general one', () => {
    const body = fixture.replace(/^\uFEFF/, '');
    const plain = file('titled.csv', `克拉玛依区2024年接访记录\r\n${body}`);
    const quoted = file('titled-quoted.csv', `\uFEFF"克拉玛依区2024年接访记录",,,\r\n\r\n${body}2024-12-40,,,,王五,,,\r\n`);
    const out = JSON.parse(rota(['check', plain, ...LEADERS, '--format', 'json']).stdout);
    expect(out.summary).toMatchObject({ short: 1, records: 292 });
    const bad = rota(['check', quoted, ...LEADERS]);
    expect(bad.code).toBe(2);
    // The bad row's own line: title, blank line, header and 292 records above it.
    expect(bad.stderr).toContain(`${quoted}:296`);
    expect(bad.stderr).toContain('输入有 1 个错误');
  });
  it('takes leaves into account and says so', () => {
    const leaves = file('leaves.csv', '姓名,开始,结束,事由\n艾力·买买提,2024-11-01,2024-11-30,病假\n');
    const r = rota(['check', 'fixtures/records-2024.csv', ...LEADERS, '--leaves', leaves, '--format', 'json', '--detail']);
    expect(r.code).toBe(0);
    const nov = JSON.parse(r.stdout).results.find(
      (x: { name: string; period: string }) => x.name === '艾力·买买提' && x.period === '2024-11',
    );
    expect(nov.status).toBe('exempt');
    expect(nov.reason).toContain('病假 2024-11-01~2024-11-30');
    const unknown = rota([
      'check',
      'fixtures/records-2024.csv',
      ...LEADERS,
      '--leaves',
      file('l2.csv', '姓名,开始,结束\n某某,2024-11-01,2024-11-30\n'),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('l2.csv:2: 姓名: 某某 不在领导名单中');
  });
  it('reads rules from a {"rules": [...]} file, validated like the configuration', () => {
    const yearly = file(
      'rules.json',
      JSON.stringify({
        rules: [{ id: 'yearly', description: '每年接访不少于12次', who: { ranks: ['正处级'] }, kinds: ['接访'], period: 'year', min: 12 }],
      }),
    );
    const out = JSON.parse(
      rota(['check', 'fixtures/records-2024.csv', ...LEADERS, '--rules', yearly, '--format', 'json', '--detail']).stdout,
    );
    // fixtures/leaders.csv has five 正处级 leaders (赵德胜, 陈立新, 买买提江·吐尔洪, 何振华, 古丽娜·艾山);
    // each has one 接访 per quarter in the fixture: 4 of at least 12.
    expect(out.results.map((r: { name: string; status: string; count: number }) => `${r.name} ${r.status} ${r.count}`).sort()).toEqual(
      ['赵德胜', '陈立新', '买买提江·吐尔洪', '何振华', '古丽娜·艾山'].map((n) => `${n} short 4`).sort(),
    );
    const bad = rota([
      'check',
      'fixtures/records-2024.csv',
      ...LEADERS,
      '--rules',
      file('bad-rules.json', '{"rules":[{"id":"x","kinds":["走访"],"period":"fortnight","min":1}]}'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('rules[0].kinds');
    expect(bad.stderr).toContain('rules[0].period');
  });
  it('judges a whole year with --year, leaving the ISO week that runs into 2025 unjudged', () => {
    // The list's one 正科级 leader is judged by the weekly rule only where the round rosters 正科级.
    const config = JSON.parse(readFileSync('fixtures/rota.json', 'utf8'));
    const wider = file(
      'rota-wider.json',
      JSON.stringify({ ...config, $schema: undefined, history: [], eligibleRanks: ['正处级', '副处级', '正科级'] }),
    );
    const args = ['--leaders', 'fixtures/leaders.csv', '-c', wider];
    const out = JSON.parse(rota(['check', compliant, ...args, '--year', '2024', '--format', 'json', '--detail']).stdout);
    const cut = out.results.filter((r: { status: string }) => r.status === 'not-judged').map((r: { period: string }) => r.period);
    expect(cut).toEqual(['2025-W01']);
  });
});

describe('rota check without --from/--to judges what the records cover', () => {
  it("a 每周三 township round from Monday 2025-09-22 is judged from that week, as its plan's report", () => {
    // The round's first record is Wednesday 09-24; 09-17, the Wednesday before, is outside it. A range
    // from 09-01 judged W36-W38 on duties the round never had (133 shortfalls against the plan's 99).
    const config = JSON.parse(readFileSync('fixtures/township/rota.json', 'utf8'));
    const cfg = file(
      'wed.json',
      JSON.stringify({ ...config, $schema: undefined, from: '2025-09-22', to: '2025-11-30', pattern: '每周三' }),
    );
    for (const f of ['leaders.csv', 'sites.csv']) file(f, readFileSync(`fixtures/township/${f}`));
    const out = join(dir, 'wed');
    expect(rota(['plan', '-c', cfg, '--out', out]).code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'timetable.json'), 'utf8')).report;
    const r = rota(['check', join(out, 'timetable.csv'), '-c', cfg, '--format', 'json']);
    const { summary } = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ from: '2025-09-22', to: '2025-11-30', notJudged: 0 });
    expect(summary.short).toBe(report.stillShort.length);
  });
});

describe('rota report', () => {
  it('writes duties CSV, summary CSV and a printable HTML page with every input text escaped', () => {
    const leaders = file(
      'leaders-x.csv',
      '姓名,单位,职务,级别\n王建国,区委,区委副书记,副处级\n<script>alert(1)</script>,区委,"=HYPERLINK(""x"")",副处级\n',
    );
    const recs = file(
      'recs-x.csv',
      '日期,类型,姓名,地点\n2024-03-05,接访,王建国,<b>中心</b>\n2024-03-06,下访,<script>alert(1)</script>,=1+1\n',
    );
    const out = join(dir, 'out');
    const r = rota(['report', recs, '--leaders', leaders, '--year', '2024', '--out', out, '--region', 'national']);
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'report-2024.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>中心');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toMatch(/@page \{ size: A4/);
    const summary = parse(readFileSync(join(out, 'report-2024-summary.csv')), { bom: true }) as string[][];
    expect(summary[0].slice(0, 5)).toEqual(['单位', '姓名', '职务', '级别', '1月']);
    const wang = summary.find((row) => row[1] === '王建国')!;
    expect(wang.slice(4, 16)).toEqual(['0', '0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0']);
    expect(wang[summary[0].indexOf('一季度')]).toBe('1');
    expect(wang[summary[0].findIndex((h) => h.startsWith('county-monthly'))]).toBe(
      '达标 1/12；不足 2024-01、2024-02、2024-04、2024-05、2024-06、2024-07、2024-08、2024-09、2024-10、2024-11、2024-12',
    );
    const duties = parse(readFileSync(join(out, 'report-2024-duties.csv')), { bom: true }) as string[][];
    expect(duties.slice(1).map((d) => [d[1], d[4], d[6], d[7]])).toEqual([
      ['王建国', '2024-03-05', '接访', '<b>中心</b>'],
      ['<script>alert(1)</script>', '2024-03-06', '下访', "'=1+1"],
    ]);
  });
  it('needs --year', () => {
    expect(rota(['report', compliant, ...LEADERS]).code).toBe(2);
  });
});
