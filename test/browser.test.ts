// The published page in a real browser (Debian chromium via playwright-core): axe-core finds no
// WCAG 2.1 AA violation, the search narrows rows, a 360px phone has no page-level horizontal
// scroll, print hides the search box, hostile input runs nothing, nothing is fetched.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekdayName } from '../src/core/dates.js';
import { renderHtml } from '../src/io/html/page.js';
import { launchChromium } from './browser/launch.js';
import { duty, seed } from './helpers/seed.js';

// DOM names used inside page.evaluate callbacks, which run in the browser (tsconfig has no DOM lib).
// biome-ignore lint/suspicious/noExplicitAny: browser globals, typed loosely on purpose
declare const window: any, document: any, getComputedStyle: (el: unknown) => any;
type HTMLElement = { hidden: boolean };
type Document = unknown;

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'rota-browser-'));
const s = seed();

function pageFile(name: string, html: string): string {
  const file = join(dir, name);
  writeFileSync(file, html);
  return pathToFileURL(file).href;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium(); // no skip: a missing chromium fails the suite
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a page, recording every request and every dialog. */
async function open(url: string, viewport = { width: 1280, height: 900 }, bypassCSP = false) {
  const page = await (await browser.newContext({ viewport, bypassCSP })).newPage();
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  return { page, requests, dialogs, errors };
}

async function axe(page: Page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> };
    };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const visibleRows = (page: Page) =>
  page.$$eval('#timetable tbody tr', (rows) =>
    rows
      .filter((r) => !(r as HTMLElement).hidden && getComputedStyle(r).display !== 'none')
      .map((r) => r.querySelector('.who')!.textContent),
  );

describe('timetable.html in chromium', () => {
  const seedUrl = pageFile('seed.html', renderHtml(s.duties, s.config, s.calendar));

  it('has zero axe-core violations (wcag2a, wcag2aa, wcag21a, wcag21aa) at 1366px and at 360px', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 360, height: 740 },
    ]) {
      const { page, errors } = await open(seedUrl, viewport, true); // the page's CSP would refuse axe itself
      expect(await axe(page)).toEqual([]);
      expect(errors).toEqual([]); // e.g. a CSP refusal of our own inline style or script
      await page.close();
    }
  });

  it('the axe harness does report violations (so zero above means something)', async () => {
    const broken = pageFile(
      'broken.html',
      '<!doctype html><html><head><title>x</title></head><body><input type="search"><table><tr><th>a</th></tr></table></body></html>',
    );
    const { page } = await open(broken, undefined, true);
    const ids = (await axe(page)).map((v) => v.split(':')[0]);
    expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'label']));
    await page.close();
  });

  it('runs its own inline script under its CSP: the search box appears, every row is shown first', async () => {
    const { page } = await open(seedUrl);
    expect(await page.isVisible('#q')).toBe(true);
    expect(await visibleRows(page)).toHaveLength(12);
    // The style was applied too (CSP hash matched): body text is at least 16px.
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(size).toBeGreaterThanOrEqual(16);
    await page.close();
  });

  it('its Content-Security-Policy refuses any inline script but its own', async () => {
    const { page } = await open(seedUrl);
    await expect(page.addScriptTag({ content: 'window.__injected = 1' })).rejects.toThrow(/Content Security Policy/);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    await page.close();
  });

  it('typing 征地 narrows the rows to the leader in charge of 征地拆迁; clearing shows all again', async () => {
    const { page } = await open(seedUrl);
    await page.fill('#q', '征地');
    expect(await visibleRows(page)).toEqual(['努尔兰·哈力木']);
    expect(await page.textContent('#search-status')).toContain('1');
    expect(await page.$$eval('.grid li.match b', (els) => els.map((e) => e.textContent))).toEqual(['努尔兰·哈力木']);
    await page.fill('#q', '信访');
    expect(await visibleRows(page)).toEqual(['许静', '艾力·买买提']); // 涉诉信访 on 12-17, 信访 on 12-19
    await page.fill('#q', '航天');
    expect(await visibleRows(page)).toEqual([]);
    expect(await page.isVisible('#search-none')).toBe(true);
    await page.click('#clear');
    expect(await visibleRows(page)).toHaveLength(12);
    await page.close();
  });

  it('without JavaScript every row is shown and the search box stays hidden', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(seedUrl);
    expect(await visibleRows(page)).toHaveLength(12);
    expect(await page.isVisible('#search')).toBe(false);
    await context.close();
  });

  it('a 360px phone has no page-level horizontal scroll, even with a long hostile name', async () => {
    const long = [
      ...s.duties,
      duty({
        date: '2024-12-26',
        weekday: '星期四',
        name: 'W'.repeat(80),
        institution: '区人民检察院',
        title: 'x'.repeat(90),
        portfolio: '征地'.repeat(40),
      }),
    ];
    for (const url of [seedUrl, pageFile('long.html', renderHtml(long, s.config, s.calendar))]) {
      const { page } = await open(url, { width: 360, height: 740 });
      const [scrollWidth, clientWidth] = await page.evaluate(() => [
        document.scrollingElement!.scrollWidth,
        document.scrollingElement!.clientWidth,
      ]);
      expect(clientWidth).toBe(360);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      await page.close();
    }
  });

  it('print media hides the search box, repeats the table header and keeps rows whole', async () => {
    const { page } = await open(seedUrl);
    await page.fill('#q', '征地'); // a search before printing must not drop rows from the printout
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#search')).toBe(false);
    const css = await page.evaluate(() => ({
      thead: getComputedStyle(document.querySelector('#timetable thead')!).display,
      row: getComputedStyle(document.querySelector('#timetable tbody tr')!).breakInside,
      rows: [...document.querySelectorAll('#timetable tbody tr')].filter((r) => getComputedStyle(r).display !== 'none').length,
    }));
    expect(css).toEqual({ thead: 'table-header-group', row: 'avoid', rows: 12 });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('a hostile leader list shows its characters literally, fires no dialog and runs no script', async () => {
    const img = '<img src=x onerror=alert(1)>';
    const script = '<script>window.__pwned=1;alert(2)</script>';
    const hostile = [
      duty({ date: '2024-12-11', weekday: weekdayName('2024-12-11'), name: img, title: script, portfolio: `征地"'><svg onload=alert(3)>` }),
      duty({
        date: '2024-12-12',
        weekday: weekdayName('2024-12-12'),
        name: script,
        institution: '区人大',
        title: '&amp; &lt;',
        portfolio: '</table><b>x</b>',
      }),
    ];
    const config = {
      ...s.config,
      title: `</title>${script}`,
      office: img,
      contact: { name: img, phone: `0990"><script>alert(4)</script>` },
    };
    const { page, dialogs, requests } = await open(pageFile('hostile.html', renderHtml(hostile, config, s.calendar)));
    await page.fill('#q', '征地');
    await page.waitForTimeout(50);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$eval('#timetable .who', (els) => els.map((e) => e.textContent))).toEqual([img, script]);
    expect(await page.$$eval('#timetable tbody tr td:nth-of-type(3)', (els) => els.map((e) => e.textContent))).toEqual([
      script,
      '&amp; &lt;',
    ]);
    expect(await page.title()).toBe(`关于公布</title>${script}的公告`);
    expect(await page.$$('img, svg, #timetable b')).toHaveLength(0);
    expect(await page.$$('script')).toHaveLength(1); // only the page's own
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]); // src=x was never fetched
    await page.close();
  });

  it('requests nothing but the page itself', async () => {
    const { page, requests } = await open(seedUrl);
    await page.fill('#q', '教育');
    await page.emulateMedia({ media: 'print' });
    expect(requests).toEqual([seedUrl]);
    await page.close();
  });
});

describe('change-notice.html in chromium', () => {
  const changed = (name: string, title: string) => s.duties.map((d) => (d.date === '2024-12-19' ? { ...d, name, title } : d));

  it('has zero axe-core violations on desktop and at 360px, body text at least 16px, nothing fetched', async () => {
    const { diffTimetables } = await import('../src/core/replan/diff.js');
    const { noticeHtml } = await import('../src/io/notice.js');
    const url = pageFile(
      'notice.html',
      noticeHtml(diffTimetables(s.duties, changed('刘芳', '区委常委、组织部部长')), { config: s.config, date: '2024-12-16' }),
    );
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 360, height: 740 },
    ]) {
      const { page, errors, requests } = await open(url, viewport, true);
      expect(await axe(page)).toEqual([]);
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('td')).fontSize));
      expect(size).toBeGreaterThanOrEqual(16);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.close();
    }
    const { page, errors } = await open(url); // under its own CSP: the inline style applies
    expect(errors).toEqual([]);
    expect(await page.textContent('h1')).toBe('接访安排调整公告');
    expect(await page.textContent('tbody')).toContain('刘芳（区委常委、组织部部长）');
    await page.close();
  });

  it('hostile names are shown literally and run nothing', async () => {
    const { diffTimetables } = await import('../src/core/replan/diff.js');
    const { noticeHtml } = await import('../src/io/notice.js');
    const img = '<img src=x onerror=alert(1)>';
    const script = '<script>window.__pwned=1;alert(2)</script>';
    const config = { ...s.config, title: `</title>${script}`, office: img, contact: { name: img, phone: script } };
    const { page, dialogs, requests } = await open(
      pageFile('notice-hostile.html', noticeHtml(diffTimetables(s.duties, changed(img, script)), { config })),
    );
    await page.waitForTimeout(50);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.textContent('tbody ins')).toBe(`${img}（${script}）`);
    expect(await page.$$('img, script')).toHaveLength(0);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    await page.close();
  });
});
