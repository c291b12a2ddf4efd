// rota replan: re-plan a published timetable after leaders' schedules changed — keep every duty
// still valid, move as few days as possible, never rewrite the past, print the change notice.
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { addCommonOptions, addOutputOptions, addRoundOptions, collect } from './context.js';
import { Exit, reportProblems } from './exit.js';
import { reportWritten, writeErr, writeOut } from './output.js';
import { reportPlanFailure } from './plan-failure.js';
import { loadRound, parsePins, type RoundOptions, readRoundTimetable } from './round-input.js';
import { paint } from './style.js';
import { todayOption } from './today.js';

interface ReplanOptions extends RoundOptions {
  previous: string;
  fixFromLeaders?: boolean;
  today?: string;
  pin?: string[];
  out?: string;
  json?: boolean;
  bestEffort?: boolean;
  encoding: 'utf-8' | 'gb18030';
  icsPerLeader?: boolean;
}

export function registerReplan(cmd: Command): void {
  addCommonOptions(
    addOutputOptions(
      addRoundOptions(
        cmd
          .requiredOption('--previous <file>', '已公布的接访时间表 the published timetable CSV (its 锁定 column pins duties)')
          .option('--today <date>', '今天的日期：此前的安排保持不变 days before it are frozen; default: today in Beijing time')
          .option(
            '--fix-from-leaders',
            '职务、分管工作与领导名单不符时按名单改正（逐格警告）take 职务 and 分管工作 from the leader list, a warning per cell',
          )
          .option('--pin <date=name>', '锁定 keep this duty: 2024-12-19=姓名 or 2024-12-19=单位:姓名 (repeatable)', collect)
          .option('--out <dir>', '输出目录 write the timetable files, timetable.json and change-notice.html/.txt here (all or none)'),
      ),
    ),
  ).action(async (opts: ReplanOptions) => {
    const today = todayOption(opts.today);
    const { recoverPublished } = await import('../app/publish-out.js');
    await recoverPublished([opts.out, dirname(opts.previous)]);
    const round = await loadRound(opts);
    const pins = parsePins(opts.pin, round.config);
    const previous = readRoundTimetable(opts.previous, round, today, opts.fixFromLeaders);
    reportProblems(round.warnings);
    const { replanRound, replanJson } = await import('../app/replan.js');
    const result = replanRound(round, previous.duties, { today, pins, bestEffort: opts.bestEffort });
    const { report } = result;
    const c = paint();
    if (report.status === 'pin-conflict') {
      writeErr(`${report.pinErrors.map((p) => `--pin/锁定: ${p.message}`).join('\n')}\n`);
      throw new Exit(
        2,
        `锁定的安排违反规则，未写出任何文件。${report.pinErrors.length} pin${report.pinErrors.length > 1 ? 's break' : ' breaks'} a rule; nothing was written.`,
      );
    }
    if (report.pastBreaks.length) {
      writeErr(
        `${c.yellow(`${today} 之前的安排已经发生，不再改动，但现在违反规则 the past breaks a rule now (not rewritten):`)}\n` +
          `${report.pastBreaks.map((v) => `  - ${v.message}`).join('\n')}\n`,
      );
    }
    reportPlanFailure(report, c);
    if (opts.out) {
      const [{ publishReplan }, { readPublishedState }, { digestFiles }, { planInputPaths }] = await Promise.all([
        import('../app/publish-commands.js'),
        import('../io/published-state.js'),
        import('../io/digest.js'),
        import('../app/publish.js'),
      ]);
      // The --out folder's own publication when it is published, wherever --previous was saved.
      const beside = () => readPublishedState(opts.previous, previous.duties, round.config).state;
      const inputs = digestFiles([opts.previous, ...planInputPaths(round, opts.config).filter((p) => p !== round.config.sites)]);
      const options = { today, encoding: opts.encoding, icsPerLeader: opts.icsPerLeader };
      const r = await publishReplan(opts.out, round, result, inputs, beside, options);
      reportProblems(r.problems);
      reportWritten(r.written);
    }
    if (opts.json) {
      writeOut(replanJson(result));
      return;
    }
    const { renderPlan } = await import('./plan-table.js');
    const { notice, config } = result;
    writeOut(`${c.bold(notice.split('\n')[0])}\n${notice.split('\n').slice(1).join('\n')}\n`);
    writeOut(
      renderPlan(
        {
          title: config.title,
          from: config.from,
          to: config.to,
          pattern: config.pattern,
          duties: result.duties,
          report: { ...report, status: 'optimal' },
        },
        config.place,
        c,
      ),
    );
  });
}
