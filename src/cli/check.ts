import type { Command } from 'commander';
import { FIRST_YEAR, LAST_YEAR } from '../core/dates.js';
import { say } from '../core/messages.js';
import { addCheckOptions, type CheckOptions, checkDates, prepareCheck } from './check-setup.js';
import { Exit, printProblems } from './exit.js';
import { writeOut } from './output.js';

const FORMATS = ['text', 'json', 'junit', 'github'];

export function registerCheck(cmd: Command): void {
  addCheckOptions(
    cmd
      .argument('[records...]', "记录 CSV files (日期, 类型, 单位, 姓名, …); default: the configuration's history")
      .option('--year <yyyy>', '检查整年 check one calendar year (same as --from YYYY-01-01 --to YYYY-12-31)')
      .option('--format <format>', `输出格式 output format: ${FORMATS.join(' | ')}`, 'text')
      .option(
        '--detail',
        'JSON 中列出每一项评判（默认只列合计和不合规项）with --format json: every judged entry, not only totals and violations',
      )
      .option(
        '--batch <dir>',
        '批量：检查 DIR 下每个含 rota.json 的单位文件夹的记录（其配置的 history），用全部 CPU 核 check the records of every office folder under DIR on all cores',
      )
      .option(
        '--out <dir>',
        "与 --batch 同用：每个单位的检查结果写到 OUT/<单位>/check.txt|json|xml with --batch: each office's check in OUT/<office>/",
      ),
  ).action(async (records: string[], opts: CheckOptions & { format: string; batch?: string; out?: string; detail?: boolean }) => {
    if (!FORMATS.includes(opts.format)) throw new Exit(2, say('option.choice', { option: '--format', choices: FORMATS, got: opts.format }));
    if (opts.year !== undefined && !/^\d{4}$/.test(opts.year)) throw new Exit(2, say('option.year', { option: '--year', got: opts.year }));
    if (opts.year !== undefined && (+opts.year < FIRST_YEAR || +opts.year > LAST_YEAR))
      throw new Exit(2, `--year: ${say('date.out-of-years', { text: opts.year })}`);
    if (opts.year !== undefined && (opts.from || opts.to))
      throw new Exit(2, say('option.conflict', { option: '--year', other: '--from/--to' }));
    const from = opts.year ? `${opts.year}-01-01` : opts.from;
    const to = opts.year ? `${opts.year}-12-31` : opts.to;
    if (opts.out && !opts.batch) throw new Exit(2, '选项 --out 只能与 --batch 同用 (--out goes with --batch)');
    if (opts.batch) {
      // Each office's own configuration names its lists and records.
      const own = (['config', 'leaders', 'rules', 'leaves', 'region', 'holidays'] as const).filter((k) => opts[k] !== undefined);
      if (records.length || own.length)
        throw new Exit(
          2,
          say('option.conflict', {
            option: '--batch',
            other: [...(records.length ? ['记录 records'] : []), ...own.map((k) => `--${k}`)].join(', '),
          }),
        );
      checkDates({ from, to });
      const { checkBatch } = await import('./batch.js');
      return checkBatch(opts.batch, { from, to, lenient: opts.lenient, out: opts.out, format: opts.format as 'text', detail: opts.detail });
    }
    const setup = await prepareCheck(opts, { from, to });
    const files = records.length ? records : setup.config.history;
    if (files.length === 0) throw new Exit(2, say('input.none', { what: '接访记录' }));
    const { checkRecords } = await import('../app/check.js');
    const { formatCheck } = await import('../io/check-format.js');
    const { paint } = await import('./style.js');
    const format = opts.format as 'text' | 'json' | 'junit' | 'github';
    const { problems, judgement, omitted, slots } = await checkRecords(setup, files, {
      from,
      to,
      keepRecords: format === 'json' && Boolean(opts.detail),
      lenient: opts.lenient,
    });
    const report = {
      judgement: judgement?.problems.length ? undefined : judgement,
      problems,
      rules: setup.rules,
      leaders: setup.leaders,
      omitted,
      detail: opts.detail,
      slots,
    };
    printProblems(problems, omitted);
    if (format === 'json') {
      const { jsonChunks } = await import('../io/check-format.js');
      for (const piece of jsonChunks(report)) writeOut(piece);
    } else writeOut(formatCheck(format, report, paint()));
    if (problems.some((p) => p.severity === 'error')) {
      const n = problems.filter((p) => p.severity === 'error').length + (opts.lenient ? 0 : omitted);
      throw new Exit(
        2,
        `输入有 ${n} 个错误，未作检查 (${n} error${n === 1 ? '' : 's'} in the input; nothing was judged${opts.lenient ? '' : '; --lenient makes record problems warnings'})`,
      );
    }
    if (!report.judgement!.summary.compliant) throw new Exit(1);
  });
}
