// The browser app 排班助手.html in chromium, from file://, against the built CLI on the same inputs:
// the same timetable day by day, the same bytes exported, a swap refused with the rule's sentence
// and a valid one applied, a county year planned in the worker while the page keeps handling
// input, nothing requested from anywhere, axe-core clean after each step, the work kept on reload.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESET_IDS } from '../src/core/presets.js';
import { APP_URL, axeViolations, exported, openApp, shownTimetable } from './browser/app-page.js';
import { launchChromium } from './browser/launch.js';

// biome-ignore lint/suspicious/noExplicitAny: browser globals, typed loosely on purpose
declare const window: any, document: any;

const ROTA = resolve('bin/rota.js');

/** The built CLI in `cwd`; its exit code, stdout and stderr. */
function rota(cwd: string, args: string[]) {
  const r = spawnSync('node', [ROTA, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder with the files under the names the page gets them by (so paths in timetable.json agree). */
/** Picks the seed round's three files from `dir` as a clerk would: 配置文件, 领导名单, 接访记录. */
async function pickSeedFiles(page: Page, dir: string): Promise<void> {
  await page.getByLabel('配置文件', { exact: true }).setInputFiles(join(dir, 'rota.json'));
  await page.getByLabel('领导名单', { exact: true }).setInputFiles(join(dir, 'leaders.csv'));
  await page.getByLabel('接访记录', { exact: true }).setInputFiles(join(dir, 'history.csv'));
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rota-app-'));
  for (const [name, from] of Object.entries(files)) copyFileSync(from, join(dir, name));
  return dir;
}

/** The page's re-publication (CSV, calendar, JSON, change notice) is what the CLI wrote in `out`, byte for byte. */
async function expectRepublication(page: Page, out: string): Promise<void> {
  for (const [button, files] of [
    ['导出 CSV', ['timetable.csv']],
    ['导出日历', ['timetable.ics']],
    ['导出 JSON', ['timetable.json']],
    ['导出调整公告', ['change-notice.html', 'change-notice.txt']],
  ] as const) {
    const got = await exported(page, button, files.length);
    for (const f of files) expect(got.get(f)?.toString('utf8'), f).toEqual(readFileSync(join(out, f), 'utf8'));
    for (const f of files) expect(got.get(f), f).toEqual(readFileSync(join(out, f)));
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('排班助手.html', () => {
  it('plans the seed round as `rota plan` does, exports the same bytes, refuses a bad swap and applies a good one, keeps the work over a reload', async () => {
    const dir = folder({ 'rota.json': 'fixtures/rota.json', 'leaders.csv': 'fixtures/leaders.csv', 'history.csv': 'fixtures/history.csv' });
    const app = await openApp(browser);
    const { page } = app;
    expect(await axeViolations(page)).toEqual([]);
    // The kind picker offers every preset a rota.json may name, the offices' too.
    expect(await page.$$eval('#kind option', (os) => os.map((o) => (o as { value: string }).value))).toEqual([...PRESET_IDS]);

    await pickSeedFiles(page, dir);
    await expect.poll(() => page.textContent('#file-history + .picked, #picked-history')).toContain('history.csv');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '排班', exact: true }).click();
    await page.waitForSelector('#timetable');
    const cli = JSON.parse(rota(dir, ['plan', '-c', 'rota.json', '--json']).stdout) as { duties: Array<{ date: string; name: string }> };
    const shown = await shownTimetable(page);
    expect(shown.map((d) => [d.date, d.name])).toEqual(cli.duties.map((d) => [d.date, d.name]));
    expect(await axeViolations(page)).toEqual([]);

    // Exports: byte for byte what `rota plan --out` writes for the same inputs.
    expect(rota(dir, ['plan', '-c', 'rota.json', '--out', 'out', '--ics-per-leader']).code).toBe(0);
    const out = join(dir, 'out');
    for (const [button, file] of [
      ['导出 CSV', 'timetable.csv'],
      ['导出网页', 'timetable.html'],
      ['导出日历', 'timetable.ics'],
      ['导出 JSON', 'timetable.json'],
    ]) {
      const got = await exported(page, button);
      expect(got.get(file), file).toEqual(readFileSync(join(out, file)));
    }
    const perLeader = readdirSync(join(out, 'ics'));
    const leaderFiles = await exported(page, '导出各人日历', perLeader.length);
    for (const f of perLeader) expect(leaderFiles.get(f), f).toEqual(readFileSync(join(out, 'ics', f)));

    // 今天 before the round: no day is past yet (kept in the saved state, as the CLI's --today).
    await page.getByLabel(/今天/).fill('2024-12-10');
    // A swap to a leader who breaks a rule is refused with the rule's sentence; a valid one is applied.
    const first = shown[0];
    await page.getByRole('button', { name: `换人 ${first.date} ${first.name}` }).click();
    await page.waitForSelector('#substitute'); // judged in the worker
    const options: string[] = await page.$$eval('#substitute option', (os) => os.map((o) => o.textContent ?? ''));
    const bad = options.findIndex((o) => o.startsWith('✗'));
    const good = options.findIndex((o) => o.startsWith('✓'));
    expect(bad).toBeGreaterThanOrEqual(0);
    expect(good).toBe(0);
    await page.selectOption('#substitute', String(bad));
    await page.getByRole('button', { name: '确定调整 apply' }).click();
    const refusal = await page.getByRole('alert').textContent();
    expect(refusal).toMatch(/不能这样调整.*违反「.+」/);
    expect(refusal).toContain(options[bad].split('：违反')[1]?.slice(0, 8) ?? '违反');
    expect(await axeViolations(page)).toEqual([]);
    const goodName = /✓ 可以 (.+?)（(.+?)，/.exec(options[good])!;
    await page.selectOption('#substitute', String(good));
    await page.getByRole('button', { name: '确定调整 apply' }).click();
    await expect.poll(async () => (await shownTimetable(page))[0].name).toBe(goodName[1]);
    expect(await axeViolations(page)).toEqual([]);

    // The same swap through the CLI: the same re-publication (raised SEQUENCE, the change notice).
    const swapped = rota(dir, [
      'swap',
      'out/timetable.csv',
      first.date,
      '--with',
      `${goodName[2]}:${goodName[1]}`,
      '-c',
      'rota.json',
      '--out',
      'out2',
      '--today',
      '2024-12-10',
    ]);
    expect(swapped.code, swapped.stderr).toBe(0);
    await expectRepublication(page, join(dir, 'out2'));

    // Reload: the files, the timetable and the edit are still there.
    await page.reload();
    await page.waitForSelector('#timetable');
    expect((await shownTimetable(page))[0].name).toBe(goodName[1]);
    expect(await page.textContent('#picked-leaders')).toContain('leaders.csv');
    expect(await axeViolations(page)).toEqual([]);
    // 清除 forgets everything (after asking).
    await page.getByRole('button', { name: '清除 clear all' }).click();
    await page.getByRole('button', { name: '确定清除 clear everything' }).click();
    expect(await page.$('#timetable')).toBeNull();
    await page.reload();
    expect(await page.$('#timetable')).toBeNull();

    expect(app.requests.filter((u) => u !== APP_URL && !u.startsWith('blob:'))).toEqual([]);
    expect(app.errors).toEqual([]);
    await app.context.close();
  }, 180_000);

  it('reads a GB18030 leader list (Excel\'s "CSV") into the same timetable', async () => {
    const dir = folder({ 'rota.json': 'fixtures/rota.json', 'history.csv': 'fixtures/history.csv' });
    writeFileSync(join(dir, 'leaders.csv'), iconv.encode(readFileSync('fixtures/leaders.csv', 'utf8').replace(/^\uFEFF/, ''), 'gb18030'));
    const app = await openApp(browser);
    const { page } = app;
    await pickSeedFiles(page, dir);
    await page.getByRole('button', { name: '排班', exact: true }).click();
    await page.waitForSelector('#timetable');
    const cli = JSON.parse(rota(dir, ['plan', '-c', 'rota.json', '--json']).stdout) as { duties: Array<{ date: string; name: string }> };
    expect((await shownTimetable(page)).map((d) => [d.date, d.name])).toEqual(cli.duties.map((d) => [d.date, d.name]));
    expect(app.errors).toEqual([]);
    await app.context.close();
  }, 60_000);

  it("lists every problem of the lists with file, line and field in the CLI's words, and plans nothing until they are fixed", async () => {
    const dir = folder({ 'rota.json': 'fixtures/rota.json', 'history.csv': 'fixtures/history.csv' });
    const lines = readFileSync('fixtures/leaders.csv', 'utf8').split(/\r?\n/);
    lines[2] = lines[2].replace(',区委,', ',区委宣传部门口,');
    lines[4] = lines[4].replace(/正处级|副处级|正科级/, '处长级');
    writeFileSync(join(dir, 'leaders.csv'), lines.join('\n'));
    const cli = rota(dir, ['plan', '-c', 'rota.json']);
    expect(cli.code).toBe(2);
    const expected = cli.stderr.split('\n').filter((l) => l.startsWith('leaders.csv:'));
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const app = await openApp(browser, { width: 360, height: 740 });
    const { page } = app;
    await pickSeedFiles(page, dir);
    await expect.poll(() => page.$$eval('.problems li', (li) => li.map((x) => x.textContent))).toEqual(expect.arrayContaining(expected));
    expect(await page.getByRole('button', { name: '排班', exact: true }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
    await app.context.close();
  }, 60_000);

  it('re-plans the rest as `rota replan` does: the same timetable.json, calendar and change notice', async () => {
    const dir = folder({ 'rota.json': 'fixtures/rota.json', 'leaders.csv': 'fixtures/leaders.csv', 'history.csv': 'fixtures/history.csv' });
    // The published timetable beside the inputs, so the paths in the digest are the page's file names.
    expect(rota(dir, ['plan', '-c', 'rota.json', '--out', 'pub']).code).toBe(0);
    for (const f of ['timetable.csv', 'timetable.json']) copyFileSync(join(dir, 'pub', f), join(dir, f));
    const app = await openApp(browser);
    const { page } = app;
    await pickSeedFiles(page, dir);
    await page.getByRole('button', { name: '排班', exact: true }).click();
    await page.waitForSelector('#timetable');
    await page.getByLabel(/今天/).fill('2024-12-18');
    await page.getByRole('button', { name: '重新安排 re-plan' }).click();
    await expect.poll(() => page.textContent('#message')).toContain('接访安排调整公告');
    expect(await axeViolations(page)).toEqual([]);
    const cli = rota(dir, ['replan', '-c', 'rota.json', '--previous', 'timetable.csv', '--today', '2024-12-18', '--out', 'out']);
    expect(cli.code, cli.stderr).toBe(0);
    await expectRepublication(page, join(dir, 'out'));
    expect(app.errors).toEqual([]);
    await app.context.close();
  }, 120_000);

  // A county year: its months are integer programs (a township year is now a few hundred milliseconds
  // of network solves, over before a key press could show the page answering during the solve).
  it("plans a county year in the worker: a progress bar, input handled during the solve, the CLI's timetable", async () => {
    const dir = folder({ 'leaders.csv': 'fixtures/leaders.csv', 'sites.csv': 'fixtures/county/sites.csv' });
    const county = JSON.parse(readFileSync('fixtures/county/rota.json', 'utf8'));
    writeFileSync(join(dir, 'rota.json'), JSON.stringify({ ...county, $schema: undefined, leaders: ['leaders.csv'] }));
    const app = await openApp(browser);
    const { page } = app;
    await page.getByLabel('配置文件', { exact: true }).setInputFiles(join(dir, 'rota.json'));
    await page.getByLabel('领导名单', { exact: true }).setInputFiles(join(dir, 'leaders.csv'));
    await page.getByLabel('下访地点', { exact: true }).setInputFiles(join(dir, 'sites.csv'));
    await page.getByLabel(/起始日期/).fill('2025-01-01');
    await page.getByLabel(/结束日期/).fill('2025-12-31');
    await page.getByLabel(/结束日期/).press('Tab');
    await expect.poll(() => page.textContent('.calendar')).toContain('2025-12-31');
    expect(await axeViolations(page)).toEqual([]);

    // While the worker solves: the main thread's timer keeps ticking and each key press is handled.
    await page.evaluate(() => {
      const w = window;
      w.probe = { gaps: [] as number[], keys: 0, progress: 0, last: performance.now() };
      const tick = () => {
        const now = performance.now();
        const bar = document.getElementById('progress');
        if (bar) {
          w.probe.gaps.push(now - w.probe.last);
          w.probe.progress = Math.max(w.probe.progress, bar.value);
        }
        w.probe.last = now;
        if (!document.getElementById('timetable')) setTimeout(tick, 10);
      };
      tick();
      document.addEventListener('keydown', () => {
        if (document.getElementById('progress')) w.probe.keys++;
      });
    });
    await page.getByRole('button', { name: '排班', exact: true }).click();
    await page.waitForSelector('#progress');
    while (await page.$('#progress')) await page.keyboard.press('Shift');
    await page.waitForSelector('#timetable');
    const probe = await page.evaluate(() => window.probe);
    expect(probe.keys).toBeGreaterThan(0);
    expect(probe.progress).toBeGreaterThan(0);
    expect(Math.max(...probe.gaps)).toBeLessThan(250);

    const cli = rota(dir, ['plan', '-c', 'rota.json', '--from', '2025-01-01', '--to', '2025-12-31', '--json']);
    const duties = (JSON.parse(cli.stdout) as { duties: Array<{ date: string; name: string; kind: string; place: string }> }).duties;
    const shown = await shownTimetable(page);
    expect(shown.length).toBe(duties.length);
    expect(shown).toEqual(duties.map((d) => ({ date: d.date, kind: d.kind, name: d.name, place: d.place })));
    expect(await axeViolations(page)).toEqual([]);
    expect(app.requests.filter((u) => u !== APP_URL && !u.startsWith('blob:'))).toEqual([]);
    expect(app.errors).toEqual([]);
    await app.context.close();
  }, 180_000);
});
