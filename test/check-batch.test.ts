// rota check --batch through the built CLI (npm test builds first): every office's records checked in
// worker threads give the summary line and the per-office output of checking that office alone; a
// bad office and one with a leader short are lines of the summary with their reason, never a stop for
// the others; exit 2 / 1 / 0.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OfficeCheck } from '../src/app/check-batch.js';
import { benchLeaders, generateCity } from './bench/check-bench.js';

const rota = (args: string[]) => {
  const r = spawnSync('node', ['bin/rota.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const dir = mkdtempSync(join(tmpdir(), 'rota-check-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An office of `leaders` district leaders, each with 接访 and 下访 on every working day of 2024 (all comply). */
async function office(root: string, name: string, leaders: number): Promise<string> {
  const d = join(root, name);
  mkdirSync(d, { recursive: true });
  const g = await generateCity(d, benchLeaders(leaders), 'daily-both');
  writeFileSync(join(d, 'rota.json'), JSON.stringify({ leaders: ['leaders.csv'], history: [g.recordsFile.slice(d.length + 1)] }));
  return d;
}

const summaryOf = (stdout: string) => (JSON.parse(stdout) as { offices: OfficeCheck[] }).offices;

describe('rota check --batch', async () => {
  const good = join(dir, 'good');
  await office(good, '一区', 6);
  await office(good, '二区', 4);
  const mixed = join(dir, 'mixed');
  cpSync(good, mixed, { recursive: true });
  // 三区: a leader listed but without a single record is short in every period.
  const short = await office(mixed, '三区', 3);
  appendFileSync(join(short, 'leaders.csv'), '赵无记,区委,副区长,副处级\r\n');
  // 四区: its leader list is missing.
  mkdirSync(join(mixed, '四区'));
  writeFileSync(join(mixed, '四区', 'rota.json'), JSON.stringify({ leaders: ['名单.csv'], history: ['记录.csv'] }));

  it('checks every office as the single command does and exits 0 when all comply', () => {
    const out = join(dir, 'out-good');
    const r = rota(['check', '--batch', good, '--year', '2024', '--out', out, '--format', 'json']);
    expect(r.code).toBe(0);
    const offices = summaryOf(r.stdout);
    expect(offices.map((o) => [o.office, o.status, o.leaders, o.short])).toEqual([
      ['一区', 'ok', 6, 0],
      ['二区', 'ok', 4, 0],
    ]);
    for (const o of offices) {
      const single = rota(['check', '-c', join(good, o.office, 'rota.json'), '--year', '2024', '--format', 'json']);
      expect(single.code).toBe(0);
      expect(readFileSync(join(out, o.office, 'check.json'), 'utf8')).toBe(single.stdout);
      expect(o.records).toBe(JSON.parse(single.stdout).summary.records);
    }
  });

  it('lists a bad office and a leader short with their reasons, checks the others, and exits 2', () => {
    const out = join(dir, 'out-mixed');
    const r = rota(['check', '--batch', mixed, '--year', '2024', '--out', out]);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/单位 office.*领导 leaders.*记录 records.*未达要求的领导 leaders short.*节假日所致不足 calendar.*原因 reason/);
    // Grouped by status, most serious first, each group headed with its count.
    expect(lines.filter((l) => l.endsWith('offices）'))).toEqual([
      '输入有误 bad input（1 个单位 offices）',
      '有领导未达要求 missed duties（1 个单位 offices）',
      '合规 ok（2 个单位 offices）',
    ]);
    const row = (name: string) => lines.find((l) => l.startsWith(`  ${name}`))!;
    expect(lines.indexOf(row('一区'))).toBeGreaterThan(lines.indexOf('合规 ok（2 个单位 offices）'));
    expect(row('三区')).toMatch(/^ {2}三区 +district +4 +\d+ +1 +0 .*赵无记（区委）/);
    expect(row('四区')).toMatch(/名单\.csv/);
    expect(r.stderr).toMatch(/4 个单位中：1 个有领导未达要求，0 个仅有节假日所致的不足，1 个输入有误/);
    // The per-office text is what `rota check` prints for that office.
    const single = rota(['check', '-c', join(mixed, '三区', 'rota.json'), '--year', '2024']);
    expect(single.code).toBe(1);
    expect(readFileSync(join(out, '三区', 'check.txt'), 'utf8')).toBe(single.stdout);
  });

  it('exits 1 when the only fault is a leader short', () => {
    rmSync(join(mixed, '四区'), { recursive: true });
    const offices = summaryOf(rota(['check', '--batch', mixed, '--year', '2024', '--format', 'json']).stdout);
    // Grouped by status, most serious first; within a group in the order of their folder names.
    expect(offices.map((o) => [o.office, o.status])).toEqual([
      ['三区', 'short'],
      ['一区', 'ok'],
      ['二区', 'ok'],
    ]);
    expect(rota(['check', '--batch', mixed, '--year', '2024']).code).toBe(1);
  });

  it('refuses record files, lists and --out where they do not belong (exit 2)', () => {
    expect(rota(['check', '--batch', good, 'records.csv']).code).toBe(2);
    expect(rota(['check', '--batch', good, '--leaders', 'x.csv']).code).toBe(2);
    expect(rota(['check', '--out', join(dir, 'x'), '-c', join(good, '一区', 'rota.json')]).code).toBe(2);
    expect(rota(['check', '--batch', join(dir, 'nowhere')]).code).toBe(2);
  });
});
