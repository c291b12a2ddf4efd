// rota plan: the round's timetable, optimal and explained (exit 1 and no files when no plan exists).
import type { Command } from 'commander';
import { addCommonOptions, addOutputOptions, addRoundOptions } from './context.js';
import { reportProblems } from './exit.js';
import { reportPlanFailure } from './plan-failure.js';
import { loadRound, planInput, type RoundOptions } from './round-input.js';
import { paint } from './style.js';

interface PlanOptions extends RoundOptions {
  out?: string;
  bestEffort?: boolean;
  json?: boolean;
  encoding: 'utf-8' | 'gb18030';
  icsPerLeader?: boolean;
}

export function registerPlan(program: Command): void {
  addCommonOptions(
    addOutputOptions(
      addRoundOptions(
        program
          .command('plan')
          .description("排出本轮接访安排表 make the round's timetable: optimal, in the institutional order, explained")
          .option(
            '--preset <id>',
            "预设 preset: district 区级轮次 | township 乡科级每周接访下访 | county 县处级每月接访下访 (the file's fields still override it)",
          )
          .option('--sites <file>', "下访地点 sites CSV (名称, 类型, 地址, 每月至少, 相关分管); default: the configuration's")
          .option('--out <dir>', '输出目录 write timetable.html, .csv, .ics and .json here (all or none)'),
      ),
    ),
  ).action(async (opts: PlanOptions) => {
    const round = await loadRound(opts);
    const { config, calendar, leaders, history } = round;
    reportProblems(round.warnings);
    const { plan, quotaRulesFor } = await import('../core/planner/index.js');
    const rotation = config.rotation;
    let result: {
      duties: import('../core/types.js').Duty[];
      report: import('../core/planner/types.js').PlanReport | import('../core/rotation/types.js').RotationReport;
    };
    if (rotation) {
      const { loadSites } = await import('../io/sites-file.js');
      const sites = config.sites ? loadSites(config.sites) : { sites: [], problems: [] };
      reportProblems(sites.problems);
      const { planRotation } = await import('../core/rotation/plan.js');
      result = planRotation({
        config: { ...config, rotation },
        days: calendar.days(config.from, config.to),
        leaders,
        sites: sites.sites,
        history,
        calendar,
        bestEffort: opts.bestEffort,
      });
    } else {
      result = plan({ ...planInput(round, quotaRulesFor(config.rules)), bestEffort: opts.bestEffort });
    }
    const { report } = result;
    const c = paint();
    reportPlanFailure(report, c);
    const c2 = { title: config.title, from: config.from, to: config.to, duties: result.duties, report };
    if (opts.out || opts.json) {
      const { digestFiles } = await import('../io/digest.js');
      const { planFiles, planJson } = await import('../io/plan-files.js');
      const inputs = digestFiles([
        ...(opts.config ? [opts.config] : []),
        ...config.leaders,
        ...config.history,
        ...(config.holidays ? [config.holidays] : []),
        ...(config.sites ? [config.sites] : []),
      ]);
      const out = { ...c2, config, inputs };
      if (opts.out) {
        const { writeAllOrNone } = await import('../io/atomic-write.js');
        const files = await planFiles(out, calendar, { encoding: opts.encoding, icsPerLeader: Boolean(opts.icsPerLeader) });
        const written = writeAllOrNone(opts.out, files);
        for (const p of written) process.stderr.write(`wrote ${p}\n`);
      }
      if (opts.json) {
        process.stdout.write(planJson(out));
        return;
      }
    }
    const { renderPlan } = await import('./plan-table.js');
    process.stdout.write(renderPlan(c2, config.place, c));
  });
}
