// The left-out list's "可安排的 N 个工作日由 R 名领导分担" against a count made here: N the leader's
// candidate days, R the distinct leaders who are candidates on any of them (the report counts them
// with bit sets over spans of words; leaders here straddle several 32-bit words and institutions).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachDay } from '../src/core/dates.js';
import { buildContext, leftOut } from '../src/core/engine/index.js';
import { input, leader } from './support/plan-facts.js';

const FROM = '2025-01-06';
const TO = '2025-01-31';
const DAYS = eachDay(FROM, TO);

describe('left-out leaders: the days they could take and their rivals', () => {
  it('match the candidates counted one by one (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.record({ inst: fc.nat(3), away: fc.uniqueArray(fc.nat(DAYS.length - 1), { maxLength: 20 }) }), {
          minLength: 1,
          maxLength: 120,
        }),
        (nInst, people) => {
          const insts = ['甲', '乙', '丙', '丁'].slice(0, nInst);
          const leaders = people.map((p, i) => leader(`L${i}`, insts[p.inst % nInst], { unavailable: p.away.map((d) => DAYS[d]) }));
          const ctx = buildContext(input(insts, leaders, FROM, TO));
          // No duties: every leader is left out.
          for (const out of leftOut([], ctx)) {
            const m = /可安排的 (\d+) 个工作日由 (\d+) 名领导分担/.exec(out.reason);
            if (!m) continue;
            const li = ctx.leaders.findIndex((l) => l.name === out.name);
            const mine = ctx.open.filter((d) => ctx.candidates[d].includes(li));
            expect(+m[1]).toBe(mine.length);
            expect(+m[2]).toBe(new Set(mine.flatMap((d) => ctx.candidates[d])).size);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
