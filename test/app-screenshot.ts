// Re-creates docs/app.png (1366×768) and docs/app-phone.png (360 px) of the browser app with the seed
// round planned and one day open for a change, and docs/app-month.png: the calendar of the township's
// January with a duty picked up, each other duty and each leader beside showing whether it may be exchanged with it
// or take its day. Run after npm run build:
//   npx esbuild test/app-screenshot.ts --bundle --platform=node --format=esm --packages=external \
//     --outfile=dist/app-screenshot.mjs --log-level=warning && node dist/app-screenshot.mjs
// It needs /usr/bin/chromium and fonts-noto-cjk.
import { resolve } from 'node:path';
import { openApp } from './browser/app-page.js';
import { launchChromium } from './browser/launch.js';

const browser = await launchChromium();
try {
  for (const [viewport, file] of [
    [{ width: 1366, height: 768 }, 'docs/app.png'],
    [{ width: 360, height: 740 }, 'docs/app-phone.png'],
  ] as const) {
    const { page, context } = await openApp(browser, viewport);
    await page.getByLabel('配置文件', { exact: true }).setInputFiles('fixtures/rota.json');
    await page.getByLabel('领导名单', { exact: true }).setInputFiles('fixtures/leaders.csv');
    await page.getByLabel('接访记录', { exact: true }).setInputFiles('fixtures/history.csv');
    await page.getByRole('button', { name: '排班', exact: true }).click();
    await page.waitForSelector('#timetable');
    await page.locator('#timetable tbody tr').first().getByRole('button').click();
    await page.waitForSelector('#substitute'); // the 换人 list is judged in the worker
    // The desktop shot shows the whole page; the phone's its screen at the change panel and the table.
    const phone = viewport.width < 400;
    if (phone) await page.locator('.edit').evaluate((el) => el.scrollIntoView());
    // A month away from the screen is not laid out (content-visibility: auto) until it is scrolled to; a
    // whole-page picture shows it as the clerk sees it on getting there.
    else
      await page.$$eval('#timetable tbody', (groups) => {
        // (through the style object: the page's Content-Security-Policy refuses a style attribute)
        for (const g of groups) (g as unknown as { style: { contentVisibility: string } }).style.contentVisibility = 'visible';
      });
    await page.screenshot({ path: resolve(file), fullPage: !phone });
    await context.close();
  }
  const { page, context } = await openApp(browser, { width: 1366, height: 900 });
  await page.getByLabel('配置文件', { exact: true }).setInputFiles('fixtures/township/rota.json');
  await page.getByLabel('领导名单', { exact: true }).setInputFiles('fixtures/township/leaders.csv');
  await page.getByLabel('下访地点', { exact: true }).setInputFiles('fixtures/township/sites.csv');
  await page.getByRole('button', { name: '排班', exact: true }).click();
  await page.waitForSelector('#month-grid', { timeout: 60_000 });
  await page.getByLabel(/今天/).fill('2025-01-01');
  await page.getByLabel(/今天/).press('Tab');
  await page.getByLabel('按领导查找').fill('陈秀英');
  await page.focus('#month-grid button.duty[tabindex="0"]');
  await page.keyboard.press('Space');
  await page.waitForSelector('#month-grid .verdict'); // judged in the worker
  await page.waitForSelector('#month-leaders .leader[data-verdict]');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await page.locator('section[aria-labelledby="month-h"]').screenshot({ path: resolve('docs/app-month.png') });
  await context.close();
} finally {
  await browser.close();
}
process.stdout.write('wrote docs/app.png docs/app-phone.png docs/app-month.png\n');
