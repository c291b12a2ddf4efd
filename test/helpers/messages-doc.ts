// docs/messages.md, generated from the catalogue so the page a clerk reads is never out of date.
// Regenerate: ROTA_WRITE_DOCS=1 npx vitest run test/messages.test.ts
import { CATALOGUE, type MessageCode, type MessageEntry } from '../../src/core/messages.js';

/** Section headings by the code's first part, in the order a clerk meets them. */
const SECTIONS: Array<[string, string]> = [
  ['file', '文件 Files'],
  ['csv', 'CSV 与 Excel 表格 Tables'],
  ['xlsx', 'CSV 与 Excel 表格 Tables'],
  ['json', '配置文件 rota.json'],
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
  ['row', '节假日、记录、请假、下访地点 Holidays, records, leaves, sites'],
  ['kind', '节假日、记录、请假、下访地点 Holidays, records, leaves, sites'],
  ['record', '节假日、记录、请假、下访地点 Holidays, records, leaves, sites'],
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
];

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
  const unplaced = codes.filter((c) => !SECTIONS.some(([p]) => p === c.split('.')[0]));
  if (unplaced.length) throw new Error(`codes without a section in test/helpers/messages-doc.ts: ${unplaced.join(', ')}`);
  return `${out.join('\n')}\n`;
}
