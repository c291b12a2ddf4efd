// Benchmark of the planner: the seed round and generated rounds (40/200/1000 leaders × 12/60/250
// working days): model size, solve time, and the whole `rota plan` beside a bare `node -e 0`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCalendar } from '../../src/core/calendar.js';
import { SEED_CONFIG } from '../../src/core/config.js';
import { addDays } from '../../src/core/dates.js';
import { plan } from '../../src/core/engine/index.js';
import type { HistoryRecord } from '../../src/core/engine/types.js';
import { type Leader, RANKS } from '../../src/core/types.js';
import { loadConfig } from '../../src/io/config-file.js';
import { loadHistory } from '../../src/io/history.js';
import { loadLeaders } from '../../src/io/load.js';
import type { BenchSection } from './section.js';

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall time of a command, median of `runs`. */
export function wall(args: string[], runs: number, cwd?: string): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(args[0], args.slice(1), { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    ts.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(ts);
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['建国', '海燕', '立新', '志强', '丽', '伟', '静', '芳', '德胜', '晓军'];
const UYGHUR = ['艾力·买买提', '阿依古丽·吐尔逊', '努尔兰·哈力木', '热依拉·艾买提', '库尔班·尼亚孜', '古丽娜·艾山'];

interface Generated {
  dir: string;
  config: string;
  leaders: Leader[];
  history: HistoryRecord[];
  from: string;
  to: string;
  maxPerLeader: number;
}

/** A round of `n` leaders over `w` working days from 2025-01-02, written as CSV files for the CLI too. */
function generate(n: number, w: number): Generated {
  const cal = makeCalendar({ region: 'xinjiang' });
  const from = '2025-01-02';
  let to = from;
  for (let count = cal.isWorkingDay(from) ? 1 : 0; count < w; ) {
    to = addDays(to, 1);
    if (cal.isWorkingDay(to)) count++;
  }
  const days = cal.workingDays(from, to);
  const random = rng(n * 1000 + w);
  const insts = SEED_CONFIG.institutions.map((i) => i.name);
  const leaders: Leader[] = [];
  for (let i = 0; i < n; i++) {
    const base = i % 7 === 3 ? UYGHUR[i % UYGHUR.length] : `${SURNAMES[i % 10]}${GIVEN[Math.floor(i / 10) % 10]}`;
    const away = days.filter(() => random() < 0.1);
    leaders.push({
      name: `${base}${Math.floor(i / 100) || ''}${i % 100 >= 10 || i >= 100 ? '' : ''}${i}`,
      institution: insts[i % insts.length],
      title: '副职',
      rank: random() < 0.1 ? '正科级' : RANKS[random() < 0.3 ? 0 : 1],
      portfolio: '分管工作',
      unavailable: away,
      liaison: '',
      phone: '',
    });
  }
  const history: HistoryRecord[] = leaders
    .filter(() => random() < 0.5)
    .map((l) => ({ date: '2025-01-02', kind: '接访', name: l.name, institution: l.institution }));
  const eligiblePerInst = Math.max(1, Math.floor((n * 0.9) / insts.length));
  const maxPerLeader = Math.max(1, Math.ceil(w / insts.length / (eligiblePerInst * 0.8)));
  const dir = mkdtempSync(join(tmpdir(), `rota-bench-${n}-${w}-`));
  const csv = (rows: string[][]) => `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
  writeFileSync(
    join(dir, 'leaders.csv'),
    csv([
      ['姓名', '单位', '职务', '级别', '分管工作', '不可接访日期'],
      ...leaders.map((l) => [l.name, l.institution, l.title, l.rank, l.portfolio, l.unavailable.join(';')]),
    ]),
  );
  writeFileSync(
    join(dir, 'history.csv'),
    csv([['日期', '类型', '单位', '姓名'], ...history.map((h) => [h.date, h.kind, h.institution, h.name])]),
  );
  const config = join(dir, 'rota.json');
  writeFileSync(config, JSON.stringify({ from, to, region: 'xinjiang', leaders: ['leaders.csv'], history: ['history.csv'], maxPerLeader }));
  return { dir, config, leaders, history, from, to, maxPerLeader };
}

/** Loads a round the way the CLI does (outside the timing), then times plan() alone. */
function solveTime(configFile: string, runs: number) {
  const { config } = loadConfig(configFile);
  const c = config!;
  const { leaders } = loadLeaders(c.leaders, c);
  const { records } = loadHistory(c.history, leaders, c.institutions);
  const days = makeCalendar({ region: c.region }).days(c.from, c.to);
  const ts: number[] = [];
  let result = plan({ config: c, days, leaders, history: records });
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = plan({ config: c, days, leaders, history: records });
    ts.push(performance.now() - t);
  }
  return { ms: median(ts), result };
}

export function planBench(): BenchSection[] {
  const rows: string[][] = [];
  const bare = wall(['node', '-e', '0'], 11);
  const cases: Array<{ label: string; config: string; n: number; w: number; cliRuns: number; solveRuns: number }> = [
    { label: 'seed round (fixtures)', config: 'fixtures/rota.json', n: 21, w: 12, cliRuns: 11, solveRuns: 5 },
  ];
  for (const n of [40, 200, 1000]) {
    for (const w of [12, 60, 250]) {
      const g = generate(n, w);
      const big = n * w >= 50_000;
      cases.push({
        label: `generated, maxPerLeader ${g.maxPerLeader}`,
        config: g.config,
        n,
        w,
        cliRuns: big ? 3 : 5,
        solveRuns: big ? 1 : 3,
      });
    }
  }
  for (const k of cases) {
    const { ms, result } = solveTime(k.config, k.solveRuns);
    const cli = wall(['node', 'bin/rota.js', 'plan', '-c', k.config, '--json'], k.cliRuns);
    const r = result.report;
    rows.push([
      k.label,
      String(k.n),
      String(r.workingDays),
      r.status,
      String(r.model.components),
      String(r.model.variables),
      String(r.model.constraints),
      ms.toFixed(1),
      cli.toFixed(0),
      bare.toFixed(0),
      (cli / bare).toFixed(2),
    ]);
  }
  return [
    {
      title: 'rota plan: model size, solve time, CLI wall time',
      header: [
        'round',
        'leaders',
        'working days',
        'status',
        'components',
        'variables',
        'constraints',
        'solve ms (median)',
        'rota plan ms (median)',
        'node -e 0 ms (median)',
        'ratio',
      ],
      rows,
      notes: [
        'solve ms: plan() alone (model building + javascript-lp-solver on every component + report), inputs already loaded; median of 3–5 runs after one warm-up (1 run for the largest).',
        'rota plan ms: whole `node bin/rota.js plan -c … --json` spawned, median of 3–11 runs; node -e 0 median of 11 runs in the same process run.',
        'Targets: seed round ≤ 1.5 × node -e 0; 200 leaders × 250 working days solved in under 1 s.',
        'Generated rounds: 6 institutions in cycle order, ~10% 正科级 (never scheduled), ~10% of days unavailable, half the leaders already served this quarter; maxPerLeader set so the round is feasible.',
      ],
    },
  ];
}
