// rota who: which duty a resident with a concern should book (提前约访): the first reception day after
// today (or --after) whose leader's 分管工作 covers the topic, else simply the first one.
import type { Command } from 'commander';
import { say } from '../core/messages.js';
import { Exit } from './exit.js';
import { writeOut } from './output.js';
import { addTimetableOptions, readDuties, type TimetableOptions } from './timetable-input.js';

interface WhoOptions extends TimetableOptions {
  topic: string;
  after?: string;
}

export function registerWho(cmd: Command): void {
  addTimetableOptions(
    cmd
      .argument('<timetable>', '接访时间表 timetable CSV')
      .requiredOption('--topic <words>', '反映的问题，如 欠薪、征地拆迁 the concern, e.g. 拆迁')
      .option('--after <date>', '在这一天之后 a duty after this day; default: today in Beijing time'),
  ).action(async (file: string, opts: WhoOptions) => {
    const [{ route }, { parseDate }, { todayInChina }] = await Promise.all([
      import('../core/cases/routing.js'),
      import('../core/dates.js'),
      import('./today.js'),
    ]);
    const after = opts.after === undefined ? todayInChina() : parseDate(opts.after);
    if (!after) throw new Exit(2, say('option.date', { option: '--after', got: opts.after ?? '' }));
    const { duties } = await readDuties(file, opts);
    const r = route(duties, opts.topic, after);
    if (!r) throw new Exit(1, say('booking.none-left', { after }));
    const d = r.duty;
    // The session and its hours, the mode and the role, when the timetable names them.
    const slot = [d.session, d.hours && `${d.hours.start}-${d.hours.end}`, d.mode].filter(Boolean).join(' ');
    writeOut(
      `${d.date}（${d.weekday}）${slot ? `${slot} ` : ''}${d.name}（${d.institution}，${d.title}${d.role ? `，${d.role}` : ''}），分管：${d.portfolio || '（未写）'}，地点：${d.place || '（未写）'}\n`,
    );
    writeOut(
      r.matched
        ? `分管工作与“${opts.topic}”对口。the leader's portfolio covers "${opts.topic}".\n`
        : `${after} 之后没有分管“${opts.topic}”的领导接访，这是最近的接访日。no leader in charge of "${opts.topic}" receives after ${after}: this is the next reception day.\n`,
    );
  });
}
