import type { Command } from 'commander';
import { type DutyDayList, dutyDayList } from '../app/calendar.js';
import type { Config } from '../core/config.js';
import { weekdayName } from '../core/dates.js';
import { regions } from '../core/holidays/regions.js';
import { moveText } from '../core/patterns.js';
import type { DayInfo } from '../core/types.js';
import { addCommonOptions, type CommonOptions, loadContext } from './context.js';
import { reportProblems } from './exit.js';
import { writeOut } from './output.js';
import { paint } from './style.js';

type CalendarOptions = CommonOptions & { json?: boolean; pattern?: string };

export function registerCalendar(cmd: Command): void {
  addCommonOptions(
    cmd
      .option('--json', '以 JSON 输出（供其他程序读取） JSON on stdout')
      .option(
        '--pattern <text>',
        '列出这种写法的接访日，如 "每月15日（遇节假日顺延）"；不写时用配置中的 pattern list the duty days of a pattern (docs/patterns.md)',
      ),
  ).action((opts: CalendarOptions) => {
    const { config, calendar, holidays, warnings } = loadContext(opts);
    reportProblems(warnings);
    const text = opts.pattern ?? config.pattern;
    if (text !== undefined) {
      const { list, problems } = dutyDayList(config, holidays, text, opts.pattern !== undefined ? '--pattern' : 'pattern');
      reportProblems(problems);
      return printPattern(
        config,
        list!,
        opts,
        warnings.map((w) => w.message),
      );
    }
    const days = calendar.days(config.from, config.to);
    const workingDays = days.filter((d) => d.working).map((d) => ({ date: d.date, weekday: d.weekday, makeup: d.makeup }));
    const excluded = days.filter((d) => !d.working).map((d) => ({ date: d.date, weekday: d.weekday, reason: d.reason! }));
    if (opts.json) {
      const out = {
        from: config.from,
        to: config.to,
        region: config.region,
        workingDays,
        excluded,
        warnings: warnings.map((w) => w.message),
      };
      writeOut(`${JSON.stringify(out, null, 2)}\n`);
      return;
    }
    const c = paint();
    writeOut(regionLine(config, opts));
    for (const d of days) writeOut(dayLine(d, c));
    writeOut(
      `${config.from} 至 ${config.to}：工作日 ${workingDays.length} 天，休息 ${excluded.length} 天` +
        `${workingDays.some((d) => d.makeup) ? `（含调休上班 ${workingDays.filter((d) => d.makeup).length} 天）` : ''}\n`,
    );
  });
}

function regionLine(config: Config, opts: CommonOptions): string {
  const region = regions[config.region];
  const from = opts.config ?? '内置默认（种子轮次） the built-in seed round';
  return (
    `地区 region: ${region.label}（${config.region}${region.holidays ? `：全国节假日加${region.holidays}` : '：全国节假日'}），按 ${from}` +
    `${config.holidays ? `，并按 ${config.holidays} 调整` : ''}\n`
  );
}

function dayLine(d: DayInfo, c: ReturnType<typeof paint>): string {
  if (d.working) return `${d.date} ${d.weekday} 工作日${d.makeup ? c.yellow(`（${d.reason}调休上班）`) : ''}\n`;
  return `${c.dim(`${d.date} ${d.weekday} 休息：${d.reason}`)}\n`;
}

/** The pattern's duty days, each moved one with where it came from, then the days dropped. */
function printPattern(config: Config, list: DutyDayList, opts: CalendarOptions, warnings: string[]): void {
  const moved = list.days.filter((d) => d.moved);
  if (opts.json) {
    const out = {
      from: config.from,
      to: config.to,
      region: config.region,
      pattern: list.pattern.text,
      holidayRule: list.rule,
      dutyDays: list.days.map((d) => ({
        date: d.date,
        weekday: weekdayName(d.date),
        ...(d.moved ? { movedFrom: d.moved.from, movedBecause: d.moved.reason, rule: d.moved.rule } : {}),
      })),
      dropped: list.dropped.map((d) => ({
        date: d.date,
        weekday: weekdayName(d.date),
        reason: d.reason,
        rule: d.rule,
        ...(d.into ? { mergedInto: d.into } : {}),
      })),
      warnings,
    };
    writeOut(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  const c = paint();
  writeOut(regionLine(config, opts));
  writeOut(`接访日 duty days：${list.pattern.text}；遇节假日 on a day off：${list.rule}\n`);
  for (const d of list.days) writeOut(`${d.date} ${weekdayName(d.date)}${d.moved ? c.yellow(`  ← ${moveText(d)}`) : ''}\n`);
  for (const d of list.dropped) writeOut(`${c.dim(`${d.into ? '合并 merged' : '不安排 dropped'}：${moveText(d)}`)}\n`);
  const merged = list.dropped.filter((d) => d.into).length;
  const count = (rule: string) => moved.filter((d) => d.moved!.rule === rule).length;
  const parts = [
    count('顺延') ? `顺延 ${count('顺延')} 天` : '',
    count('提前') ? `提前 ${count('提前')} 天` : '',
    merged ? `合并 ${merged} 天` : '',
    list.dropped.length > merged ? `不安排 ${list.dropped.length - merged} 天` : '',
  ].filter(Boolean);
  writeOut(
    `${config.from} 至 ${config.to}：接访日 ${list.days.length} 天${parts.length ? `（${parts.join('，')}）` : ''}` +
      ` ${list.days.length} duty day${list.days.length === 1 ? '' : 's'}\n`,
  );
}
