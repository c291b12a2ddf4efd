// Hostile cells stay inert and read back the same: full-width formula starts are neutralised, and the
// leader list and the timetable take a neutralising apostrophe off alike.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_CONFIG } from '../src/core/config.js';
import { DISTRICT_INSTITUTIONS } from '../src/core/institutions.js';
import { neutralise, unneutralise } from '../src/io/csv-write.js';
import { loadLeaders, readTimetable } from '../src/io/load.js';
import { renderCsv } from '../src/io/publish.js';
import { duty } from './helpers/seed.js';

const dir = mkdtempSync(join(tmpdir(), 'rota-hygiene-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('formula neutralisation', () => {
  it('covers the full-width ＝＋－＠ and a leading tab or CR, and undoes exactly what it did', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']) {
      const cell = `${start}HYPERLINK("x")`;
      expect(neutralise(cell)).toBe(`'${cell}`);
      expect(unneutralise(neutralise(cell))).toBe(cell);
    }
    expect(neutralise('0990-6245539')).toBe('0990-6245539');
  });

  it('writes a full-width formula start behind an apostrophe in timetable.csv', async () => {
    const csv = new TextDecoder().decode(await renderCsv([duty({ date: '2024-12-11', name: '王建国', portfolio: '＝1+1' })], SEED_CONFIG));
    expect(csv).toContain(",'＝1+1,");
  });
});

describe("a leader named '=1", () => {
  it('is the same leader in the leader list and in the timetable, both as Excel-safe CSV', () => {
    const leaders = join(dir, 'leaders.csv');
    writeFileSync(leaders, "姓名,单位,职务,级别\r\n'=1,区委,区委副书记,副处级\r\n");
    const l = loadLeaders([leaders], { institutions: DISTRICT_INSTITUTIONS });
    expect(l.problems).toEqual([]);
    expect(l.leaders.map((x) => x.name)).toEqual(['=1']);
    const timetable = join(dir, 'timetable.csv');
    writeFileSync(timetable, "日期,姓名\r\n2024-12-11,'=1\r\n");
    const t = readTimetable(timetable, l.leaders, DISTRICT_INSTITUTIONS);
    expect(t.problems).toEqual([]);
    expect(t.entries[0].leader?.name).toBe('=1');
  });
});
