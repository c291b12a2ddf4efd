// rota diff: the change notice between two timetables — one line per changed day, as text, JSON or
// the short HTML notice (接访安排调整公告) the webmaster posts beside the page.
import type { Command } from 'commander';
import { say } from '../core/messages.js';
import { slotSessions } from '../core/slots.js';
import { type CommonOptions, collect, loadContext } from './context.js';
import { Exit, reportProblems } from './exit.js';
import { writeOut } from './output.js';

interface DiffOptions extends CommonOptions {
  format: string;
  leaders?: string[];
}

const FORMATS = ['text', 'json', 'html'];

export function registerDiff(cmd: Command): void {
  cmd
    .argument('<old>', '原时间表 the published timetable CSV')
    .argument('<new>', '新时间表 the new timetable CSV')
    .option('--format <fmt>', `输出格式 ${FORMATS.join(' | ')}`, 'text')
    .option('-c, --config <file>', '配置文件 configuration (title, window, office and contact for the notice)')
    .option(
      '--leaders <file>',
      '领导名单（几个名单就写几次 --leaders）leader list, repeatable, to fill in 职务 when a timetable leaves it empty',
      collect,
    )
    .action(async (oldFile: string, newFile: string, opts: DiffOptions) => {
      if (!FORMATS.includes(opts.format))
        throw new Exit(2, say('option.choice', { option: '--format', choices: FORMATS, got: opts.format }));
      const { config } = loadContext(opts, opts.leaders?.length ? { leaders: opts.leaders } : {});
      const [{ loadLeaders, readTimetable }, { diffTimetables }, notice] = await Promise.all([
        import('../io/load.js'),
        import('../core/replan/diff.js'),
        import('../io/notice.js'),
      ]);
      const { leaders, problems } = config.leaders.length ? loadLeaders(config.leaders, config) : { leaders: [], problems: [] };
      const sessions = slotSessions(config.slots);
      const a = readTimetable(oldFile, leaders, config.institutions, { sessions });
      const b = readTimetable(newFile, leaders, config.institutions, { sessions });
      reportProblems([...problems, ...a.problems, ...b.problems]);
      const changes = diffTimetables(a.duties, b.duties);
      const render = opts.format === 'json' ? notice.noticeJson : opts.format === 'html' ? notice.noticeHtml : notice.noticeText;
      writeOut(render(changes, { config }));
    });
}
