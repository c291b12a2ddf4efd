// Stage one of the rotation: who does what on which working day (接访 at the centre or 下访), one
// chunk (ISO week, month or the whole horizon) at a time, with what earlier chunks did carried
// forward. Hard rules and preferences are small named objects, like the district round's: each adds
// its rows or costs to the integer program and carries the sentence it explains itself with.
import { periodOf } from '../check/periods.js';
import { dayNumber } from '../dates.js';
import { leaderKey } from '../leaders.js';
import { availability, eligibleRank, type HardConstraint, institutionOrder, workingDayOnly } from '../planner/constraints.js';
import { seededHash } from '../planner/hash.js';
import { ModelBuilder } from '../planner/model.js';
import type { Violation } from '../planner/types.js';
import { ruleApplies } from '../rules.js';
import type { Duty, IsoDate, Kind, Rule } from '../types.js';
import type { RotationContext } from './context.js';
import { portfolioMatches } from './site-assign.js';
import type { RotationConfig } from './types.js';

export const DUTY_LEVELS = ['breaks', 'quota', 'sites', 'load', 'consecutive', 'balance', 'tieBreak'] as const;
export type DutyLevel = (typeof DUTY_LEVELS)[number];

/** An activity counted so far: from --history (outside the window) or an earlier chunk. */
export interface Counted {
  leader: number;
  date: IsoDate;
  kind: Kind;
  /** Planned by this run (inside the window), not from the records. */
  planned: boolean;
}

export interface QuotaRow {
  leader: number;
  rule: Rule;
  period: string;
  need: number;
  /** The chunk's working days in the period. */
  days: number[];
}

/** What a chunk's model needs to know about everything before it. */
export interface ChunkState {
  days: number[];
  /** Activities so far per `${leader}|${isoWeek}`. */
  weekLoad: Map<string, number>;
  quotas: QuotaRow[];
  /** Planned 接访 and 下访 so far per leader, minus the fewest any eligible leader has (for balance). */
  kindOffset: Array<Record<Kind, number>>;
  /** Leaders who served on the working day just before the chunk. */
  servedBefore: Set<number>;
  /** 下访 still needed for the sites' monthly minimums, this chunk's share. */
  siteDemand: Array<{ month: string; target: number; days: number[] }>;
}

export interface ChunkArgs {
  b: ModelBuilder<DutyLevel>;
  ctx: RotationContext;
  chunk: ChunkState;
}

export const varName = (kind: Kind, l: number, d: number) => `${kind === '接访' ? 'j' : 'v'}${l}_${d}`;
const KIND_LIST: Kind[] = ['接访', '下访'];

/** Terms of the given kinds for leader l on day d (only the variables that exist). */
function terms(b: ModelBuilder<DutyLevel>, l: number, d: number, kinds: Kind[] = KIND_LIST): Array<[string, number]> {
  return kinds
    .map((k) => varName(k, l, d))
    .filter((v) => b.hasVar(v))
    .map((v): [string, number] => [v, 1]);
}

export interface RotationRule {
  id: string;
  sentence: (c: RotationConfig) => string;
  addRows?: (a: ChunkArgs) => void;
  /** Judges a finished timetable; every violation names people and days. */
  check: (duties: Duty[], ctx: RotationContext) => Violation[];
}

function violation(rule: RotationRule, ctx: RotationContext, message: string, names: string[], dates: IsoDate[]): Violation {
  return { rule: rule.id, sentence: rule.sentence(ctx.config), message, names, dates };
}

/** The district round's rule, judging on the rotation's context (its allows() already shaped the candidates). */
function shared(c: HardConstraint): RotationRule {
  return { id: c.id, sentence: c.sentence, check: (duties, ctx) => c.check(duties, ctx.base) };
}

function perDayRule(kind: Kind, id: string): RotationRule {
  const range = (c: RotationConfig) => (kind === '接访' ? c.rotation.reception : c.rotation.visits);
  const where = kind === '接访' ? '到信访接待中心接访' : '下访';
  return {
    id,
    sentence: (c) => `每个工作日安排 ${range(c).min}~${range(c).max} 名领导${where}（${kind} places per working day）`,
    addRows({ b, ctx, chunk }) {
      const { min, max } = range(ctx.config);
      for (const d of chunk.days) {
        const t = ctx.base.candidates[d].flatMap((l) => terms(b, l, d, [kind]));
        if (min > 0) {
          // Elastic: a place nobody can take is a break (reported, exit 1 unless best effort).
          b.addVar(`u${kind === '接访' ? 'j' : 'v'}${d}`, { level: 'breaks', cost: 1 });
          t.push([`u${kind === '接访' ? 'j' : 'v'}${d}`, 1]);
          b.declareRange('breaks', min);
        }
        if (t.length === 0) continue;
        b.addRow(`${kind === '接访' ? 'rj' : 'rv'}${d}`, { min, max }, t);
      }
    },
    check(duties, ctx) {
      const { min, max } = range(ctx.config);
      const by = new Map<IsoDate, Duty[]>();
      for (const d of duties) if (d.kind === kind) by.set(d.date, [...(by.get(d.date) ?? []), d]);
      return ctx.base.days.flatMap((date) => {
        const here = by.get(date) ?? [];
        if (here.length >= min && here.length <= max) return [];
        return [
          violation(
            this,
            ctx,
            `${date} 安排了 ${here.length} 名领导${where}，应为 ${min}~${max} 名 (${here.length} ${kind}, expected ${min}-${max})`,
            here.map((d) => d.name),
            [date],
          ),
        ];
      });
    },
  };
}

export const receptionPerDay = perDayRule('接访', 'reception-per-day');
export const visitsPerDay = perDayRule('下访', 'visits-per-day');

export const onePerDay: RotationRule = {
  id: 'one-per-day',
  sentence: () => '同一领导一天只安排一项（接访或下访）（no leader twice on one day）',
  addRows({ b, ctx, chunk }) {
    for (const d of chunk.days) {
      for (const l of ctx.base.candidates[d]) {
        const t = terms(b, l, d);
        if (t.length > 1) b.addRow(`o${l}_${d}`, { max: 1 }, t);
      }
    }
  },
  check(duties, ctx) {
    const seen = new Map<string, Duty>();
    const out: Violation[] = [];
    for (const d of duties) {
      const k = `${d.date}\u0000${leaderKey(d)}`;
      const first = seen.get(k);
      if (first)
        out.push(
          violation(this, ctx, `${d.name} ${d.date} 被安排了两项（${first.kind}、${d.kind}）(twice on one day)`, [d.name], [d.date]),
        );
      else seen.set(k, d);
    }
    return out;
  },
};

export const maxPerWeek: RotationRule = {
  id: 'max-per-week',
  sentence: (c) => `每名领导每周最多安排 ${c.rotation.maxPerWeek} 次（at most ${c.rotation.maxPerWeek} per leader per week）`,
  addRows({ b, ctx, chunk }) {
    const K = ctx.config.rotation.maxPerWeek;
    const weeks = new Map<string, number[]>();
    for (const d of chunk.days) weeks.set(ctx.week[d], [...(weeks.get(ctx.week[d]) ?? []), d]);
    ctx.base.leaders.forEach((_, l) => {
      for (const [w, ds] of weeks) {
        const t = ds.flatMap((d) => terms(b, l, d));
        const room = Math.max(0, K - (chunk.weekLoad.get(`${l}|${w}`) ?? 0));
        if (t.length > room) b.addRow(`w${l}_${w}`, { max: room }, t);
      }
    });
  },
  check(duties, ctx) {
    const K = ctx.config.rotation.maxPerWeek;
    const by = new Map<string, Duty[]>();
    for (const d of duties) {
      const k = `${leaderKey(d)}\u0000${periodOf('week', d.date).key}`;
      by.set(k, [...(by.get(k) ?? []), d]);
    }
    return [...by.entries()]
      .filter(([, ds]) => ds.length > K)
      .map(([k, ds]) =>
        violation(
          this,
          ctx,
          `${ds[0].name} ${k.split('\u0000')[2]} 安排了 ${ds.length} 次（${ds.map((d) => d.date.slice(5)).join('、')}），超过每周 ${K} 次 (over the weekly maximum)`,
          [ds[0].name],
          ds.map((d) => d.date),
        ),
      );
  },
};

/** Every hard rule of the rotation, in the order they are checked and reported. */
export const ROTATION_RULES: RotationRule[] = [
  shared(workingDayOnly),
  shared(institutionOrder),
  shared(eligibleRank),
  shared(availability),
  receptionPerDay,
  visitsPerDay,
  onePerDay,
  maxPerWeek,
];

export function checkRotation(duties: Duty[], ctx: RotationContext): Violation[] {
  return ROTATION_RULES.flatMap((r) => r.check(duties, ctx));
}

export interface RotationPreference {
  id: string;
  level: Exclude<DutyLevel, 'breaks'>;
  sentence: string;
  addTerms: (a: ChunkArgs) => void;
}

export const quotaRows: RotationPreference = {
  id: 'quota',
  level: 'quota',
  sentence: '每名领导完成频次规则要求的接访、下访（quota rules met; elastic: each unmet one is reported with its reason）',
  addTerms({ b, chunk }) {
    chunk.quotas.forEach((q, k) => {
      if (q.need === 0) return;
      const t = q.days.flatMap((d) => terms(b, q.leader, d, q.rule.kinds));
      b.addVar(`s${k}`, { level: 'quota', cost: 1 });
      b.addRow(`q${k}`, { min: q.need }, [...t, [`s${k}`, 1]]);
      b.declareRange('quota', q.need);
    });
  },
};

export const siteDemand: RotationPreference = {
  id: 'site-demand',
  level: 'sites',
  sentence: "每月下访次数足够覆盖各下访点的每月最少次数（enough 下访 each month for every site's monthly minimum）",
  addTerms({ b, ctx, chunk }) {
    chunk.siteDemand.forEach((s, k) => {
      if (s.target === 0) return;
      const t = s.days.flatMap((d) => ctx.base.candidates[d].flatMap((l) => terms(b, l, d, ['下访'])));
      b.addVar(`sd${k}`, { level: 'sites', cost: 1 });
      b.addRow(`sdr${k}`, { min: s.target }, [...t, [`sd${k}`, 1]]);
      b.declareRange('sites', s.target);
    });
  },
};

export const fewestActivities: RotationPreference = {
  id: 'fewest-activities',
  level: 'load',
  sentence: '在满足以上要求的前提下安排最少的活动（no more activities than the rules ask for）',
  addTerms({ b, ctx, chunk }) {
    const { reception, visits } = ctx.config.rotation;
    for (const d of chunk.days) {
      for (const l of ctx.base.candidates[d]) for (const [v] of terms(b, l, d)) b.addCost(v, 'load', 1);
      b.declareRange('load', Math.min(reception.max + visits.max, ctx.base.candidates[d].length));
    }
  },
};

export const noConsecutive: RotationPreference = {
  id: 'no-consecutive-days',
  level: 'consecutive',
  sentence: '同一领导尽量不在相邻两个工作日安排（no leader on consecutive working days）',
  addTerms({ b, ctx, chunk }) {
    const first = chunk.days[0];
    for (const l of chunk.servedBefore) {
      for (const [v] of terms(b, l, first)) b.addCost(v, 'consecutive', 1);
      b.declareRange('consecutive', 1);
    }
    // A leader with at most n activities in the chunk has at most n − 1 consecutive pairs in it.
    const most = ctx.config.rotation.maxPerWeek * new Set(chunk.days.map((d) => ctx.week[d])).size;
    const pairs = new Map<number, number>();
    for (const d of chunk.days) {
      if (!chunk.days.includes(d + 1)) continue;
      for (const l of ctx.base.candidates[d]) {
        const a = terms(b, l, d),
          c = terms(b, l, d + 1);
        if (!a.length || !c.length) continue;
        b.addVar(`c${l}_${d}`, { level: 'consecutive', cost: 1 });
        b.addRow(`cr${l}_${d}`, { max: 1 }, [...a, ...c, [`c${l}_${d}`, -1]]);
        pairs.set(l, (pairs.get(l) ?? 0) + 1);
      }
    }
    for (const n of pairs.values()) b.declareRange('consecutive', Math.min(n, Math.max(0, most - 1)));
  },
};

export const kindBalance: RotationPreference = {
  id: 'kind-balance',
  level: 'balance',
  sentence: '每名领导的接访、下访次数在领导之间均衡（接访 and 下访 spread evenly: nobody only sits at the centre or only visits）',
  addTerms({ b, ctx, chunk }) {
    // The n-th activity of a kind costs (earlier ones − the fewest anyone has) + n − 1: convex, so
    // the leader with fewer of that kind so far goes first, and over the horizon Σ n(n−1)/2 stays small.
    ctx.base.leaders.forEach((_, l) => {
      for (const kind of KIND_LIST) {
        const xs = chunk.days.flatMap((d) => terms(b, l, d, [kind]));
        if (xs.length === 0) continue;
        const top = Math.min(xs.length, ctx.config.rotation.maxPerWeek * new Set(chunk.days.map((d) => ctx.week[d])).size);
        const off = chunk.kindOffset[l][kind];
        const t = [...xs];
        const tag = kind === '接访' ? 'j' : 'v';
        for (let n = 1; n <= top; n++) {
          const cost = off + n - 1;
          b.addVar(`b${tag}${l}_${n}`, { level: 'balance', cost });
          b.addRow(`bb${tag}${l}_${n}`, { max: 1 }, [[`b${tag}${l}_${n}`, 1]]);
          t.push([`b${tag}${l}_${n}`, -1]);
          b.declareRange('balance', cost);
        }
        b.addRow(`br${tag}${l}`, { max: 0 }, t);
      }
    });
  },
};

/** Tie-break costs 0 … 7: the rotation has more levels above, so its lowest one stays narrow. */
export const ROTATION_TIE_RANGE = 8;
export const rotationTie = (seed: number, ...parts: string[]) => seededHash(seed, ...parts) % ROTATION_TIE_RANGE;

export const tieBreak: RotationPreference = {
  id: 'seeded-tie-break',
  level: 'tieBreak',
  sentence:
    '其余同等情况下，下访优先给分管工作与某个下访点相关的领导，再按 seed 的固定散列决定（then 下访 to leaders related to a site, then a deterministic tie-break from the seed）',
  addTerms({ b, ctx, chunk }) {
    const { reception, visits } = ctx.config.rotation;
    // Site affinity outweighs the hash: an unrelated leader's 下访 costs half the range more.
    const half = ROTATION_TIE_RANGE / 2;
    const unrelated = ctx.base.leaders.map(
      (l) => ctx.sites.some((s) => s.related.length) && !ctx.sites.some((s) => portfolioMatches(l, s)),
    );
    for (const d of chunk.days) {
      for (const l of ctx.base.candidates[d]) {
        const leader = ctx.base.leaders[l];
        for (const kind of KIND_LIST) {
          const v = varName(kind, l, d);
          const away = kind === '下访' && unrelated[l] ? half : 0;
          if (b.hasVar(v))
            b.addCost(
              v,
              'tieBreak',
              away + (rotationTie(ctx.config.seed, leader.name, leader.institution, `${ctx.base.days[d]}${kind}`) % half),
            );
        }
      }
      b.declareRange('tieBreak', (ROTATION_TIE_RANGE - 1) * (reception.max + visits.max));
    }
  },
};

/** Every preference, highest priority first. */
export const ROTATION_PREFERENCES: RotationPreference[] = [quotaRows, siteDemand, fewestActivities, noConsecutive, kindBalance, tieBreak];

/** The chunk's state from everything counted so far (records outside the window and earlier chunks). */
export function chunkState(ctx: RotationContext, days: number[], counted: Counted[]): ChunkState {
  const { base } = ctx;
  const weekLoad = new Map<string, number>();
  const byLeader: Counted[][] = base.leaders.map(() => []);
  const kindCount: Array<Record<Kind, number>> = base.leaders.map(() => ({ 接访: 0, 下访: 0 }));
  for (const c of counted) {
    byLeader[c.leader].push(c);
    const k = `${c.leader}|${periodOf('week', c.date).key}`;
    weekLoad.set(k, (weekLoad.get(k) ?? 0) + 1);
    if (c.planned) kindCount[c.leader][c.kind]++;
  }
  const quotas: QuotaRow[] = [];
  for (const rule of ctx.quotaRules) {
    const periods = new Map<string, number[]>();
    for (const d of days) {
      const p = periodOf(rule.period, base.days[d]).key;
      periods.set(p, [...(periods.get(p) ?? []), d]);
    }
    base.leaders.forEach((leader, l) => {
      if (!ruleApplies(rule, leader)) return;
      for (const [period, ds] of periods) {
        const n = byLeader[l].filter((c) => rule.kinds.includes(c.kind) && periodOf(rule.period, c.date).key === period).length;
        quotas.push({ leader: l, rule, period, need: Math.max(0, rule.min - n), days: ds });
      }
    });
  }
  const eligible = base.leaders.flatMap((_, l) => (base.candidates.some((c) => c.includes(l)) ? [l] : []));
  const least = (kind: Kind) => Math.min(...eligible.map((l) => kindCount[l][kind]));
  const lj = eligible.length ? least('接访') : 0,
    lv = eligible.length ? least('下访') : 0;
  const kindOffset = kindCount.map((k) => ({ 接访: Math.max(0, k.接访 - lj), 下访: Math.max(0, k.下访 - lv) }));
  const servedBefore = new Set<number>();
  const prev = days[0] - 1;
  if (prev >= 0) for (const c of counted) if (c.planned && c.date === base.days[prev]) servedBefore.add(c.leader);
  const siteDemand = siteDemandOf(ctx, days, counted);
  return { days, weekLoad, quotas, kindOffset, servedBefore, siteDemand };
}

/**
 * Months wholly inside the window, with the 下访 the sites still need that month, spread over it: by
 * the end of each ISO week of the chunk, the share of the month's working days gone so far (rounded);
 * by the month's last working day, all of it.
 */
function siteDemandOf(ctx: RotationContext, days: number[], counted: Counted[]): ChunkState['siteDemand'] {
  const total = ctx.sites.reduce((s, x) => s + x.monthlyMin, 0);
  if (total === 0) return [];
  const { from, to } = ctx.config;
  const out: ChunkState['siteDemand'] = [];
  for (const month of [...new Set(days.map((d) => ctx.month[d]))]) {
    const span = periodOf('month', `${month}-01`);
    if (span.from < from || span.to > to) continue;
    const inChunk = days.filter((d) => ctx.month[d] === month);
    const done = counted.filter((c) => c.planned && c.kind === '下访' && c.date.slice(0, 7) === month).length;
    const remaining = Math.max(0, total - done);
    const rest = ctx.base.days.flatMap((_, d) => (ctx.month[d] === month && d >= inChunk[0] ? [d] : []));
    inChunk.forEach((d, i) => {
      const last = i === inChunk.length - 1;
      if (!last && ctx.week[inChunk[i + 1]] === ctx.week[d]) return; // only at the end of each week
      const upTo = inChunk.slice(0, i + 1);
      const target = d === rest[rest.length - 1] ? remaining : Math.round((remaining * upTo.length) / rest.length);
      out.push({ month, target, days: upTo });
    });
  }
  return out;
}

/**
 * The chunk's integer program: variables for every allowed (leader, day, kind), every rule and
 * preference. `coarse` leaves out that many of the lowest preferences (used only when a very large
 * chunk's strict-priority weights would not stay exact in floating point).
 */
export function buildChunkModel(ctx: RotationContext, chunk: ChunkState, coarse = 0): ModelBuilder<DutyLevel> {
  const b = new ModelBuilder<DutyLevel>(DUTY_LEVELS);
  const { reception, visits } = ctx.config.rotation;
  for (const d of chunk.days) {
    for (const l of ctx.base.candidates[d]) {
      if (reception.max > 0) b.addVar(varName('接访', l, d), { int: true });
      if (visits.max > 0) b.addVar(varName('下访', l, d), { int: true });
    }
  }
  const args = { b, ctx, chunk };
  for (const r of ROTATION_RULES) r.addRows?.(args);
  for (const p of ROTATION_PREFERENCES.slice(0, ROTATION_PREFERENCES.length - coarse)) p.addTerms(args);
  return b;
}

/** Σ over leaders and kinds of n(n−1)/2 in a timetable. */
export function unevenness(duties: Duty[]): number {
  const n = new Map<string, number>();
  for (const d of duties) n.set(`${leaderKey(d)}\u0000${d.kind}`, (n.get(`${leaderKey(d)}\u0000${d.kind}`) ?? 0) + 1);
  let s = 0;
  for (const x of n.values()) s += (x * (x - 1)) / 2;
  return s;
}

/** Pairs of consecutive working days served by the same leader. */
export function consecutivePairs(duties: Duty[], ctx: RotationContext): Array<[Duty, Duty]> {
  const by = new Map<string, Duty[]>();
  for (const d of duties) by.set(leaderKey(d), [...(by.get(leaderKey(d)) ?? []), d]);
  const out: Array<[Duty, Duty]> = [];
  for (const ds of by.values()) {
    ds.sort((a, c) => dayNumber(a.date) - dayNumber(c.date));
    for (let i = 0; i + 1 < ds.length; i++) {
      const a = ctx.base.dayIndex.get(ds[i].date),
        c = ctx.base.dayIndex.get(ds[i + 1].date);
      if (a !== undefined && c === a + 1) out.push([ds[i], ds[i + 1]]);
    }
  }
  return out;
}
