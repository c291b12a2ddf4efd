// .xlsx lists read directly: LibreOffice Calc saves the fixtures' CSVs as Excel workbooks (dates
// become date cells, phone numbers numbers), and the built CLI plans the same timetable from them as
// from the CSVs; a template's merged title row above the header is passed over; problems name the
// file, the sheet, Excel's row and the column letter. Workbooks LibreOffice cannot make on the
// command line (a merged title, two sheets, a DOCTYPE) are the converted ones edited with fflate.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { LEADER_COLUMNS } from '../src/core/leaders.js';
import { readTable } from '../src/io/table.js';
import { readWorkbook } from '../src/io/xlsx.js';
import { runRota } from './helpers/cli.js';

const rota = runRota;

/** Saves each CSV (UTF-8, comma) as .xlsx the way a clerk's Calc would. */
function toXlsx(dir: string, files: string[]): void {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--infilter=CSV:44,34,76,1',
      '--convert-to',
      'xlsx',
      '--outdir',
      dir,
      ...files.map((f) => join(dir, f)),
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
}

/** A workbook's first sheet with a title row put above everything, merged across the header (A1:H1). */
function withMergedTitle(xlsx: Uint8Array, title: string): Uint8Array {
  const parts = unzipSync(xlsx);
  const path = 'xl/worksheets/sheet1.xml';
  const shifted = strFromU8(parts[path])
    .replace(/<row r="(\d+)"/g, (_, n) => `<row r="${Number(n) + 1}"`)
    .replace(/ r="([A-Z]+)(\d+)"/g, (_, c, n) => ` r="${c}${Number(n) + 1}"`)
    .replace('<sheetData>', `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${title}</t></is></c></row>`)
    .replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:H1"/></mergeCells>')
    .replace(/<dimension[^>]*\/>/, '');
  return zipSync({ ...parts, [path]: strToU8(shifted) });
}

/** The same workbook with a second sheet, a copy of the first, named 备份. */
function withSecondSheet(xlsx: Uint8Array): Uint8Array {
  const parts = unzipSync(xlsx);
  const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']).replace(
    '</Relationships>',
    '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
  );
  const book = strFromU8(parts['xl/workbook.xml']).replace(
    '</sheets>',
    '<sheet name="备份" sheetId="2" state="visible" r:id="rId99"/></sheets>',
  );
  return zipSync({
    ...parts,
    'xl/_rels/workbook.xml.rels': strToU8(rels),
    'xl/workbook.xml': strToU8(book),
    'xl/worksheets/sheet2.xml': parts['xl/worksheets/sheet1.xml'],
  });
}

interface Plan {
  duties: unknown[];
  report: { assignments?: unknown };
}
const planOf = (r: { code: number | null; stdout: string; stderr: string }): Plan => {
  expect(r.stderr.includes('rota 内部错误'), r.stderr).toBe(false);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Plan;
};

describe('.xlsx lists through the built CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rota-xlsx-'));
  beforeAll(() => {
    copyFileSync('fixtures/leaders.csv', join(dir, 'leaders.csv'));
    copyFileSync('fixtures/history.csv', join(dir, 'history.csv'));
    copyFileSync('fixtures/township/leaders.csv', join(dir, 'township-leaders.csv'));
    copyFileSync('fixtures/township/sites.csv', join(dir, 'township-sites.csv'));
    const bad = readFileSync('fixtures/leaders.csv', 'utf8').replace(/(\n[^,\n]*,[^,\n]*,[^,\n]*,)副处级/, '$1副处长');
    writeFileSync(join(dir, 'bad-leaders.csv'), bad);
    toXlsx(dir, ['leaders.csv', 'history.csv', 'township-leaders.csv', 'township-sites.csv', 'bad-leaders.csv']);
  }, 180_000);

  it('the seed round plans the same from leaders.xlsx and history.xlsx (date cells, numbers) as from the CSVs', () => {
    const csv = planOf(rota(['plan', '-c', join(process.cwd(), 'fixtures/rota.json'), '--json']));
    const xlsx = planOf(
      rota(
        ['plan', '-c', join(process.cwd(), 'fixtures/rota.json'), '--leaders', 'leaders.xlsx', '--history', 'history.xlsx', '--json'],
        dir,
      ),
    );
    expect(xlsx.duties).toEqual(csv.duties);
    expect(xlsx.duties.length).toBeGreaterThan(10);
  });

  it('a township month plans the same from the leader list and 下访 sites as .xlsx', () => {
    const config = join(process.cwd(), 'fixtures/township/rota.json');
    const csv = planOf(rota(['plan', '-c', config, '--json']));
    const xlsx = planOf(
      rota(['plan', '-c', config, '--leaders', 'township-leaders.xlsx', '--sites', 'township-sites.xlsx', '--json'], dir),
    );
    expect(xlsx.duties).toEqual(csv.duties);
  });

  it('a merged title row above the header (克拉玛依区领导干部名单) is passed over: the same plan', () => {
    const titled = withMergedTitle(readFileSync(join(dir, 'leaders.xlsx')), '克拉玛依区领导干部名单');
    writeFileSync(join(dir, 'titled.xlsx'), titled);
    const sheet = readWorkbook(titled)[0];
    expect(sheet.rows[0]).toEqual({ row: 1, cells: Array(8).fill('克拉玛依区领导干部名单') });
    const csv = planOf(rota(['plan', '-c', join(process.cwd(), 'fixtures/rota.json'), '--json']));
    const xlsx = planOf(rota(['plan', '-c', join(process.cwd(), 'fixtures/rota.json'), '--leaders', 'titled.xlsx', '--json'], dir));
    expect(xlsx.duties).toEqual(csv.duties);
  });

  it('a wrong cell is told with file, sheet, Excel row and column letter; exit 2', () => {
    const r = rota(['plan', '-c', join(process.cwd(), 'fixtures/rota.json'), '--leaders', 'bad-leaders.xlsx'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad-leaders.xlsx「bad-leaders」:2: 级别（D 列）');
    expect(r.stderr).toContain('副处长');
  });

  it('two sheets with a header are refused by name; a titled sheet keeps Excel row numbers', () => {
    const two = withSecondSheet(readFileSync(join(dir, 'leaders.xlsx')));
    const t = readTable(two, 'two.xlsx', LEADER_COLUMNS);
    expect(t.rows).toEqual([]);
    expect(t.problems.map((p) => [p.code, p.message.includes('leaders、备份')])).toEqual([['xlsx.several-sheets', true]]);
    const titled = readTable(withMergedTitle(readFileSync(join(dir, 'leaders.xlsx')), '名单'), 'titled.xlsx', LEADER_COLUMNS);
    expect(titled.problems).toEqual([]);
    expect(titled.rows[0].line).toBe(3);
    expect(titled.file).toBe('titled.xlsx「leaders」');
  });
});

describe('workbooks that are not lists', () => {
  it('a zip that is not a workbook, a cut-off one and a DOCTYPE are each one xlsx.unreadable, nothing read', () => {
    const notBook = zipSync({ 'hello.txt': strToU8('hi') });
    const doctype = zipSync({
      'xl/workbook.xml': strToU8('<!DOCTYPE x [<!ENTITY a "aaaa">]><workbook><sheets/></workbook>'),
    });
    const cut = zipSync({ 'xl/workbook.xml': strToU8('<workbook><sheets/></workbook>') }).subarray(0, 20);
    for (const bytes of [notBook, doctype, cut]) {
      const t = readTable(bytes, 'x.xlsx', LEADER_COLUMNS);
      expect(t.rows).toEqual([]);
      expect(t.problems.map((p) => p.code)).toEqual(['xlsx.unreadable']);
    }
  });
});
