// Why a quota could not be met, and why a day could not be staffed, told to a clerk: the period,
// its working days, the per-day maximum, how many leaders needed it, who was away.
import { PERIOD_NAMES, type PeriodSpan, periodOf } from '../check/periods.js';
import { formatDateList } from '../date-list.js';
import { addDays, monthDay } from '../dates.js';
import type { Cause, StillShort } from '../planner/types.js';
import { ruleApplies } from '../rules.js';
import type { Duty, Leader, Rule } from '../types.js';
import type { RotationContext } from './context.js';

const absence = (l: Leader) =>
  l.unavailable.length
    ? `${l.name}：不可接访 ${formatDateList(l.unavailable).replace(/\d{4}-(\d{2}-\d{2})/g, '$1')}`
    : `${l.name}：无不可接访日期`;

/** The span of a period key (2025-W05, 2025-01, 2025-Q1, 2025) near the window. */
export function spanOfKey(rule: Rule, key: string, ctx: RotationContext): PeriodSpan | undefined {
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
function dayCapacity(ctx: RotationContext, rule: Rule, d: number): number {
  const { reception, visits } = ctx.config.rotation;
  const max = (rule.kinds.includes('接访') ? reception.max : 0) + (rule.kinds.includes('下访') ? visits.max : 0);
  return Math.min(max, ctx.base.candidates[d].length);
}

/** The reason one quota (leader, rule, period) stays unmet after planning. */
export function quotaReason(ctx: RotationContext, s: StillShort): string {
  const { base, config } = ctx;
  const rule = config.rules.find((r) => r.id === s.rule);
  const li = base.leaders.findIndex((l) => l.name === s.name && l.institution === s.institution);
  if (!rule || li < 0) return '';
  const leader = base.leaders[li];
  const span = spanOfKey(rule, s.period, ctx);
  if (!span) return '';
  const unit = PERIOD_NAMES[rule.period];
  const kinds = rule.kinds.join('或');
  if (!config.eligibleRanks.includes(leader.rank)) {
    return `${leader.name} 是${leader.rank}，不在可排班的 ${config.eligibleRanks.join('、')} 之列 (rank not eligible for this plan)`;
  }
  const wd = base.days.flatMap((date, d) => (date >= span.from && date <= span.to ? [d] : []));
  const partly =
    span.from < config.from || span.to > config.to
      ? `${s.period}（${span.from}~${span.to}）部分在排班范围 ${config.from}~${config.to} 之外；`
      : '';
  if (wd.length === 0) return `${partly}${s.period} 在排班范围内没有工作日 (no working day of the period inside the window)`;
  const dates = wd.map((d) => monthDay(base.days[d])).join('、');
  const free = wd.filter((d) => base.candidates[d].includes(li));
  if (free.length === 0) {
    return `${partly}${leader.name} 在 ${s.period} 的 ${wd.length} 个工作日（${dates}）都不可安排（${absence(leader)}） (unavailable on every working day of the period)`;
  }
  const capacity = wd.reduce((sum, d) => sum + dayCapacity(ctx, rule, d), 0);
  const needing = base.leaders.filter(
    (l, i) =>
      ruleApplies(rule, l) &&
      base.candidates.some((c) => c.includes(i)) &&
      base.history.filter(
        (h) =>
          h.name === l.name &&
          h.institution === l.institution &&
          rule.kinds.includes(h.kind) &&
          (h.date < config.from || h.date > config.to) &&
          h.date >= span.from &&
          h.date <= span.to,
      ).length < rule.min,
  ).length;
  const { reception, visits, maxPerWeek } = config.rotation;
  const perDay = [rule.kinds.includes('接访') ? `接访 ${reception.max}` : '', rule.kinds.includes('下访') ? `下访 ${visits.max}` : '']
    .filter(Boolean)
    .join('、');
  if (needing * rule.min > capacity) {
    return (
      `${partly}${s.period} 在排班范围内只有 ${wd.length} 个工作日（${dates}），每天最多 ${perDay} 人次，共 ${capacity} 人次，` +
      `而 ${needing} 名领导本${unit}都需要${kinds} ${rule.min} 次` +
      ` (${s.period} has ${wd.length} working day${wd.length > 1 ? 's' : ''} in the window, at most ${capacity} activities, but ${needing} leaders need ${rule.min} each)`
    );
  }
  if (free.length < rule.min) {
    return `${partly}${leader.name} 在 ${s.period} 只有 ${free.length} 个可安排的工作日，少于要求的 ${rule.min} 次（${absence(leader)}） (too few available days)`;
  }
  return (
    `${partly}${s.period} 的 ${capacity} 人次名额已用于其他领导同样优先的配额（每天最多 ${perDay} 人次、每人每天一项、每周最多 ${maxPerWeek} 次） ` +
    `(the period's places went to other leaders' quotas of equal priority)`
  );
}

/** Days whose 接访 or 下访 minimum no leader could fill, with who was away. */
export function unstaffedCauses(
  ctx: RotationContext,
  short: Array<{ day: number; kind: '接访' | '下访'; missing: number }>,
  duties: Duty[],
): Cause[] {
  const { base, config } = ctx;
  const K = config.rotation.maxPerWeek;
  return short.map(({ day, kind, missing }) => {
    const date = base.days[day];
    const week = periodOf('week', date);
    const min = kind === '接访' ? config.rotation.reception.min : config.rotation.visits.min;
    const eligible = base.leaders.filter((l) => config.eligibleRanks.includes(l.rank));
    const away = eligible.filter((l) => l.unavailable.includes(date));
    const free = base.candidates[day].map((l) => {
      const l0 = base.leaders[l];
      const mine = duties.filter((d) => d.name === l0.name && d.institution === l0.institution);
      const that = mine.find((d) => d.date === date);
      const inWeek = mine.filter((d) => d.date >= week.from && d.date <= week.to).length;
      return `${l0.name}${that ? `：当天${that.kind}` : inWeek >= K ? `：本周已 ${inWeek} 次（每周最多 ${K} 次）` : ''}`;
    });
    return {
      kind: 'no-leader-on-day' as const,
      dates: [date],
      names: away.map((l) => l.name),
      message:
        `${date} 需要 ${min} 名领导${kind}，缺 ${missing} 名：当天可安排的领导只有 ${free.length} 名` +
        `${free.length ? `（${free.join('；')}）` : ''}` +
        `${away.length ? `（${away.map(absence).join('；')}）` : ''}。` +
        `${date} needs ${min} ${kind} but ${missing} place${missing > 1 ? 's' : ''} could not be filled.`,
    };
  });
}
