// The rota command line: thin commander wiring over the library; exit 0 ok, 1 rule not met, 2 bad input.
// Only the command being run is loaded (the build makes each its own bundle): the others are just
// named and described here, which is all `rota --help` shows.
import { Command, CommanderError } from 'commander';
import { Exit, isExit } from './exit.js';
import { terminal, writeErr, writeOut } from './output.js';
import { localise } from './texts.js';

type Register = (cmd: Command) => void;

/** In the order a clerk uses them: set up, check the inputs, plan, publish, adjust, prove. */
const COMMANDS: Array<{ name: string; description: string; load: () => Promise<Register> }> = [
  {
    name: 'init',
    description: '生成可编辑的示例配置和名单模板 write a ready-to-edit configuration and leaders.csv template',
    load: async () => (await import('./init.js')).registerInit,
  },
  {
    name: 'leaders',
    description: '读取并合并领导名单 read and merge leader lists exactly as the planner will, and show them or every error',
    load: async () => (await import('./leaders.js')).registerLeaders,
  },
  {
    name: 'calendar',
    description: '列出工作日与休息日 list the working days and the excluded days with their reasons',
    load: async () => (await import('./calendar.js')).registerCalendar,
  },
  {
    name: 'plan',
    description: "排出本轮接访安排表 make the round's timetable: optimal, in the institutional order, explained",
    load: async () => (await import('./plan.js')).registerPlan,
  },
  {
    name: 'render',
    description:
      '由接访时间表重新生成网页、CSV 和日历 validate a (hand-edited) timetable CSV and write timetable.html, timetable.csv and timetable.ics',
    load: async () => (await import('./render.js')).registerRender,
  },
  {
    name: 'replan',
    description:
      '已公布的安排表出现变化时重新安排：改动最少的天数，过去的安排不变，输出调整公告 re-plan a published timetable with the fewest changed days',
    load: async () => (await import('./replan.js')).registerReplan,
  },
  {
    name: 'swap',
    description: '对调两天的接访领导，或改由另一名领导接访；先按全部规则校验 swap two days or substitute a leader, validated by every rule',
    load: async () => (await import('./swap.js')).registerSwap,
  },
  {
    name: 'rollback',
    description: '撤销最近一次发布，恢复上一次发布的文件夹 undo the last publication: the folder as it was published before',
    load: async () => (await import('./rollback.js')).registerRollback,
  },
  {
    name: 'diff',
    description: '两张接访时间表之间的调整公告 the change notice between two timetables',
    load: async () => (await import('./diff.js')).registerDiff,
  },
  {
    name: 'check',
    description:
      '检查接访、下访记录是否达到频次要求 check duty records against the quota rules (exit 0 compliant, 1 violations, 2 bad input)',
    load: async () => (await import('./check.js')).registerCheck,
  },
  {
    name: 'report',
    description:
      '年终考核印证资料 year-end evidence: every duty per leader, monthly and quarterly totals, compliance per rule (CSV + printable HTML)',
    load: async () => (await import('./report.js')).registerReport,
  },
  {
    name: 'who',
    description: '约访该约哪一天：按反映的问题找分管领导的接访日 which duty to book for a concern: the date, the leader and the portfolio',
    load: async () => (await import('./who.js')).registerWho,
  },
  {
    name: 'cases',
    description:
      '接访台帐：导入、办理（交办、受理、延期、办结、回访）、检查超期、导出（身份证号打码）、按期限删除 the case ledger: import, advance, check overdue, export masked, retention',
    load: async () => (await import('./cases.js')).registerCases,
  },
  {
    name: 'app',
    description: '写出浏览器版排班助手 write the browser app 排班助手.html: one file, opens offline from the file system',
    load: async () => (await import('./app.js')).registerApp,
  },
];

/** The command named on the command line (`rota plan …`, `rota help plan`); rota has no option taking a value before it. */
function commandIn(args: string[]): string | undefined {
  const [first, second] = args.filter((a) => !a.startsWith('-'));
  return first === 'help' ? second : first;
}

export async function main(argv: string[]): Promise<number> {
  // bin/rota.js answers `rota --version` alone itself, from package.json (test/cli-foundation.test.ts holds the two equal).
  const program = localise(new Command('rota'), '0.1.0')
    .description("领导干部接访排班 duty rosters for leaders' public reception (接访、下访)")
    .showHelpAfterError('(rota <command> --help 查看用法 for usage)')
    .exitOverride()
    .configureOutput({
      writeOut,
      writeErr,
      // commander's own defaults read process.stdout and process.stderr, building them (see output.ts).
      // No width for a file or a pipe, as commander's default: it then uses its own (80).
      getOutHelpWidth: () => terminal(1)?.columns as number,
      getErrHelpWidth: () => terminal(2)?.columns as number,
      getOutHasColors: () => Boolean(terminal(1)?.hasColors?.()),
      getErrHasColors: () => Boolean(terminal(2)?.hasColors?.()),
    });
  try {
    const wanted = commandIn(argv.slice(2));
    // A command named on the command line is the only one set up (~0.25 ms for the other thirteen): the
    // others' names matter only to rota --help and to a misspelt command's suggestion, which get them all.
    const named = COMMANDS.filter((c) => c.name === wanted);
    for (const c of named.length ? named : COMMANDS) {
      const cmd = program.command(c.name).description(c.description).exitOverride();
      if (c.name === wanted) (await c.load())(cmd);
    }
    // Before any command's work: an --out rota could never write into (under /proc, through a file).
    program.hook('preAction', async (_, action) => {
      const out = action.opts().out;
      if (typeof out !== 'string') return;
      const { outFolderProblem } = await import('../io/file-kind.js');
      const refused = outFolderProblem(out);
      if (refused) throw new Exit(2, refused);
    });
    // No command, no action to wait for (rota --help, a mistyped option): parsed without a promise,
    // so the help's CommanderError is not a rejection for Node's rejection tracking to see.
    if (wanted === undefined) program.parse(argv);
    else await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (isExit(e)) {
      if (e.message) writeErr(`${e.message}\n`);
      return e.code;
    }
    if ((e as Error).name === 'WriteError') {
      writeErr(`${(e as Error).message}\n`);
      return 2;
    }
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    writeErr(`rota 内部错误，请把这条信息告诉维护者 internal error: ${(e as Error).message}\n`);
    if (process.env.ROTA_DEBUG) writeErr(`${(e as Error).stack}\n`);
    return 70;
  }
}
