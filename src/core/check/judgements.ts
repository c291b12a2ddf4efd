// The checker's named judgements. Record checks run on each duty line; period judgements run on
// each (leader, rule, period), in the order of PERIOD_JUDGEMENTS: the first that speaks decides.
// Each carries the sentence (Chinese first) that explains it to a clerk.

import { inTerm, termText } from '../term.js';
import type { IsoDate, Rule, Term } from '../types.js';
import type { Leave } from './leaves.js';
import type { PeriodSpan } from './periods.js';

export type Status = 'ok' | 'short' | 'over' | 'exempt' | 'not-judged';

export interface Verdict {
  status: Status;
  reason: string;
}

/** What a period judgement sees. */
export interface PeriodFacts {
  rule: Rule;
  span: PeriodSpan;
  from: IsoDate;
  to: IsoDate;
  count: number;
  workingDays: IsoDate[];
  /** Why the period's weekdays are off (春节, 国庆节…), for the no-working-day sentence. */
  offReasons: string[];
  /** Some working day of the period is not a duty day of the round's pattern (每周三 …). */
  patterned?: boolean;
  leaves: Leave[];
  /** The leader's term of office (none: always in office). */
  term?: Term;
}

const kindsText = (rule: Rule) => rule.kinds.join('/');

/** 周期不完全在检查范围内，不作评判 (a period cut by --from/--to is not judged). */
export function periodCutByRange(f: PeriodFacts): Verdict | undefined {
  if (f.span.from >= f.from && f.span.to <= f.to) return undefined;
  return {
    status: 'not-judged',
    reason: `${f.span.key}（${f.span.from}~${f.span.to}）不完全在检查范围 ${f.from}~${f.to} 内，不作评判 (period partly outside the checked range)`,
  };
}

/** The exempt sentences of periods without a working day, or (under a pattern) without a duty day. */
export const NO_DUTY_DAY = /没有(工作日|接访日)/;

/**
 * 周期内没有工作日的，免于考核 (a period without a working day, e.g. a holiday week, is exempt); under a
 * pattern (每周三) a week whose working days are none of the duty days is said to have no 接访日.
 */
export function noWorkingDay(f: PeriodFacts): Verdict | undefined {
  if (f.workingDays.length > 0) return undefined;
  const reasons = [...(f.patterned ? ['其余工作日不是本轮的接访日'] : []), ...f.offReasons];
  const why = reasons.length ? `（${reasons.join('；')}）` : '';
  const [day, en] = f.patterned ? ['接访日', 'duty day'] : ['工作日', 'working day'];
  return { status: 'exempt', reason: `${f.span.key} 没有${day}${why}，免于考核 (no ${en} in the period)` };
}

/**
 * 任期未覆盖周期内全部工作日的，不作评判 (a period the term does not cover whole is not judged): a quota is
 * for a whole period, and pro-rating "at least once a month" over part of a month has no clear meaning, so
 * the leader who left (or arrived) mid-period is judged neither in the old post nor in the new one there.
 */
export function outsideTerm(f: PeriodFacts): Verdict | undefined {
  const { term } = f;
  if (!term || f.workingDays.every((d) => inTerm({ term }, d))) return undefined;
  const inside = f.workingDays.filter((d) => inTerm({ term }, d)).length;
  const why = inside === 0 ? '不在任期内' : `任期只覆盖其中 ${inside} 个工作日`;
  return {
    status: 'not-judged',
    reason: `${f.span.key} 共 ${f.workingDays.length} 个工作日，${why}（任职 ${termText(term)}），不作评判 (outside the term of office)`,
  };
}

/** 请假覆盖周期内全部工作日的，免于考核 (a leave covering every working day of the period exempts it). */
export function onLeaveThroughout(f: PeriodFacts): Verdict | undefined {
  const relevant = f.leaves.filter((l) => l.from <= f.span.to && l.to >= f.span.from);
  if (relevant.length === 0) return undefined;
  const covered = f.workingDays.every((d) => relevant.some((l) => l.from <= d && d <= l.to));
  if (!covered) return undefined;
  const list = relevant.map((l) => `${l.reason} ${l.from}~${l.to}`).join('；');
  return {
    status: 'exempt',
    reason: `${list}，覆盖 ${f.span.key} 全部 ${f.workingDays.length} 个工作日，免于考核 (on leave for all working days)`,
  };
}

/** 次数少于规定下限 (fewer duties than the rule's minimum). */
export function belowMinimum(f: PeriodFacts): Verdict | undefined {
  if (f.count >= f.rule.min) return undefined;
  return {
    status: 'short',
    reason: `${f.span.key} 有 ${f.count} 次，少于规定的 ${f.rule.min} 次（${kindsText(f.rule)}） (has ${f.count} of at least ${f.rule.min})`,
  };
}

/** 次数超过规定上限 (more duties than the rule's maximum). */
export function aboveMaximum(f: PeriodFacts): Verdict | undefined {
  if (f.rule.max === undefined || f.count <= f.rule.max) return undefined;
  return {
    status: 'over',
    reason: `${f.span.key} 有 ${f.count} 次，多于规定的最多 ${f.rule.max} 次（${kindsText(f.rule)}） (has ${f.count} of at most ${f.rule.max})`,
  };
}

export const PERIOD_JUDGEMENTS = [periodCutByRange, noWorkingDay, outsideTerm, onLeaveThroughout, belowMinimum, aboveMaximum];

export function judgePeriod(f: PeriodFacts): Verdict | undefined {
  for (const j of PERIOD_JUDGEMENTS) {
    const v = j(f);
    if (v) return v;
  }
  return undefined;
}
