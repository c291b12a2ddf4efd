// The hard rules, one small named object each, for every preset: the sentence it explains itself
// with, which (leader, day) pairs it allows and why it excludes the rest, the rows it adds to the
// integer program (with their elastic variant for best effort), and a check that judges a finished
// or hand-edited timetable and names the people, the days and the CSV line of every violation.
// A preset turns rules on by its parameters (inUse); nothing asks which preset it is.

import { periodKey } from '../check/periods.js';
import { formatDateList } from '../date-list.js';
import { monthDay } from '../dates.js';
import { groupBy } from '../group-by.js';
import { leaderKey } from '../leaders.js';
import { ruleApplies } from '../rules.js';
import { serveOnText, servesOn } from '../serve-on.js';
import { inTerm, termText } from '../term.js';
import type { Duty, IsoDate, Kind } from '../types.js';
import type { PlanContext } from './context.js';
import { type BuildArgs, type CheckOptions, dutyLeader, frozen, type HardRule, lineOf, terms, varName, violation } from './hard-rule.js';
import { slotsFilled } from './slot-rule.js';
import { roomForTwo, weekRoom, weekRow } from './state.js';
import type { Ruleset, Violation } from './types.js';

export {
  type BuildArgs,
  type CheckOptions,
  dutyLeader,
  frozen,
  type HardRule,
  KIND_LIST,
  type NetArgs,
  terms,
  varName,
} from './hard-rule.js';

export const withinWindow: HardRule = {
  id: 'within-window',
  field: '日期',
  sentence: ({ config: c }) => `安排日期须在本轮 ${c.from} 至 ${c.to} 之内（inside the round's window）`,
  check(duties, ctx) {
    const { from, to } = ctx.config;
    return duties.flatMap((d) =>
      d.date >= from && d.date <= to
        ? []
        : [violation(this, ctx, `${d.date} 不在本轮接访时间 ${from} 至 ${to} 内（outside the round）：${d.name}`, [d.name], [d.date], d)],
    );
  },
};

export const workingDayOnly: HardRule = {
  id: 'working-day',
  field: '日期',
  sentence: () => '只在工作日安排接访、下访（duties only on working days）',
  check(duties, ctx) {
    const byDate = new Map(ctx.window.map((d) => [d.date, d]));
    return duties.flatMap((d) => {
      const info = byDate.get(d.date);
      if (ctx.dayIndex.has(d.date) || !info || frozen(ctx, d.date)) return []; // outside: within-window says so
      const why = info.nonDuty ? '不是本轮的接访日（rota.json 的 pattern），' : `是休息日：${info.reason ?? '休息'}，`;
      return [
        violation(
          this,
          ctx,
          `${d.date}（${info.weekday}）${why}不能安排 ${d.name} ${d.kind}（${info.nonDuty ? 'not a duty day of the pattern' : 'not a working day'}）`,
          [d.name],
          [d.date],
          d,
        ),
      ];
    });
  },
};

export const knownLeader: HardRule = {
  id: 'known-leader',
  field: '姓名',
  sentence: () => '安排的领导须在领导名单中（the leader must be in the leader lists）',
  check(duties, ctx) {
    return duties.flatMap((d) =>
      dutyLeader(ctx, d) || frozen(ctx, d.date)
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

export const institutionOrder: HardRule = {
  id: 'order',
  field: '单位',
  inUse: (_, c) => c.order.mode !== 'none',
  sentence: ({ config: c }) => `按 ${c.institutions.map((i) => i.name).join(' → ')} 的顺序轮流接访（institution order, ${c.order.mode}）`,
  allows: (ctx, l, d) => l.institution === ctx.dayInstitution[d],
  excludes: (_ctx, l) => `${l.institution} 本轮没有接访日 (no day for ${l.institution} in this round)`,
  check(duties, ctx) {
    return duties.flatMap((d) => {
      const i = ctx.dayIndex.get(d.date);
      if (i === undefined || d.institution === ctx.dayInstitution[i] || frozen(ctx, d.date)) return [];
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

export const eligibleRank: HardRule = {
  id: 'eligibility',
  field: '姓名',
  sentence: ({ config: c }) => `只安排 ${c.eligibleRanks.join('、')} 领导（eligible ranks only）`,
  allows: (ctx, l) => ctx.config.eligibleRanks.includes(l.rank),
  excludes: (ctx, l) => `${l.rank}，不在 ${ctx.config.eligibleRanks.join('、')} 之列，不参加本轮安排 (rank not eligible)`,
  check(duties, ctx) {
    return duties.flatMap((d) => {
      const l = dutyLeader(ctx, d);
      if (!l || ctx.config.eligibleRanks.includes(l.rank) || frozen(ctx, d.date)) return []; // unknown: known-leader says so
      return [
        violation(
          this,
          ctx,
          `${d.date} ${l.name} 是${l.rank}，本轮须由 ${ctx.config.eligibleRanks.join('、')} 领导担任（rank not eligible）`,
          [l.name],
          [d.date],
          d,
        ),
      ];
    });
  },
};

export const availability: HardRule = {
  id: 'availability',
  field: '日期',
  sentence: () => '不在领导的不可接访日期安排（never on an unavailable date）',
  allows: (ctx, l, d) => !l.unavailable.includes(ctx.days[d]),
  excludes: (ctx, l, days) =>
    `${days.map((d) => ctx.days[d]).join('、')} 均不可接访（不可接访日期：${formatDateList(l.unavailable)}）(unavailable on all of them)`,
  check(duties, ctx) {
    return duties.flatMap((d) => {
      const l = dutyLeader(ctx, d);
      if (!l?.unavailable.includes(d.date) || frozen(ctx, d.date)) return [];
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

export const inOffice: HardRule = {
  id: 'term',
  field: '日期',
  sentence: () => '只在任期内安排（到任当天起，调离前一天止）（only within the term of office）',
  allows: (ctx, l, d) => inTerm(l, ctx.days[d]),
  excludes: (_ctx, l) => `任职 ${termText(l.term ?? {})}，本安排的日子不在任期内 (not in office on those days)`,
  check(duties, ctx) {
    return duties.flatMap((d) => {
      const l = dutyLeader(ctx, d);
      if (!l || inTerm(l, d.date) || frozen(ctx, d.date)) return [];
      const message = `${l.name} ${d.date} 不在${l.institution}的任期内（任职 ${termText(l.term ?? {})}）(not in office that day)`;
      return [violation(this, ctx, message, [l.name], [d.date], d)];
    });
  },
};

/** Who serves fixed by date (rota.json serveOn): 书记 in odd months, 正职 on Mondays … */
export const serveOnDays: HardRule = {
  id: 'serve-on',
  field: '日期',
  inUse: (_set, config) => (config.serveOn ?? []).length > 0,
  sentence: () => '按 serveOn 规定的月份、星期安排（who serves fixed by date）',
  allows: (ctx, l, d) => servesOn(ctx.config.serveOn!, l, ctx.days[d]),
  excludes: (ctx, l) => `按规定只在${serveOnText(ctx.config.serveOn!, l)}接访，本安排的日子都不是 (serves on other days)`,
  check(duties, ctx) {
    return duties.flatMap((d) => {
      const l = dutyLeader(ctx, d);
      if (!l || servesOn(ctx.config.serveOn!, l, d.date) || frozen(ctx, d.date)) return [];
      const message = `${l.name} 按规定只在${serveOnText(ctx.config.serveOn!, l)}接访，${d.date} 不是 (not one of the days fixed for the leader)`;
      return [violation(this, ctx, message, [l.name], [d.date], d)];
    });
  },
};

/** The published duties of a date, as leader keys with their kinds. */
const dayKeys = (duties: Duty[], date: IsoDate) =>
  duties
    .filter((d) => d.date === date)
    .map((d) => `${d.kind}\u0000${leaderKey(d)}`)
    .sort()
    .join('\u0001');

export const frozenPast: HardRule = {
  id: 'frozen-past',
  field: '日期',
  sentence: (ctx) => `${ctx.published?.today ?? '今天'} 之前的安排已经发生，保持公布时的样子（the past is never rewritten）`,
  allows: (ctx, _l, d) => !frozen(ctx, ctx.days[d]),
  excludes: (ctx) => `${ctx.published?.today} 之前的安排已经公布、不再改动 (the past is frozen)`,
  check(duties, ctx) {
    const p = ctx.published;
    if (!p) return [];
    const dates = [...new Set([...p.duties, ...duties].map((d) => d.date).filter((d) => d < p.today))].sort();
    return dates.flatMap((date) => {
      if (dayKeys(p.duties, date) === dayKeys(duties, date)) return [];
      const was = p.duties.filter((d) => d.date === date).map((d) => d.name);
      const now = duties.filter((d) => d.date === date);
      return [
        violation(
          this,
          ctx,
          `${date} 已经过去，公布的是 ${was.join('、') || '无安排'}，不能改为 ${now.map((d) => d.name).join('、') || '无安排'}（the past is never rewritten）`,
          [...was, ...now.map((d) => d.name)],
          [date],
          now[0],
        ),
      ];
    });
  },
};

function perDayRule(kind: Kind, id: string): HardRule {
  const range = (set: Ruleset) => (kind === '接访' ? set.reception : set.visits);
  const tag = kind === '接访' ? 'j' : 'v';
  return {
    id,
    field: '日期',
    inUse: (set) => range(set).max > 0,
    sentence: ({ set }) => {
      const { min, max } = range(set);
      return min === max
        ? `每个工作日安排 ${min} 名领导${kind}（exactly ${min} ${kind} per working day）`
        : `每个工作日安排 ${min}~${max} 名领导${kind}（${min}-${max} ${kind} per working day）`;
    },
    addRows({ b, ctx, chunk, elastic, breakCost }) {
      const { min, max } = range(ctx.set);
      for (const d of chunk.days) {
        const t = ctx.candidates[d].flatMap((l) => terms(b, l, d, [kind]));
        if (min === 0 && t.length <= max) continue;
        // A day short of leaders is one break, however many are missing, and costs a little more than
        // any other break: among plans with the fewest breaks, an extra duty comes before an empty day.
        const soft = elastic && min > 0 ? { level: 'breaks' as const, cost: breakCost + 1, most: min, once: true } : undefined;
        b.boundedSum(`r${tag}${d}`, { min, max }, t, soft);
      }
    },
    addArcs({ net, ctx, chunk }) {
      const { min, max } = range(ctx.set);
      for (const d of chunk.days) net.cellSet([[d, kind]], { min, cap: max });
    },
    check(duties, ctx, opts = {}) {
      const { min, max } = range(ctx.set);
      const by = groupBy(
        duties.filter((d) => d.kind === kind),
        (d) => d.date,
      );
      const out: Violation[] = [];
      ctx.days.forEach((date, i) => {
        if (frozen(ctx, date)) return;
        const here = by.get(date) ?? [];
        const people = [...new Map(here.map((d) => [leaderKey(d), d])).values()];
        if (people.length < min && opts.complete !== false) {
          const inst = ctx.dayInstitution[i] ? `（${ctx.dayInstitution[i]}）` : '';
          out.push(
            violation(
              this,
              ctx,
              `${date}${inst}只有 ${people.length} 名领导${kind}，应${min === max ? '为' : '至少'} ${min} 名 (short of leaders)`,
              people.map((d) => d.name),
              [date],
            ),
          );
        }
        if (people.length > max) {
          const seen = people.slice(0, max);
          for (const d of people.slice(max))
            out.push(
              violation(
                this,
                ctx,
                `${date} 已有${seen.map((x) => `${x.name}${lineOf(x)}`).join('、')}${kind}，每天最多 ${max} 名（too many on one day）`,
                [...seen.map((x) => x.name), d.name],
                [date],
                d,
              ),
            );
        }
      });
      return out;
    },
  };
}

export const receptionPerDay = perDayRule('接访', 'reception-per-day');
export const visitsPerDay = perDayRule('下访', 'visits-per-day');

export const onePerDay: HardRule = {
  id: 'one-per-day',
  field: '姓名',
  sentence: () => '同一领导一天只安排一项（no leader twice on one day）',
  addRows({ b, ctx, chunk, released }) {
    for (const d of chunk.days) {
      for (const l of ctx.candidates[d]) {
        const t = terms(b, l, d);
        // A week with room for one activity already keeps it to one a day (unless best effort breaks
        // the weekly maximum): the row would only add size.
        if (t.length > 1 && roomForTwo(ctx, chunk, l, ctx.week[d], released)) b.addRow(`o${l}_${d}`, { max: 1 }, t);
      }
    }
  },
  addArcs({ net, ctx, chunk }) {
    for (const d of chunk.days) for (const l of ctx.candidates[d]) net.pairCap(l, d, 1);
  },
  check(duties, ctx) {
    const seen = new Map<string, Duty>();
    const out: Violation[] = [];
    for (const d of duties) {
      const k = `${d.date}\u0000${leaderKey(d)}`;
      const first = seen.get(k);
      if (!first) seen.set(k, d);
      else if (!frozen(ctx, d.date))
        out.push(
          violation(
            this,
            ctx,
            `${d.name} ${d.date} 被安排了两次（${first.kind}${lineOf(first)}、${d.kind}）(listed twice on one day)`,
            [d.name],
            [d.date],
            d,
          ),
        );
    }
    return out;
  },
};

/** The convex cost of a maximum's excess (the row's slack `${row}~`): units 1, 2, 3, … cost 1, 2, 3, … at level spread. */
function spreadExcess(b: BuildArgs['b'], row: string, most: number): void {
  const units: Array<[string, number]> = [[`${row}~`, 1]];
  for (let k = 1; k <= most; k++) {
    b.penalised(`${row}+${k}`, 'spread', k, 1);
    b.addRow(`${row}+${k}`, { max: 1 }, [[`${row}+${k}`, 1]]);
    units.push([`${row}+${k}`, -1]);
  }
  b.addRow(`${row}+`, { max: 0 }, units);
}

export const maxPerLeader: HardRule = {
  id: 'max-per-leader',
  field: '姓名',
  inUse: (set) => set.maxPerRound !== undefined,
  sentence: ({ set }) => `每名领导本轮最多安排 ${set.maxPerRound} 次（at most ${set.maxPerRound} per leader in the round）`,
  addRows({ b, ctx, chunk, elastic, breakCost }) {
    const max = ctx.set.maxPerRound!;
    for (const l of chunk.leaders) {
      const t = chunk.days.flatMap((d) => terms(b, l, d));
      const room = Math.max(0, max - chunk.roundLoad[l]);
      if (t.length <= room) continue; // cannot be exceeded: no row needed
      // A leader over the maximum is one break, however many extra duties: spread over as few leaders as needed.
      b.boundedSum(
        `m${l}`,
        { max: room },
        t,
        elastic ? { level: 'breaks', cost: breakCost, most: t.length - room, once: true } : undefined,
      );
      // Under the fewest breaks, the excess shared evenly: the k-th duty over the maximum costs k.
      if (elastic) spreadExcess(b, `m${l}`, t.length - room);
    }
  },
  addArcs({ net, ctx, chunk }) {
    for (const l of chunk.leaders) net.leaderSet(l, chunk.days, { cap: Math.max(0, ctx.set.maxPerRound! - chunk.roundLoad[l]) });
  },
  check(duties, ctx) {
    const max = ctx.set.maxPerRound!;
    return [...groupBy(duties, leaderKey).values()]
      .filter((ds) => ds.length > max && ds.some((d) => !frozen(ctx, d.date)))
      .map((ds) =>
        violation(
          this,
          ctx,
          `${ds[0].name} 本轮安排 ${ds.length} 次（${ds.map((d) => `${monthDay(d.date)}${lineOf(d)}`).join('、')}），超过 ${max} 次 (over the per-round maximum)`,
          [ds[0].name],
          ds.map((d) => d.date),
          ds[max],
        ),
      );
  },
};

export const maxPerWeek: HardRule = {
  id: 'max-per-week',
  field: '姓名',
  inUse: (set) => set.maxPerWeek !== undefined,
  sentence: ({ set }) => `每名领导每周最多安排 ${set.maxPerWeek} 次（at most ${set.maxPerWeek} per leader per week）`,
  addRows({ b, ctx, chunk, elastic, breakCost, released }) {
    const weeks = groupBy(chunk.days, (d) => ctx.week[d]);
    // One person, one weekly maximum: the rows of a leader who moved institution count together.
    for (const rows of groupBy(chunk.leaders, (l) => String(ctx.person[l])).values()) {
      for (const [w, ds] of weeks) {
        const t = rows.flatMap((l) => ds.flatMap((d) => terms(b, l, d)));
        const room = weekRoom(ctx, chunk, rows[0], w);
        if (t.length <= room) continue;
        const row = weekRow(ctx.person[rows[0]], w);
        const most = ds.filter((d) => rows.some((l) => terms(b, l, d).length)).length - room;
        if (!elastic || most <= 0 || !released?.has(row)) b.addRow(row, { max: room }, t);
        if (!elastic || most <= 0) continue;
        // As the per-round maximum: a person over it in a week is one break, however many extra, and the
        // excess is spread. Which weeks break is chosen outside the model (engine/week-release.ts), each
        // model built with some released and the rest kept; the ranges are the same, so their optima compare.
        b.releasable.push(row);
        if (!released?.has(row)) {
          b.widen('breaks', breakCost);
          b.widen('spread', (most * (most + 1)) / 2);
          continue;
        }
        b.boundedSum(row, { max: room }, t, { level: 'breaks', cost: breakCost, most, once: true });
        b.addRow(`${row}=`, { min: 1 }, [[`${row}!`, 1]]); // released: over it, so the search has nothing to branch on
        spreadExcess(b, row, most);
      }
    }
  },
  addArcs({ net, ctx, chunk }) {
    const weeks = groupBy(chunk.days, (d) => ctx.week[d]);
    // A set over two leaders' rows is not one of the network's nested sets.
    if (new Set(chunk.leaders.map((l) => ctx.person[l])).size < chunk.leaders.length) return net.refuse();
    for (const l of chunk.leaders) for (const [w, ds] of weeks) net.leaderSet(l, ds, { cap: weekRoom(ctx, chunk, l, w) });
  },
  check(duties, ctx) {
    const K = ctx.set.maxPerWeek!;
    const person = (d: Duty) => {
      const i = ctx.leaderIndex.get(leaderKey(d));
      return i === undefined ? leaderKey(d) : String(ctx.person[i]);
    };
    return [...groupBy(duties, (d) => `${person(d)}\u0000${periodKey('week', d.date)}`).entries()]
      .filter(([, ds]) => ds.length > K && ds.some((d) => !frozen(ctx, d.date)))
      .map(([k, ds]) =>
        violation(
          this,
          ctx,
          `${ds[0].name} ${k.split('\u0000').pop()} 安排了 ${ds.length} 次（${ds.map((d) => `${monthDay(d.date)}${lineOf(d)}`).join('、')}），超过每周 ${K} 次 (over the weekly maximum)`,
          [ds[0].name],
          ds.map((d) => d.date),
          ds[K],
        ),
      );
  },
};

/**
 * A rule's maximum (县委书记、县长每月接访一次: min 1, max 1) is kept by the plan as the checker judges it:
 * records outside the window and the timetable counted together, per leader and period.
 */
export const ruleMaximum: HardRule = {
  id: 'rule-max',
  field: '姓名',
  inUse: (_set, config) => (config.rules ?? []).some((r) => r.max !== undefined),
  sentence: (ctx) =>
    `不超过规则规定的最多次数（${ctx.reportRules
      .filter((r) => r.max !== undefined)
      .map((r) => `${r.id} 最多 ${r.max} 次`)
      .join('；')}）（at most a rule's max per period）`,
  addRows({ b, chunk, elastic, breakCost }) {
    chunk.caps.forEach(({ leader, rule, room, days }, i) => {
      const t = days.flatMap((d) => terms(b, leader, d, rule.kinds));
      if (t.length <= room) return; // cannot be exceeded: no row needed
      b.boundedSum(
        `x${i}`,
        { max: room },
        t,
        elastic ? { level: 'breaks', cost: breakCost, most: t.length - room, once: true } : undefined,
      );
    });
  },
  addArcs({ net, chunk }) {
    for (const { leader, rule, room, days } of chunk.caps) net.leaderSet(leader, days, { cap: room }, rule.kinds);
  },
  check(duties, ctx) {
    const { from, to } = ctx.config;
    const past = ctx.history.filter((h) => h.date < from || h.date > to);
    return ctx.reportRules.flatMap((rule) => {
      if (rule.max === undefined) return [];
      const max = rule.max;
      const counted = [...past, ...duties].filter((d) => rule.kinds.includes(d.kind));
      const groups = groupBy(counted, (d) => `${leaderKey(d)}\u0000${periodKey(rule.period, d.date)}`);
      return [...groups.values()].flatMap((ds) => {
        const leader = dutyLeader(ctx, ds[0] as Duty);
        const mine = ds.filter((d): d is Duty => 'weekday' in d).sort((a, b) => (a.date < b.date ? -1 : 1));
        if (!leader || !ruleApplies(rule, leader) || ds.length <= max || !mine.some((d) => !frozen(ctx, d.date))) return [];
        const period = periodKey(rule.period, mine[0]?.date ?? ds[0].date);
        return [
          violation(
            this,
            ctx,
            `${leader.name} ${period} ${rule.kinds.join('、')} ${ds.length} 次（${ds
              .map((d) => d.date)
              .sort()
              .map(monthDay)
              .join('、')}），多于规则 ${rule.id} 规定的最多 ${max} 次（over the rule's maximum）`,
            [leader.name],
            mine.map((d) => d.date),
            mine[mine.length - 1],
          ),
        ];
      });
    });
  },
};

export const pinsKept: HardRule = {
  id: 'pins',
  sentence: () => '锁定的安排保持不变（pinned duties are kept）',
  addRows({ b, ctx, chunk, elastic, breakCost }) {
    const days = new Set(chunk.days);
    ctx.pins.forEach(({ leader, day, kind }, p) => {
      if (leader === undefined || day === undefined || !days.has(day) || !b.hasVar(varName(kind, leader, day))) return;
      b.boundedSum(
        `pin${p}`,
        { min: 1 },
        [[varName(kind, leader, day), 1]],
        elastic ? { level: 'breaks', cost: breakCost, most: 1 } : undefined,
      );
    });
  },
  addArcs({ net, ctx, chunk }) {
    const days = new Set(chunk.days);
    if (ctx.pins.some(({ day }) => day !== undefined && days.has(day))) net.refuse(); // a lower bound on one activity
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

/** Every hard rule, in the order they are checked and reported; a preset uses those whose inUse holds. */
export const HARD_RULES: HardRule[] = [
  workingDayOnly,
  frozenPast,
  institutionOrder,
  eligibleRank,
  inOffice,
  serveOnDays,
  availability,
  receptionPerDay,
  visitsPerDay,
  onePerDay,
  maxPerLeader,
  maxPerWeek,
  ruleMaximum,
  slotsFilled,
  pinsKept,
  knownLeader,
  withinWindow,
];

/** Judges a timetable against every hard rule of the preset: the same rules the planner keeps. */
export function checkTimetable(duties: Duty[], ctx: PlanContext, opts: CheckOptions = {}): Violation[] {
  return ctx.rules.flatMap((r) => r.check(duties, ctx, opts));
}
