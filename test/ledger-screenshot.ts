// Re-creates docs/app-ledger.png: the browser app's 接访台帐 section with the ledger of
// fixtures/cases/ledger.csv (made by the built CLI) open on 2025-02-20, the seed round planned, all
// matters listed and the one still 登记 open in the 办理 form. Run after npm run build:
//   npx esbuild test/ledger-screenshot.ts --bundle --platform=node --format=esm --packages=external \
//     --outfile=dist/ledger-screenshot.mjs --log-level=warning && node dist/ledger-screenshot.mjs
// It needs /usr/bin/chromium and fonts-noto-cjk.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openApp } from './browser/app-page.js';
import { launchChromium } from './browser/launch.js';

// biome-ignore lint/suspicious/noExplicitAny: browser globals inside page.waitForFunction
declare const document: any;

const dir = mkdtempSync(join(tmpdir(), 'rota-ledger-shot-'));
const db = join(dir, '接访台帐.sqlite');
execFileSync(process.execPath, ['bin/rota.js', 'cases', 'import', 'fixtures/cases/ledger.csv', '--db', db]);
const browser = await launchChromium();
try {
  const { page, context } = await openApp(browser, { width: 1366, height: 768 });
  await page.getByLabel('配置文件', { exact: true }).setInputFiles('fixtures/rota.json');
  await page.getByLabel('领导名单', { exact: true }).setInputFiles('fixtures/leaders.csv');
  await page.getByLabel('接访记录', { exact: true }).setInputFiles('fixtures/history.csv');
  await page.getByRole('button', { name: '排班', exact: true }).click();
  await page.waitForSelector('#timetable');
  await page.getByLabel(/今天/).fill('2025-02-20');
  await page.getByLabel(/今天/).press('Tab');
  await page.getByLabel('台帐文件', { exact: true }).setInputFiles(db);
  await page.waitForSelector('#ledger-summary');
  await page.selectOption('#ledger-filter', 'all');
  await page.waitForFunction(() => document.querySelector('#ledger-range')?.textContent?.includes('共 4 件'));
  await page.locator('#ledger-matters tbody tr', { hasText: '未交办' }).getByRole('button', { name: /^办理/ }).click();
  await page.waitForSelector('#advance-form');
  await page.fill('#advance-unit', '区教育局');
  await page.locator('section[aria-labelledby="ledger-h"]').screenshot({ path: resolve('docs/app-ledger.png') });
  await context.close();
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write('wrote docs/app-ledger.png\n');
