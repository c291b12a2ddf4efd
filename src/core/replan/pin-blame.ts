// Why a re-plan has no timetable although each of its pins keeps every rule alone: the pins that,
// left out, let one exist (found by solving again without them; only on a re-plan that failed).
import type { PlanContext, ResolvedPin } from '../engine/context.js';
import { solveContext } from '../engine/plan.js';
import type { Cause } from '../engine/types.js';
import type { IsoDate } from '../types.js';

const pinText = (p: ResolvedPin) => `${p.pin.date} ${p.pin.name}（${p.kind}）`;

export function pinsTogetherCauses(ctx: PlanContext, today: IsoDate): Cause[] {
  const future = ctx.pins.filter((p) => p.pin.date >= today && p.leader !== undefined);
  if (!future.length) return [];
  const without = (out: ResolvedPin[]) =>
    solveContext({ ...ctx, pins: ctx.pins.filter((p) => !out.includes(p)) }, false).report.status === 'optimal';
  if (!without(future)) return []; // the rules alone leave no timetable: the other causes say why
  const cause = (ps: ResolvedPin[], message: string): Cause => ({
    kind: 'pin',
    dates: ps.map((p) => p.pin.date),
    names: ps.map((p) => ctx.leaders[p.leader!].name),
    message,
  });
  const blamed = future.filter((p) => without([p]));
  if (blamed.length)
    return blamed.map((p) =>
      cause(
        [p],
        `锁定 ${pinText(p)} 单独不违反任何规则，但保留它就排不出合规的安排；不锁定它时可以排出 (the pin breaks no rule alone, yet no timetable keeps it and every rule; without it one exists)`,
      ),
    );
  return [
    cause(
      future,
      `锁定 ${future.map(pinText).join('、')} 各自不违反规则，但同时保留就排不出合规的安排；都不锁定时可以排出 (the pins together leave no timetable; without them one exists)`,
    ),
  ];
}
