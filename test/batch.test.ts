// rota plan --batch through the built CLI (npm test builds first): generated townships planned in
// worker threads give the same files as planning each office alone; a bad office and an infeasible
// one are lines of the summary with their reason, never a stop for the others; exit 2 / 1 / 0.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchExitCode, findOffices, type OfficeSummary } from '../src/app/batch.js';
import { OFFICE, writeTownships } from './bench/township-gen.js';

const rota = (args: string[]) => {
  const r = spawnSync('node', ['bin/rota.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const WINDOW = { from: '2025-03-03', to: '2025-03-16' };

/** An office whose two leaders are both away all week: no plan keeps the daily 接访. */
function writeInfeasible(dir: string): void {
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'leaders.csv'),
    '\uFEFF姓名,单位,职务,级别,不可接访日期\r\n王一,乡党委,书记,正科级,2025-03-03~2025-03-16\r\n李二,乡政府,乡长,正科级,2025-03-03~2025-03-16\r\n',
  );
  writeFileSync(join(dir, 'rota.json'), JSON.stringify({ preset: 'township', ...WINDOW, leaders: ['leaders.csv'], ...OFFICE }));
}

describe('rota plan --batch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rota-batch-'));
  const good = writeTownships(join(dir, 'in'), 3, 7, WINDOW);

  it('plans every office as the single command does, byte for byte', () => {
    const r = rota(['plan', '--batch', join(dir, 'in'), '--out', join(dir, 'out'), '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { offices: OfficeSummary[] };
    expect(summary.offices.map((o) => [o.office, o.status, o.preset])).toEqual(good.map((g) => [g, 'ok', 'township']));
    for (const office of good) {
      const single = join(dir, 'single', office);
      expect(rota(['plan', '-c', join(dir, 'in', office, 'rota.json'), '--out', single]).code).toBe(0);
      const files = readdirSync(single).sort();
      expect(readdirSync(join(dir, 'out', office)).sort()).toEqual(files);
      for (const f of files) expect(readFileSync(join(dir, 'out', office, f)), `${office}/${f}`).toEqual(readFileSync(join(single, f)));
      const json = JSON.parse(readFileSync(join(single, 'timetable.json'), 'utf8'));
      const line = summary.offices.find((o) => o.office === office)!;
      expect(line.duties).toBe(json.duties.length);
      expect(line.unmet).toBe(json.report.stillShort.length);
    }
  });

  it('publishes each office as plan --out does: a second batch into the same folder refuses and changes nothing', () => {
    const out = join(dir, 'twice');
    expect(rota(['plan', '--batch', join(dir, 'in'), '--out', out]).code).toBe(0);
    const before = good.map((office) => readFileSync(join(out, office, 'timetable.json')));
    const r = rota(['plan', '--batch', join(dir, 'in'), '--out', out, '--json']);
    expect(r.code).toBe(2);
    const summary = JSON.parse(r.stdout) as { offices: OfficeSummary[] };
    for (const o of summary.offices) {
      expect(o.status).toBe('bad-input');
      expect(o.reason).toMatch(/已经发布过的文件夹.*replan/);
    }
    good.forEach((office, i) => {
      expect(readFileSync(join(out, office, 'timetable.json'))).toEqual(before[i]);
    });
  });

  it('goes on past a bad office and an infeasible one, names each with its reason, and exits 2', () => {
    const mixed = join(dir, 'mixed');
    writeTownships(mixed, 2, 11, WINDOW);
    writeInfeasible(join(mixed, '乡03无人'));
    mkdirSync(join(mixed, '乡04坏'));
    writeFileSync(join(mixed, '乡04坏', 'rota.json'), JSON.stringify({ preset: 'township', leaders: ['missing.csv'] }));
    const r = rota(['plan', '--batch', mixed, '--out', join(dir, 'mixed-out')]);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n');
    // Grouped, most serious first, each group headed with its count; the totals last.
    expect(lines).toHaveLength(9);
    expect(lines[1]).toBe('输入有误 bad input（1 个单位 offices）');
    expect(lines[2]).toMatch(/^ {2}乡04坏 .*missing\.csv.*no such file/);
    expect(lines[3]).toBe('无法排出 infeasible（1 个单位 offices）');
    expect(lines[4]).toMatch(/^ {2}乡03无人 .*2025-03-03/);
    expect(lines[5]).toBe('完成 ok（2 个单位 offices）');
    expect(lines[6]).toMatch(/^ {2}乡01 +township +\d+ +0 +0 /);
    expect(lines[7]).toMatch(/^ {2}乡02 +township +\d+ +0 +0 /);
    expect(lines[8]).toMatch(/^合计 total：4 个单位 offices — 输入有误 bad input 1，无法排出 infeasible 1，完成 ok 2/);
    // Only the offices planned are published (each keeps its earlier publications in a hidden .<office>.rota beside it).
    expect(
      readdirSync(join(dir, 'mixed-out'))
        .filter((f) => !f.startsWith('.'))
        .sort(),
    ).toEqual(['乡01', '乡02']);
    expect(r.stderr).toMatch(/1 infeasible, 1 bad input/);
    // No progress bar when stderr is not a terminal.
    expect(r.stderr).not.toContain('[#');
  });

  it('exits 1 when an office is infeasible and every input is good', () => {
    const some = join(dir, 'some');
    writeTownships(some, 1, 3, WINDOW);
    writeInfeasible(join(some, '乡02无人'));
    const r = rota(['plan', '--batch', some]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/完成 ok（1 个单位 offices）\n {2}乡01 /);
  });

  it('exits 2 for a folder without offices', () => {
    const empty = mkdtempSync(join(tmpdir(), 'rota-batch-empty-'));
    expect(findOffices(empty).problems[0].message).toMatch(/rota\.json/);
    const r = rota(['plan', '--batch', empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no office folder/);
  });
});

describe('batchExitCode', () => {
  const line = (status: OfficeSummary['status']): OfficeSummary => ({
    office: 'x',
    preset: '',
    status,
    duties: 0,
    unmet: 0,
    calendar: 0,
    ms: 0,
  });
  it('is the most serious status: a bug, then bad input, then infeasible', () => {
    expect(batchExitCode([line('ok')])).toBe(0);
    expect(batchExitCode([line('ok'), line('infeasible')])).toBe(1);
    expect(batchExitCode([line('infeasible'), line('bad-input')])).toBe(2);
    expect(batchExitCode([line('bad-input'), line('failed')])).toBe(70);
  });
});
