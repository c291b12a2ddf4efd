// The rotation planner (seed 四、(二)): township weekly and county monthly plans of 接访 at the centre
// and 下访 to villages and communities, over a month, a quarter or a year. The horizon is cut into
// chunks (ISO weeks or months) solved one after another as integer programs, each knowing what the
// chunks before it did (weekly loads, quota counts, the 接访/下访 split, yesterday's leaders); then
// the 下访 are given sites month by month. Unmet quotas are reported with their reasons; only a
// working day whose minimum nobody can fill breaks a hard rule.
import { periodOf } from '../check/periods.js';
import { sortDuties } from '../duty-order.js';
import { leaderKey } from '../leaders.js';
import { placeText } from '../place.js';
import { stillShort } from '../planner/report.js';
import type { LeftOut, SoftUnmet } from '../planner/types.js';
import type { Duty, Kind } from '../types.js';
import { buildRotationContext, type RotationContext } from './context.js';
import { buildChunkModel, type Counted, checkRotation, chunkState, consecutivePairs, unevenness, varName } from './duties.js';
import { quotaReason, unstaffedCauses } from './explain.js';
import { assignMonth, initialSiteState, longestGap, portfolioMatches, type Visit } from './site-assign.js';
import { solveLp, weightsExact } from './solve.js';
import type { Activity, RotationInput, RotationObjective, RotationReport, RotationResult, SiteCoverage } from './types.js';

/** 下访 written without a sites list. */
export const UNDECIDED_SITE = '下访地点待定';

export function planRotation(input: RotationInput): RotationResult {
  const ctx = buildRotationContext(input);
  const { base } = ctx;
  const { from, to } = ctx.config;
  const counted: Counted[] = [];
  for (const h of base.history) {
    if (h.date >= from && h.date <= to) continue; // this plan replaces records inside its window
    const l = base.leaderIndex.get(leaderKey(h));
    if (l !== undefined) counted.push({ leader: l, date: h.date, kind: h.kind, planned: false });
  }
  const acts: Activity[] = [];
  const unstaffed: Array<{ day: number; kind: Kind; missing: number }> = [];
  const model = { variables: 0, constraints: 0, components: 0, coarsened: 0 };
  for (const days of ctx.chunks) {
    const state = chunkState(ctx, days, counted);
    let coarse = 0;
    let b = buildChunkModel(ctx, state);
    while (!weightsExact(b)) b = buildChunkModel(ctx, state, ++coarse);
    model.coarsened = Math.max(model.coarsened, coarse);
    const r = solveLp(b);
    for (const d of days) {
      for (const l of base.candidates[d]) {
        for (const kind of ['接访', '下访'] as Kind[]) {
          if ((r[varName(kind, l, d)] ?? 0) > 0.5) {
            acts.push({ leader: l, day: d, kind });
            counted.push({ leader: l, date: base.days[d], kind, planned: true });
          }
        }
      }
      for (const [kind, tag] of [
        ['接访', 'j'],
        ['下访', 'v'],
      ] as Array<[Kind, string]>) {
        const missing = Math.round(r[`u${tag}${d}`] ?? 0);
        if (missing > 0) unstaffed.push({ day: d, kind, missing });
      }
    }
    model.variables += b.size.variables;
    model.constraints += b.size.constraints;
    model.components += 1;
    input.onProgress?.(model.components, ctx.chunks.length);
  }
  const siteOf = new Map<Activity, number>();
  let siteMonths = 0;
  if (ctx.sites.length) {
    const state = initialSiteState(ctx);
    const visits = acts.filter((a) => a.kind === '下访');
    for (const month of [...new Set(visits.map((v) => ctx.month[v.day]))]) {
      const these = visits.filter((v) => ctx.month[v.day] === month);
      const solved = assignMonth(
        ctx,
        month,
        these.map((v): Visit => ({ leader: v.leader, day: v.day })),
        state,
      );
      these.forEach((v, j) => {
        siteOf.set(v, solved.site[j]);
      });
      model.variables += solved.variables;
      model.constraints += solved.constraints;
      siteMonths++;
    }
  }
  const all = sortDuties(
    acts.map((a) => dutyOf(ctx, a, siteOf.get(a))),
    ctx.config,
  );
  const broken = unstaffed.length > 0;
  const status = !broken ? 'optimal' : input.bestEffort ? 'best-effort' : 'infeasible';
  const duties = status === 'infeasible' ? [] : all;
  const short = stillShort(all, base).map((s) => ({ ...s, reason: quotaReason(ctx, s) }));
  const sites = siteCoverage(ctx, all);
  const report: RotationReport = {
    status,
    workingDays: base.days.length,
    duties: duties.length,
    objective: measureRotation(
      ctx,
      all,
      unstaffed.reduce((s, u) => s + u.missing, 0),
    ),
    kinds: { 接访: all.filter((d) => d.kind === '接访').length, 下访: all.filter((d) => d.kind === '下访').length },
    leftOut: leftOut(ctx, all),
    stillShort: short,
    softUnmet: softUnmet(ctx, all, sites),
    causes: unstaffedCauses(ctx, unstaffed, all),
    breaks: broken ? checkRotation(all, ctx) : [],
    sites,
    decomposition: { mode: ctx.config.rotation.decompose, chunks: ctx.chunks.length, siteMonths },
    model,
  };
  return { duties, report };
}

function dutyOf(ctx: RotationContext, a: Activity, site: number | undefined): Duty {
  const leader = ctx.base.leaders[a.leader];
  const date = ctx.base.days[a.day];
  const s = site === undefined ? undefined : ctx.sites[site];
  return {
    date,
    weekday: ctx.base.window.find((w) => w.date === date)!.weekday,
    kind: a.kind,
    institution: leader.institution,
    name: leader.name,
    title: leader.title,
    portfolio: leader.portfolio,
    place: a.kind === '接访' ? ctx.base.place : s ? placeText({ name: s.name, address: s.address }) : UNDECIDED_SITE,
  };
}

/** The site a 下访 duty names (by its place text). */
export function siteIndexOf(ctx: RotationContext, d: Duty): number {
  return ctx.sites.findIndex((s) => placeText({ name: s.name, address: s.address }) === d.place);
}

/** Visits per site: per month, longest gap, portfolio matches. */
export function siteCoverage(ctx: RotationContext, duties: Duty[]): SiteCoverage[] {
  const { from, to } = ctx.config;
  const months = [...new Set(ctx.base.window.map((w) => w.date.slice(0, 7)))];
  return ctx.sites.map((site, s) => {
    const mine = duties.filter((d) => d.kind === '下访' && siteIndexOf(ctx, d) === s);
    const perMonth: Record<string, number> = {};
    for (const m of months) perMonth[m] = mine.filter((d) => d.date.slice(0, 7) === m).length;
    const matched = mine.filter((d) => {
      const l = ctx.base.leaderIndex.get(leaderKey(d));
      return l !== undefined && portfolioMatches(ctx.base.leaders[l], site);
    }).length;
    return {
      name: site.name,
      type: site.type,
      monthlyMin: site.monthlyMin,
      visits: mine.length,
      perMonth,
      longestGap: longestGap(
        mine.map((d) => d.date),
        from,
        to,
      ),
      matched,
    };
  });
}

/** Months wholly inside the window (site minimums are judged on these). */
function wholeMonths(ctx: RotationContext): string[] {
  const { from, to } = ctx.config;
  return [...new Set(ctx.base.window.map((w) => w.date.slice(0, 7)))].filter((m) => {
    const span = periodOf('month', `${m}-01`);
    return span.from >= from && span.to <= to;
  });
}

export function measureRotation(ctx: RotationContext, duties: Duty[], unstaffed: number): RotationObjective {
  const sites = siteCoverage(ctx, duties);
  const months = wholeMonths(ctx);
  const siteShortfall = sites.reduce((sum, s) => sum + months.reduce((a, m) => a + Math.max(0, s.monthlyMin - (s.perMonth[m] ?? 0)), 0), 0);
  const gap = ctx.config.rotation.siteGapDays;
  return {
    unstaffed,
    quotaShortfall: stillShort(duties, ctx.base)
      .filter((s) => ctx.quotaRules.some((r) => r.id === s.rule))
      .reduce((a, s) => a + s.min - s.count, 0),
    siteShortfall,
    activities: duties.length,
    consecutive: consecutivePairs(duties, ctx).length,
    unevenness: unevenness(duties),
    siteGaps: sites.filter((s) => s.longestGap > gap).length,
    portfolioMismatch: duties.filter((d) => {
      if (d.kind !== '下访') return false;
      const s = siteIndexOf(ctx, d),
        l = ctx.base.leaderIndex.get(leaderKey(d));
      return s >= 0 && l !== undefined && !portfolioMatches(ctx.base.leaders[l], ctx.sites[s]);
    }).length,
  };
}

function softUnmet(ctx: RotationContext, duties: Duty[], sites: SiteCoverage[]): SoftUnmet[] {
  const out: SoftUnmet[] = consecutivePairs(duties, ctx).map(([a, c]) => ({
    preference: 'no-consecutive-days',
    sentence: '同一领导尽量不在相邻两个工作日安排（no leader on consecutive working days）',
    message: `${a.name} 连续两个工作日有安排（${a.date} ${a.kind}、${c.date} ${c.kind}）(on consecutive working days)`,
    names: [a.name],
    dates: [a.date, c.date],
  }));
  const months = wholeMonths(ctx);
  for (const s of sites) {
    for (const m of months) {
      const n = s.perMonth[m] ?? 0;
      if (n >= s.monthlyMin) continue;
      const all = duties.filter((d) => d.kind === '下访' && d.date.slice(0, 7) === m).length;
      out.push({
        preference: 'site-monthly-min',
        sentence: '每个下访点每月至少下访“每月至少”次（every site visited at least its monthly minimum）',
        message: `${s.name} ${m} 下访 ${n} 次，少于每月至少 ${s.monthlyMin} 次：本月共 ${all} 次下访 (site below its monthly minimum; ${all} 下访 that month)`,
        names: [],
        dates: [],
      });
    }
    const gap = ctx.config.rotation.siteGapDays;
    if (s.longestGap > gap) {
      out.push({
        preference: 'site-gap',
        sentence: '每个下访点两次下访间隔不超过规定天数（no site left out longer than siteGapDays）',
        message: `${s.name} 最长 ${s.longestGap} 天没有下访，超过 ${gap} 天 (left out ${s.longestGap} days)`,
        names: [],
        dates: [],
      });
    }
  }
  return out;
}

function leftOut(ctx: RotationContext, duties: Duty[]): LeftOut[] {
  const serving = new Set(duties.map(leaderKey));
  const { base, config } = ctx;
  return base.leaders.flatMap((l, li) => {
    if (serving.has(leaderKey(l))) return [];
    let reason: string;
    if (!config.eligibleRanks.includes(l.rank))
      reason = `${l.rank}，不在 ${config.eligibleRanks.join('、')} 之列，不参加本轮值 (rank not eligible)`;
    else if (!base.candidates.some((c) => c.includes(li))) reason = `排班范围内的工作日均不可安排 (unavailable on every working day)`;
    else reason = `频次要求已由记录满足，本次无需安排 (quota already met by the records)`;
    return [{ name: l.name, institution: l.institution, title: l.title, rank: l.rank, reason }];
  });
}
