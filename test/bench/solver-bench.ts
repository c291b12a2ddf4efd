// The planner's speed goals (issue 24), each a whole `rota plan` process paired with `node -e 0`:
// a township year with 200 sites, a district round of 10,000 leaders (and a year of them), a county
// year of 160 leaders, and an infeasible round of 250 working days planned with --best-effort.
// --quick runs smaller cases of the same shapes (one pair each), to check the bench itself.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCalendar } from '../../src/core/calendar.js';
import { addDays } from '../../src/core/dates.js';
import type { PlanReport } from '../../src/core/engine/types.js';
import { failedCell, paired, ratioText } from './paired.js';
import { generate } from './plan-bench.js';
import type { BenchOptions, BenchSection } from './section.js';
import { csv, writeTownship } from './township-gen.js';

/**
 * `leaders` identical leaders (five by default), at most `max` duties each, `perDay` a day over `days`
 * working days from 2025-01-02, order none: no plan keeps the maximum.
 */
export function infeasibleRound(dir: string, days: number, max: number, o: { leaders?: number; perDay?: number } = {}): string {
  mkdirSync(dir, { recursive: true });
  const names = ['王建国', '李海燕', '张立新', '刘志强', '陈丽'];
  for (let i = names.length; i < (o.leaders ?? 5); i++) names.push(`干部${i}`);
  names.length = o.leaders ?? 5;
  writeFileSync(
    join(dir, 'leaders.csv'),
    csv([['姓名', '单位', '职务', '级别', '分管工作', '不可接访日期'], ...names.map((n) => [n, '区委', '副书记', '副处级', '党建', ''])]),
  );
  const cal = makeCalendar({ region: 'xinjiang' });
  let to = '2025-01-02';
  for (let n = 1; n < days; ) {
    to = addDays(to, 1);
    if (cal.isWorkingDay(to)) n++;
  }
  writeFileSync(
    join(dir, 'rota.json'),
    JSON.stringify({
      from: '2025-01-02',
      to,
      region: 'xinjiang',
      leaders: ['leaders.csv'],
      order: { mode: 'none' },
      perDay: o.perDay ?? 1,
      maxPerLeader: max,
    }),
  );
  return join(dir, 'rota.json');
}

interface Case {
  label: string;
  /** Headline column this case fills (full runs only). */
  key?: string;
  config: string;
  args?: string[];
  /** Goal: seconds, or a ratio to node -e 0. */
  goal: { seconds: number } | { ratio: number };
}

export function solverBench(o: BenchOptions): BenchSection[] {
  const dir = mkdtempSync(join(tmpdir(), 'rota-bench-solver-'));
  const sites = o.quick ? 50 : 200;
  const leaders = o.quick ? 2000 : 10_000;
  const county = o.quick ? 40 : 160;
  const days = o.quick ? 60 : 250;
  writeTownship(join(dir, 'sites'), 5, { sites });
  writeTownship(join(dir, 'county'), 5, { leaders: county, preset: 'county' });
  const cases: Case[] = [
    { label: `township year, ${sites} sites`, key: '200 sites year', config: join(dir, 'sites/rota.json'), goal: { seconds: 2 } },
    {
      label: `district round, ${leaders} leaders`,
      key: '10,000 leaders',
      config: generate(join(dir, 'district'), leaders, 12),
      goal: { seconds: 5 },
    },
    { label: `county year, ${county} leaders`, key: 'county 160 leaders', config: join(dir, 'county/rota.json'), goal: { ratio: 50 } },
    {
      label: `infeasible round, ${days} working days (--best-effort)`,
      key: 'infeasible 250 days',
      config: infeasibleRound(join(dir, 'infeasible'), days, 2),
      args: ['--best-effort'],
      goal: { seconds: 2 },
    },
  ];
  if (!o.quick)
    cases.push({
      label: `district year, ${leaders} leaders`,
      config: generate(join(dir, 'district-year'), leaders, 240),
      goal: { seconds: 5 },
    });
  const headline: Record<string, string> = {};
  const rows = cases.map((c) => {
    const goal = 'seconds' in c.goal ? `≤ ${c.goal.seconds} s` : `≤ ${c.goal.ratio}× node -e 0`;
    try {
      const p = paired([process.execPath, 'bin/rota.js', 'plan', '-c', c.config, '--json', ...(c.args ?? [])], 1, undefined, o.capMs);
      const r = JSON.parse(p.stdout).report as PlanReport;
      const met = 'seconds' in c.goal ? p.ms <= c.goal.seconds * 1000 : p.ratio <= c.goal.ratio;
      const figure = 'seconds' in c.goal ? `${(p.ms / 1000).toFixed(2)} s` : `${p.ratio.toFixed(1)}×`;
      if (c.key && !o.quick) headline[c.key] = figure;
      return [
        c.label,
        `${r.workingDays} / ${r.duties}`,
        r.status,
        `${r.model.networks} of ${r.model.components}`,
        p.ms.toFixed(0),
        ratioText(p.ratio),
        `${goal} ${met ? '✓' : '✗'}`,
      ];
    } catch (e) {
      if (c.key && !o.quick) headline[c.key] = failedCell(e);
      return [c.label, '', '', '', failedCell(e), '', goal];
    }
  });
  rmSync(dir, { recursive: true, force: true });
  return [
    {
      title: 'Solver goals 求解速度目标: sites, many leaders, county years, infeasible rounds',
      header: ['case', 'working days / duties', 'status', 'pieces solved as networks', 'rota plan --json ms', 'ratio to node -e 0', 'goal'],
      rows,
      headline,
      notes: [
        `Whole process \`node bin/rota.js plan -c … --json\`, one run each beside a run of node -e 0, capped at ${o.capMs / 1000} s.${o.quick ? ' --quick: smaller cases of the same shapes.' : ''}`,
        'Township and county: test/bench/township-gen.ts (seed 5, the year 2025); district rounds: plan-bench.ts (12 working days from 2025-01-02; the year: 240); infeasible: five leaders, one a day, at most 2 each, order none.',
        'Goals (issue 24): a township year with 200 sites ≤ 2 s, 10,000 leaders ≤ 5 s, a 160-leader county year ≤ 50 × node -e 0, an infeasible 250-working-day round ≤ 2 s.',
      ],
    },
  ];
}
