// rota plan: the round's timetable, optimal and explained (exit 1 and no files when no plan exists).
import type { Command } from 'commander';
import { addCommonOptions, loadContext, type CommonOptions } from './context.js';
import { Exit, reportProblems } from './exit.js';
import { reportPlanFailure } from './plan-failure.js';
import { paint } from './style.js';

interface PlanOptions extends CommonOptions {
  preset?: string;
  sites?: string;
  leaders?: string[];
  history?: string[];
  out?: string;
  seed?: string;
  bestEffort?: boolean;
  json?: boolean;
  encoding: string;
  icsPerLeader?: boolean;
}

const collect = (v: string, prev: string[] | undefined) => [...(prev ?? []), v];

export function registerPlan(program: Command): void {
  addCommonOptions(
    program
      .command('plan')
      .description('排出本轮接访安排表 make the round\'s timetable: optimal, in the institutional order, explained')
      .option('--preset <id>', '预设 preset: district 区级轮次 | township 乡科级每周接访下访 | county 县处级每月接访下访 (the file\'s fields still override it)')
      .option('--sites <file>', '下访地点 sites CSV (名称, 类型, 地址, 每月至少, 相关分管); default: the configuration\'s')
      .option('--leaders <file>', '领导名单 leader list CSV (repeatable); default: the configuration\'s', collect)
      .option('--history <file>', '已有接访记录 duty records so far, timetable CSV format (repeatable); default: the configuration\'s', collect)
      .option('--out <dir>', '输出目录 write timetable.html, .csv, .ics and .json here (all or none)')
      .option('--encoding <enc>', 'timetable.csv 编码 encoding: utf-8 (with BOM) | gb18030', 'utf-8')
      .option('--ics-per-leader', '每名领导另写一个日历 also write ics/<姓名>.ics per leader for the liaison')
      .option('--seed <n>', '决定同等方案取舍的种子 tie-break seed (whole number)')
      .option('--best-effort', '无完全合规方案时，输出违反规则最少的方案 write the plan breaking the fewest hard rules')
      .option('--json', 'JSON on stdout'),
  ).action(async (opts: PlanOptions) => {
    if (opts.encoding !== 'utf-8' && opts.encoding !== 'gb18030') {
      throw new Exit(2, `--encoding: expected utf-8 or gb18030, got "${opts.encoding}"`);
    }
    const extra: Record<string, unknown> = {};
    if (opts.leaders) extra.leaders = opts.leaders;
    if (opts.history) extra.history = opts.history;
    if (opts.preset) extra.preset = opts.preset;
    if (opts.sites) extra.sites = opts.sites;
    if (opts.seed !== undefined) extra.seed = /^\d+$/.test(opts.seed) ? Number(opts.seed) : opts.seed;
    const { config, calendar, warnings } = loadContext(opts, extra);
    const [{ loadLeaders }, { loadHistory }, { plan, quotaRulesFor }] = await Promise.all([
      import('../io/load.js'), import('../io/history.js'), import('../core/planner/index.js'),
    ]);
    const { leaders, problems } = loadLeaders(config.leaders, config.institutions);
    const history = loadHistory(config.history, leaders, config.institutions);
    reportProblems([...warnings, ...problems, ...history.problems]);
    if (leaders.length === 0) throw new Exit(2, '没有领导名单 no leaders: give --leaders FILE or "leaders" in the configuration');
    const rotation = config.rotation;
    let result;
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
        history: history.records,
        calendar,
        bestEffort: opts.bestEffort,
      });
    } else {
      result = plan({
        config,
        days: calendar.days(config.from, config.to),
        leaders,
        history: history.records,
        quotaRules: quotaRulesFor(config.rules),
        reportRules: config.rules,
        calendar,
        bestEffort: opts.bestEffort,
      });
    }
    const { report } = result;
    const c = paint();
    reportPlanFailure(report, c);
    const c2 = { title: config.title, from: config.from, to: config.to, duties: result.duties, report };
    if (opts.out || opts.json) {
      const { digestFiles } = await import('../io/digest.js');
      const { planFiles, planJson } = await import('../io/plan-files.js');
      const inputs = digestFiles([...(opts.config ? [opts.config] : []), ...config.leaders, ...config.history, ...(config.holidays ? [config.holidays] : []), ...(config.sites ? [config.sites] : [])]);
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
