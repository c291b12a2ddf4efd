// rota check judges leaders as the plan rosters them: a district list's 正科级 office staff, whom
// `rota plan` leaves out (rank not eligible), are not held to the township's weekly rule.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRota } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'rota-roster-'));
const rota = (args: string[]) => runRota(args, dir);

describe('check follows the roster', () => {
  copyFileSync('fixtures/records-2024.csv', join(dir, 'records.csv'));
  const list = readFileSync('fixtures/leaders.csv', 'utf8');
  writeFileSync(join(dir, 'plain.csv'), list);
  writeFileSync(join(dir, 'staff.csv'), `${list.trimEnd()}\n王秘书,区政府,办公室主任,正科级,文秘,,,\n`);

  it('a 正科级 staff member in the district list changes no judgement: same periods, same verdicts', () => {
    const json = (leaders: string) =>
      JSON.parse(rota(['check', '--leaders', leaders, '--year', '2024', '--format', 'json', 'records.csv']).stdout) as {
        summary: { judged: number; short: number; withoutRecords: unknown[] };
      };
    const plain = json('plain.csv'),
      staff = json('staff.csv');
    expect(staff.summary.judged).toBe(plain.summary.judged);
    expect(staff.summary.short).toBe(plain.summary.short);
    expect(staff.summary.withoutRecords).toEqual(plain.summary.withoutRecords);
  });

  it('and rota plan says the same person is not on the roster', () => {
    const plan = rota(['plan', '--leaders', 'staff.csv']);
    expect(plan.stdout).toMatch(/王秘书（区政府，正科级）：正科级，不在 正处级、副处级 之列/);
  });
});
