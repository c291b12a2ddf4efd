// timetable.json lists the duties in the timetable's one order (the CSV's), whatever order the new
// timetable came in: the browser app keeps an exchange's duties where the exchange left them, the CLI
// reads them back from the CSV, and both must publish the same bytes.
import { expect, it } from 'vitest';
import { publish } from '../src/app/publish.js';
import { sortDuties } from '../src/core/duty-order.js';
import { townshipYear } from './helpers/township-year.js';

it('a publication of a township year given its duties in reverse writes timetable.json as given sorted, the CSV order', async () => {
  const { config, calendar, duties } = townshipYear();
  const json = async (given: typeof duties) => {
    const p = await publish({ command: 'render', duties: given, config, calendar, today: config.from });
    return p.files.find((f) => f.path === 'timetable.json')!.content.toString();
  };
  const reversed = await json([...duties].reverse());
  expect(reversed).toBe(await json(sortDuties(duties, config)));
  const listed: Array<{ date: string; name: string }> = JSON.parse(reversed).duties;
  expect(listed.map((d) => `${d.date} ${d.name}`)).toEqual(sortDuties(duties, config).map((d) => `${d.date} ${d.name}`));
  // (several duties a day, so the order within a day is tested too)
  expect(new Set(duties.map((d) => d.date)).size).toBeLessThan(duties.length);
});
