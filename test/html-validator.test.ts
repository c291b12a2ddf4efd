// Every page rota writes is valid HTML by the Nu Html Checker (the W3C validator, run locally from vnu-jar on Java):
// the 公告 after a re-plan (notices listed, changed days marked), its change notices, a township year, the
// year-end report, the 领导干部接访表 and the liaison's list.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRota } from './helpers/cli.js';

const VNU = join(process.cwd(), 'node_modules/vnu-jar/build/dist/vnu.jar');
const out = mkdtempSync(join(tmpdir(), 'rota-vnu-'));
const f = (p: string) => join(process.cwd(), 'fixtures', p);

/** The checker's errors for these files (an empty list when all are valid). */
const errors = (files: string[]) => {
  const r = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8' });
  return (JSON.parse(r.stderr) as { messages: Array<{ url: string; message: string }> }).messages;
};

beforeAll(() => {
  const ok = (args: string[]) => expect(runRota(args, out, { ROTA_CASES_DB: '' }).code, args.join(' ')).toBeLessThan(2);
  ok(['plan', '-c', f('rota.json'), '--out', 'seed']);
  ok([
    'replan',
    '-c',
    f('rota.json'),
    '--leaders',
    f('leaders-ill.csv'),
    '--previous',
    'seed/timetable.csv',
    '--today',
    '2024-12-16',
    '--out',
    'seed',
  ]);
  ok(['plan', '-c', f('township/rota.json'), '--from', '2025-01-01', '--to', '2025-12-31', '--out', 'township']);
  ok(['report', f('records-2024.csv'), '--leaders', f('leaders.csv'), '-c', f('rota.json'), '--year', '2024', '--out', 'report']);
  ok(['cases', 'forms', f('timetable.csv'), '--out', 'forms', '--from', '2024-12-11', '--to', '2024-12-13']);
  ok(['cases', 'bookings', f('cases/bookings.csv'), f('timetable.csv'), '--out', 'bookings', '--today', '2024-12-10']);
}, 120_000);

describe('Nu Html Checker', () => {
  it('finds no error in any page rota writes', () => {
    const pages = readdirSync(out, { recursive: true, encoding: 'utf8' })
      .filter((p) => p.endsWith('.html') && !p.includes('.rota'))
      .map((p) => join(out, p));
    for (const dir of ['seed/notices', 'township', 'report', 'forms', 'bookings'])
      expect(
        pages.some((p) => p.startsWith(join(out, dir))),
        dir,
      ).toBe(true);
    expect(errors(pages)).toEqual([]);
  }, 120_000);

  it('reports an invalid page (the check can fail)', () => {
    const bad = join(out, 'bad.html');
    writeFileSync(bad, '<!doctype html><html lang="zh"><head><title>x</title></head><body><p><div>x</p></body></html>');
    expect(errors([bad]).length).toBeGreaterThan(0);
  }, 60_000);
});
