// The checker's four outputs: text for people, JSON for programs, JUnit XML and GitHub workflow
// commands for CI. Each is a pure function of the judgement, the input problems and the rules.

import type { CheckResult, Judgement } from '../core/check/index.js';
import { NO_DUTY_DAY } from '../core/check/judgements.js';
import type { Violation } from '../core/engine/types.js';
import { leaderKey } from '../core/leaders.js';
import { say } from '../core/messages.js';
import { formatProblem } from '../core/problems.js';
import { levelOf } from '../core/ranks.js';
import type { Leader, Problem, Rule } from '../core/types.js';

export const CHECK_FORMATS = ['text', 'json', 'junit', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckReport {
  /** Undefined when input errors stopped the check before judging. */
  judgement?: Judgement;
  /** Problems with the records (and other inputs), errors or, with --lenient, warnings. */
  problems: Problem[];
  rules: Rule[];
  /** To point violations at the leader's line in the leader list. */
  leaders: Leader[];
  /** Problems not kept once there were too many. */
  omitted?: number;
  /** In a batch: the office's folder, named in each JUnit suite and GitHub annotation title. */
  office?: string;
  /** JSON: every judged entry too (results), not only the totals and the violations. */
  detail?: boolean;
  /** A round with slots: records in a slot they may not fill or in none, and duty days' empty slots. */
  slots?: Violation[];
}

/** Colour functions; identity for plain text. */
export interface Painter {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const same = (s: string) => s;
/** No colour: for files. */
export const PLAIN: Painter = { red: same, yellow: same, green: same, dim: same, bold: same };

export const isViolation = (r: CheckResult) => r.status === 'short' || r.status === 'over';

/** `艾某 区委副书记 县处级` — how a leader is named in every violation. */
export const leaderLabel = (r: Pick<CheckResult, 'name' | 'title' | 'rank'>) => `${r.name} ${r.title} ${levelOf(r.rank)}`;

/** `2024-11 有 0 次，少于规定的至少 1 次（接访/下访）。2024-11 has 0 of at least 1` */
export function violationText(r: CheckResult): string {
  const { period, count, kinds } = r;
  return r.status === 'over'
    ? say('verdict.over', { period, count, max: r.max ?? 0, kinds })
    : say('verdict.short', { period, count, min: r.required, kinds });
}

function summaryLine(j: Judgement): string {
  const s = j.summary;
  const head = s.compliant ? '合规 compliant' : '不合规 NOT compliant';
  const without = s.withoutRecords.length;
  return (
    `${head} — ${s.from} 至 ${s.to}：${s.leaders} 名领导，评判 ${s.judged} 个周期，合格 ${s.ok}，不足 ${s.short}，超出 ${s.over}；` +
    `免于考核 ${s.exempt}，未评判 ${s.notJudged}；${without} 名领导无任何记录。` +
    ` ${s.leaders} leaders, ${s.judged} periods judged: ${s.ok} ok, ${s.short} short, ${s.over} over; ${s.exempt} exempt, ${s.notJudged} not judged; ${without} without any record.`
  );
}

/** Consecutive results of one leader (results come grouped by leader). */
function byLeader(results: CheckResult[]): CheckResult[][] {
  const groups: CheckResult[][] = [];
  for (const r of results) {
    const g = groups[groups.length - 1];
    if (g && g[0].name === r.name && g[0].institution === r.institution) g.push(r);
    else groups.push([r]);
  }
  return groups;
}

export function formatText(report: CheckReport, c: Painter): string {
  const j = report.judgement;
  if (!j) return '';
  const out: string[] = [];
  const without = new Set(j.summary.withoutRecords.map((w) => leaderKey(w)));
  for (const group of byLeader(j.results)) {
    const bad = group.filter(isViolation);
    const leave = group.filter((r) => r.status === 'exempt' && r.reason && !NO_DUTY_DAY.test(r.reason));
    if (bad.length === 0 && leave.length === 0) continue;
    const first = group[0];
    const none = without.has(leaderKey(first));
    const mark = bad.length ? c.red('✗') : c.yellow('•');
    out.push(`${mark} ${c.bold(leaderLabel(first))}（${first.institution}）${none ? c.red('：无任何记录 no record at all') : ''}`);
    for (const r of bad) out.push(`  ${leaderLabel(r)}: ${violationText(r)}  ${c.dim(`[${r.rule}]`)}`);
    for (const r of leave) out.push(c.dim(`  免于考核 exempt ${r.period} [${r.rule}]: ${r.reason}`));
  }
  const periodsWith = (pred: (r: CheckResult) => boolean) => {
    const seen = new Map<string, string>();
    for (const r of j.results) if (pred(r)) seen.set(`${r.rule} ${r.period}`, r.reason ?? '');
    return [...seen.keys()].sort();
  };
  const cut = periodsWith((r) => r.status === 'not-judged');
  if (cut.length) out.push(c.dim(`未评判（周期被检查范围截断）not judged, cut by ${j.summary.from}~${j.summary.to}: ${cut.join(', ')}`));
  const off = periodsWith((r) => r.status === 'exempt' && NO_DUTY_DAY.test(r.reason ?? ''));
  const patterned = j.results.some((r) => r.status === 'exempt' && (r.reason ?? '').includes('没有接访日'));
  const [day, en] = patterned ? ['接访日', 'duty day'] : ['工作日', 'working day'];
  if (off.length) out.push(c.dim(`免于考核（无${day}）exempt, no ${en}: ${off.join(', ')}`));
  if (report.problems.length) {
    const e = report.problems.filter((p) => p.severity === 'error').length;
    out.push(
      c.yellow(`记录问题 record problems: ${e} errors, ${report.problems.length - e + (report.omitted ?? 0)} warnings (see stderr)`),
    );
  }
  if (report.slots?.length) {
    out.push(`${c.red('✗')} ${c.bold('时段 slots')}`);
    for (const v of report.slots)
      out.push(`  ${v.source ? `${v.source.file}:${v.source.line} ` : ''}${v.message}  ${c.dim(`[${v.rule}]`)}`);
  }
  const line = summaryLine(j);
  out.push(j.summary.compliant ? c.green(line) : c.red(line));
  return `${out.join('\n')}\n`;
}

export function formatJson(report: CheckReport): string {
  return [...jsonChunks(report)].join('');
}

/**
 * The JSON output in pieces, byte for byte JSON.stringify(…, null, 2) of {summary, rules, problems,
 * violations} — what CI needs — and, with detail, every judged entry as results; a million results
 * are written without building one giant string.
 */
export function* jsonChunks(report: CheckReport): Generator<string> {
  const j = report.judgement;
  const head = {
    summary: j?.summary ?? null,
    rules: report.rules,
    problems: report.problems,
    ...(report.omitted ? { omittedProblems: report.omitted } : {}),
    ...(report.slots?.length ? { slots: report.slots } : {}),
  };
  const results = j?.results ?? [];
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n`;
  yield* jsonArray('violations', results.filter(isViolation), !report.detail);
  if (report.detail) yield* jsonArray('results', results, true);
  yield '}\n';
}

/** One key of the top-level object holding an array, streamed in pieces of about 64 KB. */
function* jsonArray(key: string, items: readonly unknown[], last: boolean): Generator<string> {
  yield `  "${key}": [`;
  let piece = '';
  for (let i = 0; i < items.length; i++) {
    piece += `${i ? ',' : ''}\n    ${JSON.stringify(items[i], null, 2).replace(/\n/g, '\n    ')}`;
    if (piece.length > 1 << 16) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}${items.length ? '\n  ' : ''}]${last ? '' : ','}\n`;
}

// ---- JUnit XML -------------------------------------------------------------

/** Text safe inside an XML attribute or element: escaped, and without characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!)
  );
}

const attrs = (a: Record<string, string | number>) =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

export function formatJunit(report: CheckReport): string {
  const j = report.judgement;
  const office = report.office ? `${report.office} · ` : '';
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  const errors = report.problems.filter((p) => p.severity === 'error');
  if (report.problems.length) {
    const files = [...new Set(report.problems.map((p) => p.file ?? '(input)'))].sort();
    const cases = files.map((f) => {
      const mine = errors.filter((p) => (p.file ?? '(input)') === f);
      const warn = report.problems.filter((p) => p.severity === 'warning' && (p.file ?? '(input)') === f);
      const body = mine.map((p) => `      <failure${attrs({ type: 'record', message: formatProblem(p) })}/>`);
      if (warn.length) body.push(`      <system-out>${escapeXml(warn.map(formatProblem).join('\n'))}</system-out>`);
      return `    <testcase${attrs({ classname: 'records', name: f })}>${body.length ? `\n${body.join('\n')}\n    ` : ''}</testcase>`;
    });
    tests += files.length;
    failures += errors.length;
    suites.push(
      `  <testsuite${attrs({ name: `${office}记录 records`, tests: files.length, failures: errors.length, errors: 0, skipped: 0 })}>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  for (const rule of j ? report.rules : []) {
    const mine = j!.results.filter((r) => r.rule === rule.id);
    const cases: string[] = [];
    let ruleFailures = 0;
    let skipped = 0;
    for (const group of byLeader(mine)) {
      const first = group[0];
      const bad = group.filter(isViolation);
      const judged = group.filter((r) => r.status === 'ok' || isViolation(r));
      const body = bad.map(
        (r) =>
          `      <failure${attrs({ type: r.status, message: `${leaderLabel(r)}: ${violationText(r)}` })}>${escapeXml(`${r.reason ?? ''}\n规则 rule ${rule.id}: ${rule.description}`)}</failure>`,
      );
      if (judged.length === 0) {
        skipped++;
        body.push(`      <skipped${attrs({ message: '没有可评判的周期 no period judged (exempt or cut by the range)' })}/>`);
      }
      ruleFailures += bad.length;
      cases.push(
        `    <testcase${attrs({ classname: first.institution, name: `${leaderLabel(first)} · ${rule.id}` })}>${body.length ? `\n${body.join('\n')}\n    ` : ''}</testcase>`,
      );
    }
    tests += cases.length;
    failures += ruleFailures;
    suites.push(
      `  <testsuite${attrs({ name: `${office}${rule.id} ${rule.description}`, tests: cases.length, failures: ruleFailures, errors: 0, skipped })}>${cases.length ? `\n${cases.join('\n')}\n  ` : ''}</testsuite>`,
    );
  }
  if (report.slots?.length) {
    // One testcase per slot break, named by its line, so a CI run lists each as the text does.
    const cases = report.slots.map(
      (v) =>
        `    <testcase${attrs({ classname: 'slots', name: v.source ? `${v.source.file}:${v.source.line}` : v.dates.join(',') })}>\n      <failure${attrs({ type: v.rule, message: v.message })}/>\n    </testcase>`,
    );
    tests += cases.length;
    failures += cases.length;
    suites.push(
      `  <testsuite${attrs({ name: `${office}时段 slots`, tests: cases.length, failures: cases.length, errors: 0, skipped: 0 })}>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name: 'rota check', tests, failures })}>\n${suites.join('\n')}\n</testsuites>\n`;
}

// ---- GitHub Actions workflow commands ----------------------------------------

/** Message text of a workflow command: %, CR and LF escaped. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command: also : and , escaped. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(kind: 'error' | 'warning' | 'notice', props: Record<string, string | number | undefined>, message: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${kind}${p ? ` ${p}` : ''}::${escapeData(message)}`;
}

export function formatGithub(report: CheckReport): string {
  const out: string[] = [];
  const office = report.office ? ` ${report.office}` : '';
  for (const p of report.problems) {
    const message = `${p.field ? `${p.field}: ` : ''}${p.message}`;
    out.push(
      command(p.severity === 'error' ? 'error' : 'warning', { file: p.file, line: p.line, title: `rota check${office} 记录问题` }, message),
    );
  }
  const j = report.judgement;
  if (j) {
    const where = new Map(report.leaders.map((l) => [leaderKey(l), l.source]));
    const without = new Set(j.summary.withoutRecords.map((w) => leaderKey(w)));
    for (const r of j.results.filter(isViolation)) {
      const key = leaderKey(r);
      const src = where.get(key);
      const note = without.has(key) ? '（无任何记录 no record at all）' : '';
      const rule = report.rules.find((x) => x.id === r.rule);
      out.push(
        command(
          'error',
          { file: src?.file, line: src?.line, title: `rota check${office} ${r.rule}` },
          `${leaderLabel(r)}: ${violationText(r)}${note} — ${rule?.description ?? r.rule}`,
        ),
      );
    }
    for (const v of report.slots ?? [])
      out.push(command('error', { file: v.source?.file, line: v.source?.line, title: `rota check${office} ${v.rule}` }, v.message));
    out.push(`${report.office ? `${report.office}: ` : ''}${summaryLine(j)}`);
  }
  return `${out.join('\n')}\n`;
}

/** An office a batch could not check (bad input, rota's bug), as one failed suite or one error annotation. */
export function failedOffice(format: 'junit' | 'github', office: string, reason: string): string {
  if (format === 'github') return `${command('error', { title: `rota check ${office}` }, reason)}\n`;
  const failure = `      <failure${attrs({ type: 'input', message: reason })}/>`;
  const suite = `  <testsuite${attrs({ name: `${office} · 输入 input`, tests: 1, failures: 1, errors: 0, skipped: 0 })}>\n    <testcase${attrs({ classname: office, name: 'rota.json' })}>\n${failure}\n    </testcase>\n  </testsuite>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name: 'rota check', tests: 1, failures: 1 })}>\n${suite}\n</testsuites>\n`;
}

/** Offices' JUnit documents (formatJunit's, failedOffice's) as one: every suite, the counts summed. */
export function joinJunit(documents: string[]): string {
  let tests = 0;
  let failures = 0;
  const suites = documents.map((d) => {
    const head = /<testsuites name="[^"]*" tests="(\d+)" failures="(\d+)">\n/.exec(d)!;
    tests += +head[1];
    failures += +head[2];
    return d.slice(head.index + head[0].length, d.lastIndexOf('</testsuites>')).replace(/^\n$/, '');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name: 'rota check --batch', tests, failures })}>\n${suites.join('')}</testsuites>\n`;
}

export function formatCheck(format: CheckFormat, report: CheckReport, painter: Painter): string {
  switch (format) {
    case 'text':
      return formatText(report, painter);
    case 'json':
      return formatJson(report);
    case 'junit':
      return formatJunit(report);
    case 'github':
      return formatGithub(report);
  }
}
