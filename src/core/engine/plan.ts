// The one planner: the plan as integer programs solved optimally with javascript-lp-solver, for
// every preset. Variables (leader, working day, kind) exist only where every hard rule allows them.
// The work is cut into pieces solved one after another, each knowing what the pieces before it did
// (engine/state.ts): independent components (leaders and days no variable links, e.g. one
// institution of the district round's order) or ISO weeks / months carried forward (township and
// county years). A piece whose hard rules cannot all be kept is solved again elastically: the fewest
// breaks, reported. Then the 下访 are given sites month by month (engine/sites.ts).

import type { Model } from 'javascript-lp-solver';
import * as lpSolver from 'javascript-lp-solver';
import { coReceiversOf } from '../co-receivers.js';
import { dayNumber } from '../dates.js';
import { sortDuties } from '../duty-order.js';
import { groupBy } from '../group-by.js';
import { leaderKey } from '../leaders.js';
import { placeText } from '../place.js';
import type { SlotSpec } from '../slots.js';
import type { Duty, Kind } from '../types.js';
import { buildContext, type PlanContext } from './context.js';
import { elasticByFlow, LARGE_PIECE } from './elastic-flow.js';
import { dayCauses, hallCauses, pinCauses, quotaReason, unstaffedCauses, weekCauses } from './explain.js';
import { LEVELS, ModelBuilder, type SolverModel } from './model.js';
import { type Activity, PieceNetwork } from './piece-network.js';
import { PREFERENCES } from './preferences.js';
import { leftOut, measureObjective, otherPlans, softUnmet, stillShort } from './report.js';
import { checkTimetable, KIND_LIST, varName } from './rules.js';
import { keptSites, siteCoverage, siteModel, siteNetwork, UNDECIDED_SITE } from './sites.js';
import { assignSlots, slotCauses } from './slot-rule.js';
import { type ChunkState, type Counted, chunkState } from './state.js';
import type { Cause, ModelSize, PlanInput, PlanResult } from './types.js';
import { weeklyReleases } from './week-release.js';

// The package's types describe its CommonJS build (default under .default); bundles load the ES build.
type SolverApi = { Solve(model: Model | SolverModel): unknown; Model: new () => SolverModel };
const lpModule = lpSolver as unknown as SolverApi & { default?: SolverApi };
const solver: SolverApi = lpModule.default?.Solve ? lpModule.default : lpModule;

export type Solution = Record<string, number>;

/** Solves a model; undefined when it is infeasible. */
export function solveLp<L extends string>(b: ModelBuilder<L>): Solution | undefined {
  if (b.impossible) return undefined;
  const { variables, constraints } = b.size;
  if (variables === 0) return constraints === 0 ? {} : undefined;
  const r = solver.Solve(b.toSolverModel(new solver.Model())) as { feasible: boolean; [v: string]: number | boolean | undefined };
  if (!r.feasible) return undefined;
  const out: Solution = {};
  for (const [k, v] of Object.entries(r)) if (typeof v === 'number') out[k] = v;
  return out;
}

/** Splits the open working days into groups no variable connects (union-find over leaders and days). */
export function components(ctx: PlanContext): number[][] {
  const L = ctx.leaders.length;
  const parent = new Int32Array(L + ctx.days.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const d of ctx.open) for (const l of ctx.candidates[d]) parent[find(l)] = find(L + d);
  return [...groupBy(ctx.open, (d) => String(find(L + d))).values()];
}

/** The pieces of the solve: components, or runs of open days in the same ISO week / month / window. */
export function pieces(ctx: PlanContext): number[][] {
  const { strategy } = ctx.set;
  if (strategy === 'components') return components(ctx);
  const key = strategy === 'week' ? ctx.week : strategy === 'month' ? ctx.month : ctx.days.map(() => '');
  const out: number[][] = [];
  ctx.open.forEach((d, i) => {
    if (i === 0 || key[d] !== key[ctx.open[i - 1]]) out.push([]);
    out[out.length - 1].push(d);
  });
  return out;
}

/**
 * The piece's integer program: variables for every allowed (leader, day, kind), every hard rule's
 * rows and every preference's terms. `coarse` leaves out that many of the lowest preferences (only
 * when a very large piece's strict-priority weights would not stay exact in floating point).
 */
export function buildModel(
  ctx: PlanContext,
  chunk: ChunkState,
  elastic: boolean,
  coarse = 0,
  released: ReadonlySet<string> = new Set(),
): ModelBuilder {
  const b = new ModelBuilder(LEVELS);
  const { days } = chunk;
  const { reception, visits } = ctx.set;
  for (const d of days) for (const l of ctx.candidates[d]) for (const kind of plannedKinds(ctx)) b.addBinary(varName(kind, l, d));
  // A break costs more than all the extra cost (+1 per short day) any timetable's breaks can add up to,
  // so the elastic model minimises first the number of breaks the report prints, then the short days.
  const breakCost = days.length * (reception.max + visits.max) + chunk.leaders.length + ctx.pins.length + 1;
  const args = { b, ctx, chunk, elastic, breakCost, released };
  for (const r of ctx.rules) r.addRows?.(args);
  for (const p of PREFERENCES.slice(0, PREFERENCES.length - coarse)) p.addTerms(args);
  return b;
}

/** The kinds a plan gives out: those a day may have at least one of. */
const plannedKinds = (ctx: PlanContext): Kind[] => KIND_LIST.filter((k) => (k === '接访' ? ctx.set.reception : ctx.set.visits).max > 0);

/** The most networks a piece's branch and bound solves before it goes to the integer program. */
const NETWORK_NODES = 16;

/**
 * The piece as a network, when every rule and preference in use can say itself as one: its optimal
 * activities, 'infeasible', or undefined (no network, or its optimum not proved within `nodes` networks).
 */
export function solveNetwork(ctx: PlanContext, chunk: ChunkState, nodes = NETWORK_NODES): Activity[] | 'infeasible' | undefined {
  const kinds = plannedKinds(ctx);
  const layout = (split: boolean, preferences: boolean) => {
    const net = new PieceNetwork(ctx, chunk, kinds, split);
    // Laid out only until something refuses: a refused network answers undefined however much is added.
    for (const r of ctx.rules) if (r.addRows && net.supported) r.addArcs ? r.addArcs({ net, ctx, chunk }) : net.refuse();
    if (preferences) for (const p of PREFERENCES) if (net.supported) p.addArcs({ net, ctx, chunk });
    return net;
  };
  // The hard rules alone with plain leaves hold the weekly maximum over both kinds exactly: when they
  // have no solution, neither has the piece (certificates only take solutions away).
  const possible = () => layout(false, false).solve() !== 'infeasible';
  // Leaves split by kind hold more sets but certify more: tried when the plain network cannot answer,
  // and searched (engine/branch-and-bound.ts) when its optimum gives a leader two kinds in one week or
  // two consecutive days.
  // The plain network's optimum is a floor for the split one: below it (few leaders, the weekly maximum
  // binding) the split search would only use up its networks before the integer program (docs/plan.md).
  let floor: number[] | undefined;
  const plain = layout(false, true).solve({ nodes: 1, root: (levels) => (floor = levels) });
  return plain ?? (kinds.length > 1 ? layout(true, true).solve({ nodes, possible, floor }) : undefined);
}

/**
 * Solves one piece: as a network when it is one, else as an integer program; elastically when the hard
 * rules cannot all be kept. `keepsHall` is asked only when the network found no plan: false when Hall's
 * condition already shows that none exists.
 */
function solvePiece(ctx: PlanContext, days: number[], counted: Counted[], tryExact: boolean, keepsHall: () => boolean) {
  const chunk = chunkState(ctx, days, counted);
  const flow = tryExact ? solveNetwork(ctx, chunk) : undefined;
  if (Array.isArray(flow)) return { acts: flow, broken: false, size: { variables: 0, constraints: 0 }, coarse: 0, network: true };
  const build = (elastic: boolean, released?: ReadonlySet<string>) => {
    let coarse = 0;
    let b = buildModel(ctx, chunk, elastic, 0, released);
    while (!b.exact() && coarse < PREFERENCES.length - 1) b = buildModel(ctx, chunk, elastic, ++coarse, released);
    // Without its tie-break level, the seed still decides among equally good plans: by the order the solver meets the variables.
    if (coarse > 0) b.seedOrder(ctx.config.seed);
    return { b, coarse };
  };
  let m = build(false);
  let r = tryExact && flow !== 'infeasible' && keepsHall() ? solveLp(m.b) : undefined;
  const broken = !r;
  if (!r) {
    // A large plain rotation by flows (polynomial); the elastic integer program's search would take minutes.
    const byFlow = chunk.leaders.length * days.length > LARGE_PIECE ? elasticByFlow(ctx, chunk) : undefined;
    if (byFlow) return { acts: byFlow, broken, size: { variables: 0, constraints: 0 }, coarse: 0, network: true };
    m = build(true);
    r = weeklyReleases(ctx, chunk, m.b, (released) => build(true, released).b);
    if (!r) throw new Error('elastic model infeasible: every hard row has a slack, so this is a bug');
  }
  const acts: Activity[] = [];
  for (const d of days)
    for (const l of ctx.candidates[d])
      for (const kind of KIND_LIST) if ((r[varName(kind, l, d)] ?? 0) > 0.5) acts.push({ leader: l, day: d, kind });
  return { acts, broken, size: m.b.size, coarse: m.coarse, network: false };
}

export function plan(input: PlanInput): PlanResult {
  return solveContext(buildContext(input), Boolean(input.bestEffort), input.onProgress);
}

/** Plans from a context already built (a re-plan's context carries the published past). */
export function solveContext(ctx: PlanContext, bestEffort: boolean, onProgress?: PlanInput['onProgress']): PlanResult {
  const parts = pieces(ctx);
  const causes = [...pinCauses(ctx), ...dayCauses(ctx), ...slotCauses(ctx)];
  const explained = new Set(causes.filter((c) => c.kind === 'no-leader-on-day').flatMap((c) => c.dates));
  const causeDates = new Set(causes.flatMap((c) => c.dates));
  const halls: Cause[] = [];
  const counted: Counted[] = [];
  for (const h of ctx.history) {
    if (h.date >= ctx.config.from && h.date <= ctx.config.to) continue; // this plan replaces records inside its window
    const l = ctx.leaderIndex.get(leaderKey(h));
    if (l !== undefined) counted.push({ leader: l, date: h.date, kind: h.kind, planned: false });
  }
  const frozen = ctx.published ? ctx.published.duties.filter((d) => d.date < ctx.published!.today) : [];
  for (const f of frozen) {
    const l = ctx.leaderIndex.get(leaderKey(f));
    if (l !== undefined) counted.push({ leader: l, date: f.date, kind: f.kind, planned: true });
  }
  const model: ModelSize = { variables: 0, constraints: 0, components: 0, networks: 0, coarsened: 0 };
  const acts: Activity[] = [];
  let broken = false;
  for (const days of parts) {
    // Hall's condition of a component (explain.ts), asked only when the piece has no plan keeping every
    // rule: one that does fills every day, which is the condition's proof.
    let hall: Cause[] | undefined;
    const hallOf = () =>
      (hall ??= ctx.set.strategy === 'components' ? hallCauses(ctx, [{ days, leaders: chunkLeaders(ctx, days) }], explained) : []);
    const solved = solvePiece(ctx, days, counted, !days.some((d) => causeDates.has(ctx.days[d])), () => hallOf().length === 0);
    if (solved.broken)
      for (const c of hallOf()) {
        halls.push(c);
        for (const date of c.dates) causeDates.add(date);
      }
    broken ||= solved.broken;
    for (const a of solved.acts) {
      acts.push(a);
      counted.push({ leader: a.leader, date: ctx.days[a.day], kind: a.kind, planned: true });
    }
    model.variables += solved.size.variables;
    model.constraints += solved.size.constraints;
    model.components += 1;
    if (solved.network) model.networks += 1;
    model.coarsened = Math.max(model.coarsened, solved.coarse);
    onProgress?.(model.components, parts.length);
  }
  causes.push(...halls);
  const siteOf = assignSites(ctx, acts, model);
  const slotOf = assignSlots(ctx, acts);
  const planned = acts.map((a) => dutyOf(ctx, a, siteOf.get(a), slotOf.get(a)));
  const all = sortDuties([...frozen.map(({ source: _s, ...d }) => d), ...planned], ctx.config);
  const status = !broken ? 'optimal' : bestEffort ? 'best-effort' : 'infeasible';
  const duties = status === 'infeasible' ? [] : all;
  const breaks = broken ? checkTimetable(all, ctx) : [];
  const short = unstaffedDays(ctx, all);
  const unstaffed = short.filter((u) => !causeDates.has(ctx.days[u.day]));
  const behind = stillShort(all, ctx);
  const own = (s: { rule: string }) => ctx.set.quotaRules.some((r) => r.id === s.rule);
  return {
    duties,
    report: {
      status,
      workingDays: ctx.days.length,
      duties: duties.length,
      unstaffed: short.reduce((s, u) => s + u.missing, 0),
      kinds: { 接访: all.filter((d) => d.kind === '接访').length, 下访: all.filter((d) => d.kind === '下访').length },
      objective: measureObjective(all, ctx),
      leftOut: leftOut(all, ctx),
      served: ctx.set.quotaRules.map((r) => ({
        rule: r.id,
        description: r.description,
        short: behind.filter((s) => s.rule === r.id).length,
      })),
      stillShort: behind.filter(own).map((s) => ({ ...s, ...quotaReason(ctx, s) })),
      otherPlans: otherPlans(
        behind.filter((s) => !own(s)),
        ctx,
      ),
      softUnmet: softUnmet(all, ctx),
      causes: [...causes, ...unstaffedCauses(ctx, unstaffed, all), ...weekCauses(ctx, breaks)],
      breaks,
      sites: siteCoverage(ctx, all),
      model,
    },
  };
}

function chunkLeaders(ctx: PlanContext, days: number[]): number[] {
  return [...new Set(days.flatMap((d) => ctx.candidates[d]))].sort((a, b) => a - b);
}

/** Open working days whose 接访 or 下访 minimum the timetable does not fill. */
function unstaffedDays(ctx: PlanContext, duties: Duty[]): Array<{ day: number; kind: Kind; missing: number }> {
  const byDay = groupBy(duties, (x) => `${x.date}${x.kind}`);
  return ctx.open.flatMap((d) =>
    KIND_LIST.flatMap((kind) => {
      const min = kind === '接访' ? ctx.set.reception.min : ctx.set.visits.min;
      const n = byDay.get(`${ctx.days[d]}${kind}`)?.length ?? 0;
      return n < min ? [{ day: d, kind, missing: min - n }] : [];
    }),
  );
}

/** The site stage: each month's 下访 given sites, the last visit to each site carried forward. */
function assignSites(ctx: PlanContext, acts: Activity[], model: ModelSize): Map<Activity, number> {
  const siteOf = new Map<Activity, number>();
  if (!ctx.sites.length) return siteOf;
  const last = ctx.sites.map(() => dayNumber(ctx.config.from) - 1);
  const visits = acts.filter((a) => a.kind === '下访').sort((a, b) => a.day - b.day || a.leader - b.leader);
  for (const month of [...new Set(visits.map((v) => ctx.month[v.day]))]) {
    const these = visits.filter((v) => ctx.month[v.day] === month);
    const kept = keptSites(ctx, these);
    // Visits kept at their published sites: the integer program holds them there.
    const byNetwork = kept.some((k) => k >= 0) ? undefined : siteNetwork(ctx, month, these, last);
    if (byNetwork) model.networks += 1;
    const sites = byNetwork ?? siteProgram(ctx, month, these, last, kept, model);
    these.forEach((v, j) => {
      siteOf.set(v, sites[j]);
      last[sites[j]] = Math.max(last[sites[j]], dayNumber(ctx.days[v.day]));
    });
    model.components += 1;
  }
  return siteOf;
}

/** The month's sites by the integer program (the network's choice missed a gap run, or published visits are kept). */
function siteProgram(ctx: PlanContext, month: string, visits: Activity[], last: number[], kept: number[], model: ModelSize): number[] {
  const { b, a } = siteModel(ctx, month, visits, last, kept);
  const r = solveLp(b) ?? {};
  model.variables += b.size.variables;
  model.constraints += b.size.constraints;
  return visits.map((_, j) =>
    Math.max(
      0,
      ctx.sites.findIndex((_s, k) => (r[a(j, k)] ?? 0) > 0.5),
    ),
  );
}

const weekdays = new WeakMap<PlanContext, Map<string, string>>();

/** The weekday the window gives a date (looked up, not searched: a township year has ~750 duties in a 365-day window). */
function weekdayOf(ctx: PlanContext, date: string): string {
  let byDate = weekdays.get(ctx);
  if (!byDate) weekdays.set(ctx, (byDate = new Map(ctx.window.map((w) => [w.date, w.weekday]))));
  return byDate.get(date)!;
}

/** The duty of an activity: its site (下访), and the 时段, hours, 方式, 角色 and place of its slot. */
export function dutyOf(ctx: PlanContext, a: Activity, site: number | undefined, slot?: SlotSpec): Duty {
  const leader = ctx.leaders[a.leader];
  const date = ctx.days[a.day];
  const s = site === undefined ? undefined : ctx.sites[site];
  const slotPlace = slot?.place && placeText({ address: '', ...slot.place });
  const place =
    a.kind === '接访' ? (slotPlace ?? ctx.place) : s ? placeText({ name: s.name, address: s.address }) : (slotPlace ?? UNDECIDED_SITE);
  return {
    date,
    weekday: weekdayOf(ctx, date),
    kind: a.kind,
    institution: leader.institution,
    name: leader.name,
    title: leader.title,
    portfolio: leader.portfolio,
    place,
    ...(a.kind === '接访' && ctx.config.units?.length ? { with: coReceiversOf(leader.portfolio, ctx.config.units) } : {}),
    ...(slot?.session ? { session: slot.session } : {}),
    ...(slot?.hours ? { hours: { ...slot.hours } } : {}),
    ...(slot?.mode ? { mode: slot.mode } : {}),
    ...(slot?.role ? { role: slot.role } : {}),
  };
}
