// The page's main-thread long tasks (over 50 ms), from the Long Tasks API: the app's goal is no task
// over 100 ms for any interaction, the heavy work being in its Web Workers.
import type { Page } from 'playwright-core';

// biome-ignore lint/suspicious/noExplicitAny: browser globals inside page.evaluate
declare const window: any, PerformanceObserver: any;

/** Records the long tasks from now on, with when each started. */
export const watchLongTasks = (page: Page): Promise<void> =>
  page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list: { getEntries(): Array<{ startTime: number; duration: number }> }) => {
      for (const e of list.getEntries()) window.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  });

/** Now on the page's clock. */
export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** The longest long task that started since `from` (entries reach the observer a little late), 0 when none. */
export async function longestSince(page: Page, from: number): Promise<number> {
  await page.waitForTimeout(300);
  const tasks: Array<[number, number]> = await page.evaluate(() => window.longTasks);
  return Math.max(0, ...tasks.filter(([start]) => start >= from).map(([, d]) => d));
}
