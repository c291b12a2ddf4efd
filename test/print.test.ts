// The 公告 printed from Chromium on A4 (print-to-PDF, read back with poppler's pdfinfo and pdftotext):
// the seed round is one portrait page holding every duty row; a township year is printed month by
// month, each month starting a page, at most 2 pages a month.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffTimetables } from '../src/core/replan/diff.js';
import { renderHtml } from '../src/io/html/page.js';
import { noticeHtml } from '../src/io/notice.js';
import { launchChromium } from './browser/launch.js';
import { isA4, pdfInfo, pdfText } from './helpers/pdf.js';
import { planFixture } from './helpers/rotation.js';
import { seed } from './helpers/seed.js';

const dir = mkdtempSync(join(tmpdir(), 'rota-print-'));
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Prints an HTML text as Chromium does (the page's own @page size and margins) and returns the PDF's path. */
async function printPdf(name: string, html: string): Promise<string> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const page = await browser.newPage();
  await page.goto(pathToFileURL(file).href);
  const pdf = join(dir, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  await page.close();
  return pdf;
}

describe('the year-end report and the change notice printed on A4', () => {
  it('the report prints on A4 with every leader name whole on one line', async () => {
    const out = join(dir, 'report');
    execFileSync(process.execPath, [
      'bin/rota.js',
      'report',
      'fixtures/records-2024.csv',
      '--leaders',
      'fixtures/leaders.csv',
      '-c',
      'fixtures/rota.json',
      '--year',
      '2024',
      '--out',
      out,
    ]);
    const pdf = await printPdf('report', readFileSync(join(out, 'report-2024.html'), 'utf8'));
    const info = pdfInfo(pdf);
    expect(isA4(info)).toBe(true);
    const overview = pdfText(pdf, 1) + pdfText(pdf, 2);
    const names = [
      ...new Set(
        readFileSync('fixtures/leaders.csv', 'utf8')
          .split(/\r?\n/)
          .slice(1)
          .filter(Boolean)
          .map((l) => l.split(',')[0]),
      ),
    ];
    expect(names.length).toBeGreaterThan(15);
    // A name may be written with any middle dot (· • ・); what counts is that it is not split across lines.
    const undotted = (t: string) => t.replace(/[·•・]/g, '');
    for (const name of names) expect(undotted(overview), name).toContain(undotted(name));
  });

  it('the change notice prints on A4 with names whole, and its caption is as wide as a 375 px phone allows', async () => {
    const s = seed();
    const changed = s.duties.map((d) => (d.date === '2024-12-19' ? { ...d, name: '阿依古丽·吐尔逊', title: '区人大常委会副主任' } : d));
    const html = noticeHtml(diffTimetables(s.duties, changed), { config: s.config, date: '2024-12-16' });
    const pdf = await printPdf('notice', html);
    expect(pdfInfo(pdf).pages).toBe(1);
    expect(isA4(pdfInfo(pdf))).toBe(true);
    for (const name of ['艾力·买买提', '阿依古丽·吐尔逊']) expect(pdfText(pdf)).toContain(name);
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(pathToFileURL(join(dir, 'notice.html')).href);
    const width = await page.$eval('caption', (c) => c.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(300);
    await page.close();
  });
});

describe('the 公告 printed on A4', () => {
  it('the seed round is one A4 portrait page with every duty row, 特此公告 and the date in Chinese', async () => {
    const s = seed();
    const pdf = await printPdf('seed', renderHtml(s.duties, s.config, s.calendar));
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(1);
    expect(isA4(info)).toBe(true);
    const text = pdfText(pdf).replace(/[ \t]+/g, ' ');
    for (const d of s.duties) {
      expect(text).toMatch(new RegExp(`${+d.date.slice(5, 7)}月${+d.date.slice(8)}日 ${d.weekday.slice(2)} ${d.name} `));
    }
    for (const words of ['特此公告。', '二〇二四年十二月九日', '来访人数不得超过5人']) expect(text).toContain(words);
    expect(text).not.toContain('按诉求查找'); // the search box is for the screen
  });

  it('a township year prints month by month: each month opens a page, at most 2 pages a month', async () => {
    const r = planFixture('fixtures/township/rota.json', { from: '2025-01-01', to: '2025-12-31' });
    const pdf = await printPdf('township-year', renderHtml(r.duties, r.config, r.calendar));
    const { pages } = pdfInfo(pdf);
    expect(pages).toBeLessThanOrEqual(2 * 12);
    const firstMonths: number[] = [];
    for (let p = 1; p <= pages; p++) {
      const first = /^\s*(\d+)月\d+日/m.exec(pdfText(pdf, p));
      if (first) firstMonths.push(+first[1]);
    }
    expect([...new Set(firstMonths)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // Every duty is printed: the rows of the PDF are the duties.
    expect(pdfText(pdf).match(/^\s*\d+月\d+日 +\S+ +(接访|下访) /gm)).toHaveLength(r.duties.length);
  });
});
