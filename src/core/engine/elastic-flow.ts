// The fewest breaks of a piece that is a plain rotation (接访 only: so many leaders a day, one a day
// each, at most so many per leader in the round), found with flows in polynomial time instead of
// the elastic integer program, whose branch and bound took minutes on a few months of identical
// leaders. Choosing which leaders go over the maximum is a covering problem (NP-hard in general), so
// it is chosen greedily by maximum flows: let over the maximum the leader whose release raises the
// flow within the maxima most, until the flow fills every day (days still unfillable stay short).
// Then the even spread (docs/plan.md, the spread level of best effort): among the released leaders
// each further duty over the maximum costs more than the one before (1, 2, 3, …), so the excess is
// shared as evenly as their days allow instead of falling on one leader. Used for pieces too large
// for the integer program; smaller ones keep its exact fewest breaks and spread. In a re-plan each
// published (leader, day) kept is worth more than all the spread: a large infeasible re-plan keeps
// what it can of the publication by flows too (its changed days are not proven the fewest).
import { leaderKey } from '../leaders.js';
import { isCandidate, type PlanContext } from './context.js';
import { MinCostFlow } from './min-cost-flow.js';
import type { Activity } from './piece-network.js';
import type { ChunkState } from './state.js';

/** Rules with rows this solve models (pins only when there are none); a piece with any other row rule goes to the integer program. */
const MODELLED = new Set(['reception-per-day', 'one-per-day', 'max-per-leader', 'pins']);

/** Leaders × days above which the elastic integer program is not tried: its search grows exponentially. */
export const LARGE_PIECE = 120;

/** The piece's best-effort activities by flows, or undefined when the piece is not a plain rotation. */
export function elasticByFlow(ctx: PlanContext, chunk: ChunkState): Activity[] | undefined {
  const { reception, visits, maxPerRound } = ctx.set;
  if (visits.max > 0 || maxPerRound === undefined || ctx.pins.length || chunk.caps.length) return undefined;
  if (ctx.rules.some((r) => r.addRows && !MODELLED.has(r.id))) return undefined;
  const perDay = reception.min;
  const days = chunk.days;
  const leaders = chunk.leaders;
  const room = new Map(leaders.map((l) => [l, Math.max(0, maxPerRound - chunk.roundLoad[l])]));
  const avail = new Map(leaders.map((l) => [l, days.filter((d) => isCandidate(ctx, l, d)).length]));
  const need = days.length * perDay;
  const released = new Set<number>();
  const kept = new Map<number, number>();
  for (const pair of publishedPairs(ctx)) {
    const [l, d] = pair.split('\u0000').map(Number);
    if (days.includes(d)) kept.set(l, (kept.get(l) ?? 0) + 1);
  }
  const filled = (extra: Set<number>) => solve(ctx, chunk, room, avail, extra, false).filled;
  let flow = filled(released);
  if (flow >= need) return undefined;
  for (;;) {
    if (flow === need) break;
    // The leader whose release fills most; a release can add at most min(days beyond the maximum, deficit).
    // Of the leaders that fill as much, the one the publication already has most on these days (a re-plan keeps its choice).
    const keeps = (l: number) => kept.get(l) ?? 0;
    const options = leaders
      .filter((l) => !released.has(l) && avail.get(l)! > room.get(l)!)
      .sort((a, b) => avail.get(b)! - room.get(b)! - (avail.get(a)! - room.get(a)!) || keeps(b) - keeps(a) || a - b);
    let best = -1;
    let bestFlow = flow;
    for (const l of options) {
      const bound = flow + Math.min(avail.get(l)! - room.get(l)!, need - flow);
      if (bound < bestFlow || (bound === bestFlow && !kept.size)) break;
      if (bound === bestFlow && (best < 0 || keeps(l) <= keeps(best))) continue;
      const f = filled(new Set([...released, l]));
      if (f > bestFlow || (f === bestFlow && best >= 0 && keeps(l) > keeps(best))) [best, bestFlow] = [l, f];
    }
    if (best < 0) break;
    released.add(best);
    flow = bestFlow;
  }
  return solve(ctx, chunk, room, avail, released, true).acts;
}

/**
 * The flow of one piece: every leader up to the maximum, the released ones beyond it at rising cost
 * (with `spread`), each day rewarded for every place filled up to perDay.
 */
function solve(
  ctx: PlanContext,
  chunk: ChunkState,
  room: Map<number, number>,
  avail: Map<number, number>,
  released: Set<number>,
  spread: boolean,
): { filled: number; acts: Activity[] } {
  const g = new MinCostFlow();
  const source = g.addNode();
  const sink = g.addNode();
  const node = new Map(chunk.leaders.map((l) => [l, g.addNode()]));
  // A filled place outweighs every kept publication, and a kept one every spread cost (at most Σ 1..n per released leader).
  const spreadAll = [...released].reduce((s, l) => s + (avail.get(l)! * (avail.get(l)! + 1)) / 2, 0);
  const published = publishedPairs(ctx);
  const keep = spread && published.size ? spreadAll + 1 : 0;
  const reward = 1 + spreadAll + keep * published.size;
  for (const [l, v] of node) {
    g.addArc(source, v, room.get(l)!, 0);
    if (!released.has(l)) continue;
    const beyond = avail.get(l)! - room.get(l)!;
    if (spread) for (let k = 1; k <= beyond; k++) g.addArc(source, v, 1, k);
    else if (beyond > 0) g.addArc(source, v, beyond, 0);
  }
  const arcs: Array<{ arc: number; leader: number; day: number }> = [];
  for (const d of chunk.days) {
    const day = g.addNode();
    g.addArc(day, sink, ctx.set.reception.min, -reward);
    for (const l of ctx.candidates[d]) {
      if (!node.has(l)) continue;
      const cost = published.has(`${l}\u0000${d}`) ? -keep : 0;
      arcs.push({ arc: g.addArc(node.get(l)!, day, 1, cost), leader: l, day: d });
    }
  }
  g.solve(source, sink);
  const acts = arcs.filter((a) => g.flowOn(a.arc) > 0).map((a) => ({ leader: a.leader, day: a.day, kind: '接访' as const }));
  return { filled: acts.length, acts };
}

/** A re-plan's published (leader, day) pairs as `leader\u0000day` of the context's indexes. */
function publishedPairs(ctx: PlanContext): Set<string> {
  const pairs = new Set<string>();
  if (!ctx.published) return pairs;
  const dayOf = new Map(ctx.days.map((date, d) => [date, d]));
  for (const duty of ctx.published.duties) {
    const l = ctx.leaderIndex.get(leaderKey(duty));
    const d = dayOf.get(duty.date);
    if (l !== undefined && d !== undefined) pairs.add(`${l}\u0000${d}`);
  }
  return pairs;
}
