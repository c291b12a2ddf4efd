// Loading what every command needs: the configuration with command-line overrides, and the calendar.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { roundCalendar } from '../app/calendar.js';
import type { Calendar } from '../core/calendar.js';
import type { Config } from '../core/config.js';
import type { Problem } from '../core/types.js';
import { loadConfig } from '../io/config-file.js';
import { officeFieldProblems } from '../io/config-parse.js';
import { readBytes } from '../io/read-file.js';
import { reportProblems } from './exit.js';
import { writeErr } from './output.js';

export interface CommonOptions {
  config?: string;
  from?: string;
  to?: string;
  region?: string;
  holidays?: string;
}

/** -c, --from, --to and, for commands that use the calendar, --region and --holidays. */
export function addCommonOptions(cmd: Command, { calendar = true } = {}): Command {
  cmd
    .option(
      '-c, --config <file>',
      '配置文件；不写时用当前文件夹的 rota.json，没有则用内置的种子轮次 configuration file; default: ./rota.json, else the seed round',
    )
    .option('--from <date>', '起始日期 first day, YYYY-MM-DD')
    .option('--to <date>', '结束日期 last day, YYYY-MM-DD');
  if (!calendar) return cmd;
  return cmd
    .option(
      '--region <id>',
      "地区 national | xinjiang；默认为配置中的，种子为 xinjiang（加肉孜节、古尔邦节） region for regional holidays; default: the configuration's, the seed's xinjiang",
    )
    .option('--holidays <file>', '节假日覆盖文件 holidays override CSV (日期, 类型, 名称)');
}

/** Command-line values win over the file; undefined ones are left out. */
export function overridesFrom(opts: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (opts[k] !== undefined) out[k] = opts[k];
  return out;
}

/** Without -c, ./rota.json when the folder has one; said on stderr so the clerk knows which file ruled. */
export function useFolderConfig(opts: CommonOptions): void {
  if (opts.config !== undefined || !existsSync('rota.json')) return;
  opts.config = 'rota.json';
  writeErr('使用当前文件夹的配置文件 rota.json (using ./rota.json)\n');
}

export function loadContext(
  opts: CommonOptions,
  extra: Record<string, unknown> = {},
): { config: Config; calendar: Calendar; holidays: Calendar; warnings: Problem[] } {
  useFolderConfig(opts);
  const { config, problems, seedFields } = loadConfig(opts.config, {
    ...overridesFrom(opts as Record<string, unknown>, ['from', 'to', 'region', 'holidays']),
    ...extra,
  });
  // Publishing (--out): a configuration with the seed's office fields is refused.
  reportProblems([...problems, ...((opts as { out?: string }).out ? officeFieldProblems(seedFields, opts.config) : [])]);
  const cfg = config!;
  const { calendar, holidays, problems: holidayProblems, unknownYears } = roundCalendar(cfg, readBytes);
  reportProblems(holidayProblems);
  return { config: cfg, calendar, holidays, warnings: unknownYears };
}

/** A repeatable option's values, in the order given (--leaders a.csv --leaders b.csv). */
export const collect = (v: string, prev: string[] | undefined) => [...(prev ?? []), v];

/** The options of every command that plans a round: its lists, the tie-break seed, best effort, JSON. */
export function addRoundOptions(cmd: Command): Command {
  return cmd
    .option('--leaders <file>', "领导名单 leader list CSV (repeatable); default: the configuration's", collect)
    .option(
      '--history <file>',
      "已有接访记录 duty records so far, timetable CSV format (repeatable); default: the configuration's",
      collect,
    )
    .option('--seed <n>', '决定同等方案取舍的种子 tie-break seed (whole number)')
    .option('--best-effort', '无完全合规方案时，输出违反规则最少的方案 write the plan breaking the fewest hard rules')
    .option('--json', '以 JSON 输出（供其他程序读取） JSON on stdout');
}

/** --encoding and --ics-per-leader, for every command that writes the published files. */
export function addOutputOptions(cmd: Command, encodingDefault: string | undefined = 'utf-8'): Command {
  const encoding = cmd
    .createOption('--encoding <enc>', 'timetable.csv 编码 encoding: utf-8 (with BOM) | gb18030')
    .choices(['utf-8', 'gb18030']);
  return cmd
    .addOption(encodingDefault ? encoding.default(encodingDefault) : encoding)
    .option('--ics-per-leader', '每名领导另写一个日历 also write ics/<姓名>.ics per leader for the liaison');
}
