// A timetable read for the day's work (rota who, rota cases forms and bookings): with the configuration's
// institutions and, when given, the leader list that fills in 职务 and 分管工作 the timetable leaves empty.
import type { Command } from 'commander';
import type { Config } from '../core/config.js';
import { slotSessions } from '../core/slots.js';
import type { Duty } from '../core/types.js';
import { type CommonOptions, collect, loadContext } from './context.js';
import { reportProblems } from './exit.js';

export interface TimetableOptions extends CommonOptions {
  leaders?: string[];
}

export function addTimetableOptions(cmd: Command): Command {
  return cmd
    .option(
      '--leaders <file>',
      '领导名单（补全职务、分管工作）leader list, repeatable, for 职务 and 分管工作 the timetable leaves empty',
      collect,
    )
    .option('-c, --config <file>', '配置文件 configuration');
}

export async function readDuties(file: string, opts: TimetableOptions): Promise<{ duties: Duty[]; config: Config }> {
  const { config } = loadContext(opts, opts.leaders?.length ? { leaders: opts.leaders } : {});
  const { loadLeaders, readTimetable } = await import('../io/load.js');
  const { leaders, problems } = config.leaders.length ? loadLeaders(config.leaders, config) : { leaders: [], problems: [] };
  const read = readTimetable(file, leaders, config.institutions, { sessions: slotSessions(config.slots) });
  reportProblems([...problems, ...read.problems]);
  return { duties: read.duties, config };
}
