// rota plan: the round's timetable, optimal and explained (exit 1 and no files when no plan exists).
import type { Command } from 'commander';
import { keepingReader } from '../io/read-round.js';
import { addCommonOptions, addOutputOptions, addRoundOptions, overridesFrom } from './context.js';
import { Exit, reportProblems } from './exit.js';
import { writeOut } from './output.js';
import { reportPlanFailure } from './plan-failure.js';
import { loadRound, type RoundOptions } from './round-input.js';
import { paint } from './style.js';

interface PlanOptions extends RoundOptions {
  out?: string;
  bestEffort?: boolean;
  json?: boolean;
  encoding: 'utf-8' | 'gb18030';
  icsPerLeader?: boolean;
  batch?: string;
  replace?: boolean;
}

export function registerPlan(cmd: Command): void {
  addCommonOptions(
    addOutputOptions(
      addRoundOptions(
        cmd
          .option(
            '--preset <id>',
            "预设 preset: district 区级轮次 | township 乡科级每周接访下访 | county 县处级每月接访下访 (the file's fields still override it)",
          )
          .option('--sites <file>', "下访地点 sites CSV (名称, 类型, 地址, 每月至少, 相关分管); default: the configuration's")
          .option('--out <dir>', '输出目录 write timetable.html, .csv, .ics and .json here (all or none)')
          .option('--replace', '替换已发布的文件夹（日历 SEQUENCE 继续递增）replace a published --out folder on purpose')
          .option(
            '--batch <dir>',
            '批量：DIR 下每个含 rota.json 的单位文件夹各排一份，用全部 CPU 核 plan every office folder under DIR on all cores; with --out, each office writes to OUT/<office>/',
          ),
      ),
    ),
  ).action(async (opts: PlanOptions) => {
    if (opts.batch) {
      const { planBatch } = await import('./batch.js');
      return planBatch(opts.batch, {
        out: opts.out,
        replace: opts.replace,
        bestEffort: opts.bestEffort,
        encoding: opts.encoding,
        icsPerLeader: opts.icsPerLeader,
        json: opts.json,
        overrides: overridesFrom({ ...opts, seed: opts.seed && /^\d+$/.test(opts.seed) ? Number(opts.seed) : opts.seed }, [
          'from',
          'to',
          'region',
          'seed',
        ]),
      });
    }
    const writing = opts.out || opts.json ? await import('./plan-out.js') : undefined;
    // Before any work: a published folder is changed by replan, or replaced only on purpose.
    if (opts.out && writing?.publishedFolder(opts.out) && !opts.replace)
      throw new Exit(2, `已经发布过的文件夹 ${opts.out}：${writing.planOverPublishedAdvice(opts.out)}`);
    // With --out or --json, the files' bytes kept as read for the input digest, instead of reading them again.
    const inputs = writing ? keepingReader() : undefined;
    const round = await loadRound(opts, inputs?.read);
    const { config, calendar } = round;
    reportProblems(round.warnings);
    const { planRound } = await import('../app/plan.js');
    const result = planRound(round, { bestEffort: opts.bestEffort });
    const { report } = result;
    const c = paint();
    reportPlanFailure(report, c);
    if (writing && (await writing.writePlan(round, result, opts, inputs?.kept))) return;
    const { renderPlan } = await import('./plan-table.js');
    if (config.holidays) {
      const [{ holidayFileChanges }, { say }] = await Promise.all([import('../core/calendar.js'), import('../core/messages.js')]);
      const { removed, added } = holidayFileChanges(calendar, config.region, config.from, config.to);
      const named = (ds: typeof removed) => ds.map((d) => `${d.date}（${d.reason ?? '上班'}）`);
      if (removed.length || added.length)
        writeOut(`${say('holidays.file-changed', { file: config.holidays, removed: named(removed), added: named(added) })}\n`);
    }
    writeOut(renderPlan({ title: config.title, from: config.from, to: config.to, pattern: config.pattern, ...result }, config.place, c));
  });
}
