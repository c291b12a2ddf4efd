// The township year the app's timed tests work on: fixtures/township's lists, its rota.json set to
// 2025, in a folder of the test's own; picked and planned in the page as a clerk does.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Writes the township year's rota.json, leaders.csv and sites.csv into `dir`. */
export function townshipYearFolder(dir: string): void {
  for (const f of ['leaders.csv', 'sites.csv']) copyFileSync(join('fixtures/township', f), join(dir, f));
  const config = JSON.parse(readFileSync('fixtures/township/rota.json', 'utf8'));
  writeFileSync(join(dir, 'rota.json'), JSON.stringify({ ...config, $schema: undefined, from: '2025-01-01', to: '2025-12-31' }));
}

/** Picks the folder's three files in the page and plans the year (in the worker, a few seconds). */
export async function planTownshipYear(page: Page, dir: string): Promise<void> {
  await page.getByLabel('配置文件', { exact: true }).setInputFiles(join(dir, 'rota.json'));
  await page.getByLabel('领导名单', { exact: true }).setInputFiles(join(dir, 'leaders.csv'));
  await page.getByLabel('下访地点', { exact: true }).setInputFiles(join(dir, 'sites.csv'));
  await page.getByRole('button', { name: '排班', exact: true }).click();
  await page.waitForSelector('#timetable', { timeout: 60_000 });
}
