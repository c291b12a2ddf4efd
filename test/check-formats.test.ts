// Every output format of rota check, parsed back: JSON.parse, JUnit by fast-xml-parser, GitHub
// workflow commands by regular expression (unescaped by the rules of the workflow-command format).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../src/core/calendar.js';
import { judge } from '../src/core/check/index.js';
import { SEED_RULES } from '../src/core/rules.js';
import type { Duty, Leader, Problem } from '../src/core/types.js';
import { type CheckReport, escapeData, escapeProperty, formatGithub, formatJson, formatJunit, formatText } from '../src/io/check-format.js';
import { leader } from './support/plan-facts.js';

const calendar = makeCalendar({ region: 'xinjiang' });
const plain = { red: (s: string) => s, yellow: (s: string) => s, green: (s: string) => s, dim: (s: string) => s, bold: (s: string) => s };
const L = (name: string, rank: Leader['rank'], title: string, line: number): Leader =>
  leader(name, '区委', { rank, title, portfolio: '', source: { file: 'leaders.csv', line } });
const leaders = [
  L('艾某', '副处级', '区委副书记', 2),
  L('<b>&"王\'', '副处级', '区委常委,宣传%部长\n', 3),
  L('李明', '正科级', '办公室副主任', 4),
];
const D = (date: string, name: string, kind: Duty['kind'], line: number): Duty => ({
  date,
  weekday: '',
  kind,
  institution: '区委',
  name,
  title: '',
  portfolio: '',
  place: '区人民群众信访服务中心',
  source: { file: 'records/2024.csv', line },
});
const duties = [D('2024-10-09', '艾某', '接访', 2), D('2024-12-10', '艾某', '下访', 3)];
const problems: Problem[] = [
  {
    severity: 'warning',
    code: 'record.not-working-day',
    file: 'records/a,b:c.csv',
    line: 9,
    field: '日期',
    message: '2024-11-09 不是工作日（周六）\n100% sure',
  },
];
const judgement = judge({ leaders, duties, rules: SEED_RULES, calendar, from: '2024-10-01', to: '2024-12-31' });
const report: CheckReport = { judgement, problems, rules: SEED_RULES, leaders };

describe('text', () => {
  it('names each missing period as in the issue, leaders without records first, then a summary line', () => {
    const text = formatText(report, plain);
    const lines = text.trimEnd().split('\n');
    expect(lines).toContain(
      '  艾某 区委副书记 县处级: 2024-11 有 0 次，少于规定的至少 1 次（接访/下访）。2024-11 has 0 of at least 1  [county-monthly]',
    );
    const noRecord = lines.findIndex((l) => l.includes('无任何记录'));
    expect(noRecord).toBeGreaterThanOrEqual(0);
    expect(noRecord).toBeLessThan(lines.findIndex((l) => l.includes('艾某 区委副书记')));
    expect(lines.at(-1)).toMatch(/^不合规 NOT compliant — 2024-10-01 至 2024-12-31：3 名领导/);
  });
});

describe('json', () => {
  it('parses back with one result per (leader, rule, period) and the records that counted (--detail)', () => {
    const out = JSON.parse(formatJson({ ...report, detail: true }));
    expect(out.summary.compliant).toBe(false);
    // 艾某 and the second leader have county-monthly for Oct, Nov, Dec: 6 results.
    expect(out.results.filter((r: { rule: string }) => r.rule === 'county-monthly')).toHaveLength(6);
    const q4 = out.results.find((r: { name: string; rule: string }) => r.name === '艾某' && r.rule === 'district-quarterly');
    expect(q4).toMatchObject({ period: '2024-Q4', count: 1, required: 1, status: 'ok', institution: '区委', rank: '副处级' });
    expect(q4.records).toEqual([{ date: '2024-10-09', kind: '接访', place: '区人民群众信访服务中心', file: 'records/2024.csv', line: 2 }]);
    expect(out.problems).toEqual(problems);
  });
});

describe('junit', () => {
  const xml = formatJunit(report);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testsuite', 'testcase', 'failure'].includes(name),
  }).parse(xml);
  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });
  it('has one testcase per leader and rule and a failure per violation, names escaped and read back intact', () => {
    const suites = doc.testsuites.testsuite as Array<{
      name: string;
      tests: string;
      failures: string;
      testcase: Array<{ name: string; failure?: Array<{ message: string }> }>;
    }>;
    const monthly = suites.find((s) => s.name.startsWith('county-monthly'))!;
    expect(monthly.testcase.map((t) => t.name)).toEqual([
      '<b>&"王\' 区委常委,宣传%部长\n 县处级 · county-monthly',
      '艾某 区委副书记 县处级 · county-monthly',
    ]);
    expect(monthly.testcase[0].failure).toHaveLength(3);
    expect(monthly.testcase[1].failure!.map((f) => f.message)).toEqual([
      '艾某 区委副书记 县处级: 2024-11 有 0 次，少于规定的至少 1 次（接访/下访）。2024-11 has 0 of at least 1',
    ]);
    const weekly = suites.find((s) => s.name.startsWith('township-weekly'))!;
    expect(weekly.testcase).toHaveLength(1);
    // 2024-W40 (09-30..10-06) and 2025-W01 (12-30..01-05) are cut by the range: W41..W52 = 12 weeks, all short.
    expect(weekly.testcase[0].failure).toHaveLength(12);
    expect(+doc.testsuites.failures).toBe(suites.reduce((n, s) => n + +s.failures, 0));
  });
  it('drops characters XML cannot carry', () => {
    const bad = formatJunit({
      ...report,
      leaders,
      judgement: judge({
        leaders: [L('甲\u0001\u001f', '副处级', 't', 2)],
        duties: [],
        rules: SEED_RULES,
        calendar,
        from: '2024-11-01',
        to: '2024-11-30',
      }),
    });
    expect(XMLValidator.validate(bad)).toBe(true);
  });
});

describe('github', () => {
  const unescapeGithub = (s: string) =>
    s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const lines = formatGithub(report).trimEnd().split('\n');
  const cmds = lines.map((l) => /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(l)).filter((m) => m !== null);
  it('escapes %, CR, LF in messages and also : and , in properties', () => {
    expect(escapeData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    for (const m of cmds) expect(m[3]).not.toMatch(/[\r\n]/);
  });
  it('points record problems at file and line, and violations at the leader list', () => {
    const props = (s: string) =>
      Object.fromEntries(
        s
          .split(',')
          .map((p) => p.split('='))
          .map(([k, v]) => [k, unescapeGithub(v)]),
      );
    const warn = cmds.find((m) => m[1] === 'warning')!;
    expect(props(warn[2])).toMatchObject({ file: 'records/a,b:c.csv', line: '9' });
    expect(unescapeGithub(warn[3])).toBe('日期: 2024-11-09 不是工作日（周六）\n100% sure');
    const errors = cmds.filter((m) => m[1] === 'error');
    expect(errors).toHaveLength(judgement.summary.violations);
    const ai = errors.find((m) => unescapeGithub(m[3]).startsWith('艾某 区委副书记 县处级: 2024-11 有 0 次'))!;
    expect(props(ai[2])).toMatchObject({ file: 'leaders.csv', line: '2', title: 'rota check county-monthly' });
    expect(lines.at(-1)).toMatch(/^不合规 NOT compliant/);
  });
});

describe('json in pieces', () => {
  it('is byte for byte JSON.stringify(…, null, 2): compact, with --detail, and without a judgement', async () => {
    const { jsonChunks } = await import('../src/io/check-format.js');
    const { summary, results } = judgement;
    const violations = results.filter((r) => r.status === 'short' || r.status === 'over');
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.length).toBeLessThan(results.length);
    const compact = [...jsonChunks(report)].join('');
    expect(compact).toBe(`${JSON.stringify({ summary, rules: SEED_RULES, problems, violations }, null, 2)}\n`);
    const full = [...jsonChunks({ ...report, detail: true })].join('');
    expect(full).toBe(`${JSON.stringify({ summary, rules: SEED_RULES, problems, violations, results }, null, 2)}\n`);
    const none = [...jsonChunks({ ...report, judgement: undefined, omitted: 3 })].join('');
    expect(none).toBe(`${JSON.stringify({ summary: null, rules: SEED_RULES, problems, omittedProblems: 3, violations: [] }, null, 2)}\n`);
  });
});
