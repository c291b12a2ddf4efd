// Co-receivers (陪同单位): units chosen by matching the leader's 分管工作 with rota.json's unit-field
// table, or written by the office in the timetable; the CSV, page and calendars carry them, and a
// round without units keeps its eight columns.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { coReceiversOf } from '../src/core/co-receivers.js';

const rota = (args: string[], cwd: string) => {
  const r = spawnSync('node', [resolve('bin/rota.js'), ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const csvRows = (file: string): string[][] => parse(readFileSync(file, 'utf8'), { bom: true, relax_column_count: true });
const UNITS = [
  { name: '区人社局', fields: ['劳动保障', '就业'] },
  { name: '区住建局', fields: ['城市建设', '住房保障'] },
  { name: '区法院诉讼服务中心', fields: ['审判'] },
];

describe('coReceiversOf', () => {
  it('the units whose field the portfolio names, in the table order', () => {
    expect(coReceiversOf('征地拆迁、城市建设、住房保障', UNITS)).toEqual(['区住建局']);
    expect(coReceiversOf('审判执行全面工作、就业', UNITS)).toEqual(['区人社局', '区法院诉讼服务中心']);
    expect(coReceiversOf('宣传', UNITS)).toEqual([]);
  });
});

describe('the seed round with a unit-field table', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rota-co-'));
  for (const f of ['leaders.csv', 'history.csv']) copyFileSync(join('fixtures', f), join(dir, f));
  const seed = JSON.parse(readFileSync('fixtures/rota.json', 'utf8'));
  writeFileSync(join(dir, 'rota.json'), JSON.stringify({ ...seed, $schema: undefined, units: UNITS }));
  const r = rota(['plan', '-c', 'rota.json', '--out', 'out'], dir);
  const rows = csvRows(join(dir, 'out/timetable.csv'));

  it('the CSV gains one column, 陪同单位, filled by matching each leader’s 分管工作 (an independent recount)', () => {
    expect(r.code).toBe(0);
    expect(rows[0]).toEqual(['日期', '星期', '类型', '单位', '姓名', '职务', '分管工作', '地点', '陪同单位']);
    for (const row of rows.slice(1)) {
      const expected = UNITS.filter((u) => u.fields.some((f) => row[6].split('、').some((p) => p.includes(f)))).map((u) => u.name);
      expect(row[8]).toBe(expected.join('、'));
    }
    expect(rows.slice(1).some((row) => row[8] !== '')).toBe(true);
  });

  it('timetable.json carries them as with', () => {
    const json = JSON.parse(readFileSync(join(dir, 'out/timetable.json'), 'utf8')) as { duties: Array<{ with?: string[] }> };
    expect(json.duties.map((d) => (d.with ?? []).join('、'))).toEqual(rows.slice(1).map((row) => row[8]));
  });

  it('the page has the column and the calendar says it', () => {
    expect(readFileSync(join(dir, 'out/timetable.html'), 'utf8')).toContain('<th scope="col">陪同单位</th>');
    const matched = rows.slice(1).find((row) => row[8] !== '')!;
    expect(readFileSync(join(dir, 'out/timetable.ics'), 'utf8').replace(/\r\n[ \t]/g, '')).toContain(`陪同单位：${matched[8]}`);
  });

  it('co-receivers the office writes in the timetable are kept by rota render', () => {
    const edited = readFileSync(join(dir, 'out/timetable.csv'), 'utf8').split(/\r?\n/);
    edited[1] = edited[1].replace(/,[^,]*$/, ',区信访局、区民政局');
    writeFileSync(join(dir, 'edited.csv'), edited.join('\n'));
    const render = rota(['render', '-c', 'rota.json', 'edited.csv', '--out', 'out2'], dir);
    expect(render.code).toBe(0);
    const again = csvRows(join(dir, 'out2/timetable.csv'));
    expect(again[1][8]).toBe('区信访局、区民政局');
  });

  it('without units the seed’s CSV keeps its eight columns', () => {
    const plain = mkdtempSync(join(tmpdir(), 'rota-co-'));
    expect(rota(['plan', '-c', resolve('fixtures/rota.json'), '--out', plain], plain).code).toBe(0);
    expect(readFileSync(join(plain, 'timetable.csv'), 'utf8').split(/\r?\n/)[0]).toBe('\uFEFF日期,星期,类型,单位,姓名,职务,分管工作,地点');
  });
});
