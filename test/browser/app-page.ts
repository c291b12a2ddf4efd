// Driving the built browser app 排班助手.html in chromium: open it from file:// with every request
// recorded, pick files by their stable labels, read the timetable, take the downloads, run axe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';

// Browser globals inside page.evaluate callbacks (tsconfig has no DOM lib).
// biome-ignore lint/suspicious/noExplicitAny: browser globals, typed loosely on purpose
declare const window: any, document: any;

export const APP_URL = pathToFileURL(join(process.cwd(), 'dist', '排班助手.html')).href;
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Every request the page or its worker made, by URL. */
  requests: string[];
  errors: string[];
}

export async function openApp(browser: Browser, viewport = { width: 1366, height: 768 }): Promise<AppPage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const requests: string[] = [];
  const errors: string[] = [];
  // Everything but the page itself is refused (and recorded): the app must need nothing else.
  await context.route('**/*', (route) => (route.request().url() === APP_URL ? route.continue() : route.abort()));
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(APP_URL);
  return { page, context, requests, errors };
}

/** axe-core's WCAG 2.1 AA violations of the page as it stands (injected only for the check). */
export async function axeViolations(page: Page): Promise<string[]> {
  // The page's CSP refuses injected scripts; axe runs through the devtools protocol instead.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map(
      (v: { id: string; nodes: Array<{ target: string[] }> }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
  // axe leaves a live Range on each text node it measured (getContentRects), and until they are garbage
  // collected the page updates every one of them on each node it removes: a township year's drop after a
  // check took 93-444 ms on the page's thread at load 9, 0-48 ms with them collected. A clerk's page has no
  // axe: they are collected here so that a timed step after a check measures the app, not axe's leftovers.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  return violations;
}

/** The timetable as shown: per row the date (first column) and the leader's name. */
export function shownTimetable(page: Page): Promise<Array<{ date: string; name: string; kind: string; place: string }>> {
  return page.$$eval('#timetable tbody tr:not(.editing)', (rows) =>
    rows.map((r) => {
      const cells = [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim());
      return { date: cells[0], kind: cells[2], name: cells[4], place: cells[7] };
    }),
  );
}

/**
 * Clicks an export button (by its name, or by a CSS selector starting with #: a timed test clicks by id, as
 * finding a button by its accessible name runs Playwright's own work on the page's thread) and returns
 * each downloaded file's name and bytes.
 */
export async function exported(page: Page, button: string, count = 1): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const done = new Promise<void>((resolve) => {
    page.on('download', async (d) => {
      files.set(d.suggestedFilename(), readFileSync((await d.path())!));
      if (files.size === count) resolve();
    });
  });
  await (button.startsWith('#') ? page.locator(button) : page.getByRole('button', { name: button, exact: true })).click();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${button}: ${files.size} of ${count} downloads after 60 s (${[...files.keys()].join(', ')})`)),
      60_000,
    );
  });
  await Promise.race([done, late]).finally(() => clearTimeout(timer));
  page.removeAllListeners('download');
  return files;
}
