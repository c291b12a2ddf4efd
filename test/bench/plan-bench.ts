// Benchmark of the district round: the seed round (21 leaders) and generated rounds of 100/500/1000
// leaders over 12 working days: model size and the whole `rota plan` beside a bare `node -e 0`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCalendar } from '../../src/core/calendar.js';
import { SEED_CONFIG } from '../../src/core/config.js';
import { addDays, isoWeekKey } from '../../src/core/dates.js';
import type { HistoryRecord, PlanReport } from '../../src/core/engine/types.js';
import type { Leader } from '../../src/core/types.js';
import { failedCell, paired, ratioText } from './paired.js';
import type { BenchOptions, BenchSection } from './section.js';
import { csv, rng, UYGHUR } from './township-gen.js';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['建国', '海燕', '立新', '志强', '丽', '伟', '静', '芳', '德胜', '晓军'];

/**
 * A round of `n` leaders over `w` working days from 2025-01-02, written as CSV files into `dir`; returns its rota.json.
 * `yearOfHistory`: every leader also has a duty in the first working day of each week of 2024 (the report reads them all).
 */
export function generate(dir: string, n: number, w: number, yearOfHistory = false): string {
  const cal = makeCalendar({ region: 'xinjiang' });
  const from = '2025-01-02';
  let to = from;
  for (let count = cal.isWorkingDay(from) ? 1 : 0; count < w; ) {
    to = addDays(to, 1);
    if (cal.isWorkingDay(to)) count++;
  }
  const days = cal.workingDays(from, to);
  const random = rng(n * 1000 + w);
  const insts = SEED_CONFIG.institutions.map((i) => i.name);
  const leaders: Leader[] = [];
  for (let i = 0; i < n; i++) {
    const base = i % 7 === 3 ? UYGHUR[i % UYGHUR.length] : `${SURNAMES[i % 10]}${GIVEN[Math.floor(i / 10) % 10]}`;
    const away = days.filter(() => random() < 0.1);
    leaders.push({
      name: `${base}${i}`,
      institution: insts[i % insts.length],
      title: '副职',
      rank: random() < 0.1 ? '正科级' : random() < 0.3 ? '正处级' : '副处级',
      portfolio: '分管工作',
      unavailable: away,
      liaison: '',
      phone: '',
    });
  }
  const history: HistoryRecord[] = leaders
    .filter(() => random() < 0.5)
    .map((l) => ({ date: '2025-01-02', kind: '接访', name: l.name, institution: l.institution }));
  if (yearOfHistory) {
    const weekly = cal.workingDays('2024-01-01', '2024-12-31').filter((d, i, all) => i === 0 || isoWeekKey(d) !== isoWeekKey(all[i - 1]));
    for (const date of weekly) for (const l of leaders) history.push({ date, kind: '接访', name: l.name, institution: l.institution });
  }
  const eligiblePerInst = Math.max(1, Math.floor((n * 0.9) / insts.length));
  const maxPerLeader = Math.max(1, Math.ceil(w / insts.length / (eligiblePerInst * 0.8)));
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'leaders.csv'),
    csv([
      ['姓名', '单位', '职务', '级别', '分管工作', '不可接访日期'],
      ...leaders.map((l) => [l.name, l.institution, l.title, l.rank, l.portfolio, l.unavailable.join(';')]),
    ]),
  );
  writeFileSync(
    join(dir, 'history.csv'),
    csv([['日期', '类型', '单位', '姓名'], ...history.map((h) => [h.date, h.kind, h.institution, h.name])]),
  );
  const config = join(dir, 'rota.json');
  writeFileSync(config, JSON.stringify({ from, to, region: 'xinjiang', leaders: ['leaders.csv'], history: ['history.csv'], maxPerLeader }));
  return config;
}

export function planBench(o: BenchOptions): BenchSection[] {
  const pairs = (n: number) => (o.quick ? 1 : n === 21 ? 5 : n === 100 ? 3 : 1);
  const dir = mkdtempSync(join(tmpdir(), 'rota-bench-district-'));
  const cases = [21, 100, 500, 1000].map((n) => ({
    n,
    label: String(n),
    config: n === 21 ? 'fixtures/rota.json' : generate(join(dir, String(n)), n, 12),
  }));
  // A year of history costs reading it (rota check's fast path) and little more: the plan keeps only the
  // records some rule's period in the window can count (engine/context.ts), so pieces and report never see the rest.
  cases.push({ n: 1000, label: '1000, a year of weekly history', config: generate(join(dir, '1000-history'), 1000, 12, true) });
  const headline: Record<string, string> = {};
  const ms = new Map<string, number>();
  const rows = cases.map(({ n, label, config }) => {
    try {
      const p = paired([process.execPath, 'bin/rota.js', 'plan', '-c', config, '--json'], pairs(n), undefined, o.capMs);
      const r = JSON.parse(p.stdout).report as PlanReport;
      ms.set(label, p.ms);
      return [
        label,
        String(r.workingDays),
        r.status,
        `${r.model.variables} / ${r.model.constraints} / ${r.model.components}`,
        p.ms.toFixed(0),
        ratioText(p.ratio),
      ];
    } catch (e) {
      return [label, '', '', '', failedCell(e), ''];
    }
  });
  rmSync(dir, { recursive: true, force: true });
  const [plain, withHistory] = [ms.get('1000'), ms.get('1000, a year of weekly history')];
  if (plain && withHistory) headline['1,000 leaders + year of history'] = `${(withHistory / plain).toFixed(2)}×`;
  return [
    {
      title: 'District rounds 区级轮次: how cost grows with leaders',
      header: [
        'leaders',
        'working days',
        'status',
        'integer program variables / constraints / pieces',
        'rota plan --json ms (median)',
        'ratio to node -e 0',
      ],
      rows,
      headline,
      notes: [
        `Whole process \`node bin/rota.js plan -c … --json\`, paired with node -e 0 (${o.quick ? '1 pair each' : '5 pairs for the seed, 3 for 100, 1 for 500 and 1000'}), each run capped at ${o.capMs / 1000} s.`,
        'Pieces: the independent parts the engine solves; those a min-cost flow solves add no integer program variables or constraints.',
        "1000, a year of weekly history: the same round with every leader's duty in each week of 2024 (about 52,000 history lines); its time against the 1000 row's is the headline (goal: the report's cost linear in history, so about 1×).",
        'Generated rounds (12 working days from 2025-01-02): 6 institutions in cycle order, ~10% 正科级 (never scheduled), ~10% of days unavailable, half the leaders already served this quarter; maxPerLeader set so the round is feasible.',
      ],
    },
  ];
}
