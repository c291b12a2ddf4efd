// The site stage: which village or community each 下访 goes to, month by month, with the last visit
// to each site carried forward. Every 下访 can go to any site, so as long as the first stage plans
// enough 下访 in a month (the site-demand preference), every site's monthly minimum can be met here;
// what this stage decides is the rotation. Its rules are objects like the planner's: each adds its
// terms to the month's model and measures a finished timetable.
import { periodOf } from '../check/periods.js';
import { dayNumber } from '../dates.js';
import { groupBy } from '../group-by.js';
import { leaderKey } from '../leaders.js';
import { placeText } from '../place.js';
import type { Site } from '../sites.js';
import type { Duty, IsoDate, Leader } from '../types.js';
import type { PlanContext } from './context.js';
import { seededHash } from './hash.js';
import { ModelBuilder, SITE_LEVELS, type SiteLevel } from './model.js';
import { NetworkBuilder } from './network.js';
import type { SiteCoverage, SoftUnmet } from './types.js';

/** 下访 written without a sites list. */
export const UNDECIDED_SITE = '下访地点待定';

/** A 下访 to place: the leader and the working day. */
export interface Visit {
  leader: number;
  day: number;
}

const words = new Map<string, string[]>();

/** Portfolio words: 征地拆迁、城乡建设 → [征地拆迁, 城乡建设] (remembered: asked for every visit and site). */
export function portfolioWords(text: string): string[] {
  let w = words.get(text);
  if (!w) words.set(text, (w = text.split(/[、,，;；/\s\u3000]+/).filter(Boolean)));
  return w;
}

/** Whether the leader's 分管工作 shares a word with the site's 相关分管 (either containing the other). */
export function portfolioMatches(leader: Pick<Leader, 'portfolio'>, site: Pick<Site, 'related'>): boolean {
  const mine = portfolioWords(leader.portfolio);
  return site.related.some((r) => mine.some((p) => p.includes(r) || r.includes(p)));
}

const siteIndexes = new WeakMap<PlanContext, Map<string | undefined, number>>();

/** Per visit, the site a re-plan keeps it at: the published 下访 of that leader on that day, or −1. */
export function keptSites(ctx: PlanContext, visits: Visit[]): number[] {
  const p = ctx.published;
  if (!p) return visits.map(() => -1);
  // By person: one who moved institution keeps his published 下访 in the new post.
  const person = (d: Duty) => {
    const i = ctx.leaderIndex.get(leaderKey(d));
    return i === undefined ? leaderKey(d) : String(ctx.person[i]);
  };
  const published = new Map(p.duties.filter((d) => d.kind === '下访').map((d) => [`${d.date}\u0000${person(d)}`, siteIndexOf(ctx, d)]));
  return visits.map((v) => published.get(`${ctx.days[v.day]}\u0000${ctx.person[v.leader]}`) ?? -1);
}

/** The site a 下访 duty names (by its place text); −1 for none. */
export function siteIndexOf(ctx: PlanContext, d: Duty): number {
  let byPlace = siteIndexes.get(ctx);
  if (!byPlace) {
    byPlace = new Map();
    for (const [i, s] of [...ctx.sites.entries()].reverse()) byPlace.set(placeText({ name: s.name, address: s.address }), i);
    siteIndexes.set(ctx, byPlace);
  }
  return byPlace.get(d.place) ?? -1;
}

/** Months wholly inside the window (site minimums are judged on these). */
export function wholeMonths(ctx: PlanContext): string[] {
  const { from, to } = ctx.config;
  return [...new Set(ctx.window.map((w) => w.date.slice(0, 7)))].filter((m) => {
    const span = periodOf('month', `${m}-01`);
    return span.from >= from && span.to <= to;
  });
}

/** Longest run of calendar days without a visit, window start to end (visits sorted or not). */
export function longestGap(visitDates: IsoDate[], from: IsoDate, to: IsoDate): number {
  const nums = [...new Set(visitDates.map(dayNumber))].sort((x, y) => x - y);
  let prev = dayNumber(from) - 1,
    most = 0;
  for (const n of [...nums, dayNumber(to) + 1]) {
    most = Math.max(most, n - prev - 1);
    prev = n;
  }
  return most;
}

/**
 * Visits per site: per month, longest gap, portfolio matches. The last answer for a timetable is kept
 * (as report.ts's stillShort keeps its own): the plan's report asks for it once per site measure and
 * once for its list, five times over the same duties.
 */
export function siteCoverage(ctx: PlanContext, duties: Duty[]): SiteCoverage[] {
  const known = covered.get(duties);
  if (known?.ctx === ctx) return known.cover;
  const cover = coverageOf(ctx, duties);
  covered.set(duties, { ctx, cover });
  return cover;
}

const covered = new WeakMap<Duty[], { ctx: PlanContext; cover: SiteCoverage[] }>();

function coverageOf(ctx: PlanContext, duties: Duty[]): SiteCoverage[] {
  const { from, to } = ctx.config;
  const months = [...new Set(ctx.window.map((w) => w.date.slice(0, 7)))];
  const bySite = groupBy(
    duties.filter((d) => d.kind === '下访'),
    (d) => String(siteIndexOf(ctx, d)),
  );
  return ctx.sites.map((site, s) => {
    const mine = bySite.get(String(s)) ?? [];
    const perMonth: Record<string, number> = {};
    for (const m of months) perMonth[m] = mine.filter((d) => d.date.slice(0, 7) === m).length;
    const matched = mine.filter((d) => {
      const l = ctx.leaderIndex.get(leaderKey(d));
      return l !== undefined && portfolioMatches(ctx.leaders[l], site);
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

/**
 * Day sets that must each hold a visit to the site so that no gap (as longestGap counts it) exceeds
 * `gap` days: every run of gap + 1 calendar days that starts after the last visit and ends inside this
 * month and the window. Only minimal sets are kept: [[]] when a run holds no 下访 at all.
 */
export function gapWindows(visitDates: IsoDate[], last: number, monthFrom: IsoDate, monthTo: IsoDate, gap: number): number[][] {
  const length = gap + 1; // a run of exactly `gap` empty days is allowed
  const first = Math.max(last + 1, dayNumber(monthFrom) - length + 1);
  const end = dayNumber(monthTo) - length + 1;
  // Each run holds the visits of a range of dates: with visits in date order, a range of positions.
  const order = visitDates.map((d, j) => ({ n: dayNumber(d), j })).sort((a, b) => a.n - b.n || a.j - b.j);
  const ranges: Array<[number, number]> = [];
  let lo = 0,
    hi = 0;
  for (let t = first; t <= end; t++) {
    while (lo < order.length && order[lo].n < t) lo++;
    while (hi < order.length && order[hi].n <= t + length - 1) hi++;
    if (hi <= lo) return [[]]; // no 下访 at all in the run: the site is left out too long whatever is chosen
    const prev = ranges[ranges.length - 1];
    if (!prev || prev[0] !== lo || prev[1] !== hi) ranges.push([lo, hi]);
  }
  const minimal = ranges.filter(([a, b]) => !ranges.some(([c, d]) => a <= c && d <= b && d - c < b - a));
  return minimal.map(([a, b]) =>
    order
      .slice(a, b)
      .map((o) => o.j)
      .sort((x, y) => x - y),
  );
}

export interface SiteArgs {
  b: ModelBuilder<SiteLevel>;
  ctx: PlanContext;
  month: string;
  visits: Visit[];
  dates: IsoDate[];
  /** Day number of each site's last visit so far. */
  last: number[];
  /** Variable: visit j goes to site s. */
  a: (j: number, s: number) => string;
}

/** The month as a network: leaves are the 下访 (j), cells the sites (s). */
export type SiteNetArgs = Omit<SiteArgs, 'b' | 'a'> & {
  net: NetworkBuilder<SiteLevel>;
  /** The cell of "visit j goes to site s": each (visit, site) has its own, so a site's cells can be grouped by visits. */
  cell: (j: number, s: number) => number;
  /** Every cell of site s. */
  site: (s: number) => number[];
};

export interface SiteRule {
  id: string;
  level: SiteLevel;
  sentence: string;
  addTerms: (args: SiteArgs) => void;
  /** The same terms in the month's network. */
  addArcs: (args: SiteNetArgs) => void;
  /** This rule's value for a timetable (smaller is better). */
  measure: (duties: Duty[], ctx: PlanContext) => number;
  unmet: (duties: Duty[], ctx: PlanContext) => SoftUnmet[];
}

const sitePreference = (rule: Omit<SiteRule, 'unmet'> & Partial<Pick<SiteRule, 'unmet'>>): SiteRule => ({ unmet: () => [], ...rule });

export const siteMonthlyMin: SiteRule = sitePreference({
  id: 'site-monthly-min',
  level: 'siteMin',
  sentence: '每个下访点每月至少下访“每月至少”次（every site visited at least its monthly minimum）',
  addTerms({ b, ctx, month, visits, a }) {
    const span = periodOf('month', `${month}-01`);
    if (span.from < ctx.config.from || span.to > ctx.config.to) return;
    ctx.sites.forEach((site, s) => {
      if (site.monthlyMin === 0) return;
      const all = visits.map((_, j): [string, number] => [a(j, s), 1]);
      b.boundedSum(`smr${s}`, { min: site.monthlyMin }, all, { level: 'siteMin', cost: 1, most: site.monthlyMin });
    });
  },
  addArcs(args) {
    const { net, ctx, month } = args;
    const span = periodOf('month', `${month}-01`);
    if (span.from < ctx.config.from || span.to > ctx.config.to) return;
    ctx.sites.forEach((site, s) => {
      net.rightSet(args.site(s), { units: { level: 'siteMin', costs: Array(site.monthlyMin).fill(-1) } });
    });
  },
  measure(duties, ctx) {
    const months = wholeMonths(ctx);
    return siteCoverage(ctx, duties).reduce(
      (sum, s) => sum + months.reduce((x, m) => x + Math.max(0, s.monthlyMin - (s.perMonth[m] ?? 0)), 0),
      0,
    );
  },
});

export const siteGap: SiteRule = sitePreference({
  id: 'site-gap',
  level: 'gap',
  sentence: '每个下访点两次下访间隔不超过规定天数（no site left out longer than siteGapDays）',
  addTerms({ b, ctx, month, dates, last, a }) {
    // The level counts sites left out too long (as the report does), not runs: one flag per site
    // lets every run of that site go without a visit.
    const span = periodOf('month', `${month}-01`);
    const monthTo = span.to < ctx.config.to ? span.to : ctx.config.to;
    ctx.sites.forEach((_, s) => {
      const runs = gapWindows(dates, last[s], span.from, monthTo, ctx.set.siteGapDays);
      if (runs.length === 0 || runs[0].length === 0) return; // nothing to decide: never or always too long
      b.addBinary(`gap${s}`);
      b.addCost(`gap${s}`, 'gap', 1);
      runs.forEach((set, k) => {
        b.addRow(`gr${s}_${k}`, { min: 1 }, [...set.map((j): [string, number] => [a(j, s), 1]), [`gap${s}`, 1]]);
      });
    });
  },
  addArcs({ net, ctx, month, dates, last, cell }) {
    // A site with one run (always so when siteGapDays + 1 is at least the month's days: every run then
    // starts before the month and holds the month's first visits, so the first is the only minimal
    // one) is left out too long exactly when its run has no visit: the run's cells, their first visit
    // rewarded, count the level exactly, whatever the optimum. A site's several runs that share no 下访
    // are nested in its cells, each rewarding its first visit; runs that overlap are no nested sets.
    // Either way the choice is then kept only when it visits every run: then no site is left out too
    // long, which is the level's optimum whatever it counts.
    const span = periodOf('month', `${month}-01`);
    const monthTo = span.to < ctx.config.to ? span.to : ctx.config.to;
    ctx.sites.forEach((_, s) => {
      const runs = gapWindows(dates, last[s], span.from, monthTo, ctx.set.siteGapDays);
      if (runs.length === 0 || runs[0].length === 0) return;
      if (runs.length === 1) {
        net.rightSet(
          runs[0].map((j) => cell(j, s)),
          { units: { level: 'gap', costs: [-1] } },
        );
        return;
      }
      const visits = runs.flat();
      if (new Set(visits).size === visits.length)
        for (const run of runs)
          net.rightSet(
            run.map((j) => cell(j, s)),
            { units: { level: 'gap', costs: [-1] } },
          );
      net.certify((chosen) => runs.every((run) => chosen.some(([j, c]) => c === cell(j, s) && run.includes(j))));
    });
  },
  measure: (duties, ctx) => siteCoverage(ctx, duties).filter((s) => s.longestGap > ctx.set.siteGapDays).length,
  unmet: (duties, ctx) =>
    siteCoverage(ctx, duties)
      .filter((s) => s.longestGap > ctx.set.siteGapDays)
      .map((s) => ({
        preference: 'site-gap',
        sentence: siteGap.sentence,
        message: `${s.name} 最长 ${s.longestGap} 天没有下访，超过 ${ctx.set.siteGapDays} 天 (left out ${s.longestGap} days)`,
        names: [],
        dates: [],
      })),
});

export const siteSpread: SiteRule = sitePreference({
  id: 'site-spread',
  level: 'spread',
  sentence: '下访在各下访点之间轮换、均衡（visits rotate evenly over the sites）',
  addTerms({ b, ctx, visits, a }) {
    // The k-th visit beyond the site's minimum costs k more: visits spread over the sites.
    ctx.sites.forEach((site, s) => {
      const free = Math.max(1, site.monthlyMin);
      const extra = visits.length - free;
      if (extra <= 0) return;
      const t: Array<[string, number]> = visits.map((_, j): [string, number] => [a(j, s), 1]);
      for (let k = 1; k <= extra; k++) {
        b.penalised(`x${s}_${k}`, 'spread', k, 1);
        b.addRow(`xb${s}_${k}`, { max: 1 }, [[`x${s}_${k}`, 1]]);
        t.push([`x${s}_${k}`, -1]);
      }
      b.addRow(`xr${s}`, { max: free }, t);
    });
  },
  addArcs(args) {
    const { net, ctx, visits } = args;
    ctx.sites.forEach((site, s) => {
      const free = Math.max(1, site.monthlyMin);
      const costs = Array.from({ length: visits.length }, (_, n) => Math.max(0, n + 1 - free));
      net.rightSet(args.site(s), { cap: visits.length, units: { level: 'spread', costs } });
    });
  },
  measure(duties, ctx) {
    const cover = siteCoverage(ctx, duties);
    return cover.reduce((sum, s) => {
      const free = Math.max(1, s.monthlyMin);
      return sum + Object.values(s.perMonth).reduce((x, n) => x + (n > free ? ((n - free) * (n - free + 1)) / 2 : 0), 0);
    }, 0);
  },
});

export const sitePortfolio: SiteRule = sitePreference({
  id: 'site-portfolio',
  level: 'match',
  sentence: '领导优先下访与其分管工作相关的下访点（a leader visits sites related to his or her portfolio first）',
  addTerms({ b, ctx, visits, a }) {
    visits.forEach((v, j) => {
      ctx.sites.forEach((site, s) => {
        if (!portfolioMatches(ctx.leaders[v.leader], site)) b.addCost(a(j, s), 'match', 1, 0);
      });
      b.widen('match', 1);
    });
  },
  addArcs({ net, ctx, visits, cell }) {
    visits.forEach((v, j) => {
      ctx.sites.forEach((site, s) => {
        if (!portfolioMatches(ctx.leaders[v.leader], site)) net.arcCost(j, cell(j, s), 'match', 1);
      });
    });
  },
  measure: (duties, ctx) =>
    duties.filter((d) => {
      if (d.kind !== '下访') return false;
      const s = siteIndexOf(ctx, d),
        l = ctx.leaderIndex.get(leaderKey(d));
      return s >= 0 && l !== undefined && !portfolioMatches(ctx.leaders[l], ctx.sites[s]);
    }).length,
});

const siteTie = (ctx: PlanContext, name: string, site: string, date: IsoDate) =>
  seededHash(ctx.config.seed, name, site, date) % ctx.set.tieRange;

export const siteTieBreak: SiteRule = sitePreference({
  id: 'site-tie-break',
  level: 'tieBreak',
  sentence: '其余同等情况下，按 seed 的固定散列决定（deterministic tie-break from the seed）',
  addTerms({ b, ctx, visits, dates, a }) {
    visits.forEach((v, j) => {
      ctx.sites.forEach((site, s) => {
        b.addCost(a(j, s), 'tieBreak', siteTie(ctx, ctx.leaders[v.leader].name, site.name, dates[j]), 0);
      });
      b.widen('tieBreak', ctx.set.tieRange - 1);
    });
  },
  addArcs({ net, ctx, visits, dates, cell }) {
    visits.forEach((v, j) => {
      ctx.sites.forEach((site, s) => {
        net.arcCost(j, cell(j, s), 'tieBreak', siteTie(ctx, ctx.leaders[v.leader].name, site.name, dates[j]));
      });
    });
  },
  measure: (duties, ctx) =>
    duties.reduce((sum, d) => {
      const s = d.kind === '下访' ? siteIndexOf(ctx, d) : -1;
      return sum + (s >= 0 ? siteTie(ctx, d.name, ctx.sites[s].name, d.date) : 0);
    }, 0),
});

/** The site stage's rules, highest priority first. */
export const SITE_RULES: SiteRule[] = [siteMonthlyMin, siteGap, siteSpread, sitePortfolio, siteTieBreak];

/** The month's model: one variable per (visit, site), every site rule's terms. */
export function siteModel(
  ctx: PlanContext,
  month: string,
  visits: Visit[],
  last: number[],
  kept: number[] = [],
): { b: ModelBuilder<SiteLevel>; a: SiteArgs['a'] } {
  const b = new ModelBuilder<SiteLevel>(SITE_LEVELS);
  const a = (j: number, s: number) => `a${j}_${s}`;
  const dates = visits.map((v) => ctx.days[v.day]);
  visits.forEach((_, j) => {
    ctx.sites.forEach((_s, s) => {
      b.addBinary(a(j, s));
    });
    b.addRow(
      `one${j}`,
      { equal: 1 },
      ctx.sites.map((_s, s): [string, number] => [a(j, s), 1]),
    );
    // A re-plan keeps a published visit where it was published (a site change is a change).
    if ((kept[j] ?? -1) >= 0) b.addRow(`kept${j}`, { equal: 1 }, [[a(j, kept[j]), 1]]);
  });
  for (const r of SITE_RULES) r.addTerms({ b, ctx, month, visits, dates, last, a });
  return { b, a };
}

/**
 * The month as a network: each 下访 to exactly one site, the site rules' costs on the sites and the
 * arcs. The chosen site of each 下访, or undefined when the integer program must decide.
 */
export function siteNetwork(ctx: PlanContext, month: string, visits: Visit[], last: number[]): number[] | undefined {
  const net = new NetworkBuilder<SiteLevel>(SITE_LEVELS);
  const dates = visits.map((v) => ctx.days[v.day]);
  const S = ctx.sites.length;
  const cell = (j: number, s: number) => j * S + s;
  const site = (s: number) => visits.map((_, j) => cell(j, s));
  visits.forEach((_, j) => {
    ctx.sites.forEach((_s, s) => {
      net.arc(j, cell(j, s));
    });
    net.leftSet([j], { min: 1, cap: 1 });
  });
  for (const r of SITE_RULES) r.addArcs({ net, ctx, month, visits, dates, last, cell, site });
  const chosen = net.solve();
  if (!Array.isArray(chosen)) return undefined;
  const to = visits.map(() => 0);
  for (const [j, c] of chosen) to[j] = c % S;
  return to;
}
