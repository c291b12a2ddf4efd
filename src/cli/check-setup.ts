// What `rota check` and `rota report` both need: configuration, calendar, leaders, rules, leaves.
import type { Command } from 'commander';
import type { CheckSetup } from '../app/check.js';
import { inCalendarYears, isIsoDate } from '../core/dates.js';
import { say } from '../core/messages.js';
import { loadConfig } from '../io/config-file.js';
import { addCommonOptions, type CommonOptions, collect, overridesFrom, useFolderConfig } from './context.js';
import { Exit, reportProblems } from './exit.js';

export interface CheckOptions extends CommonOptions {
  leaders?: string[];
  rules?: string;
  leaves?: string;
  lenient?: boolean;
  year?: string;
}

export function addCheckOptions(cmd: Command): Command {
  return addCommonOptions(
    cmd
      .option('--leaders <file>', "领导名单 leader list CSV (repeat for several); default: the configuration's leaders", collect)
      .option(
        '--rules <file>',
        '规则文件：配置文件或 {"rules": [...]}；默认为配置中的规则 rules: a configuration JSON or {"rules": [...]}; default: the configuration\'s rules',
      )
      .option('--leaves <file>', '请假文件 leaves CSV (姓名, 开始, 结束, 事由)')
      .option('--lenient', '记录问题仅作警告 record problems are warnings, and checking goes on'),
  );
}

/** Loads everything but the records; bad input stops with exit 2 and every problem listed. */
export async function prepareCheck(opts: CheckOptions, dates: { from?: string; to?: string }): Promise<CheckSetup> {
  checkDates(dates);
  useFolderConfig(opts);
  const { config, problems } = loadConfig(opts.config, overridesFrom(opts as Record<string, unknown>, ['region', 'holidays']));
  reportProblems(problems);
  const { loadCheckSetup } = await import('../app/check.js');
  const loaded = loadCheckSetup(config!, { leaders: opts.leaders, rules: opts.rules, leaves: opts.leaves });
  reportProblems(loaded.problems);
  return loaded.setup!;
}

/** --from and --to (or --year's) must be dates in the calendar's years. */
export function checkDates(dates: { from?: string; to?: string }): void {
  for (const [k, v] of Object.entries(dates)) {
    if (v !== undefined && !isIsoDate(v)) throw new Exit(2, say('option.date', { option: `--${k}`, got: v }));
    if (v !== undefined && !inCalendarYears(v)) throw new Exit(2, `--${k}: ${say('date.out-of-years', { text: v })}`);
  }
}
