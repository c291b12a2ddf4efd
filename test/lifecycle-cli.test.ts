// A clerk's month for each preset, through the built CLI (npm test builds first): plan → render the
// untouched CSV (the same bytes out) → a hand swap in the CSV → render → a leader falls ill: replan
// with the fewest changed days, the past frozen → a swap the rules refuse, with valid alternatives.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const rota = (args: string[]) => {
  const r = spawnSync('node', ['bin/rota.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** CSV rows as cells (the files rota writes quote nothing these fixtures need). */
const rows = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(','));

const CASES = [
  {
    preset: 'district',
    config: 'fixtures/rota.json',
    leaders: 'fixtures/leaders.csv',
    from: '2024-12-11',
    to: '2024-12-26',
    today: '2024-12-18',
  },
  {
    preset: 'township',
    config: 'fixtures/township/rota.json',
    leaders: 'fixtures/township/leaders.csv',
    from: '2025-03-01',
    to: '2025-03-31',
    today: '2025-03-17',
  },
  {
    preset: 'county',
    config: 'fixtures/county/rota.json',
    leaders: 'fixtures/leaders.csv',
    from: '2025-04-01',
    to: '2025-04-30',
    today: '2025-04-15',
  },
];

describe.each(CASES)('a clerk’s month: $preset', (c) => {
  const dir = mkdtempSync(join(tmpdir(), `rota-life-${c.preset}-`));
  const round = ['-c', c.config, '--from', c.from, '--to', c.to];
  const csv = join(dir, 'plan', 'timetable.csv');

  it('plan, then render of the untouched CSV writes the same bytes', () => {
    expect(rota(['plan', ...round, '--out', join(dir, 'plan')]).code).toBe(0);
    const r = rota(['render', csv, ...round, '--out', join(dir, 'render')]);
    expect(r.stderr).not.toMatch(/违反|error/i);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'render', 'timetable.csv'))).toEqual(readFileSync(csv));
  });

  it('a hand swap of two leaders in the CSV is accepted by render with the same rules', () => {
    const text = readFileSync(csv, 'utf8');
    const [head, ...body] = rows(text);
    const [date, kind, inst, name] = ['日期', '类型', '单位', '姓名'].map((h) => head.indexOf(h));
    const on = (d: string) => new Set(body.filter((r) => r[date] === d).map((r) => r[name]));
    // Two rows of the same kind and institution a few days apart, neither leader already on the other day.
    let accepted = false;
    for (let i = 0; i < body.length && !accepted; i++) {
      for (let j = i + 1; j < body.length && !accepted; j++) {
        const [a, b] = [body[i], body[j]];
        if (a[date] === b[date] || a[kind] !== b[kind] || a[inst] !== b[inst] || a[name] === b[name]) continue;
        if (on(b[date]).has(a[name]) || on(a[date]).has(b[name])) continue;
        const swapped = body.map((r, k) => (k === i ? [...r.slice(0, 3), ...b.slice(3)] : k === j ? [...r.slice(0, 3), ...a.slice(3)] : r));
        const edited = join(dir, `edited-${i}-${j}.csv`);
        writeFileSync(edited, `\uFEFF${[head, ...swapped].map((r) => r.join(',')).join('\r\n')}\r\n`);
        const r = rota(['render', edited, ...round, '--out', join(dir, `edited-${i}-${j}`)]);
        if (r.code === 0) accepted = true;
        else expect(r.stderr).toContain(`${edited}:`); // refused: a rule judged on a row of the edited file
      }
    }
    expect(accepted).toBe(true);
  });

  it('a leader falls ill: replan changes exactly the days he served from today on, the past stays as published', () => {
    const [head, ...body] = rows(readFileSync(csv, 'utf8'));
    const [date, name] = ['日期', '姓名'].map((h) => head.indexOf(h));
    const leaders = readFileSync(c.leaders, 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    const away = leaders[0].split(',').indexOf('不可接访日期');
    const list = join(dir, 'leaders-ill.csv');
    // The first leader serving from today on whose absence still leaves a valid timetable (when the
    // absence leaves none, replan says so: exit 1).
    let ill = '';
    let r = { code: 1 as number | null, stdout: '', stderr: '' };
    for (const who of [...new Set(body.filter((x) => x[date] >= c.today).map((x) => x[name]))]) {
      const sick = leaders.map((l, k) => {
        const cells = l.split(',');
        if (k > 0 && cells[0] === who) cells[away] = `${c.today}~${c.to}`;
        return cells.join(',');
      });
      writeFileSync(list, sick.join('\n'));
      r = rota(['replan', ...round, '--leaders', list, '--previous', csv, '--today', c.today, '--json']);
      ill = who;
      if (r.code === 0) break;
      expect(r.code).toBe(1);
    }
    expect(r.code).toBe(0);
    const hisDays = new Set(body.filter((x) => x[name] === ill && x[date] >= c.today).map((x) => `${x[date]}|${x[head.indexOf('类型')]}`));
    const out = JSON.parse(r.stdout) as {
      duties: Array<{ date: string; name: string; kind: string }>;
      changes: Array<{ date: string; kind: string }>;
    };
    expect(new Set(out.changes.map((x) => `${x.date}|${x.kind}`))).toEqual(hisDays);
    const past = (ds: Array<{ date: string; name: string; kind: string }>) =>
      ds
        .filter((d) => d.date < c.today)
        .map((d) => `${d.date}|${d.kind}|${d.name}`)
        .sort();
    expect(past(out.duties)).toEqual(past(body.map((x) => ({ date: x[date], name: x[name], kind: x[head.indexOf('类型')] }))));
    expect(out.duties.some((d) => d.name === ill && d.date >= c.today)).toBe(false);

    // A swap the rules refuse (the ill leader back on a day) is exit 1 with valid alternatives, best first.
    const day = [...hisDays][0].split('|')[0];
    const other = body.find((x) => x[date] === day && x[name] !== ill)?.[name];
    const replanned = join(dir, 'replanned.csv');
    expect(rota(['replan', ...round, '--leaders', list, '--previous', csv, '--today', c.today, '--out', join(dir, 'replan')]).code).toBe(0);
    writeFileSync(replanned, readFileSync(join(dir, 'replan', 'timetable.csv')));
    const target =
      rows(readFileSync(replanned, 'utf8')).find((x) => x[date] === day && x[name] !== ill && x[name] !== other)?.[name] ?? other;
    const s = rota(['swap', replanned, `${day}=${target}`, '--with', ill, ...round, '--leaders', list, '--today', c.today]);
    expect(s.code).toBe(1);
    expect(s.stdout + s.stderr).toContain('valid alternatives');
    expect(s.stdout + s.stderr).toMatch(/1\. /);
  });
});
