// Benchmark of the district round: the seed round and generated rounds of 100/500/1000 leaders over
// 12 working days: model size and the whole `rota plan` beside a bare `node -e 0`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCalendar } from '../../src/core/calendar.js';
import { SEED_CONFIG } from '../../src/core/config.js';
import { addDays } from '../../src/core/dates.js';
import type { HistoryRecord, PlanReport } from '../../src/core/engine/types.js';
import { type Leader, RANKS } from '../../src/core/types.js';
import { paired, ratioText } from './paired.js';
import type { BenchSection } from './section.js';
import { rng } from './township-gen.js';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['建国', '海燕', '立新', '志强', '丽', '伟', '静', '芳', '德胜', '晓军'];
const UYGHUR = ['艾力·买买提', '阿依古丽·吐尔逊', '努尔兰·哈力木', '热依拉·艾买提', '库尔班·尼亚孜', '古丽娜·艾山'];

interface Generated {
  dir: string;
  config: string;
  leaders: Leader[];
  history: HistoryRecord[];
  from: string;
  to: string;
  maxPerLeader: number;
}

/** A round of `n` leaders over `w` working days from 2025-01-02, written as CSV files for the CLI too. */
function generate(n: number, w: number): Generated {
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
      name: `${base}${Math.floor(i / 100) || ''}${i % 100 >= 10 || i >= 100 ? '' : ''}${i}`,
      institution: insts[i % insts.length],
      title: '副职',
      rank: random() < 0.1 ? '正科级' : RANKS[random() < 0.3 ? 0 : 1],
      portfolio: '分管工作',
      unavailable: away,
      liaison: '',
      phone: '',
    });
  }
  const history: HistoryRecord[] = leaders
    .filter(() => random() < 0.5)
    .map((l) => ({ date: '2025-01-02', kind: '接访', name: l.name, institution: l.institution }));
  const eligiblePerInst = Math.max(1, Math.floor((n * 0.9) / insts.length));
  const maxPerLeader = Math.max(1, Math.ceil(w / insts.length / (eligiblePerInst * 0.8)));
  const dir = mkdtempSync(join(tmpdir(), `rota-bench-${n}-${w}-`));
  const csv = (rows: string[][]) => `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
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
  return { dir, config, leaders, history, from, to, maxPerLeader };
}

export function planBench(): BenchSection[] {
  const rows: string[][] = [];
  // A district round 区级轮次: 12 working days, the seed's 21 leaders, then generated districts.
  const LIMIT_MS = 60_000;
  const cases = [
    { n: 21, config: 'fixtures/rota.json', pairs: 5 },
    ...[100, 500, 1000].map((n) => ({ n, config: generate(n, 12).config, pairs: n >= 500 ? 1 : 3 })),
  ];
  for (const k of cases) {
    let cells: string[];
    try {
      const p = paired([process.execPath, 'bin/rota.js', 'plan', '-c', k.config, '--json'], k.pairs, undefined, LIMIT_MS);
      const r = JSON.parse(p.stdout).report as PlanReport;
      cells = [
        String(r.workingDays),
        r.status,
        `${r.model.variables} / ${r.model.constraints}`,
        p.ms.toFixed(0),
        ratioText(p.ratio, k.n === 21 ? 1.5 : undefined),
      ];
    } catch (e) {
      cells = ['', '', '', `stopped after ${LIMIT_MS / 1000} s`, (e as Error).message.slice(0, 80)];
    }
    rows.push([String(k.n), ...cells]);
  }
  return [
    {
      title: 'District rounds 区级轮次: how cost grows with leaders',
      header: [
        'leaders',
        'working days',
        'status',
        'variables / constraints',
        'plan() ms (median)',
        'rota plan --json ms',
        'ratio to node -e 0',
      ],
      rows,
      notes: [
        'Whole process `node bin/rota.js plan -c … --json` paired with node -e 0 (5 pairs for the seed, 3 for 100, 1 for 500 and 1000), stopped after 60 s.',
        'Generated rounds: 6 institutions in cycle order, ~10% 正科级 (never scheduled), ~10% of days unavailable, half the leaders already served this quarter; maxPerLeader set so the round is feasible.',
      ],
    },
  ];
}
