// Issue 24's runaway plans, through the built CLI: each case the issue measured in minutes (or killed)
// now ends within the bench's bounds (test/bench/solver-bench.ts: an infeasible round or a township
// year ≤ 2 s, a county year ≤ 50 × node -e 0). Time is the child's CPU (user + sys), as the issue
// measured it: on a shared two-core machine a wall clock counts other processes' work as ours.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from './bench/plan-bench.js';
import { infeasibleRound } from './bench/solver-bench.js';
import { writeTownship } from './bench/township-gen.js';

const dir = mkdtempSync(join(tmpdir(), 'rota-runaway-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a command under bash and reads its children's CPU seconds from `times`. */
function cpu(command: string[]): { code: number; stdout: string; stderr: string; seconds: number } {
  const r = spawnSync('bash', ['-c', '"$@"; code=$?; times >&2; exit $code', 'rota', ...command], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  // `times` prints the shell's line, then its children's: "0m0.158s 0m0.036s".
  const [user, sys] = [
    ...r.stderr
      .trimEnd()
      .split('\n')
      .at(-1)!
      .matchAll(/(\d+)m([\d.]+)s/g),
  ].map((m) => +m[1] * 60 + +m[2]);
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, seconds: user + sys };
}
const rota = (...args: string[]) => cpu(['node', 'bin/rota.js', ...args]);

describe('infeasible windows longer than two months: explained and planned best effort in seconds', () => {
  // Five leaders, at most 2 duties each, one a day: 22 days took 0.32 s CPU, 43 days 5.35 s, 62 days
  // 16.6 s, and 105 days were killed after 114 s; 3 leaders over 60 days took 29 s.
  const cases: Array<[string, number, number]> = [
    ['5 leaders, 22 days', 22, 5],
    ['5 leaders, 43 days', 43, 5],
    ['5 leaders, 62 days', 62, 5],
    ['5 leaders, 105 days', 105, 5],
    ['3 leaders, 60 days', 60, 3],
  ];
  it.each(cases)('%s: exit 1 with the cause, and --best-effort a whole timetable', (label, days, leaders) => {
    const config = infeasibleRound(join(dir, label), days, 2, { leaders });
    const explained = rota('plan', '-c', config);
    expect(explained.code).toBe(1);
    // The count the cause names: every working day needs one, the leaders give at most 2 each.
    expect(explained.stderr).toContain(`共安排 ${days} 人次接访，但这些天里可以接访的符合条件领导只有 ${leaders} 名`);
    expect(explained.stderr).toContain(`最多 ${2 * leaders} 人次`);
    expect(explained.seconds).toBeLessThan(2);
    const best = rota('plan', '-c', config, '--best-effort', '--json');
    expect(best.code).toBe(0);
    expect(JSON.parse(best.stdout).duties).toHaveLength(days);
    expect(best.seconds).toBeLessThan(2);
  });

  it('a district round, order none, 12 or 18 identical leaders, 2 a day, at most 1 each, 24 days (45 s; killed after 400 s)', () => {
    for (const leaders of [12, 18]) {
      const config = infeasibleRound(join(dir, `none-${leaders}`), 24, 1, { leaders, perDay: 2 });
      const explained = rota('plan', '-c', config);
      expect(explained.code).toBe(1);
      expect(explained.stderr).toContain(`只有 ${leaders} 名`);
      expect(explained.seconds).toBeLessThan(2);
      const best = rota('plan', '-c', config, '--best-effort', '--json');
      expect(JSON.parse(best.stdout).duties).toHaveLength(48);
      expect(best.seconds).toBeLessThan(2);
    }
  });
});

describe('plans that ran for minutes with no output', () => {
  it('a county with sites, January to April (killed after 507 s), within the county year’s bound', () => {
    writeTownship(join(dir, 'county'), 5, { preset: 'county', from: '2025-01-01', to: '2025-04-30' });
    const node = cpu(['node', '-e', '0']).seconds;
    const r = rota('plan', '-c', join(dir, 'county/rota.json'), '--json');
    expect(r.code).toBe(0);
    const { report } = JSON.parse(r.stdout);
    expect(report.status).toBe('optimal');
    expect(report.stillShort).toEqual([]);
    expect(r.seconds).toBeLessThan(50 * Math.max(node, 0.05));
  });

  it('a generated township year (21 s) within the township year’s 2 s', () => {
    writeTownship(join(dir, 'township'), 7);
    const r = rota('plan', '-c', join(dir, 'township/rota.json'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).report.status).toBe('optimal');
    expect(r.seconds).toBeLessThan(2);
  });

  it('a township year with 200 sites (49 s and 1.2 GB) within 2 s, each site in the report', () => {
    writeTownship(join(dir, 'sites'), 5, { sites: 200 });
    const r = rota('plan', '-c', join(dir, 'sites/rota.json'), '--json');
    expect(r.code).toBe(0);
    const { report } = JSON.parse(r.stdout);
    expect(report.status).toBe('optimal');
    expect(report.sites).toHaveLength(200);
    expect(r.seconds).toBeLessThan(2);
  });

  it('a district round of 10,000 leaders (15 s) within 5 s', () => {
    const r = rota('plan', '-c', generate(join(dir, 'district'), 10_000, 12), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).report.status).toBe('optimal');
    expect(r.seconds).toBeLessThan(5);
  });
});
