// The browser app's timings in chromium (run by app-bench.ts as its own process, because the bench
// bundle cannot carry playwright-core): opening to the seed plan shown, and a township year planned
// in the Web Worker, medians of SEEDS and YEARS runs (the arguments). Prints one JSON object.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const url = pathToFileURL(resolve('dist/排班助手.html')).href;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await chromium.launch({
  executablePath: process.env.ROTA_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox'],
});

async function pick(page, files) {
  for (const [label, file] of files) await page.getByLabel(label, { exact: true }).setInputFiles(file);
}

/** Opening the file, picking the seed round's three files, 排班, until the timetable is on screen. */
async function seed() {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector('#plan-button');
  const opened = Date.now() - t0;
  await pick(page, [
    ['配置文件', 'fixtures/rota.json'],
    ['领导名单', 'fixtures/leaders.csv'],
    ['接访记录', 'fixtures/history.csv'],
  ]);
  const t1 = Date.now();
  await page.getByRole('button', { name: '排班', exact: true }).click();
  await page.waitForSelector('#timetable');
  const planned = Date.now() - t1;
  const total = Date.now() - t0;
  await page.context().close();
  return { opened, planned, total };
}

/** A township year (小拐乡, 2025): 排班 until the timetable is on screen, the worker's solve included. */
async function township() {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(url);
  await pick(page, [
    ['配置文件', 'fixtures/township/rota.json'],
    ['领导名单', 'fixtures/township/leaders.csv'],
    ['下访地点', 'fixtures/township/sites.csv'],
  ]);
  await page.getByLabel(/起始日期/).fill('2025-01-01');
  await page.getByLabel(/结束日期/).fill('2025-12-31');
  await page.getByLabel(/结束日期/).press('Tab');
  await page.waitForFunction(() => document.querySelector('.calendar')?.textContent?.includes('2025-12-31'));
  const t0 = Date.now();
  await page.getByRole('button', { name: '排班', exact: true }).click();
  await page.waitForSelector('#timetable');
  const ms = Date.now() - t0;
  const rows = await page.$$eval('#timetable tbody tr', (r) => r.length);
  await page.context().close();
  return { ms, rows };
}

const [seedRuns, yearRuns] = process.argv.slice(2).map(Number);
const seeds = [];
for (let i = 0; i < seedRuns; i++) seeds.push(await seed());
const years = [];
for (let i = 0; i < yearRuns; i++) years.push(await township());
await browser.close();
process.stdout.write(
  `${JSON.stringify({
    opened: median(seeds.map((s) => s.opened)),
    planned: median(seeds.map((s) => s.planned)),
    total: median(seeds.map((s) => s.total)),
    year: median(years.map((y) => y.ms)),
    rows: years[0].rows,
  })}\n`,
);
