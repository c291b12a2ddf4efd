// docs/messages.md, generated from the catalogue so the page a clerk reads is never out of date.
// Regenerate: ROTA_WRITE_DOCS=1 npx vitest run test/messages.test.ts
import { MAX_TEXT, MAX_WINDOW_DAYS, NUMBER_LIMITS } from '../../src/core/config.js';
import { LIMITS } from '../../src/core/limits.js';
import { CATALOGUE, type MessageCode, type MessageEntry } from '../../src/core/messages.js';
import { MAX_FILE_BYTES } from '../../src/io/read-file.js';
import { MAX_CELL, MAX_NAME } from '../../src/io/table.js';

/** Section headings by the code's first part, in the order a clerk meets them. */
const SECTIONS: Array<[string, string]> = [
  ['file', '文件 Files'],
  ['csv', 'CSV 与 Excel 表格 Tables'],
  ['xlsx', 'CSV 与 Excel 表格 Tables'],
  ['json', '配置文件 rota.json'],
  ['project', '文件 Files'],
  ['config', '配置文件 rota.json'],
  ['date', '日期 Dates'],
  ['name', '领导名单 Leader lists'],
  ['title', '领导名单 Leader lists'],
  ['institution', '领导名单 Leader lists'],
  ['rank', '领导名单 Leader lists'],
  ['leader', '领导名单 Leader lists'],
  ['term', '领导名单 Leader lists'],
  ['holiday', '节假日、记录、请假、下访地点 Holidays, records, leaves, sites'],
  ['holidays', '节假日、记录、请假、下访地点 Holidays, records, leaves, sites'],
  ['pattern', '节假日、记录、请假、下访地点 Holidays, records, leaves, sites'],
  ['row', '节假日、记录、请假、下访地点 Holidays, records, leaves, sites'],
  ['kind', '节假日、记录、请假、下访地点 Holidays, records, leaves, sites'],
  ['record', '节假日、记录、请假、下访地点 Holidays, records, leaves, sites'],
  ['slot', '节假日、记录、请假、下访地点 Holidays, records, leaves, sites'],
  ['leave', '节假日、记录、请假、下访地点 Holidays, records, leaves, sites'],
  ['site', '节假日、记录、请假、下访地点 Holidays, records, leaves, sites'],
  ['number', '节假日、记录、请假、下访地点 Holidays, records, leaves, sites'],
  ['timetable', '时间表与调整 Timetables and changes'],
  ['pin', '时间表与调整 Timetables and changes'],
  ['calendar', '时间表与调整 Timetables and changes'],
  ['publish', '时间表与调整 Timetables and changes'],
  ['rule', '时间表与调整 Timetables and changes'],
  ['check', '检查 Checking records'],
  ['verdict', '检查 Checking records'],
  ['option', '命令行 The command line'],
  ['command', '命令行 The command line'],
  ['argument', '命令行 The command line'],
  ['input', '命令行 The command line'],
  ['init', '命令行 The command line'],
  ['batch', '命令行 The command line'],
  ['limit', '上限 Limits'],
  ['case', '接访台帐与约访 The case ledger and appointments'],
  ['booking', '接访台帐与约访 The case ledger and appointments'],
];

/** Every limit rota checks before it starts, with the value in force (read from the source). */
const LIMIT_ROWS: Array<[string, string | number, string]> = [
  ['文件大小 file size', `${MAX_FILE_BYTES / 1024 / 1024} MB`, '`file.too-large`'],
  ['设备、管道等特殊文件 devices, FIFOs, sockets', '不读取 refused by type before reading', '`file.special`'],
  [
    '--out 在 /proc、/sys 下，或路径中有同名文件 --out under /proc or /sys, or through a file',
    '拒绝 refused',
    '`limit.out-system`, `limit.out-not-folder`',
  ],
  ['CSV 表头的列数 columns of a header', LIMITS.columns, '`limit.columns`'],
  ['CSV 一格的字符数 characters in a cell', MAX_CELL, '`csv.cell-too-long`'],
  ['姓名等名称的字符数 characters in a name', MAX_NAME, '`csv.cell-too-long`'],
  ['rota.json 文字字段 text fields', MAX_TEXT, '`config.invalid`'],
  ['rota.json 嵌套层数 nesting depth', LIMITS.jsonDepth, '`limit.json-depth`'],
  ...Object.entries(NUMBER_LIMITS).map(([k, v]): [string, number, string] => [`rota.json ${k}`, v, '`config.invalid`']),
  ['一轮的天数 days in a round', MAX_WINDOW_DAYS, '`config.window-too-long`'],
  ["下访地点 每月至少 a site's monthly minimum", LIMITS.siteMonthly, '`limit.number`'],
  ['一次排班的下访地点 sites in one plan', LIMITS.sites, '`limit.sites`'],
  ['一次排班的领导 leaders in one plan', LIMITS.leaders, '`limit.leaders`'],
  ['领导 × 工作日 leaders × working days in one plan', LIMITS.cells, '`limit.cells`'],
  ['一次列出的问题 problems printed at once（其余只计数 the rest counted）', LIMITS.problemsShown, '`limit.more-problems`'],
  ['提示中引用的一格文字 characters of a cell echoed in a message（其余注明字数 the rest counted）', LIMITS.echo, '—'],
];

function limitsMarkdown(): string[] {
  return [
    '## 上限一览 Every limit',
    '',
    '运行前先检查这些上限；超过时退出码 2，并说明原因和改法，不会运行几分钟或耗尽内存。',
    'Checked before any work starts; past one rota exits 2 with a sentence instead of running for minutes.',
    '',
    '| 项目 what | 上限 limit | 代码 code |',
    '|---|---|---|',
    ...LIMIT_ROWS.map(([what, v, code]) => `| ${what} | ${typeof v === 'number' ? v.toLocaleString('en') : v} | ${code} |`),
    '',
  ];
}

export function messagesMarkdown(): string {
  const out = [
    '# 提示信息一览 Messages',
    '',
    'rota 的每条提示都有一个固定代码、一句中文（哪里不对、怎样改）和随后的英文。出错时提示写成',
    '`文件:行: 列名: 中文；怎样改。English`，例如',
    '`leaders.csv:3: 不可接访日期: “12月32日”不是有效日期；请写成 …`。按代码在下面找到它。',
    '',
    'Every message has a stable code, a Chinese sentence (what is wrong and what to write instead) and the English after it.',
    'This page is generated from `src/core/messages.ts`; the examples show each message with sample values.',
    '',
  ];
  const codes = Object.keys(CATALOGUE) as MessageCode[];
  const headings = [...new Set(SECTIONS.map(([, h]) => h))];
  for (const heading of headings) {
    const prefixes = SECTIONS.filter(([, h]) => h === heading).map(([p]) => p);
    const mine = codes.filter((c) => prefixes.includes(c.split('.')[0]));
    if (!mine.length) continue;
    out.push(`## ${heading}`, '', '| 代码 code | 示例 example | English |', '|---|---|---|');
    for (const code of mine) {
      const e = CATALOGUE[code] as unknown as MessageEntry<unknown>;
      const zh = `${e.zh(e.example)}${e.fix ? `；${e.fix(e.example)}` : ''}。`;
      const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
      out.push(`| \`${code}\` | ${cell(zh)} | ${cell(e.en(e.example))} |`);
    }
    out.push('');
  }
  out.push(...limitsMarkdown());
  const unplaced = codes.filter((c) => !SECTIONS.some(([p]) => p === c.split('.')[0]));
  if (unplaced.length) throw new Error(`codes without a section in test/helpers/messages-doc.ts: ${unplaced.join(', ')}`);
  return `${out.join('\n')}\n`;
}
