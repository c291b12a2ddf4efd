// A real spreadsheet opens timetable.csv: LibreOffice Calc (headless) imports it as UTF-8 CSV and
// saves what it shows. Formula-like cells stay text; the same cells written raw are evaluated,
// which proves the check can fail. CI installs libreoffice-calc-nogui; a missing soffice fails.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../src/io/publish.js';
import { duty, seed } from './helpers/seed.js';

const CSV_UTF8 = 'CSV:44,34,76,1'; // comma, double quote, UTF-8 (76), from line 1

function calcShows(dir: string, files: string[]): string[] {
  const out = join(dir, 'out');
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      `--infilter=${CSV_UTF8}`,
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1',
      '--outdir',
      out,
      ...files,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return files.map((f) => readFileSync(join(out, f.split('/').pop()!), 'utf8'));
}

describe('timetable.csv in LibreOffice Calc', () => {
  it('shows =1+1 and =HYPERLINK(…) as text, not evaluated; 0990-6245539 stays as written', async () => {
    const s = seed();
    const hostile = [
      duty({
        date: '2024-12-11',
        weekday: '星期三',
        name: '=1+1',
        title: '+2+3',
        portfolio: '=HYPERLINK("http://evil.example/","点我")',
        place: '0990-6245539',
      }),
      duty({ date: '2024-12-12', weekday: '星期四', name: '@SUM(1,1)', title: '-4+5', portfolio: 'ok', place: 'ok' }),
    ];
    const dir = mkdtempSync(join(tmpdir(), 'rota-calc-'));
    const safe = join(dir, 'safe.csv');
    writeFileSync(safe, await renderCsv(hostile, s.config));
    const raw = join(dir, 'raw.csv'); // the control: the same cells without neutralising
    writeFileSync(raw, '\uFEFFa,b,c,d\r\n=1+1,+2+3,"=HYPERLINK(""http://evil.example/"",""点我"")",0990-6245539\r\n');
    const [shownSafe, shownRaw] = calcShows(dir, [safe, raw]);
    expect(shownRaw.split('\n')[1]).toMatch(/^2,.*,"?点我"?,"?0990-6245539"?/); // =1+1 and HYPERLINK evaluated: the check can fail
    const cells = shownSafe.split('\n')[1];
    expect(cells).toContain('=1+1');
    expect(cells).toContain('+2+3');
    expect(cells).toContain('=HYPERLINK(""http://evil.example/"",""点我"")');
    expect(cells).toContain('0990-6245539');
    expect(cells).not.toMatch(/(^|,)"?2"?,/);
    expect(shownSafe.split('\n')[2]).toContain('@SUM(1,1)');
  });
});
