// Issue 20's re-plan findings, tried again through the built CLI on the bundled township and county
// fixtures as a clerk would: a county month re-planned with nothing changed, a township March that
// gains a leader, and a pin on a published 下访. Each said 有 N 天调整, moved visits or turned a 下访 into
// a 接访 before; each must leave the published timetable as it was.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRota } from './helpers/cli.js';

const MARCH = ['--from', '2025-03-01', '--to', '2025-03-31'];
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const rows = (dir: string, folder: string) =>
  read(dir, join(folder, 'timetable.csv'))
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);

/** The fixture copied into a fresh folder and planned for March into pub/. */
function planned(fixture: 'township' | 'county') {
  // The county fixture lists the district's leaders one folder up, as in fixtures/.
  const base = mkdtempSync(join(tmpdir(), `rota-${fixture}-`));
  const dir = join(base, fixture);
  cpSync(`fixtures/${fixture}`, dir, { recursive: true });
  cpSync('fixtures/leaders.csv', join(base, 'leaders.csv'));
  const r = runRota(['plan', '-c', 'rota.json', ...MARCH, '--out', 'pub'], dir);
  expect(r.code, r.stderr).toBe(0);
  return { dir, before: rows(dir, 'pub') };
}

const replan = (dir: string, extra: string[]) =>
  runRota(
    ['replan', '-c', 'rota.json', ...MARCH, '--previous', 'pub/timetable.csv', '--today', '2025-03-12', '--out', 'pub', ...extra],
    dir,
  );

describe('re-plans of the bundled fixtures change nothing that need not change (built CLI)', () => {
  it('county, nothing changed: 本次无调整, every row and 下访 site as published, no calendar event re-sent', () => {
    const { dir, before } = planned('county');
    const r = replan(dir, []);
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, 'pub/change-notice.txt')).toContain('本次无调整');
    expect(rows(dir, 'pub')).toEqual(before);
    expect(before.some((l) => l.includes(',下访,'))).toBe(true);
    expect(read(dir, 'pub/timetable.ics')).not.toMatch(/SEQUENCE:[1-9]/);
  });

  it('township March gains a leader: 本次无调整, the timetable as published', () => {
    const { dir, before } = planned('township');
    writeFileSync(
      join(dir, 'leaders2.csv'),
      `${read(dir, 'leaders.csv').trimEnd()}\n新同志,乡政府,副乡长,副科级,农业,,刘婷,0990-6901009\n`,
    );
    const r = replan(dir, ['--leaders', 'leaders2.csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, 'pub/change-notice.txt')).toContain('本次无调整');
    expect(rows(dir, 'pub')).toEqual(before);
  });

  it('a pin on a published 下访 keeps it a 下访 at its site, and the day is not counted as changed', () => {
    const { dir, before } = planned('township');
    const visit = before.find((l) => l.startsWith('2025-03-20,') && l.includes(',下访,'))!;
    const name = visit.split(',')[4];
    const r = replan(dir, ['--pin', `2025-03-20=${name}`]);
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, 'pub/change-notice.txt')).toContain('本次无调整');
    const after = rows(dir, 'pub');
    // The pinned row carries 锁定 是 (a 锁定 column appears); otherwise every row is as published.
    expect(after).toContain(`${visit},是`);
    expect(after.map((l) => l.replace(/,(锁定|是)?$/, ''))).toEqual(before);
  });

  it('a leader who moves institution mid-month keeps his days and 下访 sites: only 单位 changes, and the notice says so', () => {
    const { dir, before } = planned('township');
    // The leader on the month's last 下访 moves from his post to another institution on 03-16: two rows, one person.
    const last = [...before]
      .reverse()
      .find((l) => l.includes(',下访,'))!
      .split(',');
    const [inst, name] = [last[3], last[4]];
    const other = inst === '乡政府' ? '乡人大' : '乡政府';
    const [head, ...list] = read(dir, 'leaders.csv')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const moved = list.flatMap((l) =>
      l.startsWith(`${name},`) ? [`${l},2025-03-16,`, `${l.replace(`,${inst},`, `,${other},`)},,2025-03-16`] : [`${l},,`],
    );
    writeFileSync(join(dir, 'moved.csv'), `${[`${head},调离,到任`, ...moved].join('\n')}\n`);
    const r = replan(dir, ['--leaders', 'moved.csv']);
    expect(r.code, r.stderr).toBe(0);
    const notice = read(dir, 'pub/change-notice.txt');
    const lines = notice.split('\n').filter((l) => /^2025-03-\d\d/.test(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(new RegExp(`：${name} 单位 原 ${inst} → 现 ${other}（人员、地点不变）$`));
    // Every row as published but his 单位 from 03-16 on.
    const expected = before.map((l) => {
      const f = l.split(',');
      return f[4] === name && f[0] >= '2025-03-16' ? [...f.slice(0, 3), other, ...f.slice(4)].join(',') : l;
    });
    expect(rows(dir, 'pub')).toEqual(expected);
  });
});
