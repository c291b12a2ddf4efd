import type { Command } from 'commander';
import { windowProblems } from '../core/config.js';
import { say } from '../core/messages.js';
import { addCommonOptions, addOutputOptions, type CommonOptions, collect, loadContext } from './context.js';
import { Exit, reportProblems } from './exit.js';
import { writeOut } from './output.js';

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
    const { buildContext, checkTimetable } = await import('../core/engine/index.js');
    const { violationProblems } = await import('./violations.js');
    const { problem } = await import('../core/messages.js');
    const { publishFiles } = await import('../io/publish.js');
    const { publishFolder } = await import('../io/publish-folder.js');
    const { leaders, problems: leaderProblems } = loadLeaders(config.leaders, config);
    reportProblems([...warnings, ...leaderProblems]);
    const read = readTimetable(file, leaders, config.institutions, { reconcile: opts.fixFromLeaders ? 'fix' : 'error' });
    const problems = [...read.problems];
    if (!problems.length && read.entries.length === 0) {
      problems.push(problem('timetable.empty', {}, { file }));
    }
    // The planner's own hard rules judge the hand-edited table; a partial table is judged as far as it goes.
    const ctx = buildContext({ config, days: calendar.days(config.from, config.to), leaders, calendar });
    problems.push(...violationProblems(checkTimetable(read.duties, ctx, { complete: false }), file));
    reportProblems(problems);
    const options = { encoding: opts.encoding, icsPerLeader: Boolean(opts.icsPerLeader) };
    // The --out folder's timetable.json says what the calendars last had (else the one beside the CSV): then
    // the edit is a re-publication (raised SEQUENCE, cancelled events, a dated change notice), as after rota swap.
    const publication = await import('../io/publication.js');
    const state = publication.lastPublication(opts.out, file, read.duties);
    reportProblems(state.problems);
    let files: import('../io/atomic-write.js').OutFile[];
    if (state.state.file) {
      const [{ republishFiles }, { diffTimetables }, { parseDate }, { todayInChina }] = await Promise.all([
        import('../io/republish.js'),
        import('../core/replan/diff.js'),
        import('../core/dates.js'),
        import('./today.js'),
      ]);
      const today = opts.today === undefined ? todayInChina() : parseDate(opts.today);
      if (!today) throw new Exit(2, say('option.date', { option: '--today', got: opts.today ?? '' }));
      const changes = diffTimetables(state.state.duties, read.duties);
      // The page shows the date of this publication.
      const dated = { ...config, published: config.published && config.published > today ? config.published : today };
      files = await republishFiles({ duties: read.duties, changes, config: dated, calendar, previous: state.state, date: today }, options);
      if (changes.length === 0) {
        // Nothing changed: the last real change notice stays as it was.
        const kept = publication.keptNotices(opts.out);
        files = [...files.filter((f) => !f.path.startsWith('change-notice.') || !kept.length), ...kept];
        writeOut('本次无调整 nothing changed since the last publication\n');
      }
    } else {
      files = await publishFiles(read.duties, config, calendar, options);
    }
    const written = publishFolder(opts.out, files);
    const days = new Set(read.duties.map((d) => d.date)).size;
    writeOut(`已校验 ${read.duties.length} 条安排（${days} 天，${config.from} 至 ${config.to}） checked ${read.duties.length} duties\n`);
    for (const p of written) writeOut(`wrote ${p}\n`);
  });
}
