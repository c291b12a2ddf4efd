// docs/cases.md shows real output: each documented command is run on the bundled examples, in the order
// of the page, and every line it prints must stand in the page as printed.
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runRota } from './helpers/cli.js';

const page = readFileSync('docs/cases.md', 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'rota-cases-docs-'));
symlinkSync(join(process.cwd(), 'fixtures'), join(dir, 'fixtures'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The `$ rota …` lines of the page, in order. */
const commands = [...page.matchAll(/^\$ rota (.+)$/gm)].map((m) => m[1].split(' '));

describe('docs/cases.md', () => {
  it('documents the commands it shows', () => {
    expect(commands.map((c) => c.slice(0, 2).join(' '))).toEqual([
      'who fixtures/timetable.csv',
      'who fixtures/timetable.csv',
      'cases bookings',
      'cases forms',
      'cases import',
      'cases import',
      'cases check',
      'cases check',
      ...Array(6).fill('cases advance'),
      'cases export',
      'cases purge',
      'report fixtures/records-2024.csv',
    ]);
  });
  it('prints, line for line, what the page shows', () => {
    for (const args of commands) {
      if (args[2] === '有错.csv') continue; // made up on the page to show the messages
      const r = runRota(args, dir, { ROTA_CASES_DB: '' });
      for (const line of `${r.stdout}${r.stderr}`.split('\n').filter(Boolean)) {
        // A line the page shortens with … must match up to there.
        const shown = page.split('\n').some((l) => l === line || (l.endsWith('…') && line.startsWith(l.slice(0, -1))));
        expect(shown, `rota ${args.join(' ')}: ${line}`).toBe(true);
      }
    }
  }, 120_000);
});
