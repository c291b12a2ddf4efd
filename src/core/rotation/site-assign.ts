// Stage two of the rotation: which village or community each 下访 goes to, month by month, with
// the last visit to each site carried forward. Every 下访 can go to any site, so as long as stage
// one plans enough 下访 in a month (its site-demand preference), every site's monthly minimum can be
// met here; what this stage decides is the rotation: no site left out for long, visits spread over
// the sites, and a leader's 下访 to a site related to his or her portfolio when there is one.
import { periodOf } from '../check/periods.js';
import { dayNumber } from '../dates.js';
import { ModelBuilder } from '../planner/model.js';
import type { Site } from '../sites.js';
import type { IsoDate, Leader } from '../types.js';
import type { RotationContext } from './context.js';
import { ROTATION_TIE_RANGE, rotationTie } from './duties.js';
import { solveLp } from './solve.js';

export const SITE_LEVELS = ['siteMin', 'gap', 'spread', 'match', 'tieBreak'] as const;
export type SiteLevel = (typeof SITE_LEVELS)[number];

/** A 下访 to place: the leader and the working day. */
export interface Visit {
  leader: number;
  day: number;
}

/** Portfolio words: 征地拆迁、城乡建设 → [征地拆迁, 城乡建设]. */
export const portfolioWords = (text: string) => text.split(/[、,，;；/\s\u3000]+/).filter(Boolean);

/** Whether the leader's 分管工作 shares a word with the site's 相关分管 (either containing the other). */
export function portfolioMatches(leader: Pick<Leader, 'portfolio'>, site: Pick<Site, 'related'>): boolean {
  const mine = portfolioWords(leader.portfolio);
  return site.related.some((r) => mine.some((p) => p.includes(r) || r.includes(p)));
}

export interface SiteRule {
  id: string;
  level: SiteLevel;
  sentence: string;
}

/** The named preferences of this stage (each row's slack or cost is added in assignMonth, by level). */
export const SITE_RULES: SiteRule[] = [
  {
    id: 'site-monthly-min',
    level: 'siteMin',
    sentence: '每个下访点每月至少下访“每月至少”次（every site visited at least its monthly minimum）',
  },
  { id: 'site-gap', level: 'gap', sentence: '每个下访点两次下访间隔不超过规定天数（no site left out longer than siteGapDays）' },
  { id: 'site-spread', level: 'spread', sentence: '下访在各下访点之间轮换、均衡（visits rotate evenly over the sites）' },
  {
    id: 'site-portfolio',
    level: 'match',
    sentence: '领导优先下访与其分管工作相关的下访点（a leader visits sites related to his or her portfolio first）',
  },
  {
    id: 'seeded-tie-break',
    level: 'tieBreak',
    sentence: '其余同等情况下，按 seed 的固定散列决定（deterministic tie-break from the seed）',
  },
];

/**
 * Day sets that must each hold a visit to the site: every run of `gap` calendar days that starts after
 * the last visit and ends inside this month and the window. Only minimal sets are kept.
 */
export function gapWindows(visitDates: IsoDate[], last: number, monthFrom: IsoDate, monthTo: IsoDate, gap: number): number[][] {
  const first = Math.max(last + 1, dayNumber(monthFrom) - gap + 1);
  const end = dayNumber(monthTo) - gap + 1;
  const nums = visitDates.map(dayNumber);
  const sets: number[][] = [];
  for (let t = first; t <= end; t++) {
    const set = nums.flatMap((n, j) => (n >= t && n <= t + gap - 1 ? [j] : []));
    if (set.length === 0) continue; // no 下访 at all in the run: unavoidable, measured in the report
    sets.push(set);
  }
  const key = (s: number[]) => s.join(',');
  const unique = [...new Map(sets.map((s) => [key(s), s])).values()];
  return unique.filter((s) => !unique.some((o) => o !== s && o.length < s.length && o.every((j) => s.includes(j))));
}

export interface SiteState {
  /** Day number of each site's last visit (the day before the window for none yet). */
  last: number[];
}

/** The month's model and solution: site index per visit. */
export function assignMonth(
  ctx: RotationContext,
  month: string,
  visits: Visit[],
  state: SiteState,
): { site: number[]; variables: number; constraints: number } {
  const { sites } = ctx;
  const S = sites.length;
  const b = new ModelBuilder<SiteLevel>(SITE_LEVELS);
  const dates = visits.map((v) => ctx.base.days[v.day]);
  const span = periodOf('month', `${month}-01`);
  const { from, to, rotation, seed } = ctx.config;
  const whole = span.from >= from && span.to <= to;
  const a = (j: number, s: number) => `a${j}_${s}`;
  visits.forEach((v, j) => {
    const leader = ctx.base.leaders[v.leader];
    for (let s = 0; s < S; s++) {
      b.addVar(a(j, s), { int: true });
      if (!portfolioMatches(leader, sites[s])) b.addCost(a(j, s), 'match', 1);
      b.addCost(a(j, s), 'tieBreak', rotationTie(seed, leader.name, sites[s].name, dates[j]));
    }
    b.addRow(
      `one${j}`,
      { equal: 1 },
      sites.map((_, s): [string, number] => [a(j, s), 1]),
    );
    b.declareRange('match', 1);
    b.declareRange('tieBreak', ROTATION_TIE_RANGE - 1);
  });
  sites.forEach((site, s) => {
    const all = visits.map((_, j): [string, number] => [a(j, s), 1]);
    if (whole && site.monthlyMin > 0) {
      b.addVar(`sm${s}`, { level: 'siteMin', cost: 1 });
      b.addRow(`smr${s}`, { min: site.monthlyMin }, [...all, [`sm${s}`, 1]]);
      b.declareRange('siteMin', site.monthlyMin);
    }
    const monthTo = span.to < to ? span.to : to;
    gapWindows(dates, state.last[s], span.from, monthTo, rotation.siteGapDays).forEach((set, k) => {
      b.addVar(`g${s}_${k}`, { level: 'gap', cost: 1 });
      b.addRow(`gr${s}_${k}`, { min: 1 }, [...set.map((j): [string, number] => [a(j, s), 1]), [`g${s}_${k}`, 1]]);
      b.declareRange('gap', 1);
    });
    // The k-th visit beyond the site's minimum costs k − 1 more: visits spread over the sites.
    const free = Math.max(1, site.monthlyMin);
    const extra = visits.length - free;
    if (extra > 0) {
      const t: Array<[string, number]> = [...all];
      for (let k = 1; k <= extra; k++) {
        b.addVar(`x${s}_${k}`, { level: 'spread', cost: k });
        b.addRow(`xb${s}_${k}`, { max: 1 }, [[`x${s}_${k}`, 1]]);
        t.push([`x${s}_${k}`, -1]);
        b.declareRange('spread', k);
      }
      b.addRow(`xr${s}`, { max: free }, t);
    }
  });
  const r = solveLp(b);
  const site = visits.map((_, j) => {
    for (let s = 0; s < S; s++) if (r[a(j, s)] > 0.5) return s;
    return 0;
  });
  site.forEach((s, j) => {
    state.last[s] = Math.max(state.last[s], dayNumber(dates[j]));
  });
  return { site, ...b.size };
}

export function initialSiteState(ctx: RotationContext): SiteState {
  return { last: ctx.sites.map(() => dayNumber(ctx.config.from) - 1) };
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
