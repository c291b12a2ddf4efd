// rota check --batch: every office folder under one folder (those `rota plan --batch` reads), its
// records (the configuration's history) checked as `rota check -c OFFICE/rota.json` would. One office
// per call, never throwing: src/cli/batch.ts spreads the calls over worker threads.
import { join } from 'node:path';
import { calendarMade } from '../core/check/unavoidable.js';
import { problem } from '../core/messages.js';
import { rulesetOf } from '../core/presets.js';
import { formatProblem } from '../core/problems.js';
import { writeAllOrNone } from '../io/atomic-write.js';
import { type CheckFormat, failedOffice, formatCheck, isViolation, PLAIN, violationText } from '../io/check-format.js';
import { loadConfig } from '../io/config-file.js';
import { because, oneLine } from './batch.js';
import { checkRecords, loadCheckSetup } from './check.js';

/**
 * ok; short: a leader missed a quota the calendar left room for (exit 1); calendar: every shortfall is
 * one the calendar made unavoidable, holiday weeks (exit 1, as rota check); bad-input: a file is wrong
 * or cannot be written (exit 2); failed: rota's own bug (exit 70).
 */
export type CheckStatus = 'ok' | 'short' | 'calendar' | 'bad-input' | 'failed';

/** The statuses, most serious first: the order the summary groups offices in. */
export const CHECK_STATUSES: CheckStatus[] = ['failed', 'bad-input', 'short', 'calendar', 'ok'];

export interface OfficeCheck {
  /** The office's folder name. */
  office: string;
  preset: string;
  status: CheckStatus;
  leaders: number;
  /** Records counted in the checked range. */
  records: number;
  /** Leaders with at least one period short of (or over) its quota that the calendar left room for: missed duties. */
  short: number;
  /** Shortfalls (leader and period) the calendar made unavoidable: holiday weeks. */
  calendar: number;
  /** Why the office is not ok, in one short line: its first problem, or its first missed duty. */
  reason?: string;
  /** The office's check as `rota check --format junit|github` gives it, for the batch's own output in that format. */
  rendered?: string;
  ms: number;
}

export interface BatchCheckOptions {
  from?: string;
  to?: string;
  lenient?: boolean;
  /** Write each office's check, as `rota check --format FORMAT` prints it, to OUT/<office>/check.(txt|json|xml). */
  out?: string;
  format?: CheckFormat;
  /** JSON: every judged entry, as `rota check --detail`. */
  detail?: boolean;
}

const EXTENSIONS: Record<CheckFormat, string> = { text: 'txt', json: 'json', junit: 'xml', github: 'txt' };

/** Checks the records of the office in `dir/office`; never throws. */
export async function checkOffice(dir: string, office: string, o: BatchCheckOptions = {}): Promise<OfficeCheck> {
  const t0 = performance.now();
  let preset = '';
  let leaders = 0;
  const format = o.format ?? 'text';
  const summary = (s: Pick<OfficeCheck, 'status'> & Partial<OfficeCheck>): OfficeCheck => {
    const line = { office, preset, leaders, records: 0, short: 0, calendar: 0, ...s, ms: performance.now() - t0 };
    if (s.status === 'bad-input' || s.status === 'failed') return { ...line, rendered: renderedFailure(format, office, line.reason ?? '') };
    return line;
  };
  try {
    const { config, problems } = loadConfig(join(dir, office, 'rota.json'));
    if (!config) return summary({ status: 'bad-input', reason: because(problems) });
    preset = config.preset ?? 'district';
    const loaded = loadCheckSetup(config);
    if (!loaded.setup) return summary({ status: 'bad-input', reason: because(loaded.problems) });
    const setup = loaded.setup;
    leaders = setup.leaders.length;
    if (config.history.length === 0)
      return summary({ status: 'bad-input', reason: formatProblem(problem('input.none', { what: '接访记录' })) });
    const checked = await checkRecords(setup, config.history, {
      from: o.from,
      to: o.to,
      keepRecords: format === 'json' && Boolean(o.detail),
      lenient: o.lenient,
    });
    const judgement = checked.judgement?.problems.length ? undefined : checked.judgement;
    const report = {
      judgement,
      problems: checked.problems,
      rules: setup.rules,
      leaders: setup.leaders,
      omitted: checked.omitted,
      detail: o.detail,
      slots: checked.slots,
    };
    if (o.out) {
      // The check as the single command gives it: the problems it prints on stderr, then its output.
      const problemLines = format === 'text' ? checked.problems.map((p) => `${formatProblem(p)}\n`).join('') : '';
      writeAllOrNone(join(o.out, office), [
        { path: `check.${EXTENSIONS[format]}`, content: problemLines + formatCheck(format, report, PLAIN) },
      ]);
    }
    if (!judgement) return summary({ status: 'bad-input', reason: because(checked.problems) });
    const rendered = format === 'junit' || format === 'github' ? formatCheck(format, { ...report, office }, PLAIN) : undefined;
    const ruleset = rulesetOf(config);
    const made = calendarMade({
      calendar: setup.calendar,
      leaders: setup.leaders,
      rules: setup.rules,
      perDay: { 接访: ruleset.reception.max, 下访: ruleset.visits.max },
      from: judgement.summary.from,
      to: judgement.summary.to,
    });
    const bad = judgement.results.filter(isViolation);
    // Over a maximum is never the calendar's doing.
    const missed = bad.filter((r) => r.status === 'over' || !made(r));
    const short = new Set(missed.map((r) => `${r.name}\u0000${r.institution}`)).size;
    const s = judgement.summary;
    const top = missed[0] ?? bad[0];
    const label = missed.length ? '' : '（节假日所致 calendar）';
    // A record in the wrong slot or an empty slot (rota.json slots) is the office's, never the calendar's.
    const slot = checked.slots[0];
    return summary({
      status: s.compliant ? 'ok' : missed.length || slot ? 'short' : 'calendar',
      records: s.records,
      short,
      calendar: bad.length - missed.length,
      ...(top
        ? { reason: oneLine(`${top.name}（${top.institution}）${label}${violationText(top)}`) }
        : slot
          ? { reason: oneLine(slot.message) }
          : {}),
      ...(rendered ? { rendered } : {}),
    });
  } catch (e) {
    const write = (e as Error).name === 'WriteError';
    return summary({ status: write ? 'bad-input' : 'failed', reason: oneLine((e as Error).message) });
  }
}

/** An office that could not be checked, in the batch's junit or github output. */
function renderedFailure(format: CheckFormat, office: string, reason: string): string | undefined {
  return format === 'junit' || format === 'github' ? failedOffice(format, office, reason) : undefined;
}

/** The batch's exit code: 70 if rota failed on an office, else 2 if any input is bad, else 1 if any leader is short. */
export function checkBatchExitCode(results: OfficeCheck[]): number {
  const has = (s: CheckStatus) => results.some((r) => r.status === s);
  return has('failed') ? 70 : has('bad-input') ? 2 : has('short') || has('calendar') ? 1 : 0;
}
