// Why no plan exists, found directly and named: a day nobody can take, an institution with fewer
// available leaders than days (Hall's condition), a pin that breaks a rule, a day whose places the
// elastic solve could not fill, a week that put a leader over the weekly maximum; and why a quota stays unmet. The elastic solve in plan.ts gives the
// smallest set of broken rules.

import { PERIOD_NAMES, type PeriodSpan, periodOf } from '../check/periods.js';
import { formatDateList } from '../date-list.js';
import { addDays, monthDay, weekdayName } from '../dates.js';
import { groupBy } from '../group-by.js';
import { leaderKey } from '../leaders.js';
import { ruleApplies } from '../rules.js';
import type { Duty, IsoDate, Leader, Rule } from '../types.js';
import { isCandidate, type PlanContext } from './context.js';
import { hallViolation } from './flow.js';
import type { Cause, StillShort, Violation } from './types.js';

const joinDates = (ds: IsoDate[]) => ds.join('、');
const enDates = (ds: IsoDate[]) => (ds.length <= 1 ? ds.join('') : `${ds.slice(0, -1).join(', ')} and ${ds[ds.length - 1]}`);

/** 何振华：不可接访 12-16~12-18 — a leader's absences, the way the clerk wrote them. */
function absence(l: Leader): string {
  return l.unavailable.length
    ? `${l.name}：不可接访 ${formatDateList(l.unavailable).replace(/\d{4}-(\d{2}-\d{2})/g, '$1')}`
    : `${l.name}：无不可接访日期`;
}

function eligibleOf(ctx: PlanContext, inst: string): Leader[] {
  return ctx.leaders.filter((l) => (!inst || l.institution === inst) && ctx.config.eligibleRanks.includes(l.rank));
}

/** Places a working day must fill (接访 and 下访 minimums). */
const need = (ctx: PlanContext) => ctx.set.reception.min + ctx.set.visits.min;

/** Days whose institution has fewer allowed leaders than places, grouped by institution. */
export function dayCauses(ctx: PlanContext): Cause[] {
  const byInst = groupBy(
    ctx.open.filter((d) => ctx.candidates[d].length < need(ctx)),
    (d) => ctx.dayInstitution[d],
  );
  const out: Cause[] = [];
  for (const [inst, ds] of byInst) {
    const dates = ds.map((d) => ctx.days[d]);
    const eligible = eligibleOf(ctx, inst);
    const roundDates = ctx.days.filter((_, d) => ctx.dayInstitution[d] === inst);
    const whose = inst || '本轮';
    if (eligible.length === 0) {
      const others = ctx.leaders.filter((l) => l.institution === inst);
      out.push({
        kind: 'no-leader-on-day',
        institution: inst,
        dates,
        names: others.map((l) => l.name),
        message:
          `${whose} 需在 ${joinDates(roundDates)} 安排接访，但名单中没有 ${ctx.config.eligibleRanks.join('、')} 领导` +
          `${others.length ? `（${others.map((l) => `${l.name}：${l.rank}`).join('；')}）` : ''}。` +
          `${whose} needs leaders on ${enDates(roundDates)} but has no eligible leader in the lists.`,
      });
      continue;
    }
    for (const d of ds) {
      const date = ctx.days[d];
      const away = eligible.filter((l) => l.unavailable.includes(date));
      const free = eligible.filter((l) => !l.unavailable.includes(date));
      const places = need(ctx);
      const zh =
        free.length === 0
          ? `但 ${monthDay(date)} 其 ${eligible.length} 名符合条件的领导都不可接访`
          : `但 ${monthDay(date)} 只有 ${free.length} 名符合条件的领导可以接访（${free.map((l) => l.name).join('、')}），需要 ${places} 名`;
      const en =
        free.length === 0
          ? `none of its ${eligible.length} eligible leaders is available on ${date}`
          : `only ${free.length} of its ${eligible.length} eligible leaders ${free.length === 1 ? 'is' : 'are'} available on ${date}, ${places} needed`;
      out.push({
        kind: 'no-leader-on-day',
        institution: inst,
        dates: [date],
        names: away.map((l) => l.name),
        message:
          `${whose} 需在 ${joinDates(roundDates)} 安排接访，${zh}（${away.map(absence).join('；')}）。` +
          `${whose} needs leaders on ${enDates(roundDates)} but ${en} (${away.map(absence).join('; ')}).`,
      });
    }
  }
  return out;
}

/** Hall's condition per component under the per-round maximum, leaving out days already explained by dayCauses. */
export function hallCauses(ctx: PlanContext, components: Array<{ leaders: number[]; days: number[] }>, explained: Set<IsoDate>): Cause[] {
  const out: Cause[] = [];
  const maxPerLeader = ctx.set.maxPerRound;
  const perDay = need(ctx);
  if (maxPerLeader === undefined || perDay === 0) return out;
  for (const comp of components) {
    const days = comp.days.filter((d) => !explained.has(ctx.days[d]));
    const S = hallViolation({ leaders: comp.leaders, days, allowed: (d) => ctx.candidates[d], perDay, maxPerLeader });
    if (S.length === 0) continue;
    const able = comp.leaders.map((l) => ({ l: ctx.leaders[l], n: S.filter((d) => isCandidate(ctx, l, d)).length })).filter((x) => x.n > 0);
    const capacity = able.reduce((s, x) => s + Math.min(maxPerLeader, x.n), 0);
    const insts = [...new Set(S.map((d) => ctx.dayInstitution[d]))];
    const inst = insts.join('、');
    const dates = S.map((d) => ctx.days[d]);
    const eligible = insts.flatMap((i) => eligibleOf(ctx, i));
    const away = eligible.filter((l) => dates.some((d) => l.unavailable.includes(d)));
    const need = perDay * S.length;
    out.push({
      kind: 'hall',
      institution: inst,
      dates,
      names: eligible.map((l) => l.name),
      message:
        `${inst} 需在 ${joinDates(dates)} 共安排 ${need} 人次接访，但这些天里可以接访的符合条件领导只有 ${able.length} 名` +
        `${able.length ? `（${able.map((x) => x.l.name).join('、')}）` : ''}，每人本轮最多 ${maxPerLeader} 次，最多 ${capacity} 人次` +
        `${away.length ? `（${away.map(absence).join('；')}）` : ''}。` +
        `${inst} needs ${need} duties on ${enDates(dates)} but only ${able.length} of its ${eligible.length} eligible leaders can serve on any of them, ` +
        `at most ${maxPerLeader} each: ${capacity} in all.`,
    });
  }
  return out;
}

/** Pins that cannot be kept: unknown leader, not a working day, or a rule that forbids the pair. */
export function pinCauses(ctx: PlanContext): Cause[] {
  const out: Cause[] = [];
  const perDayCount = new Map<number, number>();
  const perLeaderCount = new Map<number, number>();
  for (const { pin, leader, day } of ctx.pins) {
    const who = `锁定 ${pin.date} ${pin.name}`;
    if (leader === undefined) {
      const n = ctx.leaders.filter((l) => l.name === pin.name).length;
      out.push({
        kind: 'pin',
        dates: [pin.date],
        names: [pin.name],
        message:
          n > 1
            ? `${who}：名单中有 ${n} 名同名领导，请注明单位 (several leaders have this name; give the institution)`
            : `${who}：领导名单中没有此人 (no such leader in the lists)`,
      });
      continue;
    }
    const l = ctx.leaders[leader];
    if (day === undefined) {
      out.push({ kind: 'pin', dates: [pin.date], names: [pin.name], message: `${who}：不是本轮的工作日 (not a working day of the round)` });
      continue;
    }
    const broken = ctx.rules.filter((c) => c.allows && !c.allows(ctx, l, day));
    if (broken.length) {
      out.push({
        kind: 'pin',
        institution: l.institution,
        dates: [pin.date],
        names: [l.name],
        message:
          `${who} 违反：${broken.map((c) => `「${c.sentence(ctx)}」`).join('、')}` +
          `${l.unavailable.includes(pin.date) ? `（${absence(l)}）` : ''}` +
          `${ctx.dayInstitution[day] && l.institution !== ctx.dayInstitution[day] ? `（${pin.date} 轮到 ${ctx.dayInstitution[day]}，${l.name} 属 ${l.institution}）` : ''}` +
          ` (the pin breaks a hard rule)`,
      });
      continue;
    }
    perDayCount.set(day, (perDayCount.get(day) ?? 0) + 1);
    perLeaderCount.set(leader, (perLeaderCount.get(leader) ?? 0) + 1);
  }
  for (const [day, n] of perDayCount) {
    const places = ctx.set.reception.max + ctx.set.visits.max;
    if (n > places) {
      const names = ctx.pins.filter((p) => p.day === day).map((p) => p.pin.name);
      out.push({
        kind: 'pin',
        dates: [ctx.days[day]],
        names,
        message: `${ctx.days[day]} 锁定了 ${n} 名领导（${names.join('、')}），每天最多 ${places} 名 (more pins than places)`,
      });
    }
  }
  const max = ctx.set.maxPerRound ?? Number.POSITIVE_INFINITY;
  for (const [leader, n] of perLeaderCount) {
    if (n > max) {
      const l = ctx.leaders[leader];
      const dates = ctx.pins.filter((p) => p.leader === leader).map((p) => p.pin.date);
      out.push({
        kind: 'pin',
        institution: l.institution,
        dates,
        names: [l.name],
        message: `${l.name} 被锁定 ${n} 天（${joinDates(dates)}），超过每人本轮最多 ${max} 次 (more pins than the per-round maximum)`,
      });
    }
  }
  return out;
}

/** The span of a period key (2025-W05, 2025-01, 2025-Q1, 2025) near the window. */
export function spanOfKey(rule: Rule, key: string, ctx: PlanContext): PeriodSpan | undefined {
  const from = periodOf(rule.period, ctx.config.from).from,
    to = periodOf(rule.period, ctx.config.to).to;
  for (let d = from; d <= to; ) {
    const span = periodOf(rule.period, d);
    if (span.key === key) return span;
    d = addDays(span.to, 1);
  }
  return undefined;
}

/** Per-day capacity for the rule's kinds on working day d. */
function dayCapacity(ctx: PlanContext, rule: Rule, d: number): number {
  const { reception, visits } = ctx.set;
  const max = (rule.kinds.includes('接访') ? reception.max : 0) + (rule.kinds.includes('下访') ? visits.max : 0);
  return Math.min(max, ctx.candidates[d].length);
}

// A period's places for a rule are the same for every leader short in it: summed once per context.
const capacityMemo = new WeakMap<PlanContext, Map<string, number>>();

function periodCapacity(ctx: PlanContext, rule: Rule, key: string, wd: number[]): number {
  let memo = capacityMemo.get(ctx);
  if (!memo) capacityMemo.set(ctx, (memo = new Map()));
  const id = `${rule.id}\n${key}`;
  let capacity = memo.get(id);
  if (capacity === undefined) memo.set(id, (capacity = wd.reduce((sum, d) => sum + dayCapacity(ctx, rule, d), 0)));
  return capacity;
}

// The count of leaders needing the rule in a span is the same for every short leader of that span:
// counted once per context (a district round asks it for hundreds of leaders).
const needingMemo = new WeakMap<PlanContext, Map<string, number>>();

/** Leaders the rule applies to, with some open day, whose records outside the window fall short in the span. */
function needingCount(ctx: PlanContext, rule: Rule, span: { from: string; to: string }): number {
  let memo = needingMemo.get(ctx);
  if (!memo) needingMemo.set(ctx, (memo = new Map()));
  const key = `${rule.id}\n${span.from}\n${span.to}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const { config } = ctx;
  const seen = new Map<string, number>();
  for (const h of ctx.history) {
    if (!rule.kinds.includes(h.kind) || (h.date >= config.from && h.date <= config.to) || h.date < span.from || h.date > span.to) continue;
    const k = leaderKey(h);
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const n = ctx.serving.filter((i) => ruleApplies(rule, ctx.leaders[i]) && (seen.get(leaderKey(ctx.leaders[i])) ?? 0) < rule.min).length;
  memo.set(key, n);
  return n;
}

/**
 * The reason one quota (leader, rule, period) stays unmet after planning; `calendar` when the calendar
 * made it unavoidable (the period has no working day, or too few for every leader's quota: a holiday week).
 */
export function quotaReason(ctx: PlanContext, s: StillShort): { reason: string; calendar?: true } {
  const reason = whyShort(ctx, s);
  return typeof reason === 'string' ? { reason } : reason;
}

// A period's span, working days and their dates are the same for every leader short in it: found
// once per context (a 10,000-leader year has tens of thousands of short leader-periods).
const periodMemo = new WeakMap<PlanContext, Map<string, { span: PeriodSpan; wd: number[]; dates: string } | undefined>>();

function periodDays(ctx: PlanContext, rule: Rule, key: string): { span: PeriodSpan; wd: number[]; dates: string } | undefined {
  let memo = periodMemo.get(ctx);
  if (!memo) periodMemo.set(ctx, (memo = new Map()));
  const id = `${rule.period}\n${key}`;
  if (memo.has(id)) return memo.get(id);
  const span = spanOfKey(rule, key, ctx);
  const wd = span ? ctx.days.flatMap((date, d) => (date >= span.from && date <= span.to ? [d] : [])) : [];
  const found = span && { span, wd, dates: wd.map((d) => monthDay(ctx.days[d])).join('、') };
  memo.set(id, found);
  return found;
}

function whyShort(ctx: PlanContext, s: StillShort): string | { reason: string; calendar: true } {
  const { config, set } = ctx;
  const rule = ctx.reportRules.find((r) => r.id === s.rule);
  const li = ctx.leaderIndex.get(leaderKey(s));
  if (!rule || li === undefined) return '';
  const leader = ctx.leaders[li];
  const period = periodDays(ctx, rule, s.period);
  if (!period) return '';
  const { span, wd, dates } = period;
  const unit = PERIOD_NAMES[rule.period];
  const kinds = rule.kinds.join('或');
  if (!config.eligibleRanks.includes(leader.rank)) {
    return `${leader.name} 是${leader.rank}，不在可排班的 ${config.eligibleRanks.join('、')} 之列 (rank not eligible for this plan)`;
  }
  const partly =
    span.from < config.from || span.to > config.to
      ? `${s.period}（${span.from}~${span.to}）部分在排班范围 ${config.from}~${config.to} 之外；`
      : '';
  if (wd.length === 0)
    return { reason: `${partly}${s.period} 在排班范围内没有工作日 (no working day of the period inside the window)`, calendar: true };
  const free = wd.filter((d) => isCandidate(ctx, li, d));
  if (free.length === 0) {
    return `${partly}${leader.name} 在 ${s.period} 的 ${wd.length} 个工作日（${dates}）都不可安排（${absence(leader)}） (unavailable on every working day of the period)`;
  }
  const capacity = periodCapacity(ctx, rule, s.period, wd);
  const needing = needingCount(ctx, rule, span);
  const { reception, visits, maxPerWeek } = set;
  const perDay = [rule.kinds.includes('接访') ? `接访 ${reception.max}` : '', rule.kinds.includes('下访') ? `下访 ${visits.max}` : '']
    .filter(Boolean)
    .join('、');
  if (needing * rule.min > capacity) {
    const reason =
      `${partly}${s.period} 在排班范围内只有 ${wd.length} 个工作日（${dates}），每天最多 ${perDay} 人次，共 ${capacity} 人次，` +
      `而 ${needing} 名领导本${unit}都需要${kinds} ${rule.min} 次` +
      ` (${s.period} has ${wd.length} working day${wd.length > 1 ? 's' : ''} in the window, at most ${capacity} activities, but ${needing} leaders need ${rule.min} each)`;
    return { reason, calendar: true };
  }
  if (free.length < rule.min) {
    return `${partly}${leader.name} 在 ${s.period} 只有 ${free.length} 个可安排的工作日，少于要求的 ${rule.min} 次（${absence(leader)}） (too few available days)`;
  }
  return (
    `${partly}${s.period} 的 ${capacity} 人次名额已用于其他领导同样优先的配额（每天最多 ${perDay} 人次、每人每天一项${maxPerWeek === undefined ? '' : `、每周最多 ${maxPerWeek} 次`}） ` +
    `(the period's places went to other leaders' quotas of equal priority)`
  );
}

/** The per-leader limits one more duty can break (a free leader's other hard rules make him no candidate). */
const LIMITS = new Set(['max-per-leader', 'max-per-week', 'rule-max']);

/**
 * Why a leader free on `date` takes no more duty there: a duty that day already, or the limits one more
 * would break ('' when none would: the timetable simply did not use him).
 */
function notMore(ctx: PlanContext, leader: Leader, mine: Duty[], date: IsoDate, kind: Duty['kind']): string {
  const that = mine.find((d) => d.date === date);
  if (that) return `当天已${that.kind}`;
  const extra: Duty = {
    date,
    weekday: weekdayName(date),
    kind,
    institution: leader.institution,
    name: leader.name,
    title: leader.title,
    portfolio: leader.portfolio,
    place: '',
  };
  const broken = ctx.rules.filter((r) => LIMITS.has(r.id) && r.check([...mine, extra], ctx).length > 0);
  // A rule's sentence without its English in brackets: 每名领导每周最多安排 1 次.
  return broken.map((r) => `再排会违反「${r.sentence(ctx).replace(/（[^（]*）$/, '')}」`).join('、');
}

/**
 * Days whose 接访 or 下访 minimum the timetable leaves short, with why no leader free that day takes the
 * place (each one's limit) and who was away.
 */
export function unstaffedCauses(
  ctx: PlanContext,
  short: Array<{ day: number; kind: '接访' | '下访'; missing: number }>,
  duties: Duty[],
): Cause[] {
  const { config, set } = ctx;
  const byLeader = groupBy(duties, leaderKey);
  return short.map(({ day, kind, missing }) => {
    const date = ctx.days[day];
    const min = kind === '接访' ? set.reception.min : set.visits.min;
    const eligible = ctx.leaders.filter((l) => config.eligibleRanks.includes(l.rank));
    const away = eligible.filter((l) => l.unavailable.includes(date));
    const free = ctx.candidates[day].map((l) => {
      const leader = ctx.leaders[l];
      return { name: leader.name, why: notMore(ctx, leader, byLeader.get(leaderKey(leader)) ?? [], date, kind) };
    });
    const full = free.filter((f) => f.why);
    const unused = free.filter((f) => !f.why).map((f) => f.name);
    // Leaders held back by the same limits named together: 王一、李二：再排会违反「…」.
    const fullText = [...groupBy(full, (f) => f.why)].map(([why, fs]) => `${fs.map((f) => f.name).join('、')}：${why}`).join('；');
    const [zh, en] =
      free.length === 0
        ? ['当天符合条件的领导都没有空', 'no eligible leader is free that day']
        : unused.length === 0
          ? [
              `当天有空的 ${free.length} 名领导都不能再安排（${fullText}）`,
              `each of the ${free.length} leader${free.length > 1 ? 's' : ''} free that day would break a rule with one more duty`,
            ]
          : [
              `当天有空的 ${free.length} 名领导中${full.length ? ` ${full.length} 名不能再安排（${fullText}），` : ''}${unused.join('、')} 本方案未安排`,
              `${unused.length} leader${unused.length > 1 ? 's' : ''} free that day ${unused.length > 1 ? 'were' : 'was'} not used`,
            ];
    return {
      kind: 'no-leader-on-day' as const,
      dates: [date],
      names: away.map((l) => l.name),
      message:
        `${date} 需要 ${min} 名领导${kind}，缺 ${missing} 名：${zh}` +
        `${away.length ? `；${away.map(absence).join('；')}` : ''}。` +
        `${date} needs ${min} ${kind}; ${missing} place${missing > 1 ? 's' : ''} unfilled: ${en}.`,
    };
  });
}

/**
 * Why best effort put a leader over the weekly maximum: the week's days need more activities than
 * its leaders can give within it, or its absences leave some days to too few of them.
 */
export function weekCauses(ctx: PlanContext, breaks: Violation[]): Cause[] {
  const K = ctx.set.maxPerWeek;
  const over = breaks.filter((b) => b.rule === 'max-per-week');
  if (K === undefined || !over.length) return [];
  const weeks = new Map<string, string[]>();
  for (const b of over) {
    const w = periodOf('week', b.dates[0]).key;
    weeks.set(w, [...(weeks.get(w) ?? []), ...b.names]);
  }
  return [...weeks].map(([w, names]) => {
    const days = ctx.open.filter((d) => ctx.week[d] === w);
    const dates = days.map((d) => ctx.days[d]);
    const needed = need(ctx) * days.length;
    const able = [...new Set(days.flatMap((d) => ctx.candidates[d]))];
    const capacity = able.reduce((s, l) => s + Math.min(K, days.filter((d) => ctx.candidates[d].includes(l)).length), 0);
    const why =
      needed > capacity
        ? `，最多 ${capacity} 人次`
        : `，共可 ${capacity} 人次，但各天能到的领导不够（${days.map((d) => `${monthDay(ctx.days[d])} ${ctx.candidates[d].length} 名`).join('、')}）`;
    return {
      kind: 'hall' as const,
      dates,
      names,
      message:
        `${w} 的 ${days.length} 个工作日每天至少 ${need(ctx)} 人次，共需 ${needed} 人次；可安排的领导 ${able.length} 名，每人每周最多 ${K} 次${why}，` +
        `所以 ${names.join('、')} 超过每周最多次数。` +
        `${w} needs ${needed} activities on ${days.length} working days; ${able.length} leaders at most ${K} a week ` +
        `${needed > capacity ? `give at most ${capacity}` : `could give ${capacity} but too few can come on some days`}, so ${names.join(', ')} went over the weekly maximum.`,
    };
  });
}
