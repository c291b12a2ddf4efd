// The hard rules of a round, one small named object each: the sentence it explains itself with,
// which (leader, day) pairs it allows, the rows it adds to the integer program, and a check that
// judges a finished (or hand-edited) timetable and names the people and days of every violation.
// The planner, best-effort reports and later `rota swap`/`render` validation all use this one list.

import { formatDateList } from '../date-list.js';
import { monthDay } from '../dates.js';
import { leaderKey } from '../leaders.js';
import type { Duty, IsoDate, Leader, SourceRef } from '../types.js';
import type { PlanContext } from './context.js';
import type { ModelBuilder } from './model.js';
import type { PlanConfig, Violation } from './types.js';

/** A set of leaders and days that no variable links to the rest: solved on its own. */
export interface Component {
  leaders: number[];
  days: number[];
  /** Indexes into ctx.pins. */
  pins: number[];
}

export interface BuildArgs {
  b: ModelBuilder;
  ctx: PlanContext;
  comp: Component;
  /** Elastic model: hard rows may be broken at breakCost per break (best-effort / smallest set of breaks). */
  elastic: boolean;
  breakCost: number;
}

/** How a timetable is judged: complete (every working day must be covered) or a partial, hand-edited one. */
export interface CheckOptions {
  /** Default true; false skips days that have no duty yet (rota render of part of a round). */
  complete?: boolean;
}

export interface HardConstraint {
  id: string;
  sentence: (config: PlanConfig) => string;
  /** The timetable column a violation points at (日期, 单位, 姓名). */
  field?: string;
  /** Whether the leader may serve on working day `day` at all (no variable otherwise). */
  allows?: (ctx: PlanContext, leader: Leader, day: number) => boolean;
  /** Adds this rule's rows for one component. */
  addRows?: (args: BuildArgs) => void;
  /** Judges a timetable; every violation names people and days. */
  check: (duties: Duty[], ctx: PlanContext, opts?: CheckOptions) => Violation[];
}

export const xName = (l: number, d: number) => `x${l}_${d}`;

/** A violation; `at` is the duty (CSV row) it points at, when there is one. */
function violation(c: HardConstraint, ctx: PlanContext, message: string, names: string[], dates: IsoDate[], at?: Duty): Violation {
  const source: SourceRef | undefined = at?.source;
  return {
    rule: c.id,
    sentence: c.sentence(ctx.config),
    message,
    names,
    dates,
    ...(source ? { source: { file: source.file, line: source.line, ...(c.field ? { field: c.field } : {}) } } : {}),
  };
}

/** 第4行 line 4 — where a duty came from, for messages that point at another row. */
const lineOf = (d: Duty) => (d.source ? `（第${d.source.line}行 line ${d.source.line}）` : '');

/** The leader a duty names (by 单位 + 姓名), if the lists have one. */
export function dutyLeader(ctx: PlanContext, d: Duty): Leader | undefined {
  const i = ctx.leaderIndex.get(leaderKey(d));
  return i === undefined ? undefined : ctx.leaders[i];
}

export const withinWindow: HardConstraint = {
  id: 'within-window',
  field: '日期',
  sentence: (c) => `接访日期须在本轮 ${c.from} 至 ${c.to} 之内（inside the round's window）`,
  check(duties, ctx) {
    const { from, to } = ctx.config;
    return duties.flatMap((d) =>
      d.date >= from && d.date <= to
        ? []
        : [violation(this, ctx, `${d.date} 不在本轮接访时间 ${from} 至 ${to} 内（outside the round）：${d.name}`, [d.name], [d.date], d)],
    );
  },
};

export const workingDayOnly: HardConstraint = {
  id: 'working-day',
  field: '日期',
  sentence: () => '只在工作日安排接访（duties only on working days）',
  check(duties, ctx) {
    const byDate = new Map(ctx.window.map((d) => [d.date, d]));
    return duties.flatMap((d) => {
      const info = byDate.get(d.date);
      if (ctx.dayIndex.has(d.date) || !info) return []; // outside the window: within-window says so
      return [
        violation(
          this,
          ctx,
          `${d.date}（${info.weekday}）是休息日：${info.reason ?? '休息'}，不能安排 ${d.name} 接访（not a working day）`,
          [d.name],
          [d.date],
          d,
        ),
      ];
    });
  },
};

export const knownLeader: HardConstraint = {
  id: 'known-leader',
  field: '姓名',
  sentence: () => '接访领导须在领导名单中（the leader must be in the leader lists）',
  check(duties, ctx) {
    return duties.flatMap((d) =>
      dutyLeader(ctx, d)
        ? []
        : [
            violation(
              this,
              ctx,
              `${d.name} 不在${d.institution ? `${d.institution}的` : ''}领导名单中（not in the leader list）；请检查姓名或在名单中补充`,
              [d.name],
              [d.date],
              d,
            ),
          ],
    );
  },
};

export const institutionOrder: HardConstraint = {
  id: 'order',
  field: '单位',
  sentence: (c) =>
    c.order.mode === 'none'
      ? '不分单位顺序（institution order: none）'
      : `按 ${c.institutions.map((i) => i.name).join(' → ')} 的顺序轮流接访（institution order, ${c.order.mode}）`,
  allows: (ctx, l, d) => ctx.config.order.mode === 'none' || l.institution === ctx.dayInstitution[d],
  check(duties, ctx) {
    if (ctx.config.order.mode === 'none') return [];
    return duties.flatMap((d) => {
      const i = ctx.dayIndex.get(d.date);
      if (i === undefined || d.institution === ctx.dayInstitution[i]) return [];
      const order = ctx.config.institutions.map((x) => x.name).join(' → ');
      return [
        violation(
          this,
          ctx,
          `${d.date} 按顺序（${order}）应由${ctx.dayInstitution[i]}安排接访，却安排了${d.institution || '（未写单位）'}的${d.name}（broken institution order: the day belongs to ${ctx.dayInstitution[i]}）`,
          [d.name],
          [d.date],
          d,
        ),
      ];
    });
  },
};

export const eligibleRank: HardConstraint = {
  id: 'eligibility',
  field: '姓名',
  sentence: (c) => `只安排 ${c.eligibleRanks.join('、')} 领导接访（eligible ranks only）`,
  allows: (ctx, l) => ctx.config.eligibleRanks.includes(l.rank),
  check(duties, ctx) {
    return duties.flatMap((d) => {
      const l = dutyLeader(ctx, d);
      if (!l || ctx.config.eligibleRanks.includes(l.rank)) return []; // an unknown leader: known-leader says so
      return [
        violation(
          this,
          ctx,
          `${d.date} ${l.name} 是${l.rank}，本轮接访须由 ${ctx.config.eligibleRanks.join('、')} 领导担任（rank not eligible）`,
          [l.name],
          [d.date],
          d,
        ),
      ];
    });
  },
};

export const availability: HardConstraint = {
  id: 'availability',
  field: '日期',
  sentence: () => '不在领导的不可接访日期安排接访（never on an unavailable date）',
  allows: (ctx, l, d) => !l.unavailable.includes(ctx.days[d]),
  check(duties, ctx) {
    return duties.flatMap((d) => {
      const l = dutyLeader(ctx, d);
      if (!l?.unavailable.includes(d.date)) return [];
      return [
        violation(
          this,
          ctx,
          `${l.name} ${d.date} 不可接访（不可接访日期：${formatDateList(l.unavailable)}）(unavailable that day)`,
          [l.name],
          [d.date],
          d,
        ),
      ];
    });
  },
};

export const perDay: HardConstraint = {
  id: 'per-day',
  field: '日期',
  sentence: (c) => `每个工作日安排 ${c.perDay} 名领导接访（exactly ${c.perDay} per working day）`,
  addRows({ b, ctx, comp, elastic, breakCost }) {
    for (const d of comp.days) {
      const terms = ctx.candidates[d].filter((l) => b.hasVar(xName(l, d))).map((l): [string, number] => [xName(l, d), 1]);
      if (elastic) {
        // One unit of shortfall is one break; an empty place costs a little more than any other break.
        b.addVar(`u${d}`, { level: 'breaks', cost: breakCost + 1 });
        terms.push([`u${d}`, 1]);
        b.declareRange('breaks', (breakCost + 1) * ctx.config.perDay);
      }
      // A frozen (past) day keeps exactly the duties it had.
      b.addRow(`d${d}`, { equal: ctx.fixedDays?.has(d) ? ctx.candidates[d].length : ctx.config.perDay }, terms);
    }
  },
  check(duties, ctx, opts = {}) {
    const by = new Map<IsoDate, Duty[]>();
    for (const d of duties) by.set(d.date, [...(by.get(d.date) ?? []), d]);
    const out: Violation[] = [];
    const n = ctx.config.perDay;
    ctx.days.forEach((date, i) => {
      const here = by.get(date) ?? [];
      if (here.length < n && opts.complete !== false) {
        out.push(
          violation(
            this,
            ctx,
            `${date}（${ctx.dayInstitution[i]}）只有 ${here.length} 名领导接访，应为 ${n} 名 (short of leaders)`,
            here.map((d) => d.name),
            [date],
          ),
        );
      }
      const seen: Duty[] = [];
      for (const d of here) {
        const twice = seen.find((x) => leaderKey(x) === leaderKey(d));
        if (twice) {
          out.push(violation(this, ctx, `${d.name} ${date} 被安排了两次${lineOf(twice)}（listed twice on one day）`, [d.name], [date], d));
        } else if (seen.length >= n) {
          out.push(
            violation(
              this,
              ctx,
              `${date} 已有${seen.map((x) => `${x.name}${lineOf(x)}`).join('、')}接访，每天只安排 ${n} 名（too many on one day）`,
              [...seen.map((x) => x.name), d.name],
              [date],
              d,
            ),
          );
        }
        if (!twice) seen.push(d);
      }
    });
    return out;
  },
};

export const maxPerLeader: HardConstraint = {
  id: 'max-per-leader',
  field: '姓名',
  sentence: (c) => `每名领导本轮接访不超过 ${c.maxPerLeader} 次（at most ${c.maxPerLeader} per leader in the round）`,
  addRows({ b, ctx, comp, elastic, breakCost }) {
    for (const l of comp.leaders) {
      const terms = comp.days.filter((d) => b.hasVar(xName(l, d))).map((d): [string, number] => [xName(l, d), 1]);
      // Duties on frozen (past) days stay even when they already exceed the maximum: no more are added.
      const fixed = ctx.fixedDays ? comp.days.filter((d) => ctx.fixedDays!.has(d) && b.hasVar(xName(l, d))).length : 0;
      const max = Math.max(ctx.config.maxPerLeader, fixed);
      if (terms.length <= max) continue; // cannot be exceeded: no row needed
      if (elastic) {
        b.addVar(`e${l}`, { level: 'breaks', cost: breakCost });
        terms.push([`e${l}`, -1]);
        b.declareRange('breaks', breakCost * (terms.length - 1 - max));
      }
      b.addRow(`m${l}`, { max }, terms);
    }
  },
  check(duties, ctx) {
    const by = new Map<string, Duty[]>();
    for (const d of duties) by.set(leaderKey(d), [...(by.get(leaderKey(d)) ?? []), d]);
    const max = ctx.config.maxPerLeader;
    return [...by.values()]
      .filter((ds) => ds.length > max)
      .map((ds) =>
        violation(
          this,
          ctx,
          `${ds[0].name} 本轮接访 ${ds.length} 次（${ds.map((d) => `${monthDay(d.date)}${lineOf(d)}`).join('、')}），超过 ${max} 次 (over the per-round maximum)`,
          [ds[0].name],
          ds.map((d) => d.date),
          ds[max],
        ),
      );
  },
};

export const pinsKept: HardConstraint = {
  id: 'pins',
  sentence: () => '锁定的安排保持不变（pinned duties are kept）',
  addRows({ b, ctx, comp, elastic, breakCost }) {
    for (const p of comp.pins) {
      const { leader, day } = ctx.pins[p];
      if (leader === undefined || day === undefined || !b.hasVar(xName(leader, day))) continue;
      const terms: Array<[string, number]> = [[xName(leader, day), 1]];
      if (elastic) {
        b.addVar(`p${p}`, { level: 'breaks', cost: breakCost });
        terms.push([`p${p}`, 1]);
        b.declareRange('breaks', breakCost);
      }
      b.addRow(`pin${p}`, { min: 1 }, terms);
    }
  },
  check(duties, ctx) {
    const have = new Set(duties.map((d) => `${d.date}\u0000${leaderKey(d)}`));
    return ctx.pins.flatMap(({ pin, leader }) => {
      const l = leader === undefined ? undefined : ctx.leaders[leader];
      if (l && have.has(`${pin.date}\u0000${leaderKey(l)}`)) return [];
      return [violation(this, ctx, `锁定的 ${pin.date} ${pin.name} 未保留 (pinned duty not kept)`, [pin.name], [pin.date])];
    });
  },
};

/** Every hard rule, in the order they are checked and reported. */
export const HARD_CONSTRAINTS: HardConstraint[] = [
  workingDayOnly,
  institutionOrder,
  eligibleRank,
  availability,
  perDay,
  maxPerLeader,
  pinsKept,
  knownLeader,
  withinWindow,
];

/** Judges a timetable against every hard rule: the same rules the planner keeps. */
export function checkTimetable(duties: Duty[], ctx: PlanContext, opts: CheckOptions = {}): Violation[] {
  return HARD_CONSTRAINTS.flatMap((c) => c.check(duties, ctx, opts));
}
