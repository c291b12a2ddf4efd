// The published folder knows it is published: plan over it is refused (or replaces it on purpose with
// SEQUENCE still rising), render finds the last publication in --out wherever the edited CSV was
// saved, every re-publication is dated, an unchanged one keeps the last real notice, swap re-publishes
// the whole folder, and a calendar the new publication lacks is gone.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_CONFIG } from '../src/core/config.js';
import { loadLeaders } from '../src/io/load.js';
import { stateDir } from '../src/io/publish-folder.js';

const rota = (args: string[]) => {
  const r = spawnSync('node', ['bin/rota.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const C = ['-c', 'fixtures/rota.json'];
const sequences = (dir: string) =>
  Object.fromEntries(
    readFileSync(join(dir, 'timetable.ics'), 'utf8')
      .split('BEGIN:VEVENT')
      .slice(1)
      .map((ev) => [/UID:(\S+)/.exec(ev)![1], +/SEQUENCE:(\d+)/.exec(ev)![1]]),
  );

/** Every file of a folder, path → bytes (base64, so a difference shows). */
const files = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const p = join(e.parentPath, e.name);
        return [relative(dir, p), readFileSync(p).toString('base64')];
      })
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

/** 职务 and 分管工作 of a leader in fixtures/leaders.csv, read by rota's own reader. */
const LIST = loadLeaders(['fixtures/leaders.csv'], SEED_CONFIG).leaders;
const leaderRow = (name: string) => LIST.find((l) => l.name === name)!;

/** A published folder, and the CSV of it edited in "Excel" and saved elsewhere with one day's leader changed. */
function publishedAndEdited() {
  const out = join(mkdtempSync(join(tmpdir(), 'rota-pub-')), '发布');
  expect(rota(['plan', ...C, '--out', out, '--ics-per-leader']).code).toBe(0);
  const lines = readFileSync(join(out, 'timetable.csv'), 'utf8').split('\r\n');
  const i = lines.findIndex((l) => l.startsWith('2024-12-19,'));
  const before = lines[i].split(',')[4];
  const onTable = new Set(lines.slice(1).map((l) => l.split(',')[4]));
  const substitute = ['艾力·买买提', '刘芳'].find((n) => !onTable.has(n))!;
  // The whole row as the list has it: only 姓名, 职务 and 分管工作 change (a names-only edit is refused, see below).
  const cells = lines[i].split(',');
  const listed = leaderRow(substitute);
  [cells[4], cells[5], cells[6]] = [substitute, listed.title, listed.portfolio];
  lines[i] = cells.join(',');
  const saved = join(mkdtempSync(join(tmpdir(), 'rota-saveas-')), '另存为.csv');
  writeFileSync(saved, lines.join('\r\n'));
  return { out, saved, before, substitute };
}

describe('a published folder', () => {
  it('refuses plan --out over it, naming replan and --replace; --replace keeps SEQUENCE rising', () => {
    const { out, saved } = publishedAndEdited();
    const html = readFileSync(join(out, 'timetable.html'), 'utf8');
    const r = rota(['plan', ...C, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`rota replan --previous ${join(out, 'timetable.csv')} --out ${out}`);
    expect(r.stderr).toContain('--replace');
    expect(readFileSync(join(out, 'timetable.html'), 'utf8')).toBe(html);
    // A hand edit published (one event at SEQUENCE 1), then the plan again on purpose: that event changes back.
    expect(rota(['render', saved, ...C, '--out', out, '--today', '2024-12-12']).code).toBe(0);
    const edited = sequences(out);
    expect(Object.values(edited).filter((s) => s === 1)).toHaveLength(1);
    expect(rota(['plan', ...C, '--out', out, '--replace']).code).toBe(0);
    const replaced = sequences(out);
    for (const [uid, s] of Object.entries(edited)) expect(replaced[uid]).toBeGreaterThanOrEqual(s);
    expect(Object.values(replaced).filter((s) => s === 2)).toHaveLength(1);
  });

  it('render finds the last publication in --out although the CSV was saved elsewhere; the notice and the page are dated', () => {
    const { out, saved, before, substitute } = publishedAndEdited();
    const r = rota(['render', saved, ...C, '--out', out, '--today', '2024-12-15']);
    expect(r.code).toBe(0);
    const notice = readFileSync(join(out, 'change-notice.txt'), 'utf8');
    expect(notice).toContain(`2024-12-19：原 ${before}`);
    expect(notice).toContain(`→ 现 ${substitute}`);
    expect(notice).toContain('2024-12-15');
    expect(readFileSync(join(out, 'timetable.html'), 'utf8')).toContain('2024年12月15日发布');
    // An unchanged re-render says so and keeps that notice.
    const again = rota(['render', join(out, 'timetable.csv'), ...C, '--out', out, '--today', '2024-12-16', '--ics-per-leader']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('本次无调整');
    expect(readFileSync(join(out, 'change-notice.txt'), 'utf8')).toBe(notice);
  });

  it('replan takes the last publication from --out although --previous was saved elsewhere: SEQUENCE keeps rising', () => {
    const { out, saved } = publishedAndEdited();
    expect(rota(['render', saved, ...C, '--out', out, '--today', '2024-12-12']).code).toBe(0);
    const published = sequences(out);
    expect(Object.values(published).filter((s) => s === 1)).toHaveLength(1);
    // "Save As" elsewhere: no timetable.json beside the CSV the re-plan starts from.
    const copy = join(mkdtempSync(join(tmpdir(), 'rota-saveas-')), '另存为.csv');
    copyFileSync(join(out, 'timetable.csv'), copy);
    expect(rota(['replan', ...C, '--previous', copy, '--today', '2024-12-13', '--out', out]).code).toBe(0);
    const replanned = sequences(out);
    for (const [uid, s] of Object.entries(published)) expect(replanned[uid]).toBeGreaterThanOrEqual(s);
  });

  it('a folder with per-leader calendars keeps them: render without --ics-per-leader writes them again', () => {
    const { out } = publishedAndEdited();
    const before = readdirSync(join(out, 'ics')).sort();
    expect(before.length).toBeGreaterThan(0);
    expect(rota(['render', join(out, 'timetable.csv'), ...C, '--out', out, '--today', '2024-12-12']).code).toBe(0);
    expect(readdirSync(join(out, 'ics')).sort()).toEqual(before);
  });

  it('rota rollback publishes the previous timetable again as a new publication (SEQUENCE still rising); a second undoes the first', () => {
    const { out, saved } = publishedAndEdited();
    const first = files(out);
    const seq0 = sequences(out);
    expect(rota(['render', saved, ...C, '--out', out, '--today', '2024-12-15']).code).toBe(0);
    const second = files(out);
    const seq1 = sequences(out);
    expect(second).not.toEqual(first);
    const r = rota(['rollback', '--out', out, '--today', '2024-12-15']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^已恢复 .+ 的上一次发布.*Restored the previous publication/);
    expect(files(out)['timetable.csv']).toEqual(first['timetable.csv']);
    const seq2 = sequences(out);
    for (const [uid, s] of Object.entries(seq1)) expect(seq2[uid]).toBeGreaterThanOrEqual(s);
    // Every event the rollback changed back rose above both earlier publications.
    const changed = Object.keys(seq1).filter((uid) => seq1[uid] !== seq0[uid]);
    expect(changed.length).toBeGreaterThan(0);
    for (const uid of changed) expect(seq2[uid]).toBeGreaterThan(seq1[uid]);
    const log = JSON.parse(readFileSync(join(out, 'timetable.json'), 'utf8')).log;
    expect(log.at(-1)).toMatchObject({ command: 'rollback', date: '2024-12-15' });
    expect(rota(['rollback', '--out', out, '--today', '2024-12-15']).code).toBe(0);
    expect(files(out)['timetable.csv']).toEqual(second['timetable.csv']);
  });

  it('rota rollback is exit 2 with a sentence for a folder never published or published once, and changes nothing', () => {
    const never = rota(['rollback', '--out', join(mkdtempSync(join(tmpdir(), 'rota-never-')), '发布')]);
    expect(never.code).toBe(2);
    expect(never.stderr).toContain('不是 rota 发布过的文件夹');
    const out = join(mkdtempSync(join(tmpdir(), 'rota-once-')), '发布');
    expect(rota(['plan', ...C, '--out', out]).code).toBe(0);
    const once = files(out);
    const r = rota(['rollback', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\S+ 只发布过一次，没有更早的发布可以恢复.*has no earlier publication/);
    expect(files(out)).toEqual(once);
  });

  it('swap without --out re-publishes the whole folder, never the CSV alone', () => {
    const { out } = publishedAndEdited();
    const csv = join(out, 'timetable.csv');
    const r = rota(['swap', csv, '2024-12-11', '--with', '艾力·买买提', ...C, '--today', '2024-12-10']);
    expect(r.code).toBe(0);
    const rows = readFileSync(csv, 'utf8').split('\r\n');
    const nameOn = (d: string) => rows.find((l) => l.startsWith(`${d},`))!.split(',')[4];
    const json = JSON.parse(readFileSync(join(out, 'timetable.json'), 'utf8'));
    const jsonName = (d: string) => json.duties.find((x: { date: string }) => x.date === d).name;
    expect(nameOn('2024-12-11')).toBe('艾力·买买提');
    expect(jsonName('2024-12-11')).toBe('艾力·买买提');
    expect(readFileSync(join(out, 'timetable.html'), 'utf8')).toContain('艾力·买买提');
    expect(readdirSync(join(out, 'ics'))).toContain('艾力·买买提.ics');
    expect(readFileSync(join(out, 'change-notice.txt'), 'utf8')).toContain('2024-12-11');
  });
});

describe('a run killed half way, a lost timetable.json', () => {
  it('replan, render and swap first finish a switch a killed run left half done (the folder is never found missing)', () => {
    for (const command of ['replan', 'render', 'swap'] as const) {
      const out = join(mkdtempSync(join(tmpdir(), 'rota-kill-')), '发布');
      expect(rota(['plan', ...C, '--out', out]).code).toBe(0);
      // Killed between the two renames: the old folder moved aside, the new one ready, nothing at OUT.
      cpSync(out, join(stateDir(out), 'ready'), { recursive: true });
      renameSync(out, join(stateDir(out), 'old'));
      const csv = join(out, 'timetable.csv');
      const args = {
        replan: ['replan', ...C, '--previous', csv, '--today', '2024-12-16', '--out', out],
        render: ['render', csv, ...C, '--out', out, '--today', '2024-12-16'],
        swap: ['swap', csv, '2024-12-19', '--with', '刘芳', ...C, '--today', '2024-12-16'],
      }[command];
      const r = rota(args);
      expect(r.code, `${command}: ${r.stderr}`).toBe(0);
      expect(JSON.parse(readFileSync(join(out, 'timetable.json'), 'utf8')).log.at(-1).command).toBe(command);
    }
  });

  it('an unreadable timetable.json is taken from the newest kept publication, never as "never published"', () => {
    const { out, saved } = publishedAndEdited();
    expect(rota(['render', saved, ...C, '--out', out, '--today', '2024-12-15']).code).toBe(0);
    const before = sequences(out);
    writeFileSync(join(out, 'timetable.json'), '{');
    const r = rota(['render', join(out, 'timetable.csv'), ...C, '--out', out, '--today', '2024-12-16']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('改用保存的第');
    for (const [uid, s] of Object.entries(before)) expect(sequences(out)[uid]).toBeGreaterThanOrEqual(s);
    // No kept copy either: refused, nothing written.
    rmSync(stateDir(out), { recursive: true, force: true });
    writeFileSync(join(out, 'timetable.json'), '{');
    mkdirSync(stateDir(out));
    const lost = rota(['render', join(out, 'timetable.csv'), ...C, '--out', out, '--today', '2024-12-16']);
    expect(lost.code).toBe(2);
    expect(lost.stderr).toContain('读不到它的发布记录');
  });

  it('a symbolic link --out publishes into its target; a webmaster file stays; a read-only leftover is no exit 70', () => {
    const root = mkdtempSync(join(tmpdir(), 'rota-link-'));
    const web = join(root, 'www');
    expect(rota(['plan', ...C, '--out', web]).code).toBe(0);
    symlinkSync(web, join(root, 'link'));
    writeFileSync(join(web, 'index.html'), 'webmaster');
    const r = rota([
      'swap',
      join(root, 'link', 'timetable.csv'),
      '2024-12-19',
      '--with',
      '刘芳',
      ...C,
      '--today',
      '2024-12-16',
      '--out',
      join(root, 'link'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(root, 'link')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(web, 'timetable.csv'), 'utf8')).toContain('刘芳');
    expect(readFileSync(join(web, 'index.html'), 'utf8')).toBe('webmaster');
    // A ready/ left read-only by a permissions error: removed (or a sentence), never a crash.
    const ready = join(stateDir(web), 'ready');
    mkdirSync(join(ready, 'ics'), { recursive: true });
    writeFileSync(join(ready, 'ics', 'x.ics'), '');
    chmodSync(join(ready, 'ics'), 0o555);
    chmodSync(ready, 0o555);
    const again = rota(['render', join(web, 'timetable.csv'), ...C, '--out', web, '--today', '2024-12-16']);
    expect(again.code, again.stderr).toBe(0);
  });
});

describe("the office's own fields", () => {
  it("a configuration that leaves out place, contact, hours, office or the date is refused at --out, naming them; the seed's values are never published", () => {
    const dir = mkdtempSync(join(tmpdir(), 'rota-office-'));
    const seed = JSON.parse(readFileSync('fixtures/rota.json', 'utf8'));
    const { place: _p, contact: _c, hours: _h, office: _o, published: _d, ...rest } = seed;
    const changsha = {
      ...rest,
      title: '长沙市某区2024年第四轮领导干部接访安排表',
      leaders: [join(process.cwd(), 'fixtures/leaders.csv')],
      history: [],
    };
    writeFileSync(join(dir, 'rota.json'), JSON.stringify(changsha));
    const out = join(dir, '发布');
    const r = rota(['plan', '-c', join(dir, 'rota.json'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('配置文件没有写 place、contact、hours、office、published');
    expect(readdirSync(dir)).toEqual(['rota.json']);
    // Planning without publishing is not refused; written out, the fields publish.
    expect(rota(['plan', '-c', join(dir, 'rota.json')]).code).toBe(0);
    const own = {
      ...changsha,
      place: { name: '区信访接待中心', address: '长沙市某路1号' },
      contact: { name: '李明', phone: '0731-1234567' },
      hours: null,
      office: '区信访局',
      published: '2024-12-09',
    };
    writeFileSync(join(dir, 'rota.json'), JSON.stringify(own));
    expect(rota(['plan', '-c', join(dir, 'rota.json'), '--out', out]).code).toBe(0);
    const page = readFileSync(join(out, 'timetable.html'), 'utf8');
    expect(page).toContain('长沙市某路1号');
    expect(page).not.toContain('昆仑路');
  });
});

describe('a bad byte in a published field', () => {
  it('is a warning naming file, line and field, whichever column it is in (not only 姓名)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rota-byte-'));
    const lines = readFileSync('fixtures/leaders.csv').toString('latin1').split('\n');
    for (const [i, col] of [
      [1, 2],
      [2, 4],
    ] as const) {
      const cells = lines[i].split(',');
      // The second byte of the cell's first character made invalid UTF-8.
      cells[col] = `${cells[col][0]}\xff${cells[col].slice(2)}`;
      lines[i] = cells.join(',');
    }
    writeFileSync(join(dir, 'leaders.csv'), Buffer.from(lines.join('\n'), 'latin1'));
    const r = rota(['plan', ...C, '--leaders', join(dir, 'leaders.csv')]);
    expect(r.stderr).toMatch(/leaders\.csv:2: 警告 warning: 职务: .*\uFFFD/);
    expect(r.stderr).toMatch(/leaders\.csv:3: 警告 warning: 分管工作: .*\uFFFD/);
  });
});

describe('two rota swap runs at once on one folder', () => {
  const start = (args: string[]) =>
    new Promise<number | null>((done) => {
      const child = spawn('node', ['bin/rota.js', ...args], { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
      child.on('close', (code) => done(code));
    });
  it('both take effect: the lock covers reading the timetable, changing it and publishing it (5 tries)', async () => {
    for (let i = 0; i < 5; i++) {
      const out = join(mkdtempSync(join(tmpdir(), 'rota-two-')), '发布');
      expect(rota(['plan', ...C, '--out', out, '--ics-per-leader']).code).toBe(0);
      const csv = join(out, 'timetable.csv');
      const codes = await Promise.all([
        start(['swap', csv, '2024-12-11', '--with', '艾力·买买提', ...C, '--today', '2024-12-10']),
        start(['swap', csv, '2024-12-19', '--with', '刘芳', ...C, '--today', '2024-12-10']),
      ]);
      expect(codes).toEqual([0, 0]);
      const rows = readFileSync(csv, 'utf8').split('\r\n');
      const nameOn = (d: string) => rows.find((l) => l.startsWith(`${d},`))!.split(',')[4];
      expect([nameOn('2024-12-11'), nameOn('2024-12-19')]).toEqual(['艾力·买买提', '刘芳']);
      const log = JSON.parse(readFileSync(join(out, 'timetable.json'), 'utf8')).log;
      expect(log.map((e: { command: string }) => e.command)).toEqual(['earlier', 'swap', 'swap']);
    }
  }, 120_000);
});

describe('a hand edit that changed only 姓名', () => {
  /** The published CSV with two days' names swapped and nothing else, as a clerk does in Excel. */
  function namesOnlySwap() {
    const { out } = publishedAndEdited();
    const csv = join(out, 'timetable.csv');
    const lines = readFileSync(csv, 'utf8').split('\r\n');
    // Two days of 区政府 (the order cycles through six institutions), both leaders free on either day.
    const i = lines.findIndex((l) => l.startsWith('2024-12-13,'));
    const j = lines.findIndex((l) => l.startsWith('2024-12-23,'));
    const [a, b] = [lines[i].split(','), lines[j].split(',')];
    [a[4], b[4]] = [b[4], a[4]];
    lines[i] = a.join(',');
    lines[j] = b.join(',');
    const edited = join(mkdtempSync(join(tmpdir(), 'rota-names-')), 'edited.csv');
    writeFileSync(edited, lines.join('\r\n'));
    return { out, edited, a, b, line: i + 1 };
  }

  it('is an error naming line, field and both values; the folder is unchanged', () => {
    const { out, edited, a, line } = namesOnlySwap();
    const before = readFileSync(join(out, 'timetable.html'), 'utf8');
    const r = rota(['render', edited, ...C, '--out', out, '--today', '2024-12-12']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`edited\\.csv:${line}: 分管工作: ${a[4]} 的分管工作是“${a[6]}”，领导名单中是“[^”]+”`));
    expect(readFileSync(join(out, 'timetable.html'), 'utf8')).toBe(before);
  });

  it('with --fix-from-leaders takes 职务 and 分管工作 from the list, a warning per cell, and publishes rows that match it', () => {
    const { out, edited } = namesOnlySwap();
    const r = rota(['render', edited, ...C, '--out', out, '--today', '2024-12-12', '--fix-from-leaders']);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/已按名单改为/g)?.length).toBeGreaterThanOrEqual(2);
    const json = JSON.parse(readFileSync(join(out, 'timetable.json'), 'utf8'));
    for (const d of json.duties as Array<{ name: string; title: string; portfolio: string }>) {
      expect(d.title).toBe(leaderRow(d.name).title);
      expect(d.portfolio).toBe(leaderRow(d.name).portfolio);
    }
  });
});
