// A two-session, two-place day (上午 8:30—11:30 and 下午 15:00—17:30; the 信访服务中心 and the court's
// 诉讼服务中心) written by hand and published through the built CLI: the CSV's columns, the calendar's
// hours and places, the page in Chromium with axe-core, the 公告 .docx in LibreOffice.
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openApp } from './browser/app-page.js';
import { launchChromium } from './browser/launch.js';
import { runRota } from './helpers/cli.js';
import { docxToPdf, pdfText } from './helpers/pdf.js';

// biome-ignore lint/suspicious/noExplicitAny: browser globals inside page.evaluate, typed loosely on purpose
declare const window: any, document: any;

const HALL = '区人民群众信访服务中心（克拉玛依市昆仑路585号）';
const COURT = '区人民法院诉讼服务中心（克拉玛依市准噶尔路1号）';
const dir = mkdtempSync(join(tmpdir(), 'rota-slots-'));
for (const f of ['leaders.csv', 'history.csv']) copyFileSync(join('fixtures', f), join(dir, f));
const seed = JSON.parse(readFileSync('fixtures/rota.json', 'utf8'));
// Four leaders a day in any institution's order: the shape, not the seed's one-a-day rule, is under test.
writeFileSync(join(dir, 'rota.json'), JSON.stringify({ ...seed, $schema: undefined, perDay: 4, order: { mode: 'none' } }));
writeFileSync(
  join(dir, 'slots.csv'),
  [
    '日期,时间段,接访时间,接访方式,姓名,身份,地点',
    `2024-12-11,下午,15:00-17:30,视频,阿依古丽·吐尔逊,主接访,${HALL}`,
    `2024-12-11,上午,8:30—11:30,接访,王建国,主接访,${HALL}`,
    `2024-12-11,下午,15:00-17:30,接访,努尔兰·哈力木,主接访,${COURT}`,
    `2024-12-11,上午,8:30—11:30,接访,艾力·买买提,陪同,${HALL}`,
  ].join('\n'),
);
const r = runRota(['render', 'slots.csv', '-c', 'rota.json', '--out', 'out', '--ics-per-leader'], dir);
const out = (f: string) => join(dir, 'out', f);

describe('rota render of a two-session, two-place timetable', () => {
  it('writes the CSV with 时段, 接访时间 and 角色, rows in session then place order, 类型 showing the mode', () => {
    // Only the files written, no warning.
    expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('wrote '))).toEqual([]);
    expect(r.code).toBe(0);
    const rows: string[][] = parse(readFileSync(out('timetable.csv')), { bom: true });
    expect(rows[0]).toEqual(['日期', '星期', '时段', '接访时间', '类型', '单位', '姓名', '职务', '角色', '分管工作', '地点']);
    expect(rows.slice(1).map((x) => [x[2], x[3], x[4], x[6], x[8], x[10]])).toEqual([
      ['上午', '08:30-11:30', '接访', '王建国', '主接访', HALL],
      ['上午', '08:30-11:30', '接访', '艾力·买买提', '陪同', HALL],
      ['下午', '15:00-17:30', '接访', '努尔兰·哈力木', '主接访', COURT],
      ['下午', '15:00-17:30', '视频接访', '阿依古丽·吐尔逊', '主接访', HALL],
    ]);
  });

  it('is what README shows', () => {
    const csv = readFileSync(out('timetable.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .join('\n');
    expect(readFileSync('README.md', 'utf8')).toContain(csv);
  });

  it('writes one calendar event per duty at its session’s hours and its place', () => {
    const cal = new ICAL.Component(ICAL.parse(readFileSync(out('timetable.ics'), 'utf8')));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.startDate.toString(), e.endDate.toString(), e.location])).toEqual([
      ['2024-12-11T08:30:00', '2024-12-11T11:30:00', HALL],
      ['2024-12-11T08:30:00', '2024-12-11T11:30:00', HALL],
      ['2024-12-11T15:00:00', '2024-12-11T17:30:00', COURT],
      ['2024-12-11T15:00:00', '2024-12-11T17:30:00', HALL],
    ]);
    expect(events.every((e) => e.startDate.zone.tzid === 'Asia/Shanghai')).toBe(true);
    expect(new Set(events.map((e) => e.uid)).size).toBe(4);
  });

  it('timetable.json keeps each duty’s session, hours, mode and role', () => {
    const json = JSON.parse(readFileSync(out('timetable.json'), 'utf8'));
    expect(json.duties.find((d: { name: string }) => d.name === '阿依古丽·吐尔逊')).toMatchObject({
      session: '下午',
      hours: { start: '15:00', end: '17:30' },
      mode: '视频接访',
      role: '主接访',
    });
  });

  it('the 公告 says each session’s hours and both places with their addresses', () => {
    const html = readFileSync(out('timetable.html'), 'utf8');
    expect(html).toContain('每天上午8:30—11:30、下午15:00—17:30（北京时间）');
    expect(html).toContain(`${HALL}、${COURT}`);
  });
});

describe('rota who', () => {
  it('names the session, its hours, the mode and the role of the duty to book', () => {
    const who = runRota(['who', 'out/timetable.csv', '-c', 'rota.json', '--topic', '城建', '--after', '2024-12-10'], dir);
    expect(who.code).toBe(0);
    expect(who.stdout.split('\n')[0]).toBe(
      `2024-12-11（星期三）下午 15:00-17:30 视频接访 阿依古丽·吐尔逊（区人大，区人大常委会副主任，主接访），分管：城建环保、教科文卫，地点：${HALL}`,
    );
  });
});

describe('rota swap in a session', () => {
  cpSync(join(dir, 'out'), join(dir, 'swapped'), { recursive: true });
  const swap = runRota(
    ['swap', '-c', 'rota.json', 'swapped/timetable.csv', '2024-12-11=王建国', '--with', '张志强', '--today', '2024-12-10'],
    dir,
  );
  const uidSeq = (file: string) =>
    new ICAL.Component(ICAL.parse(readFileSync(join(dir, 'swapped/ics', file), 'utf8')))
      .getAllSubcomponents('vevent')
      .map((v) => [v.getFirstPropertyValue('uid'), v.getFirstPropertyValue('sequence'), v.getFirstPropertyValue('status')]);

  it('changes the leader only: the slot keeps its session, hours, role and place; the notice names the session', () => {
    expect(swap.code).toBe(0);
    const rows: string[][] = parse(readFileSync(join(dir, 'swapped/timetable.csv')), { bom: true });
    expect(rows[1]).toEqual([
      '2024-12-11',
      '星期三',
      '上午',
      '08:30-11:30',
      '接访',
      '区委',
      '张志强',
      '区委常委、宣传部部长',
      '主接访',
      '宣传、网信、文明创建',
      HALL,
    ]);
    expect(readFileSync(join(dir, 'swapped/change-notice.txt'), 'utf8')).toContain('2024-12-11 上午：原 王建国（区委副书记）');
  });

  it('the slot’s event keeps its UID with SEQUENCE 1 in the new leader’s calendar, cancelled in the old one’s', () => {
    const [mine] = uidSeq('张志强.ics');
    expect(mine.slice(1)).toEqual([1, null]);
    expect(uidSeq('王建国.ics')).toEqual([[mine[0], 1, 'CANCELLED']]);
  });
});

describe('rota rollback and rota check', () => {
  it('rollback restores the slot as it was published, session, hours and role kept', () => {
    const back = runRota(['rollback', '--out', 'swapped', '--today', '2024-12-10'], dir);
    expect(back.code).toBe(0);
    const rows: string[][] = parse(readFileSync(join(dir, 'swapped/timetable.csv')), { bom: true });
    expect(rows).toEqual(parse(readFileSync(out('timetable.csv')), { bom: true }));
  });

  it('check reads records with slot columns (its fast path too) and refuses unknown 时段 and 角色 by line, exit 2', () => {
    writeFileSync(join(dir, 'bad.csv'), '日期,时段,姓名,角色\n2024-12-11,上半天,王建国,主接访\n2024-12-12,上午,刘芳,列席\n');
    const bad = runRota(['check', 'bad.csv', '-c', 'rota.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.csv:2: 时段: 不认识的时段“上半天”');
    expect(bad.stderr).toContain('bad.csv:3: 角色: 不认识的角色“列席”');
    const good = runRota(['check', 'out/timetable.csv', '-c', 'rota.json', '--to', '2024-12-11'], dir);
    expect(good.stderr).not.toContain('slot.');
    expect([0, 1]).toContain(good.code);
  });
});

describe('the page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has 时段, 类型 and 角色 columns, each row its session and place, and no axe-core violation at 1366px and 360px', async () => {
    const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 360, height: 740 },
    ]) {
      const page = await (await browser.newContext({ viewport, bypassCSP: true })).newPage();
      await page.goto(pathToFileURL(out('timetable.html')).href);
      const rows = await page.$$eval('#timetable tbody tr', (trs) =>
        trs.map((tr) => ['时段', '类型', '角色', '地点'].map((l) => tr.querySelector(`[data-label="${l}"]`)?.textContent)),
      );
      expect(rows).toEqual([
        ['上午8:30—11:30', '接访', '主接访', HALL],
        ['上午8:30—11:30', '接访', '陪同', HALL],
        ['下午15:00—17:30', '接访', '主接访', COURT],
        ['下午15:00—17:30', '视频接访', '主接访', HALL],
      ]);
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return r.violations.map((v: { id: string }) => v.id);
      });
      expect(violations).toEqual([]);
      await page.close();
    }
  });
});

describe('the browser app re-opening it', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows 时段 and 角色 columns in its grid, 类型 with the mode, and no axe-core violation', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await page.getByLabel('配置文件', { exact: true }).setInputFiles(join(dir, 'rota.json'));
    await page.getByLabel('领导名单', { exact: true }).setInputFiles(join(dir, 'leaders.csv'));
    await page.getByLabel('接访记录', { exact: true }).setInputFiles(join(dir, 'history.csv'));
    await page.getByLabel('已公布的时间表', { exact: true }).setInputFiles([out('timetable.csv'), out('timetable.json')]);
    await page.waitForSelector('#timetable');
    const heads = await page.$$eval('#timetable thead th', (ths) => ths.map((th) => th.textContent));
    expect(heads).toEqual(['日期', '星期', '时段', '类型', '单位', '姓名', '角色', '职务', '分管工作', '地点', '锁定', '调整']);
    const rows = await page.$$eval('#timetable tbody tr', (trs) =>
      trs.map((tr) => ['时段', '类型', '姓名', '角色'].map((l) => tr.querySelector(`[data-label="${l}"]`)?.textContent)),
    );
    expect(rows).toEqual([
      ['上午 08:30-11:30', '接访', '王建国', '主接访'],
      ['上午 08:30-11:30', '接访', '艾力·买买提', '陪同'],
      ['下午 15:00-17:30', '接访', '努尔兰·哈力木', '主接访'],
      ['下午 15:00-17:30', '视频接访', '阿依古丽·吐尔逊', '主接访'],
    ]);
    expect(await axeViolations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
    await app.context.close();
  }, 60_000);
});

describe('timetable.docx in LibreOffice Writer', () => {
  it('lists every duty with its session, mode, role and place', () => {
    // The cells as written (a narrow column wraps them in the PDF, so they are read from the document).
    const xml = new TextDecoder().decode(unzipSync(readFileSync(out('timetable.docx')))['word/document.xml']);
    const cells = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    for (const cell of ['时段', '角色', '上午8:30—11:30', '下午15:00—17:30', '视频接访', '陪同', COURT]) expect(cells).toContain(cell);
    const [pdf] = docxToPdf([out('timetable.docx')], dir);
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain('上午8:30—11:30、下午15:00—17:30');
    for (const name of ['王建国', '艾力·买买', '努尔兰·哈', '阿依古丽·']) expect(text).toContain(name);
  });
});
