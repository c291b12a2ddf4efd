// The quota level of a plan's objective takes the quota rules' part of the report's judgement of the
// same timetable (src/core/engine/report.ts quotaShortfall) instead of judging it again: it must equal
// the shortfall judged by the quota rules alone, on the district, county and township fixtures.
import { describe, expect, it } from 'vitest';
import { planInput } from '../src/app/plan.js';
import { loadRound } from '../src/app/round.js';
import { buildContext } from '../src/core/engine/context.js';
import { solveContext } from '../src/core/engine/plan.js';
import { stillShort } from '../src/core/engine/report.js';
import { loadConfig } from '../src/io/config-file.js';
import { readBytes } from '../src/io/read-file.js';

const FIXTURES: Array<[string, Record<string, unknown>]> = [
  ['fixtures/rota.json', {}],
  ['fixtures/county/rota.json', { from: '2025-01-01', to: '2025-02-28' }],
  ['fixtures/township/rota.json', { from: '2025-03-01', to: '2025-03-31' }],
];

describe('the quota level', () => {
  for (const [file, window] of FIXTURES)
    it(`${file}: equals the shortfall judged by the quota rules alone`, { timeout: 60_000 }, () => {
      const { config } = loadConfig(file, window);
      const { round } = loadRound(config!, readBytes);
      const ctx = buildContext(planInput(round!));
      const { duties, report } = solveContext(ctx, false);
      expect(ctx.set.quotaRules.length).toBeGreaterThan(0);
      // A copy of the timetable: judged afresh, by the quota rules only.
      const alone = stillShort([...duties], ctx, ctx.set.quotaRules).reduce((a, s) => a + s.min - s.count, 0);
      expect(report.objective.quota).toBe(alone);
      // Not trivially zero everywhere: the seed round leaves 热依拉·艾买提 short.
      if (file === 'fixtures/rota.json') expect(alone).toBe(1);
    });
});
