import { dirname } from 'node:path';
import type { Command } from 'commander';
import { windowProblems } from '../core/config.js';
import { say } from '../core/messages.js';
import { slotSessions } from '../core/slots.js';
import { addCommonOptions, addOutputOptions, type CommonOptions, collect, loadContext } from './context.js';
import { Exit, reportProblems } from './exit.js';
import { reportWritten, writeOut } from './output.js';

interface RenderOptions extends CommonOptions {
  out: string;
  leaders?: string[];
  encoding: 'utf-8' | 'gb18030';
  icsPerLeader?: boolean;
  today?: string;
  fixFromLeaders?: boolean;
}

export function registerRender(cmd: Command): void {
  addCommonOptions(
    addOutputOptions(
      cmd
        .argument('<timetable>', '接访时间表 timetable CSV (日期, 星期, 类型, 单位, 姓名, 职务, 分管工作, 地点)')
        .requiredOption('-o, --out <dir>', '输出文件夹 output folder')
        .option('--leaders <file>', "领导名单 leader list CSV (repeatable); default: the configuration's leaders", collect)
        .option(
          '--fix-from-leaders',
          '职务、分管工作与领导名单不符时按名单改正（逐格警告）take 职务 and 分管工作 from the leader list, a warning per cell',
        )
        .option('--today <date>', '发布日期（调整公告和网页上的日期）date of this re-publication; default: today in Beijing time'),
    ),
  ).action(async (file: string, opts: RenderOptions) => {
    const { config, calendar, warnings } = loadContext(opts, opts.leaders?.length ? { leaders: opts.leaders } : {});
    reportProblems(windowProblems(config, opts.config));
    if (config.leaders.length === 0) {
      throw new Exit(2, say('input.none', { what: '领导名单' }));
    }
    const { loadLeaders } = await import('../io/load.js');
    const { readTimetable } = await import('../io/load.js');
    const { ruleBreaks } = await import('../app/publish.js');
    const { violationProblems } = await import('./violations.js');
    const { problem } = await import('../core/messages.js');
    const { leaders, problems: leaderProblems } = loadLeaders(config.leaders, config);
    reportProblems([...warnings, ...leaderProblems]);
    const { recoverPublished } = await import('../app/publish-out.js');
    await recoverPublished([opts.out, dirname(file)]);
    const read = readTimetable(file, leaders, config.institutions, {
      reconcile: opts.fixFromLeaders ? 'fix' : 'error',
      sessions: slotSessions(config.slots),
    });
    const problems = [...read.problems];
    if (!problems.length && read.entries.length === 0) {
      problems.push(problem('timetable.empty', {}, { file }));
    }
    // The planner's own hard rules judge the hand-edited table; a partial table is judged as far as it goes.
    problems.push(...violationProblems(ruleBreaks({ config, calendar, leaders }, read.duties), file));
    reportProblems(problems);
    // The --out folder's publication says what the calendars last had (else the timetable.json beside the
    // CSV): then the edit is a re-publication (raised SEQUENCE, cancelled events, a dated change notice).
    const [{ publishTimetable }, { readPublishedState }, { todayOption }] = await Promise.all([
      import('../app/publish-commands.js'),
      import('../io/published-state.js'),
      import('./today.js'),
    ]);
    const duties = read.duties.map(({ source: _s, ...d }) => d);
    const beside = () => {
      const s = readPublishedState(file, duties, config).state;
      return s.file ? s : undefined;
    };
    const options = { today: todayOption(opts.today), encoding: opts.encoding, icsPerLeader: opts.icsPerLeader };
    const r = await publishTimetable('render', opts.out, { config, calendar }, duties, beside, options);
    reportProblems(r.problems);
    if (r.publication?.entry.number && r.publication.entry.number > 1 && r.publication.changes.length === 0)
      writeOut('本次无调整 nothing changed since the last publication\n');
    const written = r.written;
    const days = new Set(read.duties.map((d) => d.date)).size;
    writeOut(`已校验 ${read.duties.length} 条安排（${days} 天，${config.from} 至 ${config.to}） checked ${read.duties.length} duties\n`);
    reportWritten(written);
  });
}
