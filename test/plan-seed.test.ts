// --seed decides among equally good plans also in a piece whose integer program leaves the tie-break
// level out to keep its weights exact (model.coarsened): the 80-leader county's July, planned after
// its first half with one duty pinned (a pin is no network: the integer program plans it), is such a
// piece. Before, every seed gave the same July there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planInput, planRound } from '../src/app/plan.js';
import { loadRound } from '../src/app/round.js';
import { plan } from '../src/core/engine/plan.js';
import { PREFERENCES } from '../src/core/engine/preferences.js';
import type { PlanResult } from '../src/core/engine/types.js';
import { loadConfig } from '../src/io/config-file.js';
import { readBytes } from '../src/io/read-file.js';
import { writeTownship } from './bench/township-gen.js';

const dir = mkdtempSync(join(tmpdir(), 'rota-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--seed where the integer program leaves the tie-break level out', () => {
  it('two seeds give different Julys of the 80-leader county, equally good on every level above the tie-break', () => {
    writeTownship(dir, 5, { leaders: 80, preset: 'county' });
    const round = (seed: number, from: string, to: string) => {
      const { config } = loadConfig(join(dir, 'rota.json'), { seed, from, to });
      return loadRound(config!, readBytes).round!;
    };
    const firstHalf = planRound(round(0, '2025-01-01', '2025-06-30'));
    const history = firstHalf.duties.map((d) => ({ date: d.date, kind: d.kind, name: d.name, institution: d.institution }));
    const july = (seed: number) => {
      const r = round(seed, '2025-07-01', '2025-07-31');
      return plan({ ...planInput({ ...r, history }), pins: [{ date: '2025-07-01', name: r.leaders[0].name }] });
    };
    const [a, b] = [july(0), july(2)];
    const above = (p: PlanResult) => PREFERENCES.filter((x) => x.id !== 'seeded-tie-break').map((x) => p.report.objective[x.id]);
    const timetable = (p: PlanResult) => p.duties.map((d) => `${d.date} ${d.kind} ${d.name}`);
    for (const p of [a, b]) {
      expect(p.report.status).toBe('optimal');
      expect(p.report.model.coarsened).toBe(1);
    }
    expect(above(a)).toEqual(above(b));
    expect(timetable(a)).not.toEqual(timetable(b));
  }, 60_000);
});
