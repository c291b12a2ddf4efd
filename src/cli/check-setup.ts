// What `rota check` and `rota report` both need: configuration, calendar, leaders, rules, leaves.
import type { Command } from 'commander';
import type { Calendar } from '../core/calendar.js';
import type { Leave } from '../core/check/index.js';
import type { Config } from '../core/config.js';
import { inCalendarYears, isIsoDate } from '../core/dates.js';
import { say } from '../core/messages.js';
import type { Leader, Problem, Rule } from '../core/types.js';
import { addCommonOptions, type CommonOptions, collect, loadContext } from './context.js';
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

export interface CheckSetup {
  config: Config;
  calendar: Calendar;
  leaders: Leader[];
  rules: Rule[];
  leaves: Leave[];
}

/** Loads everything but the records; bad input stops with exit 2 and every problem listed. */
export async function prepareCheck(opts: CheckOptions, dates: { from?: string; to?: string }): Promise<CheckSetup> {
  for (const [k, v] of Object.entries(dates)) {
    if (v !== undefined && !isIsoDate(v)) throw new Exit(2, say('option.date', { option: `--${k}`, got: v }));
    if (v !== undefined && !inCalendarYears(v)) throw new Exit(2, `--${k}: ${say('date.out-of-years', { text: v })}`);
  }
  const { config, calendar } = loadContext({ ...opts, from: undefined, to: undefined }, {});
  const { loadLeaders } = await import('../io/load.js');
  const { loadRules, loadLeaves } = await import('../io/check-input.js');
  const files = opts.leaders ?? config.leaders;
  if (files.length === 0) throw new Exit(2, say('input.none', { what: '领导名单' }));
  const problems: Problem[] = [];
  let rules = config.rules;
  if (opts.rules) {
    const r = loadRules(opts.rules);
    problems.push(...r.problems);
    if (r.rules) rules = r.rules;
  }
  const { leaders, problems: lp } = loadLeaders(files, config);
  problems.push(...lp);
  reportProblems(problems);
  let leaves: Leave[] = [];
  if (opts.leaves) {
    const l = loadLeaves(opts.leaves, leaders, config.institutions);
    reportProblems(l.problems);
    leaves = l.leaves;
  }
  return { config, calendar, leaders, rules, leaves };
}
