// Benchmark of `rota check` on a city's year: every working day of 2024 with both 接访 and 下访 for
// 2,025 leaders (1,000,000 record lines) and 10,125 leaders (5,000,000), the whole CLI's wall time
// and peak RSS beside DuckDB counting the same file in the same run.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { makeCalendar } from '../../src/core/calendar.js';
import { isoWeekKey } from '../../src/core/dates.js';
import { DISTRICT_INSTITUTIONS } from '../../src/core/institutions.js';
import { median, ratioText } from './paired.js';
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
 * Writes leaders.csv and a records file for 2024 into `dir`: `weekly` has one 接访 on the first
 * working day of each ISO week, `daily` a 接访 on every working day, `daily-both` also a 下访
 * (capped at `maxLines`). All comply with the seed rules, so every run judges the same periods
 * with the same outcome and only the number of lines differs.
 */
export async function generateCity(
  dir: string,
  leaders: GenLeader[],
  density: Density,
  maxLines = Infinity,
): Promise<{ leadersFile: string; recordsFile: string; lines: number }> {
  const leadersFile = join(dir, 'leaders.csv');
  await writeLines(leadersFile, [
    '\uFEFF姓名,单位,职务,级别\r\n',
    ...leaders.map((l) => `${l.name},${l.institution},${l.title},${l.rank}\r\n`),
  ]);
  const all = makeCalendar({ region: 'xinjiang' })
    .days('2024-01-01', '2024-12-31')
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
  const rssFile = join(mkdtempSync(join(tmpdir(), 'rota-rss-')), 'rss');
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', join(ROOT, 'test/bench/maxrss-preload.mjs'), join(ROOT, 'bin/rota.js'), 'check', ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ROTA_MAXRSS_FILE: rssFile },
      maxBuffer: 1 << 30,
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  const peakRssMiB = +readFileSync(rssFile, 'utf8') / 1024;
  rmSync(rssFile, { force: true });
  return { seconds, peakRssMiB, exitCode: r.status, stderr: r.stderr };
}

/**
 * DuckDB's wall time for the same counts on the same file: one GROUP BY of records per leader, kind
 * and ISO week (the periods of the weekly rule), reading the whole CSV; instance start included.
 */
async function duckdbSeconds(file: string): Promise<number> {
  const t0 = performance.now();
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const sql = `SELECT column4 AS name, column2 AS kind, date_trunc('week', CAST(column0 AS DATE)) AS week, count(*) AS n
    FROM read_csv('${file.replace(/'/g, "''")}', header = false, skip = 1, all_varchar = true) GROUP BY ALL`;
  const rows = (await c.runAndReadAll(sql)).getRows();
  const seconds = (performance.now() - t0) / 1000;
  c.closeSync();
  db.closeSync();
  if (rows.length === 0) throw new Error('DuckDB counted nothing');
  return seconds;
}

export async function checkBench(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'rota-check-bench-'));
  try {
    const rows: string[][] = [];
    const headline: Record<string, string> = {};
    // 1M lines: a city of 2,025 leaders; 5M: 10,125 leaders. Both: both kinds on every working day of 2024.
    for (const [leaders, lines, pairs] of [
      [2025, 1_000_000, 3],
      [10_125, 5_000_000, 1],
    ]) {
      const g = await generateCity(dir, benchLeaders(leaders), 'daily-both', lines);
      const mb = statSync(g.recordsFile).size / 1e6;
      const ratios: number[] = [];
      const runs: CheckRun[] = [];
      const duck: number[] = [];
      for (let i = 0; i < pairs; i++) {
        duck.push(await duckdbSeconds(g.recordsFile));
        const run = measureCheck([g.recordsFile, '--leaders', g.leadersFile, '--year', '2024']);
        if (run.exitCode !== 0) throw new Error(`rota check exited ${run.exitCode}: ${run.stderr.slice(0, 500)}`);
        runs.push(run);
        ratios.push(run.seconds / duck[i]);
      }
      if (lines === 1_000_000) headline['check 1M vs DuckDB'] = `${median(ratios).toFixed(2)}×`;
      rows.push([
        g.lines.toLocaleString('en'),
        leaders.toLocaleString('en'),
        `${mb.toFixed(0)} MB`,
        median(runs.map((r) => r.seconds)).toFixed(2),
        Math.max(...runs.map((r) => r.peakRssMiB)).toFixed(0),
        median(duck).toFixed(2),
        ratioText(median(ratios), 1.5),
      ]);
      rmSync(g.recordsFile);
    }
    return {
      title: 'rota check 记录检查: against DuckDB on the same file',
      header: ['record lines', 'leaders', 'file', 'rota check s', 'peak RSS MiB', 'DuckDB s', 'ratio to DuckDB vs goal'],
      rows,
      headline,
      notes: [
        'Whole CLI run `node bin/rota.js check FILE --leaders … --year 2024` (start-up, leader list, every line checked, 4 rules judged per leader and period), paired with DuckDB (@duckdb/node-api, in the bench process) counting the same file per leader, kind and week with one GROUP BY; 3 pairs for 1M lines, 1 for 5M; the ratio is the median of the per-pair ratios.',
        'Peak RSS: the whole process. Memory follows the leaders (a per-leader, per-day grid), not the lines: the 5M-line file has 5 × the leaders.',
        'The files have both 接访 and 下访 for every leader on every working day of 2024 (capped at the line count), so all comply (exit 0).',
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
