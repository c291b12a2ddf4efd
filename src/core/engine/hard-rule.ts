// What every hard rule is (engine/rules.ts, engine/slot-rule.ts): its sentence, what it allows, its
// rows and arcs, its check; and the helpers the rules share to name a violation's people, days and line.
import { leaderKey } from '../leaders.js';
import type { Duty, IsoDate, Kind, Leader, SourceRef } from '../types.js';
import type { PlanContext } from './context.js';
import type { ModelBuilder, Terms } from './model.js';
import type { PieceNetwork } from './piece-network.js';
import type { ChunkState } from './state.js';
import type { PlanConfig, Ruleset, Violation } from './types.js';

export interface BuildArgs {
  b: ModelBuilder;
  ctx: PlanContext;
  chunk: ChunkState;
  /** Elastic model: hard rows may be broken at a cost per break (best effort / the fewest breaks). */
  elastic: boolean;
  /** A break's cost: above every preference below the breaks level. */
  breakCost: number;
  /** The weekly-maximum rows this elastic model lets break (engine/week-release.ts); the others are kept. */
  released?: ReadonlySet<string>;
}

/** What a rule or preference adds to a piece's network (engine/network.ts): the exact solve only. */
export interface NetArgs {
  net: PieceNetwork;
  ctx: PlanContext;
  chunk: ChunkState;
}

/** How a timetable is judged: complete (every working day must be covered) or a partial, hand-edited one. */
export interface CheckOptions {
  /** Default true; false skips days that have too few duties (rota render of part of a round). */
  complete?: boolean;
}

export interface HardRule {
  id: string;
  /** Chinese first, then English in brackets. */
  sentence: (ctx: PlanContext) => string;
  /** The timetable column a violation points at (日期, 单位, 姓名). */
  field?: string;
  /** Whether the preset uses this rule (default: always). */
  inUse?: (set: Ruleset, config: PlanConfig) => boolean;
  /** Whether the leader may serve on working day `day` at all (no variable otherwise). */
  allows?: (ctx: PlanContext, leader: Leader, day: number) => boolean;
  /** Why this rule keeps the leader off every one of `days` (those it does not allow). */
  excludes?: (ctx: PlanContext, leader: Leader, days: number[]) => string;
  /** Adds this rule's rows for one chunk of the solve. */
  addRows?: (args: BuildArgs) => void;
  /** The same rows as network sets (a rule with rows and no arcs sends its pieces to the integer program). */
  addArcs?: (args: NetArgs) => void;
  /** Judges a timetable; every violation names people and days. */
  check: (duties: Duty[], ctx: PlanContext, opts?: CheckOptions) => Violation[];
}

export const KIND_LIST: Kind[] = ['接访', '下访'];
export const varName = (kind: Kind, l: number, d: number) => `${kind === '接访' ? 'j' : 'v'}${l}_${d}`;

/** Terms of the given kinds for leader l on day d (only the variables that exist). */
export function terms(b: ModelBuilder, l: number, d: number, kinds: Kind[] = KIND_LIST): Terms {
  const out: Terms = [];
  for (const k of kinds) {
    const name = varName(k, l, d);
    if (b.hasVar(name)) out.push([name, 1]);
  }
  return out;
}

/** A violation; `at` is the duty (CSV row) it points at, when there is one. */
export function violation(r: HardRule, ctx: PlanContext, message: string, names: string[], dates: IsoDate[], at?: Duty): Violation {
  const source: SourceRef | undefined = at?.source;
  return {
    rule: r.id,
    sentence: r.sentence(ctx),
    message,
    names,
    dates,
    ...(source ? { source: { file: source.file, line: source.line, ...(r.field ? { field: r.field } : {}) } } : {}),
  };
}

/** 第4行 line 4 — where a duty came from, for messages that point at another row. */
export const lineOf = (d: Duty) => (d.source ? `（第${d.source.line}行 line ${d.source.line}）` : '');

/** The leader a duty names (by 单位 + 姓名), if the lists have one. */
export function dutyLeader(ctx: PlanContext, d: Duty): Leader | undefined {
  const i = ctx.leaderIndex.get(leaderKey(d));
  return i === undefined ? undefined : ctx.leaders[i];
}

/** Whether a date lies in a re-plan's frozen past. */
export const frozen = (ctx: PlanContext, date: IsoDate) => ctx.published !== undefined && date < ctx.published.today;
