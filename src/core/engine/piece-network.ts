// A piece of the plan as a network (engine/network.ts) in the planner's words. Leaves are (leader,
// day), each with an arc to its (day, kind) cells; or, split, (leader, day, kind), so that a leader's
// activities of one kind can form a set (a quota counting 接访 only, an exact even spread per kind),
// while a set of days over both kinds (one a day, the weekly maximum) then crosses them and is
// checked on the solution instead (network.ts drops crossing caps and certifies them). Rules and
// preferences say their rows this way (addArcs); solveNetwork answers with activities, 'infeasible',
// or undefined when the piece needs the integer program.
import type { Kind } from '../types.js';
import type { Flaw, Search } from './branch-and-bound.js';
import type { PlanContext } from './context.js';
import type { LevelName } from './model.js';
import { LEVELS } from './model.js';
import { NetworkBuilder, type SetSpec } from './network.js';
import type { ChunkState } from './state.js';

export interface Activity {
  leader: number;
  day: number;
  kind: Kind;
}

const KINDS_BY_INDEX: Kind[] = ['接访', '下访'];
const kindIndex = (k: Kind) => KINDS_BY_INDEX.indexOf(k);
const cell = (d: number, k: Kind) => d * 2 + kindIndex(k);

/** A flaw (engine/branch-and-bound.ts) whose repairs each leave out one (leader, day). */
export type PairFlaw = Omit<Flaw<LevelName>, 'drop'> & { drop: Array<[number, number]> };

export class PieceNetwork {
  readonly net = new NetworkBuilder<LevelName>(LEVELS);
  private readonly days: number;

  /** `kinds`: the kinds the plan gives out; `split`: one leaf per kind. */
  constructor(
    ctx: PlanContext,
    chunk: ChunkState,
    readonly kinds: Kind[],
    readonly split: boolean,
  ) {
    this.days = ctx.days.length;
    for (const d of chunk.days) for (const l of ctx.candidates[d]) for (const k of kinds) this.net.arc(this.leaf(l, d, k), cell(d, k));
  }

  private leaf(l: number, d: number, k: Kind): number {
    const pair = l * this.days + d;
    return this.split ? pair * 2 + kindIndex(k) : pair;
  }

  /** False once something refused: the piece needs the integer program. */
  get supported(): boolean {
    return this.net.supported;
  }

  /** The piece cannot be a network (a pin, a published day…). */
  refuse(): void {
    this.net.refuse();
  }

  /** A set of leader l's activities on `days` of `kinds` (default all); one kind of two needs split leaves. */
  leaderSet(l: number, days: number[], spec: SetSpec<LevelName>, kinds: Kind[] = this.kinds): void {
    const these = kinds === this.kinds ? kinds : this.kinds.filter((k) => kinds.includes(k));
    if (!this.split && these.length < this.kinds.length) {
      this.refuse();
      return;
    }
    // Plain leaves are one per (leader, day): the set is the days' leaves, in the days' order.
    const leaves: number[] = [];
    if (this.split) for (const d of days) for (const k of these) leaves.push(this.leaf(l, d, k));
    else for (const d of days) leaves.push(l * this.days + d);
    this.net.leftSet(leaves, spec);
  }

  /** A set of (day, kind) cells over every leader. */
  cellSet(cells: Array<[number, Kind]>, spec: SetSpec<LevelName>): void {
    this.net.rightSet(
      cells.map(([d, k]) => cell(d, k)),
      spec,
    );
  }

  /** At most `cap` activities of leader l on day d. */
  pairCap(l: number, d: number, cap: number): void {
    if (this.split) this.leaderSet(l, [d], { cap });
    else this.net.leafCap(this.leaf(l, d, this.kinds[0]), cap);
  }

  /** A cost on one activity. */
  arcCost(kind: Kind, l: number, d: number, level: LevelName, amount: number): void {
    this.net.arcCost(this.leaf(l, d, kind), cell(d, kind), level, amount);
  }

  /**
   * A term left out of the network: the solution is accepted only if `check` holds; or a flaw to
   * repair, naming (leader, day) pairs one of which every solution without it leaves out.
   */
  certify(check: (acts: Activity[], paid: ReadonlySet<string>) => boolean | PairFlaw): void {
    this.net.certify((chosen, paid) => {
      const r = check(
        chosen.map((arc) => this.activity(arc)),
        paid,
      );
      if (typeof r === 'boolean') return r;
      const leaves = ([l, d]: [number, number]) => this.kinds.map((k) => this.leaf(l, d, k));
      return { ...r, drop: r.drop.map(leaves) };
    });
  }

  /** The piece's optimum, searching as `search` allows (engine/branch-and-bound.ts). */
  solve(search?: Search): Activity[] | 'infeasible' | undefined {
    const r = this.net.solve(search);
    return Array.isArray(r) ? r.map((arc) => this.activity(arc)) : r;
  }

  private activity([leaf, c]: [number, number]): Activity {
    const pair = this.split ? Math.floor(leaf / 2) : leaf;
    return { leader: Math.floor(pair / this.days), day: Math.floor(c / 2), kind: KINDS_BY_INDEX[c % 2] };
  }
}
