// Township (weekly) and county (monthly) plans: a year of each fixture office, paired with
// `node -e 0` (the headline goals), how cost grows with leaders in generated offices, and the
// quality of the decomposition (week by week or month by month, fairness carried forward) against
// one model of the whole horizon. Every figure is a whole `rota plan --json` process, capped.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { PlanReport } from '../../src/core/engine/types.js';
import { BARE_NODE, failedCell, median, OverCap, paired, ratioText, timeRun } from './paired.js';
import type { BenchOptions, BenchSection } from './section.js';
import { writeTownship } from './township-gen.js';

const YEAR = ['2025-01-01', '2025-12-31'] as const;
/** Horizons tried from short to long, each only if the last one's pace says it fits the cap. */
const HORIZONS = [
  ['week', '2025-01-06', '2025-01-12'],
  ['month', '2025-01-01', '2025-01-31'],
  ['quarter', '2025-01-01', '2025-03-31'],
  ['year', ...YEAR],
] as const;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

const planArgs = (config: string, from: string, to: string) => [
  process.execPath,
  'bin/rota.js',
  'plan',
  '-c',
  config,
  '--from',
  from,
  '--to',
  to,
  '--json',
];

/** Leaders in the office's leader lists (one per data line). */
function leadersIn(config: string): number {
  const lists: string[] = JSON.parse(readFileSync(config, 'utf8')).leaders;
  return lists.reduce(
    (n, f) =>
      n +
      readFileSync(join(dirname(config), f), 'utf8')
        .trim()
        .split(/\r?\n/).length -
      1,
    0,
  );
}

/** The cells of one office's plan: working days, duties, unmet quotas, ms, ratio to node -e 0. */
function planCells(p: { ms: number; ratio: number; stdout: string }, goal?: number): string[] {
  const r = JSON.parse(p.stdout).report as PlanReport;
  return [String(r.workingDays), `${r.kinds.接访}/${r.kinds.下访}`, String(r.stillShort.length), p.ms.toFixed(0), ratioText(p.ratio, goal)];
}

/** The fixture offices' years (the headline goals) and generated offices of growing size. */
export function yearsBench(o: BenchOptions): BenchSection[] {
  const headline: Record<string, string> = {};
  const rows: string[][] = [];
  const pairs = o.quick ? 1 : 5;
  // A year runs 20–40 times as long as node -e 0, so one bare run's jitter (±20%) would move the ratio as
  // much: each pair's reference is the median of three.
  const reference = () => median([0, 1, 2].map(() => timeRun(BARE_NODE).ms));
  for (const [label, key, file, goal] of [
    ['township 小拐乡 (fixture)', 'township year', 'fixtures/township/rota.json', 10],
    ['county 克拉玛依区 (fixture)', 'county year', 'fixtures/county/rota.json', 25],
  ] as const) {
    try {
      const p = paired(planArgs(file, ...YEAR), pairs, reference, o.capMs);
      headline[key] = `${p.ratio.toFixed(1)}×`;
      rows.push([label, String(leadersIn(file)), 'year', ...planCells(p, goal)]);
    } catch (e) {
      headline[key] = failedCell(e);
      rows.push([label, String(leadersIn(file)), 'year', '', '', '', failedCell(e), '']);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'rota-bench-years-'));
  const sizes = { township: o.quick ? [8, 15] : [8, 15, 30, 60], county: o.quick ? [20] : [20, 40, 80] };
  for (const preset of ['township', 'county'] as const) {
    for (const n of sizes[preset]) {
      const config = join(dir, `${preset}-${n}`, 'rota.json');
      writeTownship(dirname(config), 5, { leaders: n, preset });
      rows.push([`${preset} (generated)`, String(n), ...longestHorizon(config, o.capMs / 2)]);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return [
    {
      title: 'Township and county plans 乡镇、县级: a year, and how cost grows with leaders',
      header: [
        'office',
        'leaders',
        'horizon',
        'working days',
        'duties (接访/下访)',
        'unmet quotas',
        'rota plan --json ms',
        'ratio to node -e 0 vs goal',
      ],
      rows,
      headline,
      notes: [
        `Whole process \`node bin/rota.js plan -c FILE --from … --to … --json\`, paired with node -e 0 (${pairs} pair${pairs > 1 ? 's' : ''} for the fixtures, each against the median of three node -e 0, capped at ${o.capMs / 1000} s; 1 for generated offices, capped at ${o.capMs / 2000} s).`,
        'Goals: a township year (小拐乡, 15 leaders) ≤ 10 × node -e 0, a county year (克拉玛依区) ≤ 25 ×.',
        "Generated offices (test/bench/township-gen.ts, seed 5: 4-12 sites, leaves, now and then a local closure day) are planned for the week 2025-01-06~12, January, Q1, then the year 2025, each only while twice the previous horizon's pace (ms per day) says the next fits the cap; the row shows the longest horizon that finished.",
        "Unmet quotas are the holiday-shortened weeks (e.g. 2025-W05 has one working day), weeks cut by the window's edges and leaders away a whole week; each is reported with its reason.",
      ],
    },
  ];
}

/**
 * The longest of HORIZONS whose plan finishes within the cap: horizon, then planCells; or why none did.
 * A horizon is skipped when twice the last one's pace (ms per day) says it would pass the cap: cost grows
 * faster than the days (a whole month or more of leaders in one model), and a run stopped at its cap is
 * a cap's time lost.
 */
function longestHorizon(config: string, capMs: number): string[] {
  let best: string[] = [];
  let paceMs = 0;
  for (const [name, from, to] of HORIZONS) {
    if (2 * paceMs * days(from, to) > capMs) return [...best.slice(0, -1), `${best.at(-1)}; ${name} predicted > cap`];
    try {
      const p = paired(planArgs(config, from, to), 1, undefined, capMs);
      best = [name, ...planCells(p)];
      paceMs = p.ms / days(from, to);
    } catch (e) {
      if (!(e instanceof OverCap) || best.length === 0) return [name, '', '', '', failedCell(e), ''];
      return [...best.slice(0, -1), `${best.at(-1)}; ${name} ${failedCell(e)}`];
    }
  }
  return best;
}

/** Objective levels, highest priority first (all minimised): unstaffed/quota/sites/activities/consecutive/unevenness. */
const levels = (r: PlanReport) => [
  r.unstaffed,
  r.objective.quota,
  r.objective['site-demand'],
  r.objective['fewest-activities'],
  r.objective['no-consecutive-days'],
  r.objective['even-spread'],
];

/** A copy of the fixture's rota.json in `dir`, its lists by absolute path, solved with `decompose`. */
function withDecompose(dir: string, fixture: string, decompose: string): string {
  const config = JSON.parse(readFileSync(fixture, 'utf8'));
  const absolute = (f: string) => resolve(dirname(fixture), f);
  const file = join(dir, `${decompose}-${fixture.replace(/\W+/g, '-')}`);
  writeFileSync(
    file,
    JSON.stringify({
      ...config,
      $schema: undefined,
      leaders: config.leaders.map(absolute),
      sites: absolute(config.sites),
      rotation: { decompose },
    }),
  );
  return file;
}

/** The decomposed plan's objective against the whole-horizon optimum, on windows where one model still solves. */
export function qualityBench(o: BenchOptions): BenchSection[] {
  const dir = mkdtempSync(join(tmpdir(), 'rota-bench-quality-'));
  const windows = [
    ['township 2025-03', 'fixtures/township/rota.json', '2025-03-01', '2025-03-31', 'week', 'whole'],
    ['township 2025-05-05~05-30', 'fixtures/township/rota.json', '2025-05-05', '2025-05-30', 'week', 'whole'],
    // Not the county's own decomposition: shows why the county preset plans month by month.
    ['county 2025-04', 'fixtures/county/rota.json', '2025-04-01', '2025-04-30', 'week', 'month'],
  ] as const;
  const rows = (o.quick ? windows.slice(0, 1) : windows).map(([label, fixture, from, to, part, whole]) => {
    const run = (how: string) => {
      const p = timeRun(planArgs(withDecompose(dir, fixture, how), from, to), [0], o.capMs);
      return { ms: p.ms, levels: levels(JSON.parse(p.stdout).report as PlanReport) };
    };
    const d = run(part);
    let w: ReturnType<typeof run>;
    try {
      w = run(whole);
    } catch (e) {
      return [label, part, d.levels.join('/'), whole, failedCell(e), '', d.ms.toFixed(0), ''];
    }
    const soft = (l: number[]) => l[4] + l[5];
    return [
      label,
      part,
      d.levels.join('/'),
      whole === 'month' ? 'month (one chunk = whole)' : 'whole',
      w.levels.join('/'),
      `${d.levels.slice(0, 4).join() === w.levels.slice(0, 4).join() ? 'equal' : fixture.includes('county') ? 'differ (why the county plans by month)' : 'differ ✗'}; soft ${soft(w.levels) ? (soft(d.levels) / soft(w.levels)).toFixed(2) : '—'}× (≤ 1.2)`,
      d.ms.toFixed(0),
      w.ms.toFixed(0),
    ];
  });
  rmSync(dir, { recursive: true, force: true });
  return [
    {
      title: 'Decomposition quality 分解求解与整体求解',
      header: [
        'window',
        'decomposed by',
        'levels',
        'whole horizon',
        'levels',
        'first four levels; consecutive + unevenness as a ratio to the whole-horizon optimum',
        'decomposed ms',
        'whole ms',
      ],
      rows,
      notes: [
        "Levels, highest priority first, all minimised: unstaffed / quota shortfall / site shortfall / activities / consecutive-day pairs / unevenness (Σ n(n−1)/2 per leader and kind), from each plan's report.",
        `Whole processes \`rota plan --json\` of a copy of the fixture's rota.json with rotation.decompose set, each capped at ${o.capMs / 1000} s.`,
        'Stated bound: where one whole-horizon model solves, the decomposed plan has the same first four levels and its consecutive-day pairs + unevenness are within 1.2× the whole-horizon plan (measured on 28 random township months by test/decompose-bound.test.ts: 1.00–1.16×, above 1.10 in 9); test/rotation-property.test.ts checks the first four levels on random instances.',
        'Monthly rules decompose by month: county April 2025 cut by week plans more activities than the month model, which is why the county preset decomposes by month. A whole-horizon model of two township months or a county quarter does not finish within minutes (township September 2025 as one model took 136 s), so windows stay within a month.',
      ],
    },
  ];
}
