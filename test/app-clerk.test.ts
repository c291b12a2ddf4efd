// 排班助手 as a clerk's daily tool (issue 23), in chromium from file://: lists picked in several goes
// all used and each removable; 清除 asks and can be undone; the page speaks its own words (no
// 命令后, 当前文件夹 or --options); problems with file, line and field; focus on the result after
// each action and the message beside its control; skip links and landmarks; the timetable one tab
// stop (a township year's 导出 a few Tabs from 排班); the 换人 list judged off the main thread (the
// longest main-thread task measured with the Long Tasks API); the county timetable.json names
// ../leaders.csv as the CLI does. axe reports nothing in every state.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, exported, openApp, shownTimetable } from './browser/app-page.js';
import { launchChromium } from './browser/launch.js';
import { planTownshipYear, townshipYearFolder } from './browser/township.js';

// biome-ignore lint/suspicious/noExplicitAny: browser globals, typed loosely on purpose
declare const window: any, document: any, PerformanceObserver: any, getComputedStyle: any;

const ROTA = resolve('bin/rota.js');
const rota = (cwd: string, args: string[]) => spawnSync('node', [ROTA, ...args], { cwd, encoding: 'utf8' });
const CLI_WORDS = /命令后|当前文件夹|--[a-z]/;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The seed round's files in a folder, the leader list split in two files (both with the header). */
function seedFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rota-clerk-'));
  copyFileSync('fixtures/rota.json', join(dir, 'rota.json'));
  copyFileSync('fixtures/history.csv', join(dir, 'history.csv'));
  const [header, ...rows] = readFileSync('fixtures/leaders.csv', 'utf8').trimEnd().split(/\r?\n/);
  const half = Math.floor(rows.length / 2);
  writeFileSync(join(dir, 'leaders-a.csv'), `${[header, ...rows.slice(0, half)].join('\n')}\n`);
  writeFileSync(join(dir, 'leaders-b.csv'), `${[header.replace(/^\uFEFF/, ''), ...rows.slice(half)].join('\n')}\n`);
  return dir;
}

/** Picks a seedFolder's rota.json, records and both leader lists. */
async function pickSeedFiles(page: Page, dir: string): Promise<void> {
  await page.getByLabel('配置文件', { exact: true }).setInputFiles(join(dir, 'rota.json'));
  await page.getByLabel('接访记录', { exact: true }).setInputFiles(join(dir, 'history.csv'));
  await page.getByLabel('领导名单', { exact: true }).setInputFiles([join(dir, 'leaders-a.csv'), join(dir, 'leaders-b.csv')]);
}

/** Long tasks (over 50 ms) on the main thread from now on, collected by the Long Tasks API. */
const watchLongTasks = (page: Page) =>
  page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list: { getEntries(): Array<{ duration: number }> }) => {
      for (const e of list.getEntries()) window.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
const longestTask = async (page: Page): Promise<number> => Math.max(0, ...(await page.evaluate(() => window.longTasks as number[])));

describe('排班助手 for a clerk', () => {
  it('opens without a command-line word, adds lists picked in two goes, removes one, plans as the CLI with both', async () => {
    const dir = seedFolder();
    const app = await openApp(browser);
    const { page } = app;
    const text = (await page.textContent('#app')) ?? '';
    expect(text).not.toMatch(CLI_WORDS);
    expect(text).toContain('请在「2 名单」中选择领导名单文件');
    expect(await page.$('.problems')).toBeNull();
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('navigation').count()).toBe(1);
    // The disabled 排班 looks disabled: not the enabled button's filled blue.
    expect(await page.$eval('#plan-button', (b) => getComputedStyle(b).backgroundColor)).toBe('rgb(238, 238, 238)');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('配置文件', { exact: true }).setInputFiles(join(dir, 'rota.json'));
    await page.getByLabel('接访记录', { exact: true }).setInputFiles(join(dir, 'history.csv'));
    await page.getByLabel('领导名单', { exact: true }).setInputFiles(join(dir, 'leaders-a.csv'));
    await page.getByLabel('领导名单', { exact: true }).setInputFiles(join(dir, 'leaders-b.csv'));
    await expect
      .poll(() => page.$$eval('#picked-leaders li', (li) => li.map((x) => x.textContent)))
      .toEqual(['已选择 leaders-a.csv 移除', '已选择 leaders-b.csv 移除']);
    // Step 1 says which days are working days.
    expect(await page.textContent('.working-days')).toContain('2024年12月：11、12、13、16');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '排班', exact: true }).click();
    await page.waitForSelector('#timetable');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('message');
    const cli = rota(dir, ['plan', '-c', 'rota.json', '--leaders', 'leaders-a.csv', '--leaders', 'leaders-b.csv', '--json']);
    expect(cli.status, cli.stderr).toBe(0);
    const duties = (JSON.parse(cli.stdout) as { duties: Array<{ date: string; name: string }> }).duties;
    expect((await shownTimetable(page)).map((d) => [d.date, d.name])).toEqual(duties.map((d) => [d.date, d.name]));
    expect(await axeViolations(page)).toEqual([]);

    // Removing the second list leaves the first, and the plan can no longer be made from half the leaders unsaid.
    await page.getByRole('button', { name: '移除 leaders-b.csv remove' }).click();
    await expect.poll(() => page.$$eval('#picked-leaders li', (li) => li.length)).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('file-leaders');
    expect(await axeViolations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
    await app.context.close();
  }, 120_000);

  it('清除 asks first, 取消 keeps everything, 撤销 brings everything back', async () => {
    const dir = seedFolder();
    const app = await openApp(browser);
    const { page } = app;
    await pickSeedFiles(page, dir);
    await page.getByRole('button', { name: '排班', exact: true }).click();
    await page.waitForSelector('#timetable');
    const before = await shownTimetable(page);

    await page.getByRole('button', { name: '清除 clear all' }).click();
    expect(await page.textContent('#confirm-clear')).toContain('清除全部');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '取消 keep' }).click();
    expect(await shownTimetable(page)).toEqual(before);

    await page.getByRole('button', { name: '清除 clear all' }).click();
    await page.getByRole('button', { name: '确定清除 clear everything' }).click();
    expect(await page.$('#timetable')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('undo-clear');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '撤销 undo clear' }).click();
    await page.waitForSelector('#timetable');
    expect(await shownTimetable(page)).toEqual(before);
    // Restored is saved again: a reload keeps it.
    await page.reload();
    await page.waitForSelector('#timetable');
    expect(await shownTimetable(page)).toEqual(before);
    expect(app.errors).toEqual([]);
    await app.context.close();
  }, 120_000);

  it('tells an unclosed quote at its own line and a settings error at its line, in the page words', async () => {
    const dir = seedFolder();
    const lines = readFileSync(join(dir, 'leaders-a.csv'), 'utf8').split('\n');
    lines[4] = `"${lines[4]}`;
    writeFileSync(join(dir, 'leaders-a.csv'), lines.join('\n'));
    const config = JSON.parse(readFileSync(join(dir, 'rota.json'), 'utf8'));
    writeFileSync(join(dir, 'rota.json'), JSON.stringify({ ...config, perDay: 'two' }, null, 2));
    const perDayLine =
      readFileSync(join(dir, 'rota.json'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"perDay"')) + 1;
    const app = await openApp(browser);
    const { page } = app;
    await page.getByLabel('配置文件', { exact: true }).setInputFiles(join(dir, 'rota.json'));
    await page.getByLabel('接访记录', { exact: true }).setInputFiles(join(dir, 'history.csv'));
    await page.getByLabel('领导名单', { exact: true }).setInputFiles(join(dir, 'leaders-a.csv'));
    const problems = () => page.$$eval('.problems li', (li) => li.map((x) => x.textContent ?? ''));
    await expect.poll(problems).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^rota.json:${perDayLine}: perDay`))]));
    // (a wrong setting stops before the lists are read; with it fixed, the quote is told)
    writeFileSync(join(dir, 'rota.json'), JSON.stringify(config, null, 2));
    await page.getByLabel('配置文件', { exact: true }).setInputFiles(join(dir, 'rota.json'));
    await expect.poll(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^leaders-a.csv:5: .*引号/)]));
    for (const p of await problems()) expect(p).not.toMatch(CLI_WORDS);
    expect(await axeViolations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
    await app.context.close();
  }, 60_000);

  it('a foreign JSON re-opened is told with its file and field, next to its picker', async () => {
    const dir = seedFolder();
    writeFileSync(join(dir, 'other.json'), '{\n  "name": "not a timetable",\n  "rows": []\n}\n');
    const app = await openApp(browser);
    const { page } = app;
    await pickSeedFiles(page, dir);
    await page.getByLabel('已公布的时间表', { exact: true }).setInputFiles(join(dir, 'other.json'));
    await expect.poll(() => page.textContent('#message')).toContain('other.json: ');
    expect(await page.textContent('#message')).toContain('duties');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('message');
    // Beside the picker that caused it, not at the top of the page.
    const [picker, message] = await Promise.all([page.locator('#file-published').boundingBox(), page.locator('#message').boundingBox()]);
    expect(Math.abs(message!.y - picker!.y)).toBeLessThan(200);
    expect(await axeViolations(page)).toEqual([]);
    await app.context.close();
  }, 60_000);
  it('a published CSV re-opened without its timetable.json is asked for it; with it, a changed day gets the SEQUENCE and date `rota render` gives', async () => {
    const dir = seedFolder();
    const leaders = ['--leaders', 'leaders-a.csv', '--leaders', 'leaders-b.csv'];
    const plan = rota(dir, ['plan', '-c', 'rota.json', ...leaders, '--out', 'pub', '--ics-per-leader']);
    expect(plan.status, plan.stderr).toBe(0);
    // A hand edit: 周海燕 instead of 孙伟 on 12-13 (the same office, free that day).
    mkdirSync(join(dir, 'edit'));
    const csv = readFileSync(join(dir, 'pub/timetable.csv'), 'utf8');
    const edited = csv.replace(',区政府,孙伟,副区长,农业农村、水利、乡村振兴,', ',区政府,周海燕,副区长,教育、卫生健康、医疗保障,');
    expect(edited).not.toBe(csv);
    writeFileSync(join(dir, 'edit/timetable.csv'), edited);
    copyFileSync(join(dir, 'pub/timetable.json'), join(dir, 'edit/timetable.json'));
    const render = rota(dir, ['render', 'edit/timetable.csv', '-c', 'rota.json', ...leaders, '--out', 'pub', '--today', '2024-12-10']);
    expect(render.status, render.stderr).toBe(0);
    const cliIcs = readFileSync(join(dir, 'pub/timetable.ics'), 'utf8');
    expect(cliIcs).toMatch(/SEQUENCE:1/);

    const app = await openApp(browser);
    const { page } = app;
    await pickSeedFiles(page, dir);
    await page.getByLabel('已公布的时间表', { exact: true }).setInputFiles(join(dir, 'edit/timetable.csv'));
    await expect.poll(() => page.textContent('#message')).toContain('timetable.json');
    expect(await page.textContent('#message')).toContain('只选择了 timetable.csv');
    expect(await page.$('#timetable')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('message');
    const [picker, message] = await Promise.all([page.locator('#file-published').boundingBox(), page.locator('#message').boundingBox()]);
    expect(Math.abs(message!.y - picker!.y)).toBeLessThan(200);
    expect(await axeViolations(page)).toEqual([]);

    await page
      .getByLabel('已公布的时间表', { exact: true })
      .setInputFiles([join(dir, 'edit/timetable.csv'), join(dir, 'edit/timetable.json')]);
    await page.waitForSelector('#timetable');
    await page.getByLabel(/今天/).fill('2024-12-10');
    const files = await exported(page, '导出日历');
    expect(files.get('timetable.ics')?.toString('utf8')).toBe(cliIcs);
    expect(app.errors).toEqual([]);
    await app.context.close();
  }, 120_000);
  it('a rota.json without the office-only fields: export is refused naming them, the page asks for them, then exports what `rota plan --out` writes', async () => {
    const dir = seedFolder();
    const full = JSON.parse(readFileSync(join(dir, 'rota.json'), 'utf8'));
    const { place: _p, contact: _c, hours: _h, office: _o, published: _d, ...bare } = full;
    writeFileSync(join(dir, 'rota.json'), JSON.stringify(bare, null, 2));
    const office = {
      place: { name: '区人民来访接待中心', address: '长沙市芙蓉中路1号' },
      contact: { name: '王芳', phone: '0731-84567890' },
    };
    writeFileSync(
      join(dir, 'full.json'),
      JSON.stringify({ ...bare, ...office, hours: { start: '09:30', end: '12:00' }, office: '区信访局', published: '2024-12-06' }),
    );
    const leaders = ['--leaders', 'leaders-a.csv', '--leaders', 'leaders-b.csv'];
    const refused = rota(dir, ['plan', '-c', 'rota.json', ...leaders, '--out', 'bare']);
    expect(refused.status).toBe(2);
    const cli = rota(dir, ['plan', '-c', 'full.json', ...leaders, '--out', 'cli']);
    expect(cli.status, cli.stderr).toBe(0);

    const app = await openApp(browser);
    const { page } = app;
    await pickSeedFiles(page, dir);
    await page.getByRole('button', { name: '排班', exact: true }).click();
    await page.waitForSelector('#timetable');
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: '导出网页', exact: true }).click();
    await expect.poll(() => page.textContent('#message')).toContain('未导出');
    const said = (await page.textContent('#message')) ?? '';
    expect(said).toContain('place、contact、hours、office、published');
    expect(said).toContain('只有本单位能填的内容');
    expect(said).not.toMatch(CLI_WORDS);
    expect(downloads).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    const typed: Array<[string, string]> = [
      ['接访地点', office.place.name],
      ['地址', office.place.address],
      ['联系人', office.contact.name],
      ['咨询电话', office.contact.phone],
      ['接访时段', '9:30-12:00'],
      ['发布单位', '区信访局'],
      ['发布日期', '2024-12-06'],
    ];
    for (const [label, value] of typed) {
      await page.getByLabel(label, { exact: true }).fill(value);
      await page.getByLabel(label, { exact: true }).press('Tab');
    }
    expect(await axeViolations(page)).toEqual([]);
    page.removeAllListeners('download');
    const html = (await exported(page, '导出网页')).get('timetable.html')?.toString('utf8');
    expect(html).toBe(readFileSync(join(dir, 'cli/timetable.html'), 'utf8'));
    expect(html).not.toContain('克拉玛依市昆仑路585号');
    const ics = (await exported(page, '导出日历')).get('timetable.ics')?.toString('utf8');
    expect(ics).toBe(readFileSync(join(dir, 'cli/timetable.ics'), 'utf8'));
    // Kept in the saved state: a reload still has them.
    await page.reload();
    await page.waitForSelector('#timetable');
    expect(await page.getByLabel('咨询电话', { exact: true }).inputValue()).toBe(office.contact.phone);
    expect(app.errors).toEqual([]);
    await app.context.close();
  }, 120_000);
});

describe('a township year in 排班助手', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rota-clerk-town-'));
  beforeAll(() => townshipYearFolder(dir));

  it('the timetable is one tab stop over its months (a month away from the screen not laid out): 导出 CSV a few Tabs from 排班; the 换人 list opens without a long main-thread task', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await planTownshipYear(page, dir);
    const shown = await shownTimetable(page);
    expect(shown.length).toBeGreaterThan(400);

    // One grid of month row groups, in order; a month away from the screen is not laid out (content-visibility),
    // and the keys move through the months as through one table.
    const months = [...new Set(shown.map((d) => d.date.slice(0, 7)))];
    const groups = await page.$$eval('#timetable tbody', (bs) =>
      bs.map((b) => [...new Set([...b.querySelectorAll('tr')].map((r) => r.querySelector('th')?.textContent?.slice(0, 7)))]),
    );
    expect(groups).toEqual(months.map((m) => [m]));
    const laidOut = (n: number) =>
      page.$eval(`#timetable tbody:nth-of-type(${n}) tr`, (r) => r.checkVisibility({ contentVisibilityAuto: true }));
    expect(await laidOut(6)).toBe(false);
    // The browser's find (Ctrl+F; window.find here) reaches a day of a month not laid out, and lays it out.
    const june = shown.find((d) => d.date.startsWith(months[5]))!;
    expect(await page.evaluate((q) => window.find(q), june.date)).toBe(true);
    expect(await page.evaluate(() => window.getSelection().anchorNode.parentElement.closest('tr').querySelector('th').textContent)).toBe(
      june.date,
    );
    await expect.poll(() => laidOut(6)).toBe(true);
    await page.evaluate(() => window.getSelection().removeAllRanges());
    await page.focus('#timetable tbody th[tabindex="0"]');
    await page.keyboard.press('Control+End');
    const last = shown[shown.length - 1];
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`换人 ${last.date} ${last.name}`);
    await expect.poll(() => laidOut(months.length)).toBe(true);
    await page.keyboard.press('Control+Home');
    const first = shown.filter((d) => d.date.startsWith(months[0])).length;
    const pages = Math.ceil(first / 10);
    for (let i = 0; i < pages; i++) await page.keyboard.press('PageDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(shown[pages * 10].date);
    expect(shown[pages * 10].date.slice(0, 7)).toBe(months[1]);
    await page.keyboard.press('Control+Home');

    await page.focus('#plan-button');
    let tabs = 0;
    while ((await page.evaluate(() => document.activeElement?.textContent)) !== '导出 CSV' && tabs < 100) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(tabs).toBeLessThanOrEqual(15);

    // Arrow keys move inside the grid: down twice and right to 换人 reaches the third day's button.
    await page.focus('#timetable tbody th[tabindex="0"]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`换人 ${shown[2].date} ${shown[2].name}`);
    expect(await axeViolations(page)).toEqual([]);

    await watchLongTasks(page);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#substitute', { timeout: 60_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('substitute');
    const longest = await longestTask(page);
    expect(longest).toBeLessThanOrEqual(100);
    expect(await axeViolations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
    await app.context.close();
  }, 180_000);
});

describe('the county round in 排班助手', () => {
  it('timetable.json records ../leaders.csv, as `rota plan` run beside that rota.json does: the same bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rota-clerk-county-'));
    mkdirSync(join(dir, 'county'));
    copyFileSync('fixtures/leaders.csv', join(dir, 'leaders.csv'));
    copyFileSync('fixtures/county/sites.csv', join(dir, 'county', 'sites.csv'));
    const config = JSON.parse(readFileSync('fixtures/county/rota.json', 'utf8'));
    writeFileSync(join(dir, 'county', 'rota.json'), JSON.stringify({ ...config, $schema: undefined, to: '2025-01-31' }));
    const cli = rota(join(dir, 'county'), ['plan', '-c', 'rota.json', '--out', 'out', '--ics-per-leader']);
    expect(cli.status, cli.stderr).toBe(0);
    const want = readFileSync(join(dir, 'county', 'out', 'timetable.json'));
    expect(want.toString()).toContain('"../leaders.csv"');
    const app = await openApp(browser);
    const { page } = app;
    await page.getByLabel('配置文件', { exact: true }).setInputFiles(join(dir, 'county', 'rota.json'));
    await page.getByLabel('领导名单', { exact: true }).setInputFiles(join(dir, 'leaders.csv'));
    await page.getByLabel('下访地点', { exact: true }).setInputFiles(join(dir, 'county', 'sites.csv'));
    await page.getByRole('button', { name: '排班', exact: true }).click();
    await page.waitForSelector('#timetable', { timeout: 60_000 });
    const got = await exported(page, '导出 JSON');
    expect(got.get('timetable.json')?.toString()).toEqual(want.toString());
    await app.context.close();
  }, 120_000);
});

describe('the project file and what the browser keeps', () => {
  it('保存项目 writes one .rota file that 打开项目 reads back elsewhere; another local page reads nothing of it; a second tab is told of a change', async () => {
    const dir = seedFolder();
    const app = await openApp(browser);
    const { page } = app;
    await pickSeedFiles(page, dir);
    await page.getByRole('button', { name: '排班', exact: true }).click();
    await page.waitForSelector('#timetable');
    const first = (await shownTimetable(page))[0];
    await page.getByLabel(`锁定 ${first.date} ${first.name}`).check();
    const before = await shownTimetable(page);

    const saved = [...(await exported(page, '保存项目 save project')).entries()];
    expect(saved.map(([name]) => name)).toEqual(['克拉玛依区2024年第四轮领导干部接访安排表.rota']);
    const project = join(dir, saved[0][0]);
    writeFileSync(project, saved[0][1]);
    expect(JSON.parse(saved[0][1].toString()).format).toBe('rota-project');
    expect(await axeViolations(page)).toEqual([]);

    // Another local HTML page, in the same browser: nothing of the lists, names or phones in any storage.
    await app.context.unroute('**/*');
    writeFileSync(
      join(dir, 'other.html'),
      '<!doctype html><title>x</title><script>document.title = JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])</script>',
    );
    const other = await app.context.newPage();
    await other.goto(`file://${join(dir, 'other.html')}`);
    const seen = await other.title();
    for (const secret of ['0990-6201101', '王建国', first.name, 'leaders-a.csv']) expect(seen).not.toContain(secret);
    const [local, session] = JSON.parse(seen) as Array<Array<[string, string]>>;
    expect(session).toEqual([]);
    expect(local.map(([k]) => k)).toEqual(['rota-project-changed']);
    expect(local[0][1]).toMatch(/^\{"project":"[0-9a-f]{32}","tab":"[0-9a-f]{32}","at":\d+\}$/);

    // The same project in a second tab: opened from the file, the same timetable, pins and all.
    const second = await app.context.newPage();
    await second.goto(page.url());
    expect(await second.$('#timetable')).toBeNull(); // a new tab starts empty: tabs never overwrite each other
    await second.getByLabel('打开项目', { exact: true }).setInputFiles(project);
    await second.waitForSelector('#timetable');
    expect(await shownTimetable(second)).toEqual(before);
    expect(await second.isChecked(`#pin-${first.date}-${first.name}`)).toBe(true);
    // A change in the first tab is told in the second, which keeps its own copy.
    await page.getByLabel(`锁定 ${first.date} ${first.name}`).uncheck();
    await expect.poll(() => second.textContent('#message')).toContain('另一个标签页');
    expect(await second.isChecked(`#pin-${first.date}-${first.name}`)).toBe(true);
    expect(await axeViolations(second)).toEqual([]);

    // A file that is not a project is told with its file and field.
    writeFileSync(join(dir, 'not.rota'), '{\n  "format": "something else"\n}\n');
    await second.getByLabel('打开项目', { exact: true }).setInputFiles(join(dir, 'not.rota'));
    await expect.poll(() => second.textContent('#message')).toMatch(/not\.rota: format: 无法打开项目文件/);
    expect(await shownTimetable(second)).toEqual(before);
    expect(app.errors).toEqual([]);
    await app.context.close();
  }, 120_000);
});
