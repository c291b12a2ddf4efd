// Best effort may put a person over the weekly maximum where that needs fewer breaks: one break per
// person and week however many extra, as the district round counts its per-round maximum. Which
// weeks break is a covering choice; left to the solver's search (a break variable per week) it took
// up to a minute on a week of five leaders, so it is made here, in polynomial time:
// - When no day needs more than one of a kind, a min-cost flow (availability, one activity a day, each
//   person's weekly room, the released weeks beyond it at rising cost) gives exactly how many (day,
//   kind) minimums a set of released weeks can meet, and the least spread of the excess. Sets are
//   scored [breaks, days short, spread] — every set of at most as many weeks as days are short while
//   there are at most MAX_SETS, else greedily the week that lowers the score most, until none does.
// - The best set is solved as the integer program with those weeks broken and every other week kept;
//   of it and the plan with no week broken, the least objective wins, so the rules the flow does not
//   hold and the levels below spread are the program's (among equally good sets, the first is taken).
// - When a day needs two of a kind the flow counts places, not days: then the program is solved for
//   every set while there are at most MAX_SOLVES of them, else no week is broken.

import { groupBy } from '../group-by.js';
import type { PlanContext } from './context.js';
import { MinCostFlow } from './min-cost-flow.js';
import type { ModelBuilder } from './model.js';
import { type Solution, solveLp } from './plan.js';
import { KIND_LIST, varName } from './rules.js';
import { type ChunkState, weekRoom, weekRow } from './state.js';

const MAX_SETS = 256;
const MAX_SOLVES = 8;

type Score = number[];
const less = (a: Score, b: Score) => {
  const k = a.findIndex((x, i) => x !== b[i]);
  return k >= 0 && a[k] < b[k];
};

/** The elastic piece's solution, with the weekly maximum broken where that needs fewer breaks. */
export function weeklyReleases(
  ctx: PlanContext,
  chunk: ChunkState,
  b: ModelBuilder,
  build: (released: ReadonlySet<string>) => ModelBuilder,
): Solution | undefined {
  const base = solveLp(b);
  if (!base || !b.releasable.length) return base;
  const rows = b.releasable;
  const mins = KIND_LIST.map((k) => (k === '接访' ? ctx.set.reception : ctx.set.visits).min);
  let tries: string[][] = [];
  if (mins.every((m) => m <= 1)) {
    const cells = chunk.days.length * mins.reduce((s, m) => s + m, 0);
    const score = (S: string[]): Score => {
      const { met, spread } = flow(ctx, chunk, b, new Set(S));
      return [S.length + cells - met, cells - met, spread];
    };
    const none = score([]);
    let best = none;
    const sets = upTo(rows, none[1], MAX_SETS);
    if (sets) {
      for (const S of sets) {
        const s = score(S);
        if (less(s, best)) [best, tries] = [s, [S]];
      }
    } else {
      // Too many sets: greedily the week that lowers the score most, until none does.
      const chosen: string[] = [];
      for (;;) {
        let pick: string | undefined;
        for (const row of rows) {
          if (chosen.includes(row)) continue;
          const s = score([...chosen, row]);
          if (less(s, best)) [best, pick] = [s, row];
        }
        if (pick === undefined) break;
        chosen.push(pick);
      }
      if (chosen.length) tries = [chosen];
    }
  } else {
    tries = upTo(rows, rows.length, MAX_SOLVES) ?? [];
  }
  let best = base;
  for (const S of tries) {
    const r = solveLp(build(new Set(S)));
    if (r && r.result < best.result - 0.5) best = r;
  }
  return best;
}

/** Every non-empty subset of xs with at most k elements, smallest first; undefined when there are more than `limit`. */
function upTo<T>(xs: T[], k: number, limit: number): T[][] | undefined {
  const out: T[][] = [];
  let level: T[][] = [[]];
  for (let n = 1; n <= Math.min(k, xs.length); n++) {
    level = level.flatMap((S) => xs.slice(S.length ? xs.indexOf(S[S.length - 1]) + 1 : 0).map((x) => [...S, x]));
    out.push(...level);
    if (out.length > limit) return undefined;
  }
  return out;
}

/**
 * How many (day, kind) minimums of one a set of released weeks can meet, and the least spread of the
 * excess (the k-th activity over a week's maximum costs k): source → (person, week), its room, then
 * for a released week each further day at cost 1, 2, … → (leader, day), one a day → (day, kind),
 * where the model has the variable → sink, the minimum, each met one worth more than all the spread.
 */
function flow(ctx: PlanContext, chunk: ChunkState, b: ModelBuilder, released: Set<string>): { met: number; spread: number } {
  const g = new MinCostFlow();
  const source = g.addNode();
  const sink = g.addNode();
  const cell = new Map<string, number>();
  const met: number[] = [];
  const over: Array<{ arc: number; cost: number }> = [];
  const worth = -(chunk.days.length * (chunk.days.length + 1) * chunk.leaders.length + 1);
  for (const d of chunk.days)
    for (const k of KIND_LIST) {
      const min = (k === '接访' ? ctx.set.reception : ctx.set.visits).min;
      if (!min) continue;
      const v = g.addNode();
      cell.set(`${d}${k}`, v);
      met.push(g.addArc(v, sink, min, worth));
    }
  const weeks = groupBy(chunk.days, (d) => ctx.week[d]);
  for (const rows of groupBy(chunk.leaders, (l) => String(ctx.person[l])).values()) {
    for (const [w, ds] of weeks) {
      const pw = g.addNode();
      const room = Math.min(ds.length, weekRoom(ctx, chunk, rows[0], w));
      g.addArc(source, pw, room);
      if (released.has(weekRow(ctx.person[rows[0]], w)))
        for (let k = 1; k <= ds.length - room; k++) over.push({ arc: g.addArc(source, pw, 1, k), cost: k });
      for (const l of rows)
        for (const d of ds) {
          const kinds = KIND_LIST.filter((k) => cell.has(`${d}${k}`) && b.hasVar(varName(k, l, d)));
          if (!kinds.length) continue;
          const ld = g.addNode();
          g.addArc(pw, ld, 1);
          for (const k of kinds) g.addArc(ld, cell.get(`${d}${k}`)!, 1);
        }
    }
  }
  g.solve(source, sink);
  return { met: met.reduce((n, a) => n + g.flowOn(a), 0), spread: over.reduce((n, o) => n + o.cost * g.flowOn(o.arc), 0) };
}
