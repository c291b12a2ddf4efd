// rota check's fast path (src/io/table-plain.ts and plainRows in src/io/check-input.ts) against the
// general path (csv-parse, recordReader, one Duty per row) as its oracle: random record files with
// bad rows, blank lines, padded cells, namesakes, BOM / no BOM / GB18030, CRLF / LF / lone CR in any
// mix, title rows above the header and now and then a quoted field must give the same records, line numbers, counts, judgements
// and problems either way.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCalendar } from '../src/core/calendar.js';
import { createTally } from '../src/core/check/index.js';
import { DISTRICT_INSTITUTIONS } from '../src/core/institutions.js';
import { RECORD_COLUMNS } from '../src/core/records.js';
import { SEED_RULES } from '../src/core/rules.js';
import type { Leader } from '../src/core/types.js';
import { tallyRecordFiles } from '../src/io/check-input.js';
import { historyFrom } from '../src/io/lists.js';
import { readBytes } from '../src/io/read-file.js';
import { readFromDisk } from '../src/io/read-round.js';
import { parsePlain, plainRecord } from '../src/io/table-plain.js';
import { parseStream } from '../src/io/table-stream.js';

const calendar = makeCalendar({ region: 'xinjiang' });
const leader = (name: string, institution: string, title = '副区长'): Leader => ({
  name,
  institution,
  title,
  rank: '副处级',
  portfolio: '',
  unavailable: [],
  liaison: '',
  phone: '',
});
// 王一 twice (namesakes told apart by 单位), a Uyghur name with its middle dot, 张三 who moved from
// 区委 to 区政府 on 2024-12-09 (a record without 单位 is his row of that date).
const LEADERS = [
  leader('王一', '区委'),
  leader('王一', '区政府', '区长'),
  leader('李二', '区政府'),
  leader('阿依古丽·吐尔逊', '区委'),
  { ...leader('张三', '区委'), term: { to: '2024-12-08' } },
  { ...leader('张三', '区政府'), term: { from: '2024-12-09' } },
];
const dir = mkdtempSync(join(tmpdir(), 'rota-plain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADERS = {
  date: '日期',
  weekday: '星期',
  kind: '类型',
  institution: '单位',
  name: '姓名',
  title: '职务',
  portfolio: '分管工作',
  place: '地点',
};
type Field = keyof typeof HEADERS;
const arbRow = fc.record({
  // Working days, a weekend (2024-12-07), a holiday (2025-01-01), impossible and empty dates, padding.
  date: fc.constantFrom(
    '2024-12-02',
    '2024-12-03',
    '2024-12-09',
    '2024-12-31',
    '2024-12-07',
    '2025-01-01',
    '2024-13-01',
    '2024-02-30',
    '1999-12-01',
    '2024/12/03',
    '',
    ' 2024-12-04 ',
  ),
  weekday: fc.constantFrom('星期一', ''),
  kind: fc.constantFrom('接访', '下访', '', 'visit', '走访', ' 下访'),
  institution: fc.constantFrom('', '区委', '区政府', '政府', '不存在'),
  name: fc.constantFrom('王一', '李二', '赵三', ' 李二 ', '阿依古丽·吐尔逊', '阿依古丽•吐尔逊', '', '李\u3000二', '张三'),
  title: fc.constantFrom('', '区长', '副区长'),
  // A character lost to an encoding (? or U+FFFD) or a control character is told on either path.
  portfolio: fc.constantFrom('', '信访', '信访?', '政法\u0007'),
  place: fc.constantFrom('区信访中心', '', '昆仑路', '区信访中心（一楼）', '昆仑路\uFFFD'),
  quoted: fc.boolean(),
  blank: fc.constantFrom(false, false, false, true),
  end: fc.constantFrom('\r\n', '\n', '\r'),
});

const OTHERS: Field[] = ['weekday', 'kind', 'institution', 'title', 'portfolio', 'place'];
const arbFile = fc.record({
  // Mostly files with both required columns, in any order; now and then a wrong header.
  fields: fc.oneof(
    {
      arbitrary: fc
        .shuffledSubarray(OTHERS)
        .chain((o) => fc.shuffledSubarray([...o, 'date', 'name'] as Field[], { minLength: o.length + 2 })),
      weight: 4,
    },
    { arbitrary: fc.shuffledSubarray(Object.keys(HEADERS) as Field[], { minLength: 1 }), weight: 1 },
  ),
  rows: fc.array(arbRow, { maxLength: 25 }),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030'),
  quotes: fc.constantFrom(false, false, true),
  trailing: fc.boolean(),
  headerEnd: fc.constantFrom('\r\n', '\n', '\r'),
  // Rows above the header, as a template's title, or more than a title (told, not read).
  above: fc.constantFrom('', '', '克拉玛依区2024年接访记录\n', '\r\n克拉玛依区2024年接访记录,,,\r\n', '说明,见附件\n'),
});

type FileCase = typeof arbFile extends fc.Arbitrary<infer T> ? T : never;
let n = 0;
function write(f: FileCase): string {
  const cell = (text: string, quoted: boolean) => (f.quotes && quoted ? `"${text}"` : text);
  let text = f.above + f.fields.map((k) => HEADERS[k]).join(',') + f.headerEnd;
  f.rows.forEach((r, i) => {
    const line = r.blank ? ','.repeat(f.fields.length - 1) : f.fields.map((k) => cell(r[k], r.quoted)).join(',');
    text += line + (i < f.rows.length - 1 || f.trailing ? r.end : '');
  });
  const bytes =
    f.encoding === 'utf-8' ? Buffer.from(text) : f.encoding === 'utf-8-bom' ? Buffer.from(`\uFEFF${text}`) : iconv.encode(text, 'gb18030');
  const file = join(dir, `r${n++}.csv`);
  writeFileSync(file, bytes);
  return file;
}

describe('the fast path reads and counts exactly what the general path does', () => {
  it('gives parseStream’s records and line numbers for every plain file, and declines the others', async () => {
    await fc.assert(
      // Small pieces move lines cut by a piece's end to the front, and grow the buffer for long lines.
      fc.asyncProperty(arbFile, fc.constantFrom(1, 7, 64, 1 << 20), async (f, piece) => {
        const file = write(f);
        const fast: unknown[] = [];
        const plain = parsePlain(
          file,
          RECORD_COLUMNS,
          (bytes, cells, line, index) => {
            const record = plainRecord(bytes, cells, index);
            fast.push([line, index.map(([k, i]) => [k, record[i]])]);
          },
          piece,
        );
        const slow: unknown[] = [];
        const general = await parseStream(file, RECORD_COLUMNS, (record, index, line) =>
          slow.push([line, index.map(([k, i]) => [k, record[i]])]),
        );
        const hasQuote = f.quotes && f.rows.some((r) => r.quoted && !r.blank);
        const nonAscii = /[^\x00-\x7f]/.test(
          [...f.fields.map((k) => HEADERS[k]), ...f.rows.flatMap((r) => f.fields.map((k) => r[k]))].join(''),
        );
        if (hasQuote || (f.encoding === 'gb18030' && nonAscii)) expect(plain).toBeUndefined();
        else {
          expect(plain).toBeDefined();
          expect(fast).toEqual(slow);
          expect(plain!.rows).toBe(general.rows);
          expect(plain!.problems).toEqual(general.problems);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same counts, judgements and problems through tallyRecordFiles', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbFile, { minLength: 1, maxLength: 2 }), fc.boolean(), async (fs, lenient) => {
        const files = fs.map(write);
        const run = async (fast: boolean) => {
          const tally = createTally({ leaders: LEADERS, rules: SEED_RULES, calendar, lenient });
          const read = await tallyRecordFiles(files, { leaders: LEADERS, institutions: DISTRICT_INSTITUTIONS, tally, lenient, fast });
          return { read, judgement: tally.finish({ from: '2024-10-01', to: '2024-12-31' }) };
        };
        expect(await run(true)).toEqual(await run(false));
      }),
      { numRuns: 200 },
    );
  });

  it("gives rota plan's records so far and problems as the general path does (historyFrom)", () => {
    fc.assert(
      fc.property(fc.array(arbFile, { minLength: 1, maxLength: 2 }), (fs) => {
        const files = fs.map(write);
        const fast = historyFrom(readFromDisk, files, LEADERS, DISTRICT_INSTITUTIONS);
        const general = historyFrom((f) => readBytes(f), files, LEADERS, DISTRICT_INSTITUTIONS);
        expect(fast).toEqual(general);
      }),
      { numRuns: 300 },
    );
  });
});
