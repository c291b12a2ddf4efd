// Shortfalls the calendar made unavoidable: in a holiday week the few working days cannot hold every
// leader's quota, so someone is short whatever the office did. A city's summary counts these apart
// from missed duties, so one real absence is not lost among a year of holiday weeks.
import type { Calendar } from '../calendar.js';
import { ruleApplies } from '../rules.js';
import type { Kind, Leader, Rule } from '../types.js';
import type { CheckResult } from './tally.js';

export interface Room {
  calendar: Calendar;
  leaders: readonly Leader[];
  rules: readonly Rule[];
  /** Activities a working day holds, by kind (the preset's 接访 and 下访 maxima). */
  perDay: Record<Kind, number>;
  /** The checked range: a period cut by it counts only its days inside. */
  from: string;
  to: string;
}

/**
 * Is this shortfall the calendar's doing? Its period's working days (inside the range) are fewer than
 * the quota itself, or hold fewer activities than every leader the rule covers needs.
 */
export function calendarMade(room: Room): (r: CheckResult) => boolean {
  const needing = new Map(room.rules.map((rule) => [rule.id, room.leaders.filter((l) => ruleApplies(rule, l)).length]));
  const memo = new Map<string, boolean>();
  return (r) => {
    const key = `${r.rule}\u0000${r.from}\u0000${r.to}`;
    let made = memo.get(key);
    if (made === undefined) {
      const from = r.from > room.from ? r.from : room.from;
      const to = r.to < room.to ? r.to : room.to;
      const days = from <= to ? room.calendar.workingDays(from, to).length : 0;
      const perDay = r.kinds.reduce((n, k) => n + room.perDay[k], 0);
      made = days < r.required || (needing.get(r.rule) ?? 0) * r.required > days * perDay;
      memo.set(key, made);
    }
    return made;
  };
}
