import type { Command } from 'commander';
import { regions } from '../core/holidays/regions.js';
import { addCommonOptions, type CommonOptions, loadContext } from './context.js';
import { reportProblems } from './exit.js';
import { writeOut } from './output.js';
import { paint } from './style.js';

export function registerCalendar(cmd: Command): void {
  addCommonOptions(cmd.option('--json', '以 JSON 输出（供其他程序读取） JSON on stdout')).action(
    (opts: CommonOptions & { json?: boolean }) => {
      const { config, calendar, warnings } = loadContext(opts);
      reportProblems(warnings);
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
      const region = regions[config.region];
      const from = opts.config ?? '内置默认（种子轮次） the built-in seed round';
      writeOut(
        `地区 region: ${region.label}（${config.region}${region.holidays ? `：全国节假日加${region.holidays}` : '：全国节假日'}），按 ${from}` +
          `${config.holidays ? `，并按 ${config.holidays} 调整` : ''}\n`,
      );
      for (const d of days) {
        if (d.working) writeOut(`${d.date} ${d.weekday} 工作日${d.makeup ? c.yellow(`（${d.reason}调休上班）`) : ''}\n`);
        else writeOut(c.dim(`${d.date} ${d.weekday} 休息：${d.reason}`) + '\n');
      }
      writeOut(
        `${config.from} 至 ${config.to}：工作日 ${workingDays.length} 天，休息 ${excluded.length} 天` +
          `${workingDays.some((d) => d.makeup) ? `（含调休上班 ${workingDays.filter((d) => d.makeup).length} 天）` : ''}\n`,
      );
    },
  );
}
