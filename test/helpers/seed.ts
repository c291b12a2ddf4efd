// The seed round as tests see it: configuration, calendar, leaders and the hand-made timetable.
import { makeCalendar } from '../../src/core/calendar.js';
import type { Config } from '../../src/core/config.js';
import type { Duty } from '../../src/core/types.js';
import { loadConfig } from '../../src/io/config-file.js';
import { loadLeaders, readTimetable } from '../../src/io/load.js';

export function seed() {
  const { config, problems } = loadConfig('fixtures/rota.json');
  if (!config) throw new Error(problems.map((p) => p.message).join('\n'));
  const calendar = makeCalendar({ region: config.region });
  const { leaders } = loadLeaders(config.leaders, config);
  const read = readTimetable('fixtures/timetable.csv', leaders, config.institutions);
  if (read.problems.length) throw new Error(read.problems.map((p) => p.message).join('\n'));
  return { config, calendar, leaders, duties: read.duties, entries: read.entries };
}

/** A duty with the seed's place; fields given override. */
export function duty(over: Partial<Duty> & Pick<Duty, 'date' | 'name'>, config?: Config): Duty {
  return {
    weekday: '',
    kind: '接访',
    institution: '区委',
    title: '',
    portfolio: '',
    place: config ? `${config.place.name}（${config.place.address}）` : '区人民群众信访服务中心（克拉玛依市昆仑路585号）',
    ...over,
  };
}
