// The day's printed pages in a real Chromium: the 领导干部接访表 and the liaison's list have no axe-core
// WCAG 2.1 AA violation, and printed to A4 each form is exactly one page (each leader's day of bookings too).
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liaisonDays, receptionForm } from '../src/core/cases/forms.js';
import { formsHtml, liaisonHtml } from '../src/io/cases-html.js';
import { launchChromium } from './browser/launch.js';
import { duty } from './helpers/seed.js';

// biome-ignore lint/suspicious/noExplicitAny: browser globals inside page.evaluate
declare const window: any, document: any;
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function load(html: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.setContent(html);
  return page;
}

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v: { id: string }) => v.id);
  });
}

/** Pages of the A4 PDF Chromium prints. */
async function printedPages(page: Page): Promise<number> {
  const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
  return pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

const duties = [
  duty({
    date: '2024-12-11',
    weekday: '星期三',
    name: '王建国',
    title: '区委副书记',
    portfolio: '党建、意识形态、乡村振兴',
    with: ['区委办', '区信访局'],
  }),
  duty({
    date: '2024-12-12',
    weekday: '星期四',
    name: '努尔兰·哈力木',
    title: '副区长',
    portfolio: '征地拆迁、城市建设、住房保障，'.repeat(6),
  }),
  duty({ date: '2024-12-13', weekday: '星期五', name: '许静', title: '副院长', portfolio: '民事审判、执行、涉诉信访' }),
];

describe('领导干部接访表 and 约访名单 in chromium', () => {
  it('forms: no axe violation, one A4 page per duty, 陪同单位 filled in', async () => {
    const page = await load(formsHtml(duties.map((d) => receptionForm(d, '10:00—14:00'))));
    expect(await axe(page)).toEqual([]);
    expect(await printedPages(page)).toBe(duties.length);
    expect(await page.textContent('body')).toContain('区委办、区信访局');
  }, 60_000);
  it("liaison's list: no axe violation, one page per leader's day", async () => {
    const bookings = ['征地拆迁', '涉诉信访', '欠薪', '拆迁'].map((concern, i) => ({ resident: `某${i}`, contact: '', concern }));
    const { days } = liaisonDays(duties, bookings, '2024-12-10');
    const page = await load(liaisonHtml(days));
    expect(await axe(page)).toEqual([]);
    expect(await printedPages(page)).toBe(days.length);
  }, 60_000);
});
