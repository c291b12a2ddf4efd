// Benchmark of re-planning: the whole `rota replan` of the seed round beside a bare `node -e 0`, and
// the core re-plan of generated rounds after one scheduled leader becomes unavailable on his day.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCalendar } from '../../src/core/calendar.js';
import { SEED_CONFIG } from '../../src/core/config.js';
import { addDays } from '../../src/core/dates.js';
import { plan } from '../../src/core/engine/index.js';
import { replan } from '../../src/core/replan/replan.js';
import type { Leader } from '../../src/core/types.js';
import { failedCell, paired, ratioText, timeRun } from './paired.js';
import type { BenchOptions, BenchSection } from './section.js';

function round(n: number, w: number) {
  const calendar = makeCalendar({ region: 'xinjiang' });
  const from = '2025-01-02';
  let to = from;
  for (let c = 1; c < w; ) {
    to = addDays(to, 1);
    if (calendar.isWorkingDay(to)) c++;
  }
  const insts = SEED_CONFIG.institutions.map((i) => i.name);
  const days = calendar.workingDays(from, to);
  let seed = n * 7 + w;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const leaders: Leader[] = Array.from({ length: n }, (_, i) => ({
    name: `领导${i}`,
    institution: insts[i % insts.length],
    title: '副职',
    rank: '副处级',
    portfolio: '',
    unavailable: days.filter(() => random() < 0.1),
    liaison: '',
    phone: '',
  }));
  const maxPerLeader = Math.max(1, Math.ceil(w / n) + 1);
  const config = { ...SEED_CONFIG, from, to, maxPerLeader };
  return { config, days: calendar.days(from, to), leaders, calendar };
}

/** The core re-plan of a generated round (run in its own process by run.ts --job replan N W, so it can be capped): its row's cells. */
export function replanJob(n: number, w: number): string[] {
  const input = round(n, w);
  const first = plan(input);
  const victim = first.duties[Math.floor(first.duties.length / 2)];
  const leaders = input.leaders.map((l) => (l.name === victim.name ? { ...l, unavailable: [...l.unavailable, victim.date].sort() } : l));
  const t = performance.now();
  const r = replan({ ...input, leaders, previous: first.duties, today: input.config.from });
  const ms = performance.now() - t;
  return [
    r.report.status,
    String(r.report.changedDays),
    `${r.report.model.variables} / ${r.report.model.constraints}`,
    `${ms.toFixed(0)} ms`,
  ];
}

export function replanBench(o: BenchOptions): BenchSection[] {
  const rows: string[][] = [];
  for (const [n, w] of o.quick
    ? [[40, 12]]
    : [
        [40, 12],
        [200, 60],
        [200, 250],
      ]) {
    let cells: string[];
    try {
      cells = JSON.parse(timeRun([process.execPath, process.argv[1], '--job', 'replan', String(n), String(w)], [0], o.capMs).stdout);
    } catch (e) {
      cells = ['', '', '', failedCell(e)];
    }
    rows.push([`${n} leaders × ${w} working days`, ...cells]);
  }
  // The seed round end to end: plan, mark 王建国 away on his day, replan with --out.
  const dir = mkdtempSync(join(tmpdir(), 'rota-bench-replan-'));
  for (const f of ['rota.json', 'history.csv']) copyFileSync(join('fixtures', f), join(dir, f));
  writeFileSync(
    join(dir, 'leaders.csv'),
    readFileSync('fixtures/leaders.csv', 'utf8').replace(/^(王建国,.*?,)2024-12-23~2024-12-24,/m, '$12024-12-19;2024-12-23~2024-12-24,'),
  );
  const rota = join(process.cwd(), 'bin/rota.js');
  spawnSync('node', [rota, 'plan', '-c', 'fixtures/rota.json', '--out', join(dir, 'pub')]);
  const p = paired(
    [
      process.execPath,
      rota,
      'replan',
      '-c',
      join(dir, 'rota.json'),
      '--previous',
      join(dir, 'pub/timetable.csv'),
      '--today',
      '2024-12-16',
      '--out',
      join(dir, 'new'),
    ],
    o.quick ? 3 : 9,
    undefined,
    o.capMs,
  );
  const changed = JSON.parse(readFileSync(join(dir, 'new', 'timetable.json'), 'utf8')).changes.length;
  rmSync(dir, { recursive: true, force: true });
  return [
    {
      title: 'Re-planning 重新安排 (rota replan)',
      header: ['round', 'status', 'changed days', 'variables / constraints', 'core replan time'],
      rows: [
        ...rows,
        [
          `seed round, whole \`rota replan --out\` (${o.quick ? 3 : 9} pairs with node -e 0)`,
          'optimal',
          String(changed),
          '',
          `${p.ms.toFixed(0)} ms (node -e 0: ${p.referenceMs.toFixed(0)} ms, ${ratioText(p.ratio)})`,
        ],
      ],
      notes: [
        `Generated rounds: the core re-plan in-process (plan() first, then replan() timed), in a process of its own capped at ${o.capMs / 1000} s.`,
        'One scheduled leader (the middle duty of the plan) becomes unavailable on his day; today = the first day, so nothing is frozen.',
        'The re-plan keeps every other duty: changed days is the minimum, first level of the objective (keep-published).',
      ],
    },
  ];
}
