// The month calendar of 排班助手 on a township year (issue 23), in chromium: a project file opened;
// two days exchanged by keyboard and by drag, each target showing what the exchange would break while
// a duty is held (judged in the worker); undo and redo; 锁定 and 重新安排; print. Every export equals
// what the built CLI writes for the same edit (`rota swap`, `rota replan --pin`), the longest
// main-thread task of every step stays within 100 ms (Long Tasks API), and axe reports nothing in every state.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, exported, openApp, shownTimetable } from './browser/app-page.js';
import { launchChromium } from './browser/launch.js';
import { longestSince, pageNow as now, watchLongTasks } from './browser/long-tasks.js';
import { chips, poll } from './browser/month-page.js';
import { runRota } from './helpers/cli.js';

// biome-ignore lint/suspicious/noExplicitAny: browser globals, typed loosely on purpose
declare const window: any, document: any, DataTransfer: any, DragEvent: any;

const TODAY = '2025-01-01';
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'rota-month-'));
beforeAll(async () => {
  browser = await launchChromium();
  for (const f of ['leaders.csv', 'sites.csv']) copyFileSync(join('fixtures/township', f), join(dir, f));
  const config = JSON.parse(readFileSync('fixtures/township/rota.json', 'utf8'));
  writeFileSync(join(dir, 'rota.json'), JSON.stringify({ ...config, $schema: undefined, from: '2025-01-01', to: '2025-12-31' }));
  const plan = runRota(['plan', '-c', 'rota.json', '--out', 'pub', '--ics-per-leader'], dir);
  expect(plan.code, plan.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

/** The month's duties once each shows its verdict (the duty held is from another month). */
async function judgedMonth(page: Page) {
  const count = (await chips(page)).length;
  await poll(async () => (await chips(page)).filter((c) => c.verdict).length).toBe(count);
  return chips(page);
}

/** The leaders beside the calendar: id, 单位:姓名, and the verdict shown while a duty is held. */
const leaders = (page: Page) =>
  page.$$eval('#month-leaders button.leader', (bs) =>
    bs.map((b) => ({
      id: b.id,
      name: b.querySelector('.who')?.textContent ?? '',
      with: (b.getAttribute('data-leader') ?? '').replace('\u0000', ':'),
      verdict: b.getAttribute('data-verdict') ?? '',
      shown: b.querySelector('.verdict')?.textContent ?? '',
    })),
  );

const EXPORTS = {
  csv: ['导出 CSV', ['timetable.csv']],
  ics: ['导出日历', ['timetable.ics']],
  json: ['导出 JSON', ['timetable.json']],
  notice: ['导出调整公告', ['change-notice.html', 'change-notice.txt']],
} as const;

/**
 * The end of a flow: no main-thread task over 100 ms in any step (the goal), no error on the page.
 * Each step's longest task is printed, for the figures in README and 使用指南.
 */
async function finish(app: Awaited<ReturnType<typeof openProject>>, longest: Array<[string, number]>): Promise<void> {
  console.info(`longest main-thread task per step: ${JSON.stringify(longest)}`);
  expect(longest.length).toBeGreaterThan(0);
  for (const [, ms] of longest) expect(ms, JSON.stringify(longest)).toBeLessThanOrEqual(100);
  expect(app.errors).toEqual([]);
  await app.context.close();
}

/** `rota swap` of two duties of the published timetable, or (`--with`) another leader on the first; its files written to OUT. */
function cliSwap(a: { date: string; name: string }, b: { date: string; name: string } | { with: string }, out: string): void {
  const other = 'with' in b ? ['--with', b.with] : [`${b.date}=${b.name}`];
  const args = ['swap', 'pub/timetable.csv', `${a.date}=${a.name}`, ...other, '-c', 'rota.json', '--out', out];
  const r = runRota([...args, '--today', TODAY], dir);
  expect(r.code, r.stderr).toBe(0);
}

/** The page's exports compared with the files the CLI wrote in OUT, byte for byte. */
async function expectExports(page: Page, out: string, which: Array<keyof typeof EXPORTS>): Promise<void> {
  for (const [button, files] of which.map((k) => EXPORTS[k])) {
    const got = await exported(page, button, files.length);
    for (const f of files) expect(got.get(f), f).toEqual(readFileSync(join(dir, out, f)));
    // (the page says what it exported after the last download: waited for, so it does not land on the next action's message)
    await poll(() => page.textContent('#message')).toContain(`已导出 exported ${button}`);
  }
}

/** The year's project file opened in a fresh page, long tasks watched from then on. */
async function openProject() {
  const app = await openApp(browser);
  await app.page.getByLabel('打开项目', { exact: true }).setInputFiles(join(dir, 'year.rota'));
  await app.page.waitForSelector('#month-grid');
  await watchLongTasks(app.page);
  return app;
}

describe('the month calendar on a township year', () => {
  beforeAll(async () => {
    // The project: planned and saved in one tab, opened from its .rota file in another.
    const first = await openApp(browser);
    const pg = first.page;
    await pg.getByLabel('配置文件', { exact: true }).setInputFiles(join(dir, 'rota.json'));
    await pg.getByLabel('领导名单', { exact: true }).setInputFiles(join(dir, 'leaders.csv'));
    await pg.getByLabel('下访地点', { exact: true }).setInputFiles(join(dir, 'sites.csv'));
    await pg.getByRole('button', { name: '排班', exact: true }).click();
    await pg.waitForSelector('#month-grid', { timeout: 60_000 });
    await pg.getByLabel(/今天/).fill(TODAY);
    await pg.getByLabel(/今天/).press('Tab');
    const saved = [...(await exported(pg, '保存项目 save project')).entries()];
    writeFileSync(join(dir, 'year.rota'), saved[0][1]);
    await first.context.close();
  }, 180_000);

  it('exchanges two days by keyboard, each target showing its verdict; undo and redo: exports as `rota swap`, no long task, axe clean', async () => {
    const app = await openProject();
    const { page } = app;
    expect(await page.textContent('#month-title')).toContain('2025年1月');
    expect(await axeViolations(page)).toEqual([]);
    const longest: Array<[string, number]> = [];

    // Keyboard: the first duty picked up; each other duty of the month shows its verdict (judged in the worker).
    const before = await chips(page);
    await page.focus(`#${before[0].id}`);
    let t = await now(page);
    await page.keyboard.press('Space');
    await poll(async () => (await chips(page)).filter((c) => c.verdict).length).toBe(before.length - 1);
    const held = await chips(page);
    expect(held.some((c) => c.verdict === 'bad' && c.shown.includes('违反「'))).toBe(true);
    const ok = held.findIndex((c, i) => i > 0 && c.verdict === 'ok' && c.date !== held[0].date);
    expect(ok).toBeGreaterThan(0);
    for (let i = 0; i < ok; i++) await page.keyboard.press('ArrowRight');
    await poll(() => page.textContent('#month-live')).toContain('可以对调');
    longest.push(['pick up and aim', await longestSince(page, t)]);
    expect(await axeViolations(page)).toEqual([]);
    t = await now(page);
    await page.keyboard.press('Enter');
    await poll(() => page.textContent('#message')).toContain('已对调');
    longest.push(['drop', await longestSince(page, t)]);
    const after = await chips(page);
    expect(after.find((c) => c.date === held[ok].date && c.name === held[0].name)).toBeDefined();
    expect(await page.evaluate(() => document.activeElement?.querySelector('.who')?.textContent)).toBe(held[0].name);
    expect(await page.$$eval('#month-grid td.changed', (tds) => tds.map((x) => x.getAttribute('data-date')))).toEqual(
      [held[0].date, held[ok].date].sort(),
    );
    // The year's table below shows the exchange too.
    const table = await shownTimetable(page);
    expect(table.filter((d) => d.date === held[ok].date).map((d) => d.name)).toContain(held[0].name);
    cliSwap(held[0], held[ok], 'swap1');
    await expectExports(page, 'swap1', ['csv', 'notice']);

    // Undo (Ctrl+Z) and redo (the button): the exchange goes and comes back; undone again for what follows.
    await page.focus(`#${after[0].id}`);
    t = await now(page);
    await page.keyboard.press('Control+z');
    await poll(async () => (await chips(page)).map((c) => c.name)).toEqual(before.map((c) => c.name));
    longest.push(['undo', await longestSince(page, t)]);
    expect(await page.$('#month-grid td.changed')).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '重做 redo' }).click();
    await poll(async () => (await chips(page)).map((c) => c.name)).toEqual(after.map((c) => c.name));
    await page.getByRole('button', { name: '撤销 undo' }).click();
    await poll(async () => (await chips(page)).map((c) => c.name)).toEqual(before.map((c) => c.name));
    await finish(app, longest);
  }, 300_000);

  it('exchanges two days by drag, the target showing its verdict while dragging: exports as `rota swap`, no long task, axe clean', async () => {
    const app = await openProject();
    const { page } = app;
    const longest: Array<[string, number]> = [];
    // Drag: a duty of the next month dragged onto another day's; while dragging, the target shows its verdict.
    await page.getByRole('button', { name: '下个月 next ›' }).click();
    await poll(() => page.textContent('#month-title')).toContain('2025年2月');
    const feb = await chips(page);
    // The drag's events as the browser sends them (headless Chromium's own drag moves chips as they grow).
    const data = await page.evaluateHandle(() => new DataTransfer());
    const send = (id: string, type: string) => page.locator(`#${id}`).dispatchEvent(type, { dataTransfer: data });
    let t = await now(page);
    await send(feb[0].id, 'dragstart');
    await send(feb[1].id, 'dragover');
    await poll(async () => (await chips(page)).filter((c) => c.verdict).length).toBe(feb.length - 1);
    longest.push(['drag start', await longestSince(page, t)]);
    const shown = await chips(page);
    const to = shown.findIndex((c, i) => i > 1 && c.verdict === 'ok' && c.date !== shown[0].date);
    expect(to).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    t = await now(page);
    await send(shown[to].id, 'dragover');
    await poll(() => page.textContent('#month-live')).toContain(`${shown[to].name}：可以对调`);
    await send(shown[to].id, 'drop');
    await send(feb[0].id, 'dragend');
    await poll(() => page.textContent('#message')).toContain('已对调');
    longest.push(['drag over and drop', await longestSince(page, t)]);
    expect(
      (await chips(page)).find((c) => c.date === shown[to].date && c.name === shown[0].name),
      `${await page.textContent('#message')} ${JSON.stringify(shown[0])} ${JSON.stringify(shown[to])}`,
    ).toBeDefined();
    cliSwap(shown[0], shown[to], 'swap2');
    await expectExports(page, 'swap2', ['csv', 'ics']);
    await finish(app, longest);
  }, 300_000);

  it('锁定 and 重新安排 as `rota replan --pin`, undone as one edit; the month printed alone', async () => {
    const app = await openProject();
    const { page } = app;
    const longest: Array<[string, number]> = [];

    // 锁定 one day and 重新安排 from 今天 in June: the CLI's `rota replan --pin` writes the same files.
    const pinned = (await shownTimetable(page)).find((d) => d.date >= '2025-06-02')!;
    let t = await now(page);
    await page.getByLabel(`锁定 ${pinned.date} ${pinned.name}`).check();
    await poll(() => page.isChecked(`#pin-${pinned.date}-${pinned.name}`)).toBe(true);
    longest.push(['pin', await longestSince(page, t)]);
    await page.getByLabel(/今天/).fill('2025-06-02');
    await page.getByLabel(/今天/).press('Tab');
    // 重新安排 runs in the worker: the page takes in the days it changed.
    t = await now(page);
    await page.getByRole('button', { name: '重新安排 re-plan' }).click();
    await poll(() => page.textContent('#message')).toContain('接访安排调整公告');
    longest.push(['re-plan', await longestSince(page, t)]);
    expect(await axeViolations(page)).toEqual([]);
    for (const f of ['timetable.csv', 'timetable.json']) copyFileSync(join(dir, 'pub', f), join(dir, f));
    const replan = runRota(
      [
        'replan',
        '-c',
        'rota.json',
        '--previous',
        'timetable.csv',
        '--pin',
        `${pinned.date}=${pinned.name}`,
        '--today',
        '2025-06-02',
        '--out',
        'replan',
      ],
      dir,
    );
    expect(replan.code, replan.stderr).toBe(0);
    await expectExports(page, 'replan', ['csv', 'json', 'notice']);
    // 重新安排 is undone as one edit: the 锁定 is what remains.
    t = await now(page);
    await page.getByRole('button', { name: '撤销 undo' }).click();
    await poll(() => page.textContent('#message')).toContain('已撤销 undone：重新安排');
    longest.push(['undo the re-plan', await longestSince(page, t)]);
    expect(await page.isChecked(`#pin-${pinned.date}-${pinned.name}`)).toBe(true);

    // Print: the month alone, as a table.
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#month-grid')).toBe(true);
    expect(await page.isVisible('#timetable')).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'screen' });

    await finish(app, longest);
  }, 300_000);

  it('换人: a duty dragged onto a leader beside the calendar, each leader showing his or her verdict; by keyboard too; undo: exports as `rota swap --with`', async () => {
    const app = await openProject();
    const { page } = app;
    const longest: Array<[string, number]> = [];
    const before = await chips(page);
    const count = (await leaders(page)).length;
    const data = await page.evaluateHandle(() => new DataTransfer());
    const send = (id: string, type: string) => page.locator(`#${id}`).dispatchEvent(type, { dataTransfer: data });

    // Drag: while a duty is held every leader but its own shows what putting him or her there would break.
    let t = await now(page);
    await send(before[0].id, 'dragstart');
    await poll(async () => (await leaders(page)).filter((l) => l.verdict).length).toBe(count - 1);
    longest.push(['drag start', await longestSince(page, t)]);
    const shown = await leaders(page);
    expect(shown.find((l) => l.name === before[0].name)?.shown).toContain('本人');
    const ok = shown.find((l) => l.verdict === 'ok')!;
    expect(ok).toBeDefined();
    for (const l of shown.filter((x) => x.verdict === 'bad')) expect(l.shown).toMatch(/违反「/);
    expect(await axeViolations(page)).toEqual([]);
    t = await now(page);
    await send(ok.id, 'dragover');
    await poll(() => page.textContent('#month-live')).toContain(`换成 substitute ${ok.name}`);
    await send(ok.id, 'drop');
    await send(before[0].id, 'dragend');
    await poll(() => page.textContent('#message')).toContain('已换人');
    longest.push(['drop on a leader', await longestSince(page, t)]);
    const day = (await chips(page)).filter((c) => c.date === before[0].date).map((c) => c.name);
    expect(day).toContain(ok.name);
    expect(day).not.toContain(before[0].name);
    expect(await axeViolations(page)).toEqual([]);
    cliSwap(before[0], ok, 'subst');
    await expectExports(page, 'subst', ['csv', 'notice']);

    // Undo; then the same by keyboard: Space picks up, Tab reaches the leaders (one tab stop), arrows choose, Enter puts the one focused on the day.
    await page.getByRole('button', { name: '撤销 undo' }).click();
    await poll(async () => (await chips(page)).map((c) => c.name)).toEqual(before.map((c) => c.name));
    await page.focus(`#${before[0].id}`);
    await page.keyboard.press('Space');
    await poll(async () => (await leaders(page)).filter((l) => l.verdict).length).toBe(count - 1);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Home');
    for (let i = 0; i < shown.indexOf(ok); i++) await page.keyboard.press('ArrowDown');
    await poll(() => page.textContent('#month-live')).toContain(`换成 substitute ${ok.name}（`);
    t = await now(page);
    await page.keyboard.press('Enter');
    await poll(() => page.textContent('#message')).toContain('已换人');
    longest.push(['substitute by keyboard', await longestSince(page, t)]);
    expect(await page.evaluate(() => document.activeElement?.querySelector('.who')?.textContent)).toBe(ok.name);
    await expectExports(page, 'subst', ['csv']);
    await finish(app, longest);
  }, 300_000);

  it('across months: a duty held while the month turns (PageDown, or dropped on 下个月) exchanges with a day of the next month as `rota swap`', async () => {
    const app = await openProject();
    const { page } = app;
    const longest: Array<[string, number]> = [];
    const jan = await chips(page);

    // Keyboard: picked up in January, PageDown: February is shown with the duty still held, each of its duties judged.
    await page.focus(`#${jan[0].id}`);
    let t = await now(page);
    await page.keyboard.press('Space');
    await poll(async () => (await chips(page)).filter((c) => c.verdict).length).toBe(jan.length - 1);
    await page.keyboard.press('PageDown');
    await poll(() => page.textContent('#month-title')).toContain('2025年2月');
    const feb = await judgedMonth(page);
    longest.push(['pick up and turn the month', await longestSince(page, t)]);
    expect(await axeViolations(page)).toEqual([]);
    const to = feb.findIndex((c) => c.verdict === 'ok');
    expect(to).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < to; i++) await page.keyboard.press('ArrowRight');
    await poll(() => page.textContent('#month-live')).toContain('可以对调');
    t = await now(page);
    await page.keyboard.press('Enter');
    await poll(() => page.textContent('#message')).toContain('已对调');
    longest.push(['drop in the next month', await longestSince(page, t)]);
    expect((await chips(page)).find((c) => c.date === feb[to].date && c.name === jan[0].name)).toBeDefined();
    cliSwap(jan[0], feb[to], 'across');
    await expectExports(page, 'across', ['csv', 'notice']);

    // Drag: undone, back in January; the duty dropped on 下个月 stays held in February, and a click puts it on the day.
    await page.getByRole('button', { name: '撤销 undo' }).click();
    await poll(async () => (await chips(page)).map((c) => c.name)).toEqual(feb.map((c) => c.name));
    await page.getByRole('button', { name: '‹ 上个月 previous' }).click();
    await poll(() => page.textContent('#month-title')).toContain('2025年1月');
    const data = await page.evaluateHandle(() => new DataTransfer());
    const source = (await page.$(`#${jan[0].id}`))!;
    t = await now(page);
    await source.dispatchEvent('dragstart', { dataTransfer: data });
    await page.locator('#month-next').dispatchEvent('dragover', { dataTransfer: data });
    await page.locator('#month-next').dispatchEvent('drop', { dataTransfer: data });
    await source.dispatchEvent('dragend', { dataTransfer: data });
    await poll(() => page.textContent('#month-title')).toContain('2025年2月');
    await judgedMonth(page);
    // (still held: the duty focused in February is said to be its target)
    await poll(() => page.textContent('#month-live')).toContain('对调到 exchange with');
    await page.locator(`#${feb[to].id}`).click();
    await poll(() => page.textContent('#message')).toContain('已对调');
    longest.push(['drag to 下个月 and drop', await longestSince(page, t)]);
    await expectExports(page, 'across', ['csv']);
    expect(await axeViolations(page)).toEqual([]);
    await finish(app, longest);
  }, 300_000);
  it('a held duty dragged over 下个月 for 600 ms turns the month under the drag (not sooner), and is dropped on a day there as `rota swap`', async () => {
    const app = await openProject();
    const { page } = app;
    const longest: Array<[string, number]> = [];
    const jan = await chips(page);
    const data = await page.evaluateHandle(() => new DataTransfer());
    /**
     * The pointer held over a month button as a browser drags: dragover every 50 ms, until `ms` have passed
     * or the month title contains `until`; then dragleave. The page-clock time it hovered, in ms.
     */
    const hover = (id: string, ms: number, until = '\u0000') =>
      page.evaluate(
        ([id, ms, until, dataTransfer]) =>
          new Promise<number>((resolve) => {
            const el = document.getElementById(id);
            const start = performance.now();
            const tick = () => {
              const spent = performance.now() - start;
              if (spent >= ms || document.getElementById('month-title').textContent.includes(until)) {
                el.dispatchEvent(new DragEvent('dragleave', { bubbles: true, dataTransfer }));
                resolve(spent);
              } else {
                el.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer }));
                setTimeout(tick, 50);
              }
            };
            tick();
          }),
        [id, ms, until, data] as const,
      );
    // (dragend goes to the duty dragged, no longer on the page once the month has turned)
    const source = (await page.$(`#${jan[0].id}`))!;
    await source.dispatchEvent('dragstart', { dataTransfer: data });
    await poll(async () => (await chips(page)).filter((c) => c.verdict).length).toBe(jan.length - 1);

    // Passing over 下个月 (300 ms) turns nothing.
    await hover('month-next', 300);
    await page.waitForTimeout(600);
    expect(await page.textContent('#month-title')).toContain('2025年1月');

    // Held over it, the month turns after 600 ms: February, the duty still held, each of its duties judged.
    let t = await now(page);
    const spent = await hover('month-next', 10_000, '2025年2月');
    expect(await page.textContent('#month-title')).toContain('2025年2月');
    expect(spent).toBeGreaterThanOrEqual(600);
    const feb = await judgedMonth(page);
    longest.push(['hover over 下个月 until the month turns', await longestSince(page, t)]);
    expect(await axeViolations(page)).toEqual([]);

    // The drag goes on in February: dropped on a duty it may exchange with.
    const to = feb.findIndex((c) => c.verdict === 'ok');
    expect(to).toBeGreaterThanOrEqual(0);
    const send = (id: string, type: string) => page.locator(`#${id}`).dispatchEvent(type, { dataTransfer: data });
    t = await now(page);
    await send(feb[to].id, 'dragover');
    await poll(() => page.textContent('#month-live')).toContain(`${feb[to].name}：可以对调`);
    await send(feb[to].id, 'drop');
    await source.dispatchEvent('dragend', { dataTransfer: data });
    await poll(() => page.textContent('#message')).toContain('已对调');
    longest.push(['drop in the month turned to', await longestSince(page, t)]);
    expect((await chips(page)).find((c) => c.date === feb[to].date && c.name === jan[0].name)).toBeDefined();
    cliSwap(jan[0], feb[to], 'spring');
    await expectExports(page, 'spring', ['csv']);
    await finish(app, longest);
  }, 300_000);
});
