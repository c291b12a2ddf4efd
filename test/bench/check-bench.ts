// Benchmark of `rota check` on a city's records: both 接访 and 下访 on every working day for 2,025
// leaders, 1,000,000 lines (2024) and 5,000,000 (2020-2024, the same leaders, so only the lines grow);
// the whole CLI's wall time and peak RSS beside DuckDB counting the same file in its own process in
// the same run. Then `rota check --batch` of 100 offices against checking them one process at a time.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCalendar } from '../../src/core/calendar.js';
import { isoWeekKey } from '../../src/core/dates.js';
import { DISTRICT_INSTITUTIONS } from '../../src/core/institutions.js';
import { median, ratioText, timeRun } from './paired.js';
import type { BenchSection } from './section.js';

/** The repository root: benchmarks are run from it. */
const ROOT = process.cwd();
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚';
const GIVEN = '建国志强丽娟海燕立新振华明伟芳静德胜晓军';

interface GenLeader {
  name: string;
  institution: string;
  title: string;
  rank: string;
}

export function benchLeaders(n: number): GenLeader[] {
  const out: GenLeader[] = [];
  for (let i = 0; i < n; i++) {
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}${i}`;
    const county = i % 10 < 3;
    out.push({
      name,
      institution: DISTRICT_INSTITUTIONS[i % 6].name,
      title: county ? '副区长' : '街道办事处副主任',
      rank: county ? '副处级' : '副科级',
    });
  }
  return out;
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const ws = createWriteStream(path);
  let buf: string[] = [];
  for (const l of lines) {
    buf.push(l);
    if (buf.length === 10_000) {
      if (!ws.write(buf.join(''))) await new Promise<void>((r) => ws.once('drain', () => r()));
      buf = [];
    }
  }
  ws.end(buf.join(''));
  await new Promise<void>((r) => ws.once('finish', () => r()));
}

export type Density = 'weekly' | 'daily' | 'daily-both';

/**
 * Writes leaders.csv and a records file (default: for 2024) into `dir`: `weekly` has one 接访 on the first
 * working day of each ISO week, `daily` a 接访 on every working day, `daily-both` also a 下访
 * (capped at `maxLines`). All comply with the seed rules, so every run judges the same periods
 * with the same outcome and only the number of lines differs.
 */
export async function generateCity(
  dir: string,
  leaders: GenLeader[],
  density: Density,
  maxLines = Infinity,
  years: { from: string; to: string } = { from: '2024-01-01', to: '2024-12-31' },
): Promise<{ leadersFile: string; recordsFile: string; lines: number }> {
  const leadersFile = join(dir, 'leaders.csv');
  await writeLines(leadersFile, [
    '\uFEFF姓名,单位,职务,级别\r\n',
    ...leaders.map((l) => `${l.name},${l.institution},${l.title},${l.rank}\r\n`),
  ]);
  const all = makeCalendar({ region: 'xinjiang' })
    .days(years.from, years.to)
    .filter((d) => d.working);
  const days = density === 'weekly' ? all.filter((d, i) => i === 0 || isoWeekKey(all[i - 1].date) !== isoWeekKey(d.date)) : all;
  const kinds = density === 'daily-both' ? ['接访', '下访'] : ['接访'];
  let lines = 0;
  function* rows(): Generator<string> {
    yield '\uFEFF日期,星期,类型,单位,姓名,职务,分管工作,地点\r\n';
    for (const d of days) {
      for (const kind of kinds) {
        for (const l of leaders) {
          if (lines >= maxLines) return;
          lines++;
          yield `${d.date},${d.weekday},${kind},${l.institution},${l.name},${l.title},信访、维稳,${kind === '接访' ? '区人民群众信访服务中心' : '昆仑路街道友谊社区'}\r\n`;
        }
      }
    }
  }
  const recordsFile = join(dir, `records-${density}.csv`);
  await writeLines(recordsFile, rows());
  return { leadersFile, recordsFile, lines };
}

export interface CheckRun {
  seconds: number;
  peakRssMiB: number;
  exitCode: number | null;
  stderr: string;
}

/** Runs `node bin/rota.js check …` once, measuring wall time and peak RSS. */
export function measureCheck(args: string[]): CheckRun {
  return measureNode([join(ROOT, 'bin/rota.js'), 'check', ...args]);
}

/** Runs node with `args` once, measuring wall time and peak RSS. */
function measureNode(args: string[]): CheckRun {
  const rssFile = join(mkdtempSync(join(tmpdir(), 'rota-rss-')), 'rss');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test/bench/maxrss-preload.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ROTA_MAXRSS_FILE: rssFile },
    maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - t0) / 1000;
  const peakRssMiB = +readFileSync(rssFile, 'utf8') / 1024;
  rmSync(rssFile, { force: true });
  return { seconds, peakRssMiB, exitCode: r.status, stderr: r.stderr };
}

/**
 * DuckDB computing the same counts on the same file, in its own node process (start-up and loading
 * DuckDB included, as rota's start-up is): one GROUP BY of records per leader, kind and ISO week (the
 * periods of the weekly rule), reading the whole CSV on all cores.
 */
function duckdb(file: string): CheckRun {
  const sql = `SELECT column4 AS name, column2 AS kind, date_trunc('week', CAST(column0 AS DATE)) AS week, count(*) AS n
    FROM read_csv('${file.replace(/'/g, "''")}', header = false, skip = 1, all_varchar = true) GROUP BY ALL`;
  const script = `import { DuckDBInstance } from '@duckdb/node-api';
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const rows = (await c.runAndReadAll(${JSON.stringify(sql)})).getRows();
    if (rows.length === 0) process.exit(3);`;
  const run = measureNode(['--input-type=module', '-e', script]);
  if (run.exitCode !== 0) throw new Error(`DuckDB exited ${run.exitCode}: ${run.stderr.slice(0, 300)}`);
  return run;
}

/** `count` offices of 20 leaders, each with a year of records (about 10,000 lines), under dir/in. */
async function offices(dir: string, count: number): Promise<string> {
  const root = join(dir, 'in');
  for (let i = 0; i < count; i++) {
    const office = join(root, `区${String(i + 1).padStart(3, '0')}`);
    mkdirSync(office, { recursive: true });
    const g = await generateCity(office, benchLeaders(20), 'daily-both');
    writeFileSync(
      join(office, 'rota.json'),
      JSON.stringify({ leaders: ['leaders.csv'], history: [g.recordsFile.slice(office.length + 1)] }),
    );
  }
  return root;
}

export async function checkBench(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'rota-check-bench-'));
  try {
    const rows: string[][] = [];
    const headline: Record<string, string> = {};
    // The same 2,025 leaders: one year is 1M lines, five years 5M.
    const leaders = benchLeaders(2025);
    // (Five years are 5,062,500 lines: all kept, so that the last weeks are whole and every leader complies.)
    for (const [lines, from, pairs] of [
      [1_000_000, '2024-01-01', 3],
      [Infinity, '2020-01-01', 1],
    ] as const) {
      const range = { from, to: '2024-12-31' };
      const g = await generateCity(dir, leaders, 'daily-both', lines, range);
      const mb = statSync(g.recordsFile).size / 1e6;
      const ratios: number[] = [];
      const runs: CheckRun[] = [];
      const duck: CheckRun[] = [];
      for (let i = 0; i < pairs; i++) {
        duck.push(duckdb(g.recordsFile));
        const run = measureCheck([g.recordsFile, '--leaders', g.leadersFile, '--from', range.from, '--to', range.to]);
        if (run.exitCode !== 0) throw new Error(`rota check exited ${run.exitCode}: ${run.stderr.slice(0, 500)}`);
        runs.push(run);
        ratios.push(run.seconds / duck[i].seconds);
        process.stderr.write(`bench: check ${g.lines} lines ${run.seconds.toFixed(2)} s, DuckDB ${duck[i].seconds.toFixed(2)} s\n`);
      }
      if (lines === 1_000_000) headline['check 1M vs DuckDB'] = `${median(ratios).toFixed(2)}×`;
      rows.push([
        g.lines.toLocaleString('en'),
        `${from.slice(0, 4)}-2024`,
        `${mb.toFixed(0)} MB`,
        median(runs.map((r) => r.seconds)).toFixed(2),
        median(duck.map((r) => r.seconds)).toFixed(2),
        ratioText(median(ratios), 1.5),
        Math.max(...runs.map((r) => r.peakRssMiB)).toFixed(0),
        Math.max(...duck.map((r) => r.peakRssMiB)).toFixed(0),
      ]);
      rmSync(g.recordsFile);
    }
    // The batch: 100 offices in worker threads against the same offices one process each (5 of them, × 20).
    const root = await offices(dir, 100);
    const batchMs = timeRun([process.execPath, join(ROOT, 'bin/rota.js'), 'check', '--batch', root, '--year', '2024']).ms;
    const singles = ['区001', '区002', '区003', '区004', '区005'].map(
      (o) => timeRun([process.execPath, join(ROOT, 'bin/rota.js'), 'check', '-c', join(root, o, 'rota.json'), '--year', '2024']).ms,
    );
    const oneByOne = median(singles) * 100;
    return {
      title: 'rota check 记录检查: against DuckDB on the same file',
      header: [
        'record lines',
        'years',
        'file',
        'rota check s',
        'DuckDB s',
        'ratio to DuckDB vs goal',
        'rota peak RSS MiB',
        'DuckDB peak RSS MiB',
      ],
      rows: [
        ...rows,
        [
          '100 offices × ~10,000 (check --batch)',
          '2024',
          '',
          (batchMs / 1000).toFixed(2),
          '',
          `${(batchMs / oneByOne).toFixed(2)}× one process per office (${(oneByOne / 1000).toFixed(1)} s)`,
          '',
          '',
        ],
      ],
      headline,
      notes: [
        'Whole CLI run `node bin/rota.js check FILE --leaders … --from … --to …` (start-up, leader list, every line checked, 4 rules judged per leader and period), paired with DuckDB (@duckdb/node-api) in its own node process counting the same file per leader, kind and week with one GROUP BY on all cores; 3 pairs for 1M lines, 1 for 5M; the ratio is the median of the per-pair ratios.',
        'Both files: 2,025 leaders with 接访 and 下访 on every working day (1M: 2024, capped at 1,000,000 lines; 5M: 2020-2024, whole), so all comply (exit 0) and only the lines and the periods judged grow. Peak RSS: the whole process.',
        'check --batch: 100 offices of 20 leaders (a year each, about 1M lines in all) in worker threads on all cores, against 100 × the median of 5 offices each checked by its own `rota check -c OFFICE/rota.json` process.',
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
