// A proposed swap of two days' leaders, or a substitute for one day, judged by every hard rule of
// the preset (the planner's own rules) and by the checker's quota rules. The day keeps its kind
// (接访 or 下访) and its place; only the leader changes. Either the change keeps every rule, or the answer names the rule, the
// people and the days, and lists the valid alternatives for that day, best first.
import { byDate, weekdayName } from '../dates.js';
import { buildContext, type PlanContext } from '../engine/context.js';
import { measureObjective, stillShort } from '../engine/report.js';
import { checkTimetable, dutyLeader } from '../engine/rules.js';
import type { ObjectiveValue, PlanInput, StillShort, Violation } from '../engine/types.js';
import { leaderKey } from '../leaders.js';
import { cleanName } from '../text.js';
import type { Duty, IsoDate, Leader } from '../types.js';
import { type DayChange, diffTimetables } from './diff.js';

/** One duty of the timetable: a date, and the leader's name when the day has more than one. */
export interface DutyRef {
  date: IsoDate;
  name?: string;
}

export type SwapRequest = { kind: 'swap'; a: DutyRef; b: DutyRef } | { kind: 'substitute'; a: DutyRef; name: string; institution?: string };

export interface Alternative {
  kind: 'swap' | 'substitute';
  date: IsoDate;
  /** The other day, for a swap. */
  withDate?: IsoDate;
  leader: Pick<Duty, 'name' | 'institution' | 'title'>;
  changes: DayChange[];
  objective: ObjectiveValue;
}

export interface SwapResult {
  /** ok: the change keeps every rule; broken: it breaks one (see violations); invalid: the request names no such duty or leader. */
  status: 'ok' | 'broken' | 'invalid';
  /** The request's problem when invalid. */
  message?: string;
  timetable: Duty[];
  changes: DayChange[];
  violations: Violation[];
  /** Leaders newly short of a quota rule after the change (a preference: told, not refused). */
  quotaWarnings: StillShort[];
  alternatives: Alternative[];
}

export interface SwapInput extends PlanInput {
  /** The timetable as it stands (its 锁定 duties are pins). */
  timetable: Duty[];
  request: SwapRequest;
}

const vKey = (v: Violation) => `${v.rule}\u0000${v.message}`;
const sKey = (s: StillShort) => `${s.rule}\u0000${s.institution}\u0000${s.name}\u0000${s.period}`;

function find(timetable: Duty[], ref: DutyRef): Duty | string {
  const here = timetable.filter((d) => d.date === ref.date && (!ref.name || d.name === cleanName(ref.name)));
  if (here.length === 1) return here[0];
  if (here.length === 0) return `${ref.date}${ref.name ? ` ${ref.name}` : ''}：时间表中没有这一天的安排 (no such duty in the timetable)`;
  return `${ref.date} 有 ${here.length} 名领导（${here.map((d) => d.name).join('、')}），请写成 ${ref.date}=姓名 (several duties that day; name one)`;
}

/** The duty `at` (its date, kind, place and slot: session, hours, mode, role) served by `from` (a leader, or the leader of a duty). */
function moved(ctx: PlanContext, from: Duty | Leader, at: Duty): Duty {
  const l = 'unavailable' in from ? from : dutyLeader(ctx, from);
  const src = l ?? (from as Duty);
  return {
    date: at.date,
    weekday: weekdayName(at.date),
    kind: at.kind,
    institution: src.institution,
    name: src.name,
    title: src.title,
    portfolio: src.portfolio,
    place: at.place,
    // The slot stays where it is; only its leader changes.
    ...(at.session ? { session: at.session } : {}),
    ...(at.hours ? { hours: at.hours } : {}),
    ...(at.mode ? { mode: at.mode } : {}),
    ...(at.role ? { role: at.role } : {}),
  };
}

const replace = (timetable: Duty[], out: Duty[], add: Duty[]) => [...timetable.filter((d) => !out.includes(d)), ...add].sort(byDate);

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
/** Objectives compared level by level, in the preferences' priority order. */
const lexLess = (a: ObjectiveValue, b: ObjectiveValue) => {
  for (const k of Object.keys(a)) if (a[k] !== b[k]) return a[k] - b[k];
  return 0;
};

export function proposeSwap(input: SwapInput): SwapResult {
  const { timetable, request } = input;
  const pins = timetable.filter((d) => d.pinned).map((d) => ({ date: d.date, name: d.name, institution: d.institution, kind: d.kind }));
  const ctx = buildContext({ ...input, pins });
  const before = new Set(checkTimetable(timetable, ctx).map(vKey));
  const shortBefore = new Set(stillShort(timetable, ctx).map(sKey));
  const newViolations = (t: Duty[]) => checkTimetable(t, ctx).filter((v) => !before.has(vKey(v)));
  const invalid = (message: string): SwapResult => ({
    status: 'invalid',
    message,
    timetable,
    changes: [],
    violations: [],
    quotaWarnings: [],
    alternatives: [],
  });

  const a = find(timetable, request.a);
  if (typeof a === 'string') return invalid(a);
  let proposed: Duty[];
  if (request.kind === 'swap') {
    const b = find(timetable, request.b);
    if (typeof b === 'string') return invalid(b);
    if (a === b) return invalid(`${a.date} 与自己对调没有变化 (swapping a day with itself changes nothing)`);
    proposed = leaderKey(a) === leaderKey(b) ? timetable : replace(timetable, [a, b], [moved(ctx, b, a), moved(ctx, a, b)]);
  } else {
    const name = cleanName(request.name);
    const who = ctx.leaders.filter((l) => l.name === name && (!request.institution || l.institution === request.institution));
    if (who.length === 0)
      return invalid(`${request.institution ? `${request.institution}的` : ''}${name} 不在领导名单中 (not in the leader lists)`);
    if (who.length > 1)
      return invalid(
        `名单中有 ${who.length} 名 ${name}（${who.map((l) => l.institution).join('、')}），请写成 --with 单位:姓名 (namesakes; give the institution)`,
      );
    // The leader already on the day: nothing changes, as when two days of the same leader are swapped.
    proposed = leaderKey(who[0]) === leaderKey(a) ? timetable : replace(timetable, [a], [moved(ctx, who[0], a)]);
  }
  const violations = newViolations(proposed);
  const changes = diffTimetables(timetable, proposed);
  if (violations.length === 0) {
    const quotaWarnings = stillShort(proposed, ctx).filter((s) => !shortBefore.has(sKey(s)));
    return { status: 'ok', timetable: proposed, changes, violations, quotaWarnings, alternatives: [] };
  }
  return {
    status: 'broken',
    timetable,
    changes,
    violations,
    quotaWarnings: [],
    alternatives: alternatives(ctx, timetable, a, newViolations),
  };
}

/** Every change of day `a` alone (a substitute) or with one other day (a swap) that keeps every rule, best first. */
export function alternatives(ctx: PlanContext, timetable: Duty[], a: Duty, newViolations: (t: Duty[]) => Violation[]): Alternative[] {
  const out: Alternative[] = [];
  const consider = (kind: Alternative['kind'], t: Duty[], leader: Duty, withDate?: IsoDate) => {
    if (newViolations(t).length) return;
    out.push({
      kind,
      date: a.date,
      ...(withDate ? { withDate } : {}),
      leader: { name: leader.name, institution: leader.institution, title: leader.title },
      changes: diffTimetables(timetable, t),
      objective: measureObjective(t, ctx),
    });
  };
  const serving = new Set(timetable.filter((d) => d.date === a.date).map(leaderKey));
  for (const l of ctx.leaders) {
    if (serving.has(leaderKey(l))) continue;
    const d = moved(ctx, l, a);
    consider('substitute', replace(timetable, [a], [d]), d);
  }
  for (const b of timetable) {
    if (b.date === a.date || leaderKey(b) === leaderKey(a)) continue;
    consider('swap', replace(timetable, [a, b], [moved(ctx, b, a), moved(ctx, a, b)]), b, b.date);
  }
  return out.sort(
    (x, y) =>
      x.changes.length - y.changes.length ||
      lexLess(x.objective, y.objective) ||
      cmp(x.withDate ?? '', y.withDate ?? '') ||
      cmp(x.leader.institution, y.leader.institution) ||
      cmp(x.leader.name, y.leader.name),
  );
}

/** One leader offered for a day, with what putting him or her there would do. */
export interface SubstituteChoice {
  leader: Leader;
  /** The rules this change would break (none: it may be applied). */
  violations: Violation[];
}

/**
 * Every other leader for duty `ref`, judged as proposeSwap judges a substitute, valid ones first and
 * best first (the order of alternatives()): the rules are built and the timetable checked once, then
 * each leader's timetable once, instead of a whole proposeSwap (with every swap's alternatives) per
 * leader, which cost seconds on a township year.
 */
export function substituteChoices(input: PlanInput & { timetable: Duty[] }, ref: DutyRef): SubstituteChoice[] {
  const { timetable } = input;
  const a = find(timetable, ref);
  if (typeof a === 'string') return [];
  const pins = timetable.filter((d) => d.pinned).map((d) => ({ date: d.date, name: d.name, institution: d.institution, kind: d.kind }));
  const ctx = buildContext({ ...input, pins });
  const before = new Set(checkTimetable(timetable, ctx).map(vKey));
  const judged = ctx.leaders
    .filter((l) => leaderKey(l) !== leaderKey(a))
    .map((leader) => {
      const t = replace(timetable, [a], [moved(ctx, leader, a)]);
      const violations = checkTimetable(t, ctx).filter((v) => !before.has(vKey(v)));
      return { leader, violations, objective: violations.length ? undefined : measureObjective(t, ctx) };
    });
  const ok = judged.filter((c) => c.objective);
  ok.sort(
    (x, y) => lexLess(x.objective!, y.objective!) || cmp(x.leader.institution, y.leader.institution) || cmp(x.leader.name, y.leader.name),
  );
  return [...ok, ...judged.filter((c) => !c.objective)].map(({ leader, violations }) => ({ leader, violations }));
}

/** What an exchange of one duty with another day's would do: keep every rule, break some, or not be an exchange at all. */
export type SwapVerdict = { status: 'ok' | 'broken'; violations: Violation[] } | { status: 'invalid'; message: string };

/**
 * Duty `ref` exchanged with each of `targets`, judged as proposeSwap judges a swap (the same rules,
 * only the violations the exchange adds), with the rules built and the timetable checked once for
 * all of them: what the app's calendar shows on every day while a duty is dragged.
 */
export function swapVerdicts(input: PlanInput & { timetable: Duty[] }, ref: DutyRef, targets: DutyRef[]): SwapVerdict[] {
  const { timetable } = input;
  const a = find(timetable, ref);
  if (typeof a === 'string') return targets.map(() => ({ status: 'invalid', message: a }));
  const pins = timetable.filter((d) => d.pinned).map((d) => ({ date: d.date, name: d.name, institution: d.institution, kind: d.kind }));
  const ctx = buildContext({ ...input, pins });
  const before = new Set(checkTimetable(timetable, ctx).map(vKey));
  return targets.map((ref): SwapVerdict => {
    const b = find(timetable, ref);
    if (typeof b === 'string') return { status: 'invalid', message: b };
    if (a === b) return { status: 'invalid', message: `${a.date} 与自己对调没有变化 (swapping a day with itself changes nothing)` };
    if (leaderKey(a) === leaderKey(b)) return { status: 'ok', violations: [] };
    const t = replace(timetable, [a, b], [moved(ctx, b, a), moved(ctx, a, b)]);
    const violations = checkTimetable(t, ctx).filter((v) => !before.has(vKey(v)));
    return { status: violations.length ? 'broken' : 'ok', violations };
  });
}
