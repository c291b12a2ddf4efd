// A generated township year (test/bench/township-gen.ts, the bench's first office), planned in this
// process: the largest 公告 an office publishes, a table of ~750 rows.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planRound } from '../../src/app/plan.js';
import { loadRound } from '../../src/app/round.js';
import { loadConfig } from '../../src/io/config-file.js';
import { readBytes } from '../../src/io/read-file.js';
import { writeTownship } from '../bench/township-gen.js';

export function townshipYear() {
  const dir = mkdtempSync(join(tmpdir(), 'rota-township-year-'));
  writeTownship(dir, 100, { from: '2025-01-01', to: '2025-12-31' });
  const { config, problems } = loadConfig(join(dir, 'rota.json'));
  if (!config) throw new Error(problems.map((p) => p.message).join('\n'));
  const { round } = loadRound(config, readBytes);
  if (!round) throw new Error('townshipYear: the generated township did not load');
  return { config: round.config, calendar: round.calendar, duties: planRound(round).duties };
}
