import type { Command } from 'commander';
import { FIRST_YEAR, LAST_YEAR } from '../core/dates.js';
import { say } from '../core/messages.js';
import { addCheckOptions, type CheckOptions, prepareCheck } from './check-setup.js';
import { Exit } from './exit.js';

const FORMATS = ['text', 'json', 'junit', 'github'];

export function registerCheck(cmd: Command): void {
  addCheckOptions(
    cmd
      .argument('[records...]', "记录 CSV files (日期, 类型, 单位, 姓名, …); default: the configuration's history")
      .option('--year <yyyy>', '检查整年 check one calendar year (same as --from YYYY-01-01 --to YYYY-12-31)')
      .option('--format <format>', `输出格式 output format: ${FORMATS.join(' | ')}`, 'text'),
  ).action(async (records: string[], opts: CheckOptions & { format: string }) => {
    if (!FORMATS.includes(opts.format)) throw new Exit(2, say('option.choice', { option: '--format', choices: FORMATS, got: opts.format }));
    if (opts.year !== undefined && !/^\d{4}$/.test(opts.year)) throw new Exit(2, say('option.year', { option: '--year', got: opts.year }));
    if (opts.year !== undefined && (+opts.year < FIRST_YEAR || +opts.year > LAST_YEAR))
      throw new Exit(2, `--year: ${say('date.out-of-years', { text: opts.year })}`);
    if (opts.year !== undefined && (opts.from || opts.to))
      throw new Exit(2, say('option.conflict', { option: '--year', other: '--from/--to' }));
    const from = opts.year ? `${opts.year}-01-01` : opts.from;
    const to = opts.year ? `${opts.year}-12-31` : opts.to;
    const setup = await prepareCheck(opts, { from, to });
    const files = records.length ? records : setup.config.history;
    if (files.length === 0) throw new Exit(2, say('input.none', { what: '接访记录' }));
    const { createTally } = await import('../core/check/index.js');
    const { tallyRecordFiles } = await import('../io/check-input.js');
    const { formatCheck } = await import('../io/check-format.js');
    const { formatProblem } = await import('../core/problems.js');
    const { unknownYearWarnings } = await import('../app/calendar.js');
    const { paint } = await import('./style.js');
    const format = opts.format as 'text' | 'json' | 'junit' | 'github';
    const tally = createTally({
      leaders: setup.leaders,
      rules: setup.rules,
      calendar: setup.calendar,
      keepRecords: format === 'json',
      lenient: opts.lenient,
    });
    const read = await tallyRecordFiles(files, {
      leaders: setup.leaders,
      institutions: setup.config.institutions,
      tally,
      lenient: opts.lenient,
      fast: format !== 'json',
    });
    const problems = read.problems;
    const stopped = problems.some((p) => p.severity === 'error');
    const judgement = stopped ? undefined : tally.finish({ from, to, leaves: setup.leaves });
    if (judgement)
      problems.push(
        ...judgement.problems,
        ...unknownYearWarnings(setup.calendar, judgement.summary.from || from || '', judgement.summary.to || to || ''),
      );
    const report = {
      judgement: judgement?.problems.length ? undefined : judgement,
      problems,
      rules: setup.rules,
      leaders: setup.leaders,
      omitted: read.omitted,
    };
    for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
    if (read.omitted) process.stderr.write(`… 另有 ${read.omitted} 个问题未列出 (${read.omitted} more problems not shown)\n`);
    if (format === 'json') {
      const { jsonChunks } = await import('../io/check-format.js');
      for (const piece of jsonChunks(report)) process.stdout.write(piece);
    } else process.stdout.write(formatCheck(format, report, paint()));
    if (problems.some((p) => p.severity === 'error')) {
      const n = problems.filter((p) => p.severity === 'error').length + (opts.lenient ? 0 : read.omitted);
      throw new Exit(
        2,
        `输入有 ${n} 个错误，未作检查 (${n} error${n === 1 ? '' : 's'} in the input; nothing was judged${opts.lenient ? '' : '; --lenient makes record problems warnings'})`,
      );
    }
    if (!report.judgement!.summary.compliant) throw new Exit(1);
  });
}
