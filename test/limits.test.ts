// Every input bounded before work starts (issue 24): each hostile or mistaken input of the issue
// ends in exit 2 with a sentence within 2 s beyond the CLI's own start-up, never exit 70, a native
// abort or a run that does not end. The start-up is measured beside each case, as the machine is shared.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../src/core/limits.js';

const dir = mkdtempSync(join(tmpdir(), 'rota-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => {
  const t0 = performance.now();
  const r = spawnSync('node', ['bin/rota.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t0 };
};
/** Runs rota and expects exit 2 with a sentence, no internal error, in 2 s beyond `rota --version`'s time. */
const refused = (args: string[], sentence: string) => {
  const startup = run(['--version']).ms;
  const r = run(args);
  expect(r.stderr).toContain(sentence);
  expect(r.stderr).not.toContain('internal error');
  expect(r.code).toBe(2);
  expect(r.ms).toBeLessThan(2000 + startup);
  return r;
};
const file = (name: string, content: string) => {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
};
const township = (name: string, fields: Record<string, unknown> = {}) => {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  for (const f of ['leaders.csv', 'sites.csv']) writeFileSync(join(d, f), readFileSync(join('fixtures/township', f)));
  const cfg = { ...JSON.parse(readFileSync('fixtures/township/rota.json', 'utf8')), ...fields };
  delete cfg.$schema;
  writeFileSync(join(d, 'rota.json'), JSON.stringify(cfg));
  return join(d, 'rota.json');
};
const sitesWith = (name: string, monthly: string) =>
  file(name, readFileSync('fixtures/township/sites.csv', 'utf8').replace('小拐乡小拐村村委会,1,', `小拐乡小拐村村委会,${monthly},`));
const HEADER = '姓名,单位,职务,级别\n';
const manyLeaders = (n: number) => HEADER + Array.from({ length: n }, (_, i) => `干部${i},乡政府,副乡长,副科级\n`).join('');

describe('special files are refused by their kind before a byte is read', () => {
  it('/dev/zero as a leader list', () => {
    refused(['plan', '-c', township('zero'), '--leaders', '/dev/zero'], '/dev/zero: 这是字符设备，不是普通文件，rota 不读取');
  });

  it('a FIFO as a leader list and as records to check', () => {
    const fifo = join(dir, 'fifo.csv');
    spawnSync('mkfifo', [fifo]);
    refused(['plan', '-c', township('fifo'), '--leaders', fifo], '这是管道（FIFO），不是普通文件');
    refused(['check', fifo, '-c', township('fifo')], '这是管道（FIFO），不是普通文件');
  });

  it('--out under /proc, or through a file, before planning', () => {
    refused(['plan', '-c', township('proc'), '--out', '/proc/x'], '/proc/x 在系统文件夹 /proc 下，那里不能存放文件');
    const cfg = township('through');
    refused(['plan', '-c', cfg, '--out', `${cfg}/发布`], '是一个文件，不是文件夹；请用 --out 指定一个文件夹');
  });
});

describe('numbers, lists and nesting past their limits', () => {
  it('a rota.json nested 5,000 levels deep', () => {
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const cfg = township('deep');
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace(/}$/, `,"rules":${deep}}`));
    refused(['plan', '-c', cfg], `嵌套超过 ${LIMITS.jsonDepth} 层`);
  });

  it('每月至少 = 1e308, and a phone number pasted as 1e9', () => {
    refused(['plan', '-c', township('e308'), '--sites', sitesWith('e308.csv', '1e308')], '每月至少: “1e308”超过上限 31');
    refused(['plan', '-c', township('e9'), '--sites', sitesWith('e9.csv', '1000000000')], '每月至少: “1000000000”超过上限 31');
  });

  it('10,006 sites', () => {
    const rows = Array.from({ length: 10_006 }, (_, i) => `村${i},村,地址${i},1\n`).join('');
    refused(
      ['plan', '-c', township('sites'), '--sites', file('sites.csv', `名称,类型,地址,每月至少\n${rows}`)],
      '下访地点有 10006 个，一次排班最多',
    );
  });

  it('30,000 leaders, and 10,000 leaders over two years', () => {
    refused(
      ['plan', '-c', township('leaders'), '--leaders', file('30k.csv', manyLeaders(30_000))],
      '领导名单共 30000 人，一次排班最多 10000 人',
    );
    const ten = file('10k.csv', manyLeaders(10_000));
    refused(
      ['plan', '-c', township('cells'), '--leaders', ten, '--from', '2025-01-01', '--to', '2026-12-31'],
      '10000 名领导 × 488 个工作日 = 4880000 格，一次排班最多 2500000 格',
    );
  });
});

describe('error output is bounded', () => {
  it('a 20 MB one-line file gives one short sentence, not 160 MB', () => {
    const r = refused(
      ['plan', '-c', township('oneline'), '--leaders', file('oneline.csv', `姓名,单位,${'a,'.repeat(10e6)}`)],
      '表头有 10000003 列，最多 1000 列',
    );
    expect(r.stderr.length).toBeLessThan(1000);
  });

  it('5,000 bad rows print the first 100 and count the rest; a long cell is echoed cut', () => {
    const bad = `${HEADER}${Array.from({ length: 5000 }, (_, i) => `干部${i},乡政府,副乡长,第${i}级\n`).join('')}`;
    const r = refused(['plan', '-c', township('many'), '--leaders', file('many.csv', bad)], '以上是前 100 处问题，另有 4900 处未列出');
    expect(r.stderr.split('\n').length).toBeLessThan(110);
    const long = `${HEADER}王一,乡政府,副乡长,${'级'.repeat(60_000)}\n`;
    const l = refused(['plan', '-c', township('long'), '--leaders', file('long.csv', long)], '…（共 60000 字符 60000 characters）');
    expect(l.stderr.length).toBeLessThan(2000);
  });
});
