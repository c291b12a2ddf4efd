// No row is ever lost: every CSV reader takes CRLF, LF and a lone CR in any mix as row breaks, keeps
// the breaks inside quoted cells, and refuses a file cut inside its last character. The oracle is the
// file's own lines, split here independently of csv-parse.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCalendar } from '../src/core/calendar.js';
import { createTally } from '../src/core/check/index.js';
import { DISTRICT_INSTITUTIONS } from '../src/core/institutions.js';
import { RECORD_COLUMNS } from '../src/core/records.js';
import type { RawRow } from '../src/core/types.js';
import { loadLeaves, tallyRecordFiles } from '../src/io/check-input.js';
import { loadHistory } from '../src/io/history.js';
import { loadHolidays, loadLeaders, readTimetable } from '../src/io/load.js';
import { loadSites } from '../src/io/sites-file.js';
import { readTable } from '../src/io/table.js';
import { streamTable } from '../src/io/table-stream.js';

const dir = mkdtempSync(join(tmpdir(), 'rota-breaks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const write = (content: string | Uint8Array, ext = 'csv') => {
  const f = join(dir, `f${n++}.${ext}`);
  writeFileSync(f, content);
  return f;
};

/** The fixture's lines, without BOM and without its own breaks (none of these fixtures quotes a break). */
const linesOf = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .filter((l) => l !== '');
const HOLIDAYS = ['日期,类型,名称', '2024-12-14,上班,调休', '2024-12-20,休息,临时', '2024-12-21,上班,调休二'];

const BREAKS = ['\r\n', '\n', '\r'] as const;
/** The lines joined by a random break each, maybe with blank lines between and a break at the end. */
const mixed = (lines: string[]) =>
  fc
    .record({
      breaks: fc.array(fc.constantFrom(...BREAKS), { minLength: lines.length, maxLength: lines.length }),
      blanks: fc.array(fc.boolean(), { minLength: lines.length, maxLength: lines.length }),
      end: fc.boolean(),
    })
    .map(({ breaks, blanks, end }) => {
      let text = '\uFEFF';
      lines.forEach((l, i) => {
        const last = i === lines.length - 1;
        // A blank line between data rows (never before the header) is one more line, never a row.
        text += l + (last && !end ? '' : breaks[i]) + (blanks[i] && !last ? breaks[(i + 1) % breaks.length] : '');
      });
      return text;
    });

/** Everything a reader made of the rows, without line numbers (blank lines shift them). */
const noLines = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x) => (k === 'source' || k === 'line' || k === 'file' ? undefined : x)));

const institutions = DISTRICT_INSTITUTIONS;
const leaders = loadLeaders(['fixtures/leaders.csv'], { institutions }).leaders;

const KINDS: Array<{ kind: string; lines: string[]; read: (file: string) => unknown; count: (r: unknown) => number }> = [
  {
    kind: 'leaders',
    lines: linesOf('fixtures/leaders.csv'),
    read: (f) => loadLeaders([f], { institutions }),
    count: (r) => (r as { leaders: unknown[] }).leaders.length,
  },
  {
    kind: 'timetable',
    lines: linesOf('fixtures/timetable.csv'),
    read: (f) => readTimetable(f, leaders, institutions),
    count: (r) => (r as { duties: unknown[] }).duties.length,
  },
  {
    kind: 'history',
    lines: linesOf('fixtures/history.csv'),
    read: (f) => loadHistory([f], leaders, institutions),
    count: (r) => (r as { records: unknown[] }).records.length,
  },
  {
    kind: 'holidays',
    lines: HOLIDAYS,
    read: (f) => loadHolidays(f),
    count: (r) => (r as { entries: unknown[] }).entries.length,
  },
  {
    kind: 'leaves',
    lines: linesOf('fixtures/leaves-2024.csv'),
    read: (f) => loadLeaves(f, leaders, institutions),
    count: (r) => (r as { leaves: unknown[] }).leaves.length,
  },
  {
    kind: 'sites',
    lines: linesOf('fixtures/township/sites.csv'),
    read: (f) => loadSites(f),
    count: (r) => (r as { sites: unknown[] }).sites.length,
  },
];

describe('every CSV kind reads the same rows whatever its line breaks (property)', () => {
  for (const k of KINDS) {
    it(k.kind, () => {
      const expected = noLines(k.read(write(`\uFEFF${k.lines.join('\r\n')}\r\n`)));
      // Independent count: every line after the header is one row of these fixtures.
      expect(k.count(expected)).toBe(k.lines.length - 1);
      expect(expected.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
      fc.assert(
        fc.property(mixed(k.lines), (text) => {
          expect(noLines(k.read(write(text)))).toEqual(expected);
        }),
        { numRuns: 40 },
      );
    });
  }
});

describe('the streaming reader of rota check', () => {
  const lines = linesOf('fixtures/records-2024.csv');
  const stream = async (file: string, worker: boolean, chunkSize: number) => {
    const rows: RawRow[] = [];
    const t = await streamTable(file, RECORD_COLUMNS, (r) => rows.push(r), {
      worker,
      workerFile: join(process.cwd(), 'dist/cli/csv-worker.cjs'),
      chunkSize,
    });
    return { rows: rows.map((r) => r.values), count: t.rows, problems: t.problems };
  };

  it('reads every row in small chunks, in this thread and in the worker (property)', async () => {
    const expected = readTable(readFileSync('fixtures/records-2024.csv'), 'x.csv', RECORD_COLUMNS).rows.map((r) => r.values);
    expect(expected).toHaveLength(lines.length - 1);
    await fc.assert(
      fc.asyncProperty(mixed(lines), fc.integer({ min: 5, max: 300 }), fc.boolean(), async (text, chunk, worker) => {
        const r = await stream(write(text), worker, chunk);
        expect(r.problems).toEqual([]);
        expect(r.count).toBe(lines.length - 1);
        expect(r.rows).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  });

  it('tallies every record of a file whose breaks are mixed (property over tallyRecordFiles)', async () => {
    await fc.assert(
      fc.asyncProperty(mixed(lines), async (text) => {
        const tally = createTally({ leaders, rules: [], calendar: makeCalendar({ region: 'xinjiang', overrides: [] }) });
        const r = await tallyRecordFiles([write(text)], { leaders, institutions, tally });
        expect(r.lines).toBe(lines.length - 1);
      }),
      { numRuns: 15 },
    );
  });

  it('keeps CR, LF and CRLF inside a quoted cell and counts the row once', async () => {
    const text = '日期,姓名,地点\r2024-11-05,王建国,"一\r二\n三\r\n四"\n2024-11-06,李明,五\r\n';
    const file = write(text);
    for (const worker of [false, true]) {
      const r = await stream(file, worker, 3);
      expect(r.rows.map((v) => v.place)).toEqual(['一\r二\n三\r\n四', '五']);
    }
    expect(readTable(Buffer.from(text), 'q.csv', RECORD_COLUMNS).rows.map((r) => r.values.place)).toEqual(['一\r二\n三\r\n四', '五']);
  });
});

describe('a file cut inside its last character', () => {
  const full = Buffer.from('\uFEFF日期,姓名\r\n2024-11-05,王建国\r\n2024-11-06,努尔兰', 'utf8');
  const cut = full.subarray(0, full.length - 1);
  const noBom = cut.subarray(3);

  it('is an error naming the last line, for the whole-file reader with and without BOM', () => {
    for (const bytes of [cut, noBom]) {
      const t = readTable(bytes, 'cut.csv', RECORD_COLUMNS);
      expect(t.encoding).toBe('utf-8');
      expect(t.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'csv.truncated', line: 3 })]);
      expect(t.problems[0].message).toMatch(/^文件在第 3 行的一个字符中间结束/);
    }
  });

  it('is an error for the streaming reader too, in any chunk size', async () => {
    for (const chunkSize of [1, 2, 5, 64]) {
      for (const worker of [false, true]) {
        const rows: RawRow[] = [];
        const file = write(noBom);
        const t = await streamTable(file, RECORD_COLUMNS, (r) => rows.push(r), {
          worker,
          workerFile: join(process.cwd(), 'dist/cli/csv-worker.cjs'),
          chunkSize,
        });
        expect(t.problems.map((p) => p.code)).toEqual(['csv.truncated']);
      }
    }
  });

  it('GB18030 and UTF-16 files cut short are errors as well', () => {
    const gb = Buffer.from([...Buffer.from('日期,姓名\r\n2024-11-05,'), 0xcd, 0xf5, 0xbd]); // 王 then half of 建
    expect(readTable(gb, 'gb.csv', RECORD_COLUMNS).problems.map((p) => p.code)).toContain('csv.truncated');
    const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('日期,姓名\r\n2024-11-05,王', 'utf16le'), Buffer.from([0x31])]);
    expect(readTable(u16, 'u16.csv', RECORD_COLUMNS).problems.map((p) => p.code)).toContain('csv.truncated');
  });
});

describe('a name that lost a character to its encoding', () => {
  it('is a warning naming file, line and field, for leaders and for timetables', () => {
    const lf = write('姓名,单位,职务,级别\r\n王建国,区委,区委副书记,副处级\r\n努尔兰?哈力木,区政府,副区长,副处级\r\n');
    const l = loadLeaders([lf], { institutions });
    expect(l.leaders).toHaveLength(2);
    expect(l.problems).toEqual([
      expect.objectContaining({ severity: 'warning', file: lf, line: 3, field: '姓名', code: 'csv.lost-character' }),
    ]);
    const tf = write('日期,姓名\r\n2024-12-11,艾力\uFFFD买买提\r\n');
    expect(readTimetable(tf, leaders, institutions).problems).toEqual([
      expect.objectContaining({ severity: 'warning', line: 2, field: '姓名', code: 'csv.lost-character' }),
    ]);
  });
});

describe('a cell with an invisible control character', () => {
  it('is a warning naming file, line, field and the character, which the .docx files cannot hold', () => {
    const lf = write('姓名,单位,职务,级别\r\n王建国\u0001,区委,区委副书记,副处级\r\n');
    const l = loadLeaders([lf], { institutions });
    expect(l.leaders).toHaveLength(1);
    expect(l.problems).toEqual([
      expect.objectContaining({ severity: 'warning', file: lf, line: 2, field: '姓名', code: 'csv.control-character' }),
    ]);
    expect(l.problems[0].message).toContain('U+0001');
  });
});

describe('rota check through the built CLI', () => {
  it("gives the same verdict, word for word, whatever the records file's line breaks (property)", () => {
    const lines = linesOf('fixtures/records-2024.csv');
    const check = (file: string) =>
      spawnSync('node', ['bin/rota.js', 'check', file, '-c', 'fixtures/rota.json', '--year', '2024', '--format', 'json'], {
        encoding: 'utf8',
      });
    const baseFile = write(`\uFEFF${lines.join('\r\n')}\r\n`);
    const base = check(baseFile);
    expect(JSON.parse(base.stdout).summary.records).toBe(lines.length - 1);
    const verdict = (stdout: string, file: string) => JSON.parse(stdout.split(file).join('FILE'));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...BREAKS), { minLength: lines.length, maxLength: lines.length }), (breaks) => {
        const f = write(`\uFEFF${lines.map((l, i) => l + breaks[i]).join('')}`);
        const r = check(f);
        expect(r.status).toBe(base.status);
        expect(verdict(r.stdout, f)).toEqual(verdict(base.stdout, baseFile));
      }),
      { numRuns: 6 },
    );
  });
});
