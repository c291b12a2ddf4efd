// What the plan prefers, in strict priority, for every preset: (1) change as few published days as
// possible (re-planning), (2) leaders short of their quota first, (3) enough 下访 for the sites,
// (4) no more activities than the rules ask for, (5) no leader on consecutive working days, (6) an
// even spread of 接访 and 下访 over the leaders, (7) a seeded tie-break. Each preference adds its
// costs at its level and measures a finished timetable by itself, so tests and reports never trust
// the solver's own number.

import { dayNumber } from '../dates.js';
import { groupBy } from '../group-by.js';
import { leaderKey } from '../leaders.js';
import type { Duty, Kind } from '../types.js';
import { isCandidate, type PlanContext } from './context.js';
import { seededHash } from './hash.js';
import type { LevelName } from './model.js';
import type { Activity } from './piece-network.js';
import { quotaShortfall } from './report.js';
import { type BuildArgs, KIND_LIST, type NetArgs, terms, varName } from './rules.js';
import { portfolioMatches, siteCoverage, wholeMonths } from './sites.js';
import { type ChunkState, roomForTwo } from './state.js';
import type { SoftUnmet } from './types.js';

export interface Preference {
  id: string;
  level: Exclude<LevelName, 'breaks'>;
  sentence: string;
  addTerms: (args: BuildArgs) => void;
  /** The same terms in a piece's network (engine/network.ts): costs, sets, or a refusal. */
  addArcs: (args: NetArgs) => void;
  /** This level's value for a timetable (smaller is better). */
  measure: (duties: Duty[], ctx: PlanContext) => number;
  unmet: (duties: Duty[], ctx: PlanContext) => SoftUnmet[];
}

/** The most activities leader l can have in the chunk under the hard maximums (elastic: the per-round and weekly ones may break). */
function most(ctx: PlanContext, chunk: ChunkState, l: number, elastic: boolean): number {
  let m = chunk.days.filter((d) => isCandidate(ctx, l, d)).length;
  if (elastic) return m;
  if (ctx.set.maxPerRound !== undefined) m = Math.min(m, Math.max(0, ctx.set.maxPerRound - chunk.roundLoad[l]));
  if (ctx.set.maxPerWeek !== undefined) m = Math.min(m, ctx.set.maxPerWeek * chunk.weeks);
  return m;
}

/** (kind, leader) pairs of a working day's duties, and each 下访's site, sorted: a day changes when they differ. */
const daySet = (duties: Duty[]) =>
  duties
    .map((d) => `${d.kind}\u0000${leaderKey(d)}${d.kind === '下访' ? `\u0000${d.place}` : ''}`)
    .sort()
    .join('\u0001');

/** Working days from today on whose duties differ from the published timetable (re-planning only). */
export function changedDays(duties: Duty[], ctx: PlanContext): number[] {
  const p = ctx.published;
  if (!p) return [];
  const was = groupBy(p.duties, (d) => d.date),
    now = groupBy(duties, (d) => d.date);
  return ctx.open.filter((d) => daySet(was.get(ctx.days[d]) ?? []) !== daySet(now.get(ctx.days[d]) ?? []));
}

/**
 * The row a published duty's leader serves day d on: one who moved institution after it was published
 * is kept as the same person in the new post (his row whose term holds d), not as a change.
 */
function rowOn(ctx: PlanContext, l: number | undefined, d: number): number | undefined {
  if (l === undefined || isCandidate(ctx, l, d)) return l;
  const moved = ctx.leaders.findIndex((_, m) => m !== l && ctx.person[m] === ctx.person[l] && isCandidate(ctx, m, d));
  return moved < 0 ? l : moved;
}

export const keepPublished: Preference = {
  id: 'keep-published',
  level: 'changes',
  sentence: '已公布的安排尽量不变，改动的天数最少（change as few published days as possible）',
  addTerms({ b, ctx, chunk }) {
    const p = ctx.published;
    if (!p) return;
    for (const d of chunk.days) {
      const mine = p.duties.filter((x) => x.date === ctx.days[d]);
      const keep = mine.map((x) => ({ l: rowOn(ctx, ctx.leaderIndex.get(leaderKey(x)), d), kind: x.kind }));
      // A day that cannot keep its published duties changes whatever the plan does: no term needed.
      if (keep.some(({ l, kind }) => l === undefined || !b.hasVar(varName(kind, l, d)))) continue;
      const kept = new Set(keep.map(({ l, kind }) => varName(kind, l!, d)));
      // Whole (0/1): the solver's search then settles a day kept or changed first.
      b.addBinary(`k${d}`);
      b.addCost(`k${d}`, 'changes', 1);
      for (const v of kept)
        b.addRow(`kp${v}`, { min: 1 }, [
          [v, 1],
          [`k${d}`, 1],
        ]);
      // Any other duty that day is a change too; no day holds more than M duties (the per-day maximums).
      const others = ctx.candidates[d].flatMap((l) => terms(b, l, d)).filter(([v]) => !kept.has(v));
      const M = Math.min(others.length, ctx.set.reception.max + ctx.set.visits.max);
      if (others.length) b.addRow(`kn${d}`, { max: 0 }, [...others, [`k${d}`, -M]]);
    }
  },
  addArcs({ net, ctx, chunk }) {
    const p = ctx.published;
    if (!p) return;
    // With exactly one 接访 a day and no 下访, a day changes unless its one published leader serves
    // it again: one reward on that activity. Otherwise keeping a day holds several activities at once.
    const { reception, visits } = ctx.set;
    if (visits.max > 0 || reception.min !== 1 || reception.max !== 1) return net.refuse();
    for (const d of chunk.days) {
      const mine = p.duties.filter((x) => x.date === ctx.days[d]);
      const l = mine.length === 1 ? ctx.leaderIndex.get(leaderKey(mine[0])) : undefined;
      if (l !== undefined && mine[0].kind === '接访' && isCandidate(ctx, l, d)) net.arcCost('接访', l, d, 'changes', -1);
    }
  },
  measure: (duties, ctx) => changedDays(duties, ctx).length,
  unmet: () => [], // the change notice lists the changed days
};

export const quotaFirst: Preference = {
  id: 'quota',
  level: 'quota',
  sentence: '尚未完成本期频次要求的领导优先（leaders short of their quota come first）',
  addTerms({ b, chunk }) {
    chunk.quotas.forEach((q, k) => {
      if (q.need === 0) return;
      const t = q.days.flatMap((d) => terms(b, q.leader, d, q.rule.kinds));
      if (t.length) b.boundedSum(`q${k}`, { min: q.need }, t, { level: 'quota', cost: 1, most: q.need });
    });
  },
  addArcs({ net, chunk }) {
    for (const q of chunk.quotas) {
      if (q.need === 0) continue;
      net.leaderSet(q.leader, q.days, { units: { level: 'quota', costs: Array(q.need).fill(-1) } }, q.rule.kinds);
    }
  },
  measure: quotaShortfall,
  unmet: () => [], // reported as stillShort, with the rule, the period and the reason
};

export const siteDemand: Preference = {
  id: 'site-demand',
  level: 'sites',
  sentence: "每月下访次数足够覆盖各下访点的每月最少次数（enough 下访 each month for every site's monthly minimum）",
  addTerms({ b, ctx, chunk }) {
    chunk.siteDemand.forEach((s, k) => {
      if (s.target === 0) return;
      const t = s.days.flatMap((d) => ctx.candidates[d].flatMap((l) => terms(b, l, d, ['下访'])));
      b.boundedSum(`sd${k}`, { min: s.target }, t, { level: 'sites', cost: 1, most: s.target });
    });
  },
  addArcs({ net, chunk }) {
    for (const s of chunk.siteDemand)
      if (s.target > 0)
        net.cellSet(
          s.days.map((d) => [d, '下访']),
          { units: { level: 'sites', costs: Array(s.target).fill(-1) } },
        );
  },
  measure(duties, ctx) {
    const months = wholeMonths(ctx);
    return siteCoverage(ctx, duties).reduce(
      (sum, s) => sum + months.reduce((a, m) => a + Math.max(0, s.monthlyMin - (s.perMonth[m] ?? 0)), 0),
      0,
    );
  },
  unmet(duties, ctx) {
    const months = wholeMonths(ctx);
    return siteCoverage(ctx, duties).flatMap((s) =>
      months.flatMap((m) => {
        const n = s.perMonth[m] ?? 0;
        if (n >= s.monthlyMin) return [];
        const all = duties.filter((d) => d.kind === '下访' && d.date.slice(0, 7) === m).length;
        return [
          {
            preference: 'site-monthly-min',
            sentence: '每个下访点每月至少下访“每月至少”次（every site visited at least its monthly minimum）',
            message: `${s.name} ${m} 下访 ${n} 次，少于每月至少 ${s.monthlyMin} 次：本月共 ${all} 次下访 (site below its monthly minimum; ${all} 下访 that month)`,
            names: [],
            dates: [],
          },
        ];
      }),
    );
  },
};

export const fewestActivities: Preference = {
  id: 'fewest-activities',
  level: 'load',
  sentence: '在满足以上要求的前提下安排最少的活动（no more activities than the rules ask for）',
  addTerms({ b, ctx, chunk }) {
    const { reception, visits } = ctx.set;
    if (reception.min === reception.max && visits.min === visits.max) return; // every day's count is fixed
    for (const d of chunk.days) {
      for (const l of ctx.candidates[d]) for (const [v] of terms(b, l, d)) b.addCost(v, 'load', 1, 0);
      b.widen('load', Math.min(reception.max + visits.max, ctx.candidates[d].length));
    }
  },
  addArcs({ net, ctx, chunk }) {
    const { reception, visits } = ctx.set;
    if (reception.min === reception.max && visits.min === visits.max) return;
    for (const d of chunk.days) for (const l of ctx.candidates[d]) for (const kind of net.kinds) net.arcCost(kind, l, d, 'load', 1);
  },
  measure: (duties) => duties.length,
  unmet: () => [],
};

/** A leader's kind: two activities with one key are two of one kind. */
const activityKey = (a: Activity) => `${a.leader}${a.kind}`;

/** Pairs of consecutive working days served by the same leader. */
export function consecutivePairs(duties: Duty[], ctx: PlanContext): Array<[Duty, Duty]> {
  const out: Array<[Duty, Duty]> = [];
  for (const ds of groupBy(duties, leaderKey).values()) {
    ds.sort((a, c) => dayNumber(a.date) - dayNumber(c.date));
    for (let i = 0; i + 1 < ds.length; i++) {
      const a = ctx.dayIndex.get(ds[i].date),
        c = ctx.dayIndex.get(ds[i + 1].date);
      if (a !== undefined && c === a + 1) out.push([ds[i], ds[i + 1]]);
    }
  }
  return out;
}

export const noConsecutiveDays: Preference = {
  id: 'no-consecutive-days',
  level: 'consecutive',
  sentence: '同一领导尽量不在相邻两个工作日安排（no leader on consecutive working days）',
  addTerms({ b, ctx, chunk, elastic, released }) {
    const inChunk = new Set(chunk.days);
    for (const l of chunk.leaders) {
      const top = most(ctx, chunk, l, elastic);
      if (top < 1) continue;
      let pairs = 0;
      for (const d of chunk.days) {
        const here = terms(b, l, d);
        if (!here.length) continue;
        if (chunk.servedBefore.get(d)?.has(l)) for (const [v] of here) b.addCost(v, 'consecutive', 1);
        const next = inChunk.has(d + 1) ? terms(b, l, d + 1) : [];
        if (!next.length || top < 2) continue;
        // Two days of one week with room for one activity cannot both be served (unless best effort breaks
        // that week): no pair to price. Counted all the same when elastic, so every elastic build has one range.
        const one = ctx.week[d] === ctx.week[d + 1] && !roomForTwo(ctx, chunk, l, ctx.week[d], released);
        if (one && !elastic) continue;
        pairs++;
        if (one) continue;
        b.penalised(`c${l}_${d}`, 'consecutive', 1, 0);
        b.addRow(`cr${l}_${d}`, { max: 1 }, [...here, ...next, [`c${l}_${d}`, -1]]);
      }
      // A leader with at most n activities in the chunk has at most n − 1 consecutive pairs in it.
      b.widen('consecutive', Math.min(pairs, Math.max(0, top - 1)));
    }
  },
  addArcs({ net, ctx, chunk }) {
    for (const [d, before] of chunk.servedBefore)
      for (const l of ctx.candidates[d]) if (before.has(l)) for (const kind of net.kinds) net.arcCost(kind, l, d, 'consecutive', 1);
    // Pairs inside the piece are no network cost: a solution with one is repaired (engine/branch-and-bound.ts)
    // by leaving out the leader's first day, or the second, or keeping both and paying the pair.
    net.certify((acts, paid) => {
      const on = new Set(acts.map((a) => `${a.leader}_${a.day}`));
      const a = acts.find((x) => on.has(`${x.leader}_${x.day + 1}`) && !paid.has(`${x.leader}_${x.day}`));
      if (!a) return true;
      const drop: Array<[number, number]> = [
        [a.leader, a.day],
        [a.leader, a.day + 1],
      ];
      return { key: `${a.leader}_${a.day}`, drop, pay: { level: 'consecutive', amount: 1 } };
    });
  },
  measure: (duties, ctx) => consecutivePairs(duties, ctx).length,
  unmet: (duties, ctx) =>
    consecutivePairs(duties, ctx).map(([a, c]) => ({
      preference: 'no-consecutive-days',
      sentence: noConsecutiveDays.sentence,
      message: `${a.name} 连续两个工作日有安排（${a.date} ${a.kind}、${c.date} ${c.kind}）(on consecutive working days)`,
      names: [a.name],
      dates: [a.date, c.date],
    })),
};

export const evenSpread: Preference = {
  id: 'even-spread',
  level: 'balance',
  sentence: '接访、下访次数在领导之间尽量均衡（接访 and 下访 spread evenly over the leaders）',
  addTerms({ b, ctx, chunk, elastic }) {
    // The n-th activity of a kind in the piece costs (the leader's earlier ones in the window) + n − 1:
    // exactly what it adds to Σ N(N−1)/2 over the window's whole totals N, so a piece carried forward
    // minimises the window's balance given the pieces before it. Not offset by the fewest anyone has:
    // that would shift 接访 against 下访 by the difference of the two minimums. The earlier count goes
    // on each activity; e_n ≥ count − (n − 1), e_n ≥ 0 for n ≥ 2 adds up to count(count − 1)/2.
    for (const l of chunk.leaders) {
      const cap = most(ctx, chunk, l, elastic);
      for (const kind of KIND_LIST) {
        const xs = chunk.days.flatMap((d) => terms(b, l, d, [kind]));
        const top = Math.min(xs.length, cap);
        const off = chunk.kindSoFar[kind][l];
        if (top === 0) continue;
        if (off > 0) for (const [v] of xs) b.addCost(v, 'balance', off, 0);
        b.widen('balance', off * top);
        const tag = kind === '接访' ? 'j' : 'v';
        for (let n = 2; n <= top; n++) {
          b.penalised(`b${tag}${l}_${n}`, 'balance', 1, top - n + 1);
          b.addRow(`br${tag}${l}_${n}`, { max: n - 1 }, [...xs, [`b${tag}${l}_${n}`, -1]]);
        }
      }
    }
  },
  addArcs({ net, ctx, chunk }) {
    // The n-th activity of a kind costs off + n − 1 (off: the leader's earlier ones): off on each activity, and n − 1 on the leader's
    // set of that kind when leaves are split by kind (or there is one kind). Otherwise the n − 1 part
    // is left out and the solution must give nobody two of one kind.
    const perKind = net.split || net.kinds.length === 1;
    for (const l of chunk.leaders) {
      const top = most(ctx, chunk, l, false);
      for (const kind of net.kinds) {
        const off = chunk.kindSoFar[kind][l];
        for (const d of chunk.days) if (isCandidate(ctx, l, d)) net.arcCost(kind, l, d, 'balance', off);
        if (perKind)
          net.leaderSet(l, chunk.days, { cap: top, units: { level: 'balance', costs: Array.from({ length: top }, (_, n) => n) } }, [kind]);
      }
    }
    if (!perKind) net.certify((acts) => new Set(acts.map(activityKey)).size === acts.length);
  },
  measure(duties) {
    let s = 0;
    for (const ds of groupBy(duties, (d) => `${leaderKey(d)}\u0000${d.kind}`).values()) s += (ds.length * (ds.length - 1)) / 2;
    return s;
  },
  unmet(duties, ctx) {
    const counts = groupBy(duties, leaderKey);
    const out: SoftUnmet[] = [];
    for (const inst of [...new Set(ctx.dayInstitution)].filter(Boolean)) {
      const serving = ctx.serving.map((li) => ctx.leaders[li]).filter((l) => l.institution === inst);
      const n = serving.map((l) => ({ l, n: counts.get(leaderKey(l))?.length ?? 0 }));
      const hi = n.reduce((a, c) => (c.n > a.n ? c : a), n[0]);
      const lo = n.reduce((a, c) => (c.n < a.n ? c : a), n[0]);
      if (!hi || hi.n - lo.n < 2) continue;
      out.push({
        preference: this.id,
        sentence: this.sentence,
        message: `${inst}：${hi.l.name} 安排 ${hi.n} 次，${lo.l.name} 仅 ${lo.n} 次 (uneven within the institution)`,
        names: [hi.l.name, lo.l.name],
        dates: (counts.get(leaderKey(hi.l)) ?? []).map((d) => d.date),
      });
    }
    return out;
  },
};

/**
 * A duty's tie-break cost, 0 … tieRange − 1: a seeded hash of leader and day. When some site names
 * related portfolios, a 下访 by a leader related to none costs the upper half (site affinity first).
 */
export function tieCost(
  ctx: PlanContext,
  leader: { name: string; institution: string; portfolio: string },
  date: string,
  kind: Kind,
): number {
  const R = ctx.set.tieRange;
  const h = seededHash(ctx.config.seed, leader.name, leader.institution, kind === '接访' ? date : `${date}${kind}`);
  const relates = siteAffinity(ctx);
  if (!relates) return h % R;
  const away = kind === '下访' && !relates(leader.portfolio) ? R / 2 : 0;
  return away + (h % (R / 2));
}

const affinities = new WeakMap<PlanContext, ((portfolio: string) => boolean) | undefined>();

/**
 * Whether a portfolio relates to some site, once per portfolio (tieCost asks for every leader, day and
 * kind of every piece); undefined when no site names related portfolios.
 */
function siteAffinity(ctx: PlanContext): ((portfolio: string) => boolean) | undefined {
  if (affinities.has(ctx)) return affinities.get(ctx);
  const known = new Map<string, boolean>();
  const relates = ctx.sites.some((s) => s.related.length)
    ? (portfolio: string) => {
        let r = known.get(portfolio);
        if (r === undefined) known.set(portfolio, (r = ctx.sites.some((s) => portfolioMatches({ portfolio }, s))));
        return r;
      }
    : undefined;
  affinities.set(ctx, relates);
  return relates;
}

export const seededTieBreak: Preference = {
  id: 'seeded-tie-break',
  level: 'tieBreak',
  sentence:
    '其余同等情况下，下访优先给分管工作与下访点相关的领导，再按 seed 的固定散列决定（then a deterministic tie-break from the seed）',
  addTerms({ b, ctx, chunk }) {
    const { reception, visits, tieRange } = ctx.set;
    for (const d of chunk.days) {
      for (const l of ctx.candidates[d])
        for (const kind of KIND_LIST)
          if (b.hasVar(varName(kind, l, d))) b.addCost(varName(kind, l, d), 'tieBreak', tieCost(ctx, ctx.leaders[l], ctx.days[d], kind), 0);
      b.widen('tieBreak', (tieRange - 1) * (reception.max + visits.max));
    }
  },
  addArcs({ net, ctx, chunk }) {
    for (const d of chunk.days)
      for (const l of ctx.candidates[d])
        for (const kind of net.kinds) net.arcCost(kind, l, d, 'tieBreak', tieCost(ctx, ctx.leaders[l], ctx.days[d], kind));
  },
  measure: (duties, ctx) => duties.reduce((s, d) => s + tieCost(ctx, d, d.date, d.kind), 0),
  unmet: () => [],
};

/** Every preference, highest priority first (the order of the objective's levels). */
export const PREFERENCES: Preference[] = [
  keepPublished,
  quotaFirst,
  siteDemand,
  fewestActivities,
  noConsecutiveDays,
  evenSpread,
  seededTieBreak,
];
