// The rota command line: thin commander wiring over the library; exit 0 ok, 1 rule not met, 2 bad input.
import { Command, CommanderError } from 'commander';
import { WriteError } from '../io/atomic-write.js';
import { registerCalendar } from './calendar.js';
import { registerCheck } from './check.js';
import { registerDiff } from './diff.js';
import { Exit } from './exit.js';
import { registerInit } from './init.js';
import { registerLeaders } from './leaders.js';
import { registerPlan } from './plan.js';
import { registerRender } from './render.js';
import { registerReplan } from './replan.js';
import { registerReport } from './report.js';
import { registerSwap } from './swap.js';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('rota')
    .description("领导干部接访排班 duty rosters for leaders' public reception (接访、下访)")
    .version('0.1.0')
    .showHelpAfterError('(rota <command> --help 查看用法 for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  // In the order a clerk uses them: set up, check the inputs, plan, publish, adjust, prove.
  registerInit(program);
  registerLeaders(program);
  registerCalendar(program);
  registerPlan(program);
  registerRender(program);
  registerReplan(program);
  registerSwap(program);
  registerDiff(program);
  registerCheck(program);
  registerReport(program);
  for (const cmd of program.commands) cmd.exitOverride();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof Exit) {
      if (e.message) process.stderr.write(`${e.message}\n`);
      return e.code;
    }
    if (e instanceof WriteError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`rota: internal error: ${(e as Error).message}\n`);
    if (process.env.ROTA_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 70;
  }
}
