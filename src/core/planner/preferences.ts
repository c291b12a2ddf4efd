// What the plan prefers, in strict priority: (1) leaders short of their quota first, (2) spread —
// no leader on consecutive working days, duties even within an institution, (3) a seeded tie-break.
// Each preference adds its costs to the model at its level and measures a finished timetable by
// itself, so tests and reports never trust the solver's own number.
import { byDate } from '../dates.js';
import { leaderKey } from '../leaders.js';
import type { Duty } from '../types.js';
import type { BuildArgs } from './constraints.js';
import { xName } from './constraints.js';
import type { PlanContext } from './context.js';
import { TIE_RANGE, tieCost } from './hash.js';
import type { LevelName } from './model.js';
import type { SoftUnmet } from './types.js';

export interface Preference {
  id: string;
  level: Exclude<LevelName, 'breaks'>;
  sentence: string;
  addTerms: (args: BuildArgs) => void;
  /** This level's value for a timetable (smaller is better). */
  measure: (duties: Duty[], ctx: PlanContext) => number;
  unmet: (duties: Duty[], ctx: PlanContext) => SoftUnmet[];
}

/** Duties per leader key, each list in date order. */
function byLeader(duties: Duty[]): Map<string, Duty[]> {
  const by = new Map<string, Duty[]>();
  for (const d of [...duties].sort(byDate)) {
    by.set(leaderKey(d), [...(by.get(leaderKey(d)) ?? []), d]);
  }
  return by;
}

export const quotaFirst: Preference = {
  id: 'quota-first',
  level: 'quota',
  sentence: '尚未完成本期接访任务的领导优先（leaders short of their quota come first）',
  addTerms({ b, ctx, comp }) {
    const inComp = new Set(comp.leaders);
    ctx.needs.forEach((n, k) => {
      if (n.need === 0 || !inComp.has(n.leader)) return;
      const terms = n.days.filter((d) => b.hasVar(xName(n.leader, d))).map((d): [string, number] => [xName(n.leader, d), 1]);
      if (terms.length === 0) return;
      b.addVar(`s${k}`, { level: 'quota', cost: 1 });
      b.addRow(`q${k}`, { min: n.need }, [...terms, [`s${k}`, 1]]);
      b.declareRange('quota', n.need);
    });
  },
  measure(duties, ctx) {
    const counts = new Map<string, number>();
    for (const d of duties) if (d.kind === ctx.kind) counts.set(`${leaderKey(d)}\u0000${d.date}`, 1);
    return ctx.needs.reduce((sum, n) => {
      const l = ctx.leaders[n.leader];
      const served = n.days.filter((d) => counts.has(`${leaderKey(l)}\u0000${ctx.days[d]}`)).length;
      return sum + Math.max(0, n.need - served);
    }, 0);
  },
  unmet: () => [], // reported as stillShort, with the rule and the period
};

export const noConsecutiveDays: Preference = {
  id: 'no-consecutive-days',
  level: 'consecutive',
  sentence: '同一领导尽量不在相邻两个工作日接访（no leader on consecutive working days）',
  addTerms({ b, comp, ctx }) {
    if (ctx.config.maxPerLeader < 2) return;
    const days = [...comp.days].sort((a, c) => a - c);
    for (const l of comp.leaders) {
      for (let i = 0; i + 1 < days.length; i++) {
        const d = days[i];
        if (days[i + 1] !== d + 1 || !b.hasVar(xName(l, d)) || !b.hasVar(xName(l, d + 1))) continue;
        b.addVar(`c${l}_${d}`, { level: 'consecutive', cost: 1 });
        b.addRow(`cr${l}_${d}`, { max: 1 }, [
          [xName(l, d), 1],
          [xName(l, d + 1), 1],
          [`c${l}_${d}`, -1],
        ]);
        b.declareRange('consecutive', 1);
      }
    }
  },
  measure(duties, ctx) {
    return consecutivePairs(duties, ctx).length;
  },
  unmet(duties, ctx) {
    return consecutivePairs(duties, ctx).map(([a, c]) => ({
      preference: this.id,
      sentence: this.sentence,
      message: `${a.name} 连续两个工作日接访（${a.date}、${c.date}）(on consecutive working days)`,
      names: [a.name],
      dates: [a.date, c.date],
    }));
  },
};

function consecutivePairs(duties: Duty[], ctx: PlanContext): Array<[Duty, Duty]> {
  const out: Array<[Duty, Duty]> = [];
  for (const ds of byLeader(duties).values()) {
    for (let i = 0; i + 1 < ds.length; i++) {
      const a = ctx.dayIndex.get(ds[i].date),
        c = ctx.dayIndex.get(ds[i + 1].date);
      if (a !== undefined && c === a + 1) out.push([ds[i], ds[i + 1]]);
    }
  }
  return out;
}

export const evenSpread: Preference = {
  id: 'even-spread',
  level: 'unevenness',
  sentence: '同一单位领导之间接访次数尽量均衡（duties spread evenly within an institution）',
  addTerms({ b, comp, ctx }) {
    // The k-th duty of a leader costs k − 1, so the total is Σ n(n−1)/2: convex, smallest when even.
    for (const l of comp.leaders) {
      const xs = comp.days.filter((d) => b.hasVar(xName(l, d))).map((d): [string, number] => [xName(l, d), 1]);
      const top = Math.min(ctx.config.maxPerLeader, xs.length);
      if (top < 2) continue;
      const terms = [...xs];
      for (let k = 2; k <= top; k++) {
        b.addVar(`t${l}_${k}`, { level: 'unevenness', cost: k - 1 });
        b.addRow(`tb${l}_${k}`, { max: 1 }, [[`t${l}_${k}`, 1]]);
        terms.push([`t${l}_${k}`, -1]);
        b.declareRange('unevenness', k - 1);
      }
      b.addRow(`tr${l}`, { max: 1 }, terms);
    }
  },
  measure(duties) {
    let sum = 0;
    for (const ds of byLeader(duties).values()) sum += (ds.length * (ds.length - 1)) / 2;
    return sum;
  },
  unmet(duties, ctx) {
    const counts = byLeader(duties);
    const out: SoftUnmet[] = [];
    for (const inst of [...new Set(ctx.dayInstitution)]) {
      const serving = ctx.leaders.filter((l, li) => l.institution === inst && ctx.candidates.some((c) => c.includes(li)));
      const n = serving.map((l) => ({ l, n: counts.get(leaderKey(l))?.length ?? 0 }));
      const most = n.reduce((a, c) => (c.n > a.n ? c : a), n[0]);
      const least = n.reduce((a, c) => (c.n < a.n ? c : a), n[0]);
      if (!most || most.n - least.n < 2) continue;
      out.push({
        preference: this.id,
        sentence: this.sentence,
        message: `${inst}：${most.l.name} 接访 ${most.n} 次，${least.l.name} 仅 ${least.n} 次 (uneven within the institution)`,
        names: [most.l.name, least.l.name],
        dates: (counts.get(leaderKey(most.l)) ?? []).map((d) => d.date),
      });
    }
    return out;
  },
};

export const seededTieBreak: Preference = {
  id: 'seeded-tie-break',
  level: 'tieBreak',
  sentence: '其余同等情况下，按 seed 的固定散列决定（deterministic tie-break from the seed）',
  addTerms({ b, comp, ctx }) {
    for (const d of comp.days) {
      for (const l of ctx.candidates[d]) {
        if (!b.hasVar(xName(l, d))) continue;
        const leader = ctx.leaders[l];
        b.addCost(xName(l, d), 'tieBreak', tieCost(ctx.config.seed, leader.name, leader.institution, ctx.days[d]));
      }
      b.declareRange('tieBreak', (TIE_RANGE - 1) * ctx.config.perDay);
    }
  },
  measure(duties, ctx) {
    return duties.reduce((s, d) => s + tieCost(ctx.config.seed, d.name, d.institution, d.date), 0);
  },
  unmet: () => [],
};

/** Working days whose leaders differ from the published timetable's (re-planning only). */
export function changedDays(duties: Duty[], ctx: PlanContext): number[] {
  if (!ctx.published) return [];
  const now = new Map<string, string[]>();
  for (const d of duties) now.set(d.date, [...(now.get(d.date) ?? []), leaderKey(d)]);
  const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\u0001') === [...b].sort().join('\u0001');
  return ctx.days.flatMap((date, d) => (same(ctx.published![d] ?? [], now.get(date) ?? []) ? [] : [d]));
}

export const keepPublished: Preference = {
  id: 'keep-published',
  level: 'changes',
  sentence: '已公布的安排尽量不变，改动的天数最少（change as few published days as possible）',
  addTerms({ b, comp, ctx }) {
    if (!ctx.published) return;
    for (const d of comp.days) {
      if (ctx.fixedDays?.has(d)) continue;
      const keys = ctx.published[d] ?? [];
      const ls = keys.map((k) => ctx.leaderIndex.get(k));
      // A day that cannot keep its published leaders changes whatever the plan does: no term needed.
      if (keys.length !== ctx.config.perDay || ls.some((l) => l === undefined || !b.hasVar(xName(l, d)))) continue;
      b.addVar(`k${d}`, { level: 'changes', cost: 1 });
      ls.forEach((l, j) => {
        b.addRow(`kp${d}_${j}`, { min: 1 }, [
          [xName(l!, d), 1],
          [`k${d}`, 1],
        ]);
      });
      b.declareRange('changes', 1);
    }
  },
  measure(duties, ctx) {
    return changedDays(duties, ctx).length;
  },
  unmet: () => [], // the change notice lists the changed days
};

/**
 * Every preference. The objective level, not the position here, sets the priority:
 * keep-published (changes) comes before all others when re-planning.
 */
export const PREFERENCES: Preference[] = [quotaFirst, noConsecutiveDays, evenSpread, seededTieBreak, keepPublished];
