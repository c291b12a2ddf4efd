// The case ledger in 排班助手.html (chromium, file://) against the built CLI: a ledger made by
// `rota cases import` opens in the page with the same overdue matters `rota cases check` lists; a
// visit registered on the page and saved passes `rota cases check` and is in `rota cases export`;
// residents' data is in no storage and no published export; bad files are told beside the picker;
// the day's 领导干部接访表 is the CLI's page; axe-core finds nothing in each state.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, exported, openApp } from './browser/app-page.js';
import { launchChromium } from './browser/launch.js';

// biome-ignore lint/suspicious/noExplicitAny: browser globals inside page.evaluate
declare const window: any, document: any, MutationObserver: any, requestAnimationFrame: (f: () => void) => void;

const ROTA = resolve('bin/rota.js');
const dir = mkdtempSync(join(tmpdir(), 'rota-ledger-app-'));
function rota(args: string[]) {
  const r = spawnSync('node', [ROTA, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  for (const f of ['rota.json', 'leaders.csv', 'history.csv']) copyFileSync(join('fixtures', f), join(dir, f));
  expect(rota(['cases', 'import', resolve('fixtures/cases/ledger.csv'), '--db', '接访台帐.sqlite']).code).toBe(0);
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const RESIDENT = '测试甲某';
const PHONE = '13912345678';

async function openLedger(page: Page, file: string): Promise<string> {
  await page.getByLabel('台帐文件', { exact: true }).setInputFiles(file);
  const message = page.locator('#ledger-h ~ #message, section[aria-labelledby="ledger-h"] #message');
  // Each message names the file, so the one before it is not taken for it.
  await expect.poll(() => message.textContent(), { timeout: 30_000 }).toContain(`${basename(file)}`);
  return (await message.textContent()) ?? '';
}

/** The 编号 in the page's overdue rows (剩余或超期 is the eighth column). */
const overdueShown = (page: Page) =>
  page.$$eval('#ledger-matters tbody tr', (rows) =>
    rows
      .filter((r) => (r.querySelectorAll('th, td')[7]?.textContent ?? '').startsWith('超期'))
      .map((r) => (r.querySelector('th')?.textContent ?? '').trim()),
  );

describe('接访台帐 in the browser app', () => {
  it('opens a CLI ledger, judges it as rota cases check does, registers a visit, saves a ledger the CLI reads', async () => {
    const { page, requests, errors } = await openApp(browser);
    expect(await openLedger(page, join(dir, '接访台帐.sqlite'))).toContain('已打开台帐');
    const summary = (await page.textContent('#ledger-summary')) ?? '';
    const today = summary.slice(0, 10);
    const cli = rota(['cases', 'check', '--db', '接访台帐.sqlite', '--today', today]);
    const cliOverdue = [...cli.stdout.matchAll(/超期 overdue: 事项 (\S+)（/g)].map((m) => m[1]);
    expect(cliOverdue.length).toBeGreaterThan(0);
    expect(await overdueShown(page)).toEqual(cliOverdue);
    expect(summary).toContain(`超期 ${cliOverdue.length} 件`);
    expect(await page.textContent('#ledger-leaders')).toContain('努尔兰·哈力木');
    expect(await axeViolations(page)).toEqual([]);

    // A visit typed on the page, checked as an imported row is: the missing concern is told first.
    await page.getByLabel('接访领导', { exact: true }).fill('王建国');
    await page.getByLabel('来访人', { exact: true }).fill(RESIDENT);
    await page.getByLabel('联系方式', { exact: true }).fill(PHONE);
    await page.getByLabel('身份证号', { exact: true }).fill('12345');
    await page.getByLabel('主要问题', { exact: true }).fill('供暖不热');
    // The clerk goes back to the field as soon as the message shows, before it would take focus: focus
    // stays where they went, so what they type next lands there (CI once saw fill('') go to the message).
    const focusAfter = page.evaluate(
      () =>
        new Promise<string>((done) => {
          new MutationObserver((_: unknown, seen: { disconnect(): void }) => {
            if (!document.getElementById('message')?.textContent?.includes('身份证号')) return;
            seen.disconnect();
            document.getElementById('visit-idNumber')?.focus();
            requestAnimationFrame(() => setTimeout(() => setTimeout(() => done(document.activeElement?.id ?? ''), 50)));
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }),
    );
    await page.getByRole('button', { name: '登记', exact: true }).click();
    expect(await focusAfter).toBe('visit-idNumber');
    await expect.poll(() => page.textContent('#message')).toContain('身份证号有 5 个字符');
    expect(await page.textContent('#message')).not.toContain(RESIDENT);
    await page.getByLabel('身份证号', { exact: true }).fill('');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await expect.poll(() => page.textContent('#message')).toContain('已登记');
    expect(await axeViolations(page)).toEqual([]);

    const stored = await page.evaluate(() => JSON.stringify([{ ...window.sessionStorage }, { ...window.localStorage }]));
    for (const personal of [RESIDENT, PHONE, '张某某', '13800000001']) expect(stored).not.toContain(personal);

    const saved = await exported(page, '保存台帐');
    const bytes = saved.get('接访台帐.sqlite')!;
    writeFileSync(join(dir, 'saved.sqlite'), bytes);
    const after = rota(['cases', 'check', '--db', 'saved.sqlite', '--today', today]);
    expect(after.code).not.toBe(2);
    const total = (s: string) => Number(/台帐共 (\d+) 件/.exec(s)?.[1]);
    expect(total(after.stdout)).toBe(total(cli.stdout) + 1);
    expect(rota(['cases', 'export', '--db', 'saved.sqlite', '-o', 'saved.csv']).code).toBe(0);
    expect(readFileSync(join(dir, 'saved.csv'), 'utf8')).toContain(`${RESIDENT},${PHONE}`);
    expect(requests.filter((u) => !u.endsWith('.html'))).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('prints the day’s 领导干部接访表 as rota cases forms does, and puts no personal data in a published file or the .rota project', async () => {
    const { page } = await openApp(browser);
    await page.getByLabel('配置文件', { exact: true }).setInputFiles(join(dir, 'rota.json'));
    await page.getByLabel('领导名单', { exact: true }).setInputFiles(join(dir, 'leaders.csv'));
    await page.getByLabel('接访记录', { exact: true }).setInputFiles(join(dir, 'history.csv'));
    await page.getByRole('button', { name: '排班', exact: true }).click();
    await page.waitForSelector('#timetable');
    await openLedger(page, join(dir, '接访台帐.sqlite'));
    // The visit's day fills in that day's leader (谁接访、谁包案), as the CLI's timetable has it.
    expect(rota(['plan', '-c', 'rota.json', '--out', 'out']).code).toBe(0);
    const onDuty = /^2024-12-12,[^,]*,[^,]*,[^,]*,([^,]+),/m.exec(readFileSync(join(dir, 'out/timetable.csv'), 'utf8'))?.[1];
    expect(await page.getByLabel('接访领导', { exact: true }).inputValue()).toBe('');
    await page.getByLabel('来访日期', { exact: true }).fill('2024-12-12');
    await page.getByLabel('来访日期', { exact: true }).press('Tab');
    expect(onDuty).toBeTruthy();
    expect(await page.getByLabel('接访领导', { exact: true }).inputValue()).toBe(onDuty);
    await page.getByLabel('来访人', { exact: true }).fill(RESIDENT);
    await page.getByLabel('主要问题', { exact: true }).fill('供暖不热');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await expect.poll(() => page.textContent('#message')).toContain('已登记');

    // Another 今天: the ledger is judged again in the worker, as rota cases check --today judges it.
    await page.getByLabel(/今天/).fill('2025-02-20');
    await page.getByLabel(/今天/).press('Tab');
    await expect.poll(() => page.textContent('#ledger-summary')).toMatch(/^2025-02-20：台帐共 5 件.*超期 1 件/);
    expect(await overdueShown(page)).toEqual(['20241213-0cc5ba']);
    await page.getByLabel('接访日', { exact: true }).fill('2024-12-11');
    const forms = await exported(page, '打印接访表');
    expect(
      rota(['cases', 'forms', 'out/timetable.csv', '-c', 'rota.json', '-o', 'forms', '--from', '2024-12-11', '--to', '2024-12-11']).code,
    ).toBe(0);
    expect(forms.get('领导干部接访表-2024-12-11.html')).toEqual(readFileSync(join(dir, 'forms/领导干部接访表.html')));
    expect(await axeViolations(page)).toEqual([]);

    for (const button of ['导出 CSV', '导出网页', '导出 JSON', '导出日历', '保存项目 save project']) {
      for (const [name, content] of await exported(page, button)) {
        for (const personal of [RESIDENT, '张某某', '13800000001']) expect(content.toString('utf8'), name).not.toContain(personal);
      }
    }
  }, 120_000);

  it('lists the matters a page of 20 at a time, overdue and due soon first, so a big ledger opens without drawing them all', async () => {
    const rows = Array.from(
      { length: 250 },
      (_, i) => `2024-01-${String(1 + (i % 28)).padStart(2, '0')},某${i},问题${i},王建国,2024-01-${String(1 + (i % 28)).padStart(2, '0')}`,
    );
    writeFileSync(join(dir, 'many.csv'), `来访日期,来访人,主要问题,接访领导,受理日期\n${rows.join('\n')}\n`);
    expect(rota(['cases', 'import', 'many.csv', '--db', 'many.sqlite']).code).toBe(0);
    const { page } = await openApp(browser);
    await openLedger(page, join(dir, 'many.sqlite'));
    expect(await page.locator('#ledger-matters tbody tr').count()).toBe(20);
    expect(await page.textContent('#ledger-range')).toBe('第 1–20 件，共 250 件');
    expect(await page.textContent('#ledger-summary')).toContain('超期 250 件');
    expect(await page.isDisabled('#ledger-prev')).toBe(true);
    const first = await overdueShown(page);
    // Paged by keyboard: the button keeps focus, the next 20 are shown, none twice.
    await page.focus('#ledger-next');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#ledger-range')).toBe('第 21–40 件，共 250 件');
    const focused = () => page.evaluate(() => document.activeElement?.id);
    await expect.poll(focused).toBe('ledger-next');
    const second = await overdueShown(page);
    expect(second).toHaveLength(20);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    for (let i = 3; i <= 13; i++) {
      await expect.poll(focused).toBe('ledger-next');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.textContent('#ledger-range')).toContain(`第 ${(i - 1) * 20 + 1}–`);
    }
    expect(await page.textContent('#ledger-range')).toBe('第 241–250 件，共 250 件');
    expect(await page.isDisabled('#ledger-next')).toBe(true);
    // Another list: those in one state.
    await page.selectOption('#ledger-filter', '办结');
    await expect.poll(() => page.textContent('#ledger-range')).toBe('没有事项 none');
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);

  it('records each step of a matter (交办, 受理, 延期, 办结, 回访) by keyboard, refuses what the CLI refuses, and saves a ledger rota cases check reads', async () => {
    const { page, errors } = await openApp(browser);
    await openLedger(page, join(dir, '接访台帐.sqlite'));
    await page.selectOption('#ledger-filter', '登记');
    await expect.poll(() => page.textContent('#ledger-range')).toBe('第 1–1 件，共 1 件');
    const id = ((await page.textContent('#ledger-matters tbody th')) ?? '').trim();
    await page.focus(`#act-${id}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('advance-act');
    expect(await page.textContent('#advance-h')).toContain(`办理事项 ${id}（现在是“登记”`);
    expect(await axeViolations(page)).toEqual([]);
    const message = () => page.textContent('section[aria-labelledby="ledger-h"] #message');
    const record = async () => {
      await page.focus('#advance-record');
      await page.keyboard.press('Enter');
    };

    // 交办 without a unit: refused with the ledger's words, nothing recorded.
    await record();
    await expect.poll(message).toContain('未记录 not recorded：接访台帐.sqlite: 责任单位 不能为空');
    expect(await page.getAttribute('section[aria-labelledby="ledger-h"] #message', 'role')).toBe('alert');
    // (the visit form below has boxes of the same names)
    await page.fill('#advance-unit', '区教育局');
    await page.fill('#advance-instruction', '请依政策办理');
    await record();
    await expect.poll(message).toContain(`已记录 recorded：事项 ${id} 交办，现在是“交办”`);
    expect(await axeViolations(page)).toEqual([]);

    // 受理 before the visit: refused; then on 2024-12-17.
    await page.getByLabel('受理日期', { exact: true }).fill('2024-12-01');
    await record();
    await expect.poll(message).toContain('受理日期 2024-12-01 早于来访日期 2024-12-16');
    await page.getByLabel('受理日期', { exact: true }).fill('2024-12-17');
    await record();
    await expect.poll(message).toContain('现在是“办理中”，办理期限至 2025-02-15');

    // 延期: past 30 days, then without approval, are refused; 20 approved days move the time limit.
    expect(await page.inputValue('#advance-act')).toBe('延期');
    await page.getByLabel('延期天数', { exact: true }).fill('40');
    await page.getByLabel('延期批准', { exact: true }).fill('区信访联席办');
    await record();
    await expect.poll(message).toContain('延期天数“40”不是 1 到 30 之间的整数');
    await page.getByLabel('延期天数', { exact: true }).fill('20');
    await page.getByLabel('延期批准', { exact: true }).fill('');
    await record();
    await expect.poll(message).toContain('有延期天数，但没有写延期批准人');
    await page.getByLabel('延期批准', { exact: true }).fill('区信访联席办');
    await record();
    await expect.poll(message).toContain('办理期限至 2025-03-07');
    await page.getByLabel('延期天数', { exact: true }).fill('11');
    await page.getByLabel('延期批准', { exact: true }).fill('区信访联席办');
    await record();
    await expect.poll(message).toContain('已延期 20 天，再延期 11 天共 31 天，超过 30 天');
    expect(await axeViolations(page)).toEqual([]);

    // 办结 with its result, then 回访.
    await page.selectOption('#advance-act', '办结');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('advance-act');
    await page.getByLabel('办结日期', { exact: true }).fill('2025-01-20');
    await page.getByLabel('办理结果', { exact: true }).fill('已安排入学');
    await record();
    await expect.poll(message).toContain('现在是“办结”');
    await page.getByLabel('回访日期', { exact: true }).fill('2025-01-25');
    await page.getByLabel('回访情况', { exact: true }).fill('满意');
    await record();
    await expect.poll(message).toContain('现在是“回访”');
    expect(await page.textContent('#advance-act')).toContain('已办完');
    expect(await axeViolations(page)).toEqual([]);
    await page.focus('#advance-cancel');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.$('#advance-form')).toBeNull();

    const stored = await page.evaluate(() => JSON.stringify([{ ...window.sessionStorage }, { ...window.localStorage }]));
    for (const personal of ['赵某某', '13800000004']) expect(stored).not.toContain(personal);
    const saved = await exported(page, '保存台帐');
    writeFileSync(join(dir, 'advanced.sqlite'), saved.get('接访台帐.sqlite')!);
    const check = rota(['cases', 'check', '--db', 'advanced.sqlite', '--today', '2025-02-01']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain('台帐共 4 件（登记 0，交办 0，办理中 2，办结 1，回访 1）');
    expect(rota(['cases', 'export', '--db', 'advanced.sqlite', '-o', 'advanced.csv']).code).toBe(0);
    const line = readFileSync(join(dir, 'advanced.csv'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith(id));
    expect(line).toContain('区教育局,2024-12-17,20,区信访联席办,2025-01-20,已安排入学,2025-01-25,满意,回访');
    expect(errors).toEqual([]);
  }, 180_000);

  it('tells a bad ledger beside the picker: not SQLite, another database, another schema version, too big', async () => {
    const SQL = await initSqlJs();
    const foreign = new SQL.Database();
    foreign.run('CREATE TABLE notes (x TEXT)');
    writeFileSync(join(dir, 'foreign.sqlite'), foreign.export());
    const newer = new SQL.Database(readFileSync(join(dir, '接访台帐.sqlite')));
    newer.run("UPDATE meta SET value = '2' WHERE key = 'schema'");
    writeFileSync(join(dir, 'newer.sqlite'), newer.export());
    writeFileSync(join(dir, 'ledger.sqlite'), readFileSync('fixtures/cases/ledger.csv'));
    writeFileSync(join(dir, 'big.sqlite'), '');
    truncateSync(join(dir, 'big.sqlite'), 257 * 2 ** 20);

    const { page } = await openApp(browser);
    const cases: Array<[string, string]> = [
      ['ledger.sqlite', '不是 SQLite 台帐'],
      ['foreign.sqlite', '不是 rota 的台帐'],
      ['newer.sqlite', '格式版本是 2'],
      ['big.sqlite', '超过能打开的 256 MB'],
    ];
    for (const [file, said] of cases) {
      const text = await openLedger(page, join(dir, file));
      expect(text, file).toMatch(/^无法打开台帐/);
      expect(text, file).toContain(said);
      expect(await page.getAttribute('section[aria-labelledby="ledger-h"] #message', 'role')).toBe('alert');
    }
    expect(await axeViolations(page)).toEqual([]);
    // The CLI refuses the same files with the same words (exit 2).
    const cli = rota(['cases', 'check', '--db', 'newer.sqlite']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('格式版本是 2');
  }, 120_000);
});
