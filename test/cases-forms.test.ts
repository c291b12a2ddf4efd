// The day's paper through the built CLI: the 领导干部接访表 (HTML one page per duty, .docx the same,
// the same bytes every run) and the liaison's lists of routed bookings, kept out of published folders.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { docxToPdf } from './helpers/pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'rota-cases-forms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const rota = (args: string[]) => {
  const r = spawnSync('node', ['bin/rota.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const SEED = ['-c', 'fixtures/rota.json'];
const TIMETABLE = 'fixtures/timetable.csv';
const duties = (parse(readFileSync(TIMETABLE, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>).filter(
  (d) => d.类型 === '接访',
);

describe('rota cases forms', () => {
  it('writes one A4 form per duty, pre-filled, with eight blank visitor rows, as HTML and .docx', () => {
    const out = join(dir, 'forms');
    const r = rota(['cases', 'forms', TIMETABLE, ...SEED, '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, '领导干部接访表.html'), 'utf8');
    expect(html.match(/<section>/g)).toHaveLength(duties.length);
    const first = duties[0];
    expect(html).toContain(`<td>${first.日期}（${first.星期}）</td>`);
    expect(html).toContain('<td>10:00—14:00</td>');
    expect(html).toContain(`<td>${first.姓名}</td>`);
    expect(html).toContain(`<td>${first.分管工作}</td>`);
    expect(html.match(/<tr><td>8<\/td>/g)).toHaveLength(duties.length);
    const doc = new TextDecoder().decode(unzipSync(readFileSync(join(out, '领导干部接访表.docx')))['word/document.xml']);
    for (const d of duties) expect(doc).toContain(d.姓名);
    expect(doc.match(/领导干部接访表/g)).toHaveLength(duties.length);
  });
  it('gives the same bytes on a second run, and only the days asked for', () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    rota(['cases', 'forms', TIMETABLE, ...SEED, '--out', a, '--from', '2024-12-16', '--to', '2024-12-17']);
    rota(['cases', 'forms', TIMETABLE, ...SEED, '--out', b, '--from', '2024-12-16', '--to', '2024-12-17']);
    for (const f of ['领导干部接访表.html', '领导干部接访表.docx']) expect(readFileSync(join(a, f))).toEqual(readFileSync(join(b, f)));
    expect(readFileSync(join(a, '领导干部接访表.html'), 'utf8').match(/<section>/g)).toHaveLength(2);
  });
  it('opens in LibreOffice Writer as one A4 page per duty', () => {
    const out = join(dir, 'lo');
    expect(rota(['cases', 'forms', TIMETABLE, ...SEED, '--out', out, '--from', '2024-12-11', '--to', '2024-12-13']).code).toBe(0);
    const [pdf] = docxToPdf([join(out, '领导干部接访表.docx')], join(dir, 'lo-work'));
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+3\n/);
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
  }, 150_000);
});

describe('rota cases bookings', () => {
  const bookings = join(dir, 'bookings.csv');
  writeFileSync(
    bookings,
    '来访人,联系方式,主要问题,希望日期\n甄测试,13912345678,征地拆迁补偿,\n贾样例,13987654321,欠薪,2024-12-20\n路人丙,,教育,2024-12-30\n',
  );
  it("routes each booking and writes the liaison's list per leader and day; one with no day left is named by its line only", () => {
    const out = join(dir, 'lists');
    const r = rota(['cases', 'bookings', bookings, TIMETABLE, ...SEED, '--out', out, '--today', '2024-12-10']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${bookings}:4: 2024-12-29 之后的安排表中没有接访日`);
    for (const s of ['甄测试', '13912345678', '路人丙']) expect(r.stdout + r.stderr).not.toContain(s);
    const rows = parse(readFileSync(join(out, '约访名单.csv'), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((x) => [x.日期, x.接访领导, x.来访人, x.分管对口])).toEqual([
      ['2024-12-13', '努尔兰·哈力木', '甄测试', '是'],
      ['2024-12-20', '赵德胜', '贾样例', '否'],
    ]);
    expect(readFileSync(join(out, '约访名单.html'), 'utf8').match(/<section>/g)).toHaveLength(2);
  });
  it('refuses to write the lists into a published folder', () => {
    const pub = join(dir, 'pub');
    mkdirSync(pub);
    writeFileSync(join(pub, 'timetable.json'), '{}');
    const r = rota(['cases', 'bookings', bookings, TIMETABLE, ...SEED, '--out', join(pub, 'lists'), '--today', '2024-12-10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('发布文件夹');
  });
});
