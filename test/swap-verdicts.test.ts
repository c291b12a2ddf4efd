// The calendar's verdicts while a duty is dragged (swapVerdicts) against the judge `rota swap` uses
// (proposeSwap, one whole proposal per target): the same status and the same violations for every
// pair of days of the seed round, pinned or not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposeSwap, swapVerdicts } from '../src/core/replan/swap.js';
import type { Duty } from '../src/core/types.js';
import { loadHistory } from '../src/io/history.js';
import { seed } from './helpers/seed.js';

const s = seed();
const history = loadHistory(s.config.history, s.leaders, s.config.institutions).records;
const base = { config: s.config, days: s.calendar.days(s.config.from, s.config.to), leaders: s.leaders, history, calendar: s.calendar };
const refs = (t: Duty[]) => t.map((d) => ({ date: d.date, name: d.name }));

describe('swapVerdicts', () => {
  it('says for every target what proposeSwap says of that one exchange', () => {
    fc.assert(
      fc.property(fc.nat(s.duties.length - 1), fc.array(fc.nat(s.duties.length - 1), { maxLength: 3 }), (from, pinned) => {
        const timetable = s.duties.map((d, i) => (pinned.includes(i) ? { ...d, pinned: true } : d));
        const targets = refs(timetable);
        const got = swapVerdicts({ ...base, timetable }, targets[from], targets);
        got.forEach((v, i) => {
          const want = proposeSwap({ ...base, timetable, request: { kind: 'swap', a: targets[from], b: targets[i] } });
          expect(v.status).toBe(want.status);
          if (v.status !== 'invalid') expect(v.violations).toEqual(want.violations);
          else expect(v.message).toBe(want.message);
        });
      }),
      { numRuns: 12 },
    );
  });

  it('finds both broken and allowed exchanges on the seed round (the property above is not vacuous)', () => {
    const targets = refs(s.duties);
    const statuses = new Set(targets.flatMap((a) => swapVerdicts({ ...base, timetable: s.duties }, a, targets).map((v) => v.status)));
    expect([...statuses].sort()).toEqual(['broken', 'invalid', 'ok']);
  });
});
