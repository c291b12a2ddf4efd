// A piece of the plan as a network (engine/network.ts) in the planner's words: leaves are (leader,
// day), cells (day, kind). Rules and preferences say their rows this way (addArcs); solveNetwork
// answers with activities, 'infeasible', or undefined when the piece needs the integer program.
import type { Kind } from '../types.js';
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

export class PieceNetwork {
  readonly net = new NetworkBuilder<LevelName>(LEVELS);
  private readonly days: number;

  /** `kinds`: the kinds the plan gives out. */
  constructor(
    ctx: PlanContext,
    chunk: ChunkState,
    readonly kinds: Kind[],
  ) {
    this.days = ctx.days.length;
    for (const d of chunk.days) for (const l of ctx.candidates[d]) for (const k of kinds) this.net.arc(this.leaf(l, d), cell(d, k));
  }

  private leaf(l: number, d: number): number {
    return l * this.days + d;
  }

  /** The piece cannot be a network (a pin, a published day, a quota of one kind among two…). */
  refuse(): void {
    this.net.refuse();
  }

  /** A set of leader l's days (all kinds). */
  leaderSet(l: number, days: number[], spec: SetSpec<LevelName>): void {
    this.net.leftSet(
      days.map((d) => this.leaf(l, d)),
      spec,
    );
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
    this.net.leafCap(this.leaf(l, d), cap);
  }

  /** A cost on one activity. */
  arcCost(kind: Kind, l: number, d: number, level: LevelName, amount: number): void {
    this.net.arcCost(this.leaf(l, d), cell(d, kind), level, amount);
  }

  /** A term left out of the network: the solution is accepted only if `holds`. */
  certify(holds: (acts: Activity[]) => boolean): void {
    this.net.certify((chosen) => holds(chosen.map((arc) => this.activity(arc))));
  }

  solve(): Activity[] | 'infeasible' | undefined {
    const r = this.net.solve();
    return Array.isArray(r) ? r.map((arc) => this.activity(arc)) : r;
  }

  private activity([leaf, c]: [number, number]): Activity {
    return { leader: Math.floor(leaf / this.days), day: Math.floor(c / 2), kind: KINDS_BY_INDEX[c % 2] };
  }
}

const KINDS_BY_INDEX: Kind[] = ['接访', '下访'];
const cell = (d: number, k: Kind) => d * 2 + KINDS_BY_INDEX.indexOf(k);
