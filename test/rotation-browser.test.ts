// The township page in a real browser: a weekly plan's table grouped by ISO week, with 接访 and 下访
// rows; axe-core finds no WCAG 2.1 AA violation; the search hides weeks without a match; phones and
// print work as on the district page.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../src/io/html/page.js';
import { launchChromium } from './browser/launch.js';
import { planFixture } from './helpers/rotation.js';

// biome-ignore lint/suspicious/noExplicitAny: browser globals, typed loosely on purpose
declare const window: any, document: any, getComputedStyle: (el: unknown) => any;

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const r = planFixture('fixtures/township/rota.json', { from: '2025-01-20', to: '2025-02-09' });
const file = join(mkdtempSync(join(tmpdir(), 'rota-township-')), 'township.html');
writeFileSync(file, renderHtml(r.duties, r.config, r.calendar));
const url = pathToFileURL(file).href;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(viewport = { width: 1280, height: 900 }, bypassCSP = false): Promise<Page> {
  const page = await (await browser.newContext({ viewport, bypassCSP })).newPage();
  await page.goto(url);
  return page;
}

const visibleWeeks = (page: Page) =>
  page.$$eval('#timetable tbody.week', (ws) =>
    ws.filter((w) => getComputedStyle(w).display !== 'none').map((w) => w.querySelector('.wkh th')!.textContent),
  );
const visibleRows = (page: Page) =>
  page.$$eval('#timetable tbody tr[data-find]', (rows) =>
    rows.filter((x) => getComputedStyle(x).display !== 'none').map((x) => x.querySelector('.who')!.textContent),
  );

describe('township timetable.html in chromium', () => {
  it('has zero axe-core violations on desktop and at 360px', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 360, height: 740 },
    ]) {
      const page = await open(viewport, true);
      await page.addScriptTag({ content: AXE });
      const v = await page.evaluate(async () => {
        const res = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return res.violations.map((x: { id: string }) => x.id);
      });
      expect(v).toEqual([]);
      await page.close();
    }
  });
  it('groups the rows by ISO week, the Spring Festival week holding only 01-27', async () => {
    const page = await open();
    expect(await visibleWeeks(page)).toEqual([
      '2025年第4周（1月20日—1月26日）',
      '2025年第5周（1月27日—2月2日）',
      '2025年第6周（2月3日—2月9日）',
    ]);
    expect(await page.$$eval('#wk-2025-W05', (h) => h.length)).toBe(1);
    const w05 = await page.$$eval('#timetable tbody.week:nth-of-type(2) tr[data-find] time', (ts) =>
      ts.map((t) => t.getAttribute('datetime')),
    );
    expect(w05).toEqual(Array(4).fill('2025-01-27'));
    expect(await page.$$eval('#timetable thead th', (ths) => ths.map((t) => t.textContent))).toEqual([
      '日期',
      '星期',
      '类型',
      '领导',
      '职务',
      '分管工作',
      '单位',
      '地点',
    ]);
    await page.close();
  });
  it("searching 欠薪 shows only 周志明's rows and hides the weeks without one; clearing shows all again", async () => {
    const page = await open();
    const all = (await visibleRows(page)).length;
    expect(all).toBe(r.duties.length);
    await page.fill('#q', '欠薪');
    const rows = await visibleRows(page);
    expect(new Set(rows)).toEqual(new Set(['周志明']));
    const weeks = new Set(
      r.duties.filter((d) => d.name === '周志明').map((d) => (d.date <= '2025-01-26' ? 4 : d.date <= '2025-02-02' ? 5 : 6)),
    );
    expect((await visibleWeeks(page)).length).toBe(weeks.size);
    await page.click('#clear');
    expect(await visibleRows(page)).toHaveLength(all);
    await page.close();
  });
  it('a 360px phone has no page-level horizontal scroll', async () => {
    const page = await open({ width: 360, height: 740 });
    const [sw, cw] = await page.evaluate(() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]);
    expect(sw).toBeLessThanOrEqual(cw);
    await page.close();
  });
  it('print after a search still prints every week and row', async () => {
    const page = await open();
    await page.fill('#q', '欠薪');
    await page.emulateMedia({ media: 'print' });
    const n = await page.$$eval(
      '#timetable tbody tr[data-find]',
      (rows) => rows.filter((x) => getComputedStyle(x).display !== 'none').length,
    );
    expect(n).toBe(r.duties.length);
    await page.close();
  });
});
