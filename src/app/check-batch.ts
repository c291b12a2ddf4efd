// rota check --batch: every office folder under one folder (those `rota plan --batch` reads), its
// records (the configuration's history) checked as `rota check -c OFFICE/rota.json` would. One office
// per call, never throwing: src/cli/batch.ts spreads the calls over worker threads.
import { join } from 'node:path';
import { problem } from '../core/messages.js';
import { formatProblem } from '../core/problems.js';
import { writeAllOrNone } from '../io/atomic-write.js';
import { type CheckFormat, formatCheck, isViolation, PLAIN } from '../io/check-format.js';
import { loadConfig } from '../io/config-file.js';
import { because } from './batch.js';
import { checkRecords, loadCheckSetup } from './check.js';

/** ok; short: a leader misses a quota (exit 1); bad-input: a file is wrong or cannot be written (exit 2); failed: rota's own bug (exit 70). */
export type CheckStatus = 'ok' | 'short' | 'bad-input' | 'failed';

export interface OfficeCheck {
  /** The office's folder name. */
  office: string;
  preset: string;
  status: CheckStatus;
  leaders: number;
  /** Records counted in the checked range. */
  records: number;
  /** Leaders with at least one period short of (or over) its quota. */
  short: number;
  /** Why the office is not ok: its first problem, or its first leader short. */
  reason?: string;
  ms: number;
}

export interface BatchCheckOptions {
  from?: string;
  to?: string;
  lenient?: boolean;
  /** Write each office's check, as `rota check --format FORMAT` prints it, to OUT/<office>/check.(txt|json|xml). */
  out?: string;
  format?: CheckFormat;
}

const EXTENSIONS: Record<CheckFormat, string> = { text: 'txt', json: 'json', junit: 'xml', github: 'txt' };

/** Checks the records of the office in `dir/office`; never throws. */
export async function checkOffice(dir: string, office: string, o: BatchCheckOptions = {}): Promise<OfficeCheck> {
  const t0 = performance.now();
  let preset = '';
  let leaders = 0;
  const summary = (s: Omit<OfficeCheck, 'office' | 'ms' | 'preset' | 'leaders' | 'records' | 'short'> & Partial<OfficeCheck>) => ({
    office,
    preset,
    leaders,
    records: 0,
    short: 0,
    ...s,
    ms: performance.now() - t0,
  });
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
    const format = o.format ?? 'text';
    const checked = await checkRecords(setup, config.history, {
      from: o.from,
      to: o.to,
      keepRecords: format === 'json',
      lenient: o.lenient,
    });
    const judgement = checked.judgement?.problems.length ? undefined : checked.judgement;
    if (o.out) {
      // The check as the single command gives it: the problems it prints on stderr, then its output.
      const report = { judgement, problems: checked.problems, rules: setup.rules, leaders: setup.leaders, omitted: checked.omitted };
      const problemLines = format === 'text' ? checked.problems.map((p) => `${formatProblem(p)}\n`).join('') : '';
      writeAllOrNone(join(o.out, office), [
        { path: `check.${EXTENSIONS[format]}`, content: problemLines + formatCheck(format, report, PLAIN) },
      ]);
    }
    if (!judgement) return summary({ status: 'bad-input', reason: because(checked.problems) });
    const bad = judgement.results.filter(isViolation);
    const short = new Set(bad.map((r) => `${r.name}\u0000${r.institution}`)).size;
    const s = judgement.summary;
    return summary({
      status: s.compliant ? 'ok' : 'short',
      records: s.records,
      short,
      ...(bad.length ? { reason: `${bad[0].name}（${bad[0].institution}）${bad[0].reason ?? ''}` } : {}),
    });
  } catch (e) {
    const write = (e as Error).name === 'WriteError';
    return summary({ status: write ? 'bad-input' : 'failed', reason: (e as Error).message });
  }
}

/** The batch's exit code: 70 if rota failed on an office, else 2 if any input is bad, else 1 if any leader is short. */
export function checkBatchExitCode(results: OfficeCheck[]): number {
  const has = (s: CheckStatus) => results.some((r) => r.status === s);
  return has('failed') ? 70 : has('bad-input') ? 2 : has('short') ? 1 : 0;
}
