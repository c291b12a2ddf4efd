import type { Command } from 'commander';
import { formatDateList } from '../core/date-list.js';
import { say } from '../core/messages.js';
import { addCommonOptions, type CommonOptions, loadContext } from './context.js';
import { Exit, reportProblems } from './exit.js';
import { writeOut } from './output.js';
import { paint } from './style.js';

export function registerLeaders(cmd: Command): void {
  addCommonOptions(
    cmd
      .argument('[files...]', "领导名单 CSV 文件（每个单位一个也可以）；默认为配置中的 leader lists; default: the configuration's")
      .option('--json', '以 JSON 输出（供其他程序读取） JSON on stdout'),
    // --from/--to give a year to 不可接访日期 written without one; the calendar plays no part here.
    { calendar: false },
  ).action(async (files: string[], opts: CommonOptions & { json?: boolean }) => {
    const { config } = loadContext(opts, files.length ? { leaders: files } : {});
    const { loadLeaders } = await import('../io/load.js');
    if (config.leaders.length === 0) throw new Exit(2, say('input.none', { what: '领导名单' }));
    const { leaders, problems } = loadLeaders(config.leaders, config);
    reportProblems(problems);
    if (opts.json) {
      const out = leaders.map(({ source: _s, ...l }) => l);
      writeOut(`${JSON.stringify(out, null, 2)}\n`);
      return;
    }
    const c = paint();
    let current = '';
    for (const l of leaders) {
      if (l.institution !== current) {
        current = l.institution;
        writeOut(c.bold(`${current}\n`));
      }
      const away = l.unavailable.length ? c.dim(`  不可接访 ${formatDateList(l.unavailable)}`) : '';
      writeOut(`  ${l.name}  ${l.title}  ${l.rank}  分管：${l.portfolio || '—'}${away}\n`);
    }
    const inst = new Set(leaders.map((l) => l.institution)).size;
    writeOut(`共 ${leaders.length} 名领导，${inst} 个单位（${config.leaders.length} 个文件）\n`);
  });
}
