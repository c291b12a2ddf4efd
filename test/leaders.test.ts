import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../src/core/config.js';
import { DISTRICT_INSTITUTIONS, resolveInstitution } from '../src/core/institutions.js';
import { buildLeaders, LEADER_COLUMNS } from '../src/core/leaders.js';
import { parseRank, RANK_ALIASES } from '../src/core/ranks.js';
import type { Leader } from '../src/core/types.js';
import { loadLeaders } from '../src/io/load.js';
import { readTable } from '../src/io/table.js';

const dir = mkdtempSync(join(tmpdir(), 'rota-leaders-'));
const HEADER = '姓名,单位,职务,级别,分管工作,不可接访日期,联络员,联系电话';
let n = 0;
function file(content: string | Uint8Array): string {
  const p = join(dir, `l${n++}.csv`);
  writeFileSync(p, content);
  return p;
}
const load = (...files: string[]) => loadLeaders(files, { institutions: DISTRICT_INSTITUTIONS });
const errors = (r: ReturnType<typeof load>) => r.problems.filter((p) => p.severity === 'error');

describe('encodings from real bytes', () => {
  const text = `${HEADER}\r\n艾力·买买提,区委,区委常委、政法委书记,副处级,政法、信访,2024-12-11~2024-12-13,热合曼,0990-6201102\r\n`;
  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-8 without BOM', Buffer.from(text, 'utf8')],
    ['GB18030 (Excel plain CSV)', iconv.encode(text, 'gb18030')],
    ['GBK', iconv.encode(text, 'gbk')],
    [
      'UTF-16LE with BOM, tab-separated (Unicode 文本)',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text.replaceAll(',', '\t'), 'utf16le')]),
    ],
  ])('%s', (_label, bytes) => {
    const r = load(file(bytes));
    expect(errors(r)).toEqual([]);
    expect(r.leaders).toHaveLength(1);
    expect(r.leaders[0]).toMatchObject({
      name: '艾力·买买提',
      institution: '区委',
      title: '区委常委、政法委书记',
      rank: '副处级',
      portfolio: '政法、信访',
      unavailable: ['2024-12-11', '2024-12-12', '2024-12-13'],
      liaison: '热合曼',
      phone: '0990-6201102',
    });
  });
});

describe('normalising what clerks type', () => {
  it('trims full-width spaces and unifies middle dots', () => {
    const r = load(
      file(`${HEADER}\n\u3000艾力•买买提 ,\u3000区委 , 书记 ,副处级,,,,\n`),
      file(`${HEADER}\n阿依古丽・吐尔逊,人大,副主任,副处级,,,,\n`),
    );
    expect(errors(r)).toEqual([]);
    expect(r.leaders.map((l) => l.name)).toEqual(['艾力·买买提', '阿依古丽·吐尔逊']);
    expect(r.leaders[0].title).toBe('书记');
  });
  it('艾力·买买提 and 艾力•买买提 in two files are the same person: a duplicate', () => {
    const a = file(`${HEADER}\n艾力·买买提,区委,书记,副处级,,,,\n`);
    const b = file(`${HEADER}\n艾力•买买提,中共克拉玛依区委,书记,副处级,,,,\n`);
    const e = errors(load(a, b));
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ file: b, line: 2, field: '姓名' });
    expect(e[0].message).toContain(`${a}:2`);
  });
  it('English headers and extra columns are accepted', () => {
    const r = load(file('name,institution,title,rank,备注,portfolio\n王伟,区政府,副区长,副处级,x,城建\n'));
    expect(errors(r)).toEqual([]);
    expect(r.leaders[0]).toMatchObject({ name: '王伟', portfolio: '城建', unavailable: [] });
  });
  it('unavailable dates: lists and ranges with every separator', () => {
    const r = load(
      file(`${HEADER}\n王伟,区政府,副区长,副处级,,"2024-12-11；2024-12-13至2024-12-14、2024/12/20，2024-12-23 ～ 2024-12-24",,\n`),
    );
    expect(errors(r)).toEqual([]);
    expect(r.leaders[0].unavailable).toEqual(['2024-12-11', '2024-12-13', '2024-12-14', '2024-12-20', '2024-12-23', '2024-12-24']);
  });
  it('namesakes in different institutions are allowed, with a warning', () => {
    const r = load(file(`${HEADER}\n王伟,区政府,副区长,副处级,,,,\n王伟,区政协,副主席,副处级,,,,\n`));
    expect(errors(r)).toEqual([]);
    expect(r.problems.find((p) => p.severity === 'warning')?.message).toContain('王伟');
  });
});

describe('institution names as offices write them', () => {
  it.each([
    ['区委', '区委'],
    ['中共克拉玛依区委', '区委'],
    ['中共区委', '区委'],
    ['人大', '区人大'],
    ['区人大常委会', '区人大'],
    ['克拉玛依区人大常委会', '区人大'],
    ['区人民政府', '区政府'],
    ['克拉玛依区人民政府', '区政府'],
    ['区政协', '区政协'],
    ['区法院', '区人民法院'],
    ['克拉玛依区人民法院', '区人民法院'],
    ['区检察院', '区人民检察院'],
    ['区人民检察院', '区人民检察院'],
    ['区人民代表大会常务委员会', '区人大'],
    ['克拉玛依区人民代表大会常务委员会', '区人大'],
    ['中国人民政治协商会议克拉玛依区委员会', '区政协'],
    ['中国共产党克拉玛依区委员会', '区委'],
  ])('%s → %s', (text, name) => expect(resolveInstitution(text, DISTRICT_INSTITUTIONS)).toBe(name));
  it.each(['区纪委', '市政府', '克拉玛依区公安分局', ''])('%s is unknown', (text) => {
    expect(resolveInstitution(text, DISTRICT_INSTITUTIONS)).toBeUndefined();
  });
  it('an alias with * takes exactly what the regular expression with .+ for each * takes (property)', () => {
    const literal = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const alias = fc.string({ unit: fc.constantFrom('a', 'b', '区', '*'), minLength: 1, maxLength: 8 }).filter((a) => a.includes('*'));
    const written = fc.string({ unit: fc.constantFrom('a', 'b', '区'), maxLength: 10 });
    fc.assert(
      fc.property(alias, written, (a, w) => {
        const oracle = new RegExp(`^${a.split('*').map(literal).join('.+')}$`).test(w);
        // 区… names also match by their place prefix: only aliases and names without 区 are compared.
        fc.pre(!a.startsWith('区') && !w.startsWith('区'));
        expect(resolveInstitution(w, [{ name: 'X', aliases: [a] }])).toBe(oracle ? 'X' : undefined);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('ranks as offices write them (县级 = 处级, 乡级 = 科级)', () => {
  it.each([
    ['副县级', '副处级'],
    ['正县级', '正处级'],
    ['副乡级', '副科级'],
    ['正乡级', '正科级'],
    ['副 处 级', '副处级'],
  ])('%s → %s', (text, rank) => expect(parseRank(text)).toBe(rank));
  it('a configuration adds spellings of its own (rankAliases)', () => {
    const f = file(`${HEADER}\n王伟,区政府,副区长,副处长级,,,,\n`);
    const aliases = { ...RANK_ALIASES, 副处级: [...RANK_ALIASES.副处级, '副处长级'] };
    expect(loadLeaders([f], { institutions: DISTRICT_INSTITUTIONS, rankAliases: aliases }).leaders[0].rank).toBe('副处级');
    expect(errors(load(f))[0].code).toBe('rank.unknown');
  });
});

describe('不可接访日期 without a year take it from the round', () => {
  it('12月15日至17日 in the seed round is 2024-12-15..17', () => {
    const f = file(`${HEADER}\n王伟,区政府,副区长,副处级,,12月15日至17日,,\n`);
    const vocabulary = { institutions: DISTRICT_INSTITUTIONS, from: '2024-12-11', to: '2024-12-26' };
    expect(loadLeaders([f], vocabulary).leaders[0].unavailable).toEqual(['2024-12-15', '2024-12-16', '2024-12-17']);
  });
});

describe('bad input: every problem with file, line and field, all at once', () => {
  it('a missing required column names the column and what the header has', () => {
    const f = file('姓名,单位,职务\n王伟,区政府,副区长\n');
    const e = errors(load(f));
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ file: f, line: 1, field: '级别' });
  });
  it('all errors of a file are reported together', () => {
    const f = file(
      `${HEADER}\n` +
        ',区委,书记,副处级,,,,\n' + // line 2: empty name
        '王伟,区纪委,书记,副处级,,,,\n' + // line 3: unknown institution
        '李娜,区委,常委,处长,,,,\n' + // line 4: unknown rank
        '赵强,区委,常委,副处级,,2024-02-30,,\n' + // line 5: impossible date
        '钱进,区委,常委,副处级,,2024-12-13~2024-12-11,,\n' + // line 6: range backwards
        '孙丽,区委,,副处级,,,,\n', // line 7: empty title
    );
    const e = errors(load(f));
    expect(e.map((p) => [p.line, p.field])).toEqual([
      [2, '姓名'],
      [3, '单位'],
      [4, '级别'],
      [5, '不可接访日期'],
      [6, '不可接访日期'],
      [7, '职务'],
    ]);
    expect(e.map((p) => p.code)).toEqual([
      'name.empty',
      'institution.unknown',
      'rank.unknown',
      'date.invalid',
      'date.range-reversed',
      'title.empty',
    ]);
    expect(e[1].message).toMatch(/^不认识的单位“区纪委”；请写 区委、区人大、区政府、区政协、区人民法院、区人民检察院 之一；/);
    expect(e[2].message).toMatch(/^不认识的级别“处长”；请写 正厅级、副厅级、正处级、副处级、正科级、副科级 之一/);
    expect(e[3].message).toMatch(/^“2024-02-30”不是有效日期；请写成 2024-12-15 或 2024年12月15日/);
    expect(e[4].message).toMatch(/^范围 2024-12-13~2024-12-11 的结束早于开始；/);
  });
  it('a duplicate is reported even when the first of the two rows has another error', () => {
    const f = file(`${HEADER}\n王伟,区政府,副区长,副处级,,2024-02-30,,\n王伟,区政府,副区长,副处级,,,,\n`);
    expect(errors(load(f)).map((p) => [p.line, p.field])).toEqual([
      [2, '不可接访日期'],
      [3, '姓名'],
    ]);
  });
  it('a file that cannot be read says so', () => {
    const e = errors(load(join(dir, 'nope.csv')));
    expect(e[0].message).toMatch(/^无法读取文件：没有这个文件；.*cannot read the file: no such file$/);
  });
  it('an empty file asks for a header', () => {
    expect(errors(load(file('')))[0].message).toMatch(/^文件是空的；第一行应是表头/);
  });
  it('a broken quote is reported with its line', () => {
    const e = errors(load(file(`${HEADER}\n王伟,"区政府,副区长,副处级,,,,\n`)));
    expect(e[0]).toMatchObject({ code: 'csv.unclosed-quote', line: 2 });
    expect(e[0].message).toContain('opens a quote that is never closed');
  });
});

describe('header aliases offices use (issue 20)', () => {
  const read = (header: string, cell: string) => {
    const csv = `姓名,单位,职务,${header.includes('职级') ? '' : '级别,'}${header}\n张国庆,乡党委,政法委员,${header.includes('职级') ? '' : '副科级,'}${cell}\n`;
    const t = readTable(new TextEncoder().encode(csv), 'l.csv', LEADER_COLUMNS);
    const built = buildLeaders([{ file: 'l.csv', rows: t.rows }], {
      institutions: presetConfig('township').institutions,
      from: '2024-12-11',
      to: '2024-12-26',
    });
    return { leader: built.leaders[0], problems: [...t.problems, ...built.problems] };
  };
  it.each([
    ['不能接访时间', '12月18日', (l: Leader) => l.unavailable, ['2024-12-18']],
    ['不可接访时间', '12月18日', (l: Leader) => l.unavailable, ['2024-12-18']],
    ['不能接访日期', '12月18日', (l: Leader) => l.unavailable, ['2024-12-18']],
    ['请假时间', '12月18日', (l: Leader) => l.unavailable, ['2024-12-18']],
    ['分管领域', '政法', (l: Leader) => l.portfolio, '政法'],
    ['分管范围', '政法', (l: Leader) => l.portfolio, '政法'],
    ['手机', '13900000000', (l: Leader) => l.phone, '13900000000'],
    ['手机号码', '13900000000', (l: Leader) => l.phone, '13900000000'],
    ['电话', '13900000000', (l: Leader) => l.phone, '13900000000'],
    ['职级', '副科级', (l: Leader) => l.rank, '副科级'],
  ])('%s', (header, cell, get, want) => {
    const { leader, problems } = read(header, cell);
    expect(problems).toEqual([]);
    expect(get(leader)).toEqual(want);
  });
  it('a column rota does not use is named in one warning, not dropped without a word', () => {
    const { leader, problems } = read('备注,籍贯', '值班,新疆');
    expect(leader).toBeDefined();
    expect(problems.map((p) => [p.code, p.severity, p.line])).toEqual([['csv.column-unused', 'warning', 1]]);
    expect(problems[0].message).toContain('备注、籍贯');
  });
});
