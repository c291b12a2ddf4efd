// Property tests against independent oracles: the checker's counts against a brute-force recount
// (its own ISO-week code via Date.UTC), and the streamed CSV reader against the whole-file reader.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCalendar } from '../src/core/calendar.js';
import { judge } from '../src/core/check/index.js';
import { RECORD_COLUMNS } from '../src/core/records.js';
import type { Duty, Kind, Leader, Period, Rank, Rule } from '../src/core/types.js';
import { readTable } from '../src/io/table.js';
import { streamTable } from '../src/io/table-stream.js';

const calendar = makeCalendar({ region: 'xinjiang' });
const DAY = 86_400_000;
const utc = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The oracle's own period key, written without the code under test. */
function key(period: Period, date: string): string {
  const t = new Date(utc(date));
  if (period === 'year') return String(t.getUTCFullYear());
  if (period === 'month') return `${t.getUTCFullYear()}-${String(t.getUTCMonth() + 1).padStart(2, '0')}`;
  if (period === 'quarter') return `${t.getUTCFullYear()}-Q${Math.floor(t.getUTCMonth() / 3) + 1}`;
  const dow = t.getUTCDay() || 7;
  const thursday = new Date(t.getTime() + (4 - dow) * DAY);
  const y = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(y, 0, 1)) / DAY / 7) + 1;
  return `${y}-W${String(week).padStart(2, '0')}`;
}

const START = utc('2024-11-01');
const RANKS: Rank[] = ['正处级', '副处级', '正科级', '副科级'];
const KINDS: Kind[] = ['接访', '下访'];
const PERIODS: Period[] = ['week', 'month', 'quarter', 'year'];

const arbCase = fc.record({
  ranks: fc.array(fc.constantFrom(...RANKS), { minLength: 1, maxLength: 4 }),
  duties: fc.array(fc.record({ who: fc.nat(3), day: fc.nat(150), kind: fc.constantFrom(...KINDS) }), { maxLength: 60 }),
  rules: fc.array(
    fc.record({
      ranks: fc.subarray(RANKS, { minLength: 1 }),
      kinds: fc.subarray(KINDS, { minLength: 1 }),
      period: fc.constantFrom(...PERIODS),
      min: fc.nat(2),
      extra: fc.option(fc.nat(2), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  range: fc.tuple(fc.nat(150), fc.nat(150)),
});

describe('judge agrees with a brute-force recount', () => {
  it('on random leaders, records, rules and ranges', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const leaders: Leader[] = c.ranks.map((rank, i) => ({
          name: `L${i}`,
          institution: '区委',
          title: 't',
          rank,
          portfolio: '',
          unavailable: [],
          liaison: '',
          phone: '',
        }));
        const duties: Duty[] = c.duties
          .filter((d) => d.who < leaders.length)
          .map((d, i) => ({
            date: iso(START + d.day * DAY),
            weekday: '',
            kind: d.kind,
            institution: '区委',
            name: `L${d.who}`,
            title: '',
            portfolio: '',
            place: '',
            source: { file: 'f', line: i + 2 },
          }));
        const rules: Rule[] = c.rules.map((r, i) => ({
          id: `r${i}`,
          description: '',
          who: { ranks: r.ranks },
          kinds: r.kinds,
          period: r.period,
          min: r.min,
          ...(r.extra !== undefined ? { max: r.min + r.extra } : {}),
        }));
        const from = iso(START + Math.min(...c.range) * DAY);
        const to = iso(START + Math.max(...c.range) * DAY);
        const j = judge({ leaders, duties, rules, calendar, from, to, lenient: true });

        const expected: string[] = [];
        for (const l of leaders) {
          for (const r of rules) {
            if (!r.who.ranks!.includes(l.rank)) continue;
            const cut = new Set([key(r.period, iso(utc(from) - DAY)), key(r.period, iso(utc(to) + DAY))]);
            const whole = new Set<string>();
            for (let t = utc(from); t <= utc(to); t += DAY) if (!cut.has(key(r.period, iso(t)))) whole.add(key(r.period, iso(t)));
            for (const k of [...whole].sort()) {
              const seen = new Set(
                duties
                  .filter(
                    (d) => d.name === l.name && r.kinds.includes(d.kind) && d.date >= from && d.date <= to && key(r.period, d.date) === k,
                  )
                  .map((d) => `${d.date} ${d.kind}`),
              );
              const n = seen.size;
              const status = n < r.min ? 'short' : r.max !== undefined && n > r.max ? 'over' : 'ok';
              expected.push(`${l.name} ${r.id} ${k} ${n} ${status}`);
            }
          }
        }
        // No period in Nov 2024 - Mar 2025 lacks a working day, so every whole period is judged.
        const actual = j.results
          .filter((x) => x.status !== 'not-judged')
          .map((x) => `${x.name} ${x.rule} ${x.period} ${x.count} ${x.status}`);
        expect(actual.sort()).toEqual(expected.sort());
        expect(j.summary.judged).toBe(expected.length);
      }),
      { numRuns: 200 },
    );
  });
});

const dir = mkdtempSync(join(tmpdir(), 'rota-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cellText = fc
  .array(fc.constantFrom('a', '王', '·', ',', '"', '\n', ' ', '\u3000', '1', '-', '𠀀', '接访'), { maxLength: 6 })
  .map((a) => a.join(''));

describe('streamTable reads exactly what readTable reads', () => {
  it('for random tables in every encoding and any chunk size', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellText, { minLength: 8, maxLength: 9 }), { maxLength: 12 }),
        fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030', 'utf-16le'),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        // Title rows above the header, as templates have them (readTable passes over them).
        fc.array(fc.array(cellText, { minLength: 1, maxLength: 3 }), { maxLength: 2 }),
        async (rows, encoding, chunkSize, crlf, titles) => {
          const header = ['日期', '星期', '类型', '单位', '姓名', '职务', '分管工作', '地点'];
          const text = stringify([...titles, header, ...rows], { record_delimiter: crlf ? '\r\n' : '\n' });
          const bytes =
            encoding === 'utf-8'
              ? Buffer.from(text)
              : encoding === 'utf-8-bom'
                ? Buffer.from(`\uFEFF${text}`)
                : encoding === 'gb18030'
                  ? iconv.encode(text, 'gb18030')
                  : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
          const file = join(dir, `t${n++}.csv`);
          writeFileSync(file, bytes);
          const whole = readTable(bytes, file, RECORD_COLUMNS);
          const streamed: unknown[] = [];
          const s = await streamTable(file, RECORD_COLUMNS, (r) => streamed.push(r), { chunkSize });
          expect(streamed).toEqual(whole.rows);
          expect(s.problems).toEqual(whole.problems);
          if (encoding !== 'utf-8' || /[^\x00-\x7f]/.test(text)) expect(s.encoding).toBe(whole.encoding);
        },
      ),
      // A title row of commas before a GB18030 header, read a byte at a time (it was taken for UTF-8).
      { numRuns: 150, examples: [[[], 'gb18030', 1, false, [['', '']]]] },
    );
  });
});
