// The change notice's facts: which days of a published timetable differ from the new one, and how.
// A day changes when the set of leaders serving it (单位 + 姓名) differs, or a 下访 goes to another
// site; a new title alone is not a change of arrangement.
import { leaderKey } from '../leaders.js';
import type { Duty, IsoDate, Kind } from '../types.js';

export interface DayChange {
  date: IsoDate;
  weekday: string;
  kind: Kind;
  /** changed: other leaders; added: a day the old timetable did not have; removed: a day it no longer has. */
  type: 'changed' | 'added' | 'removed';
  before: Duty[];
  after: Duty[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKey = (a: Duty, b: Duty) => cmp(a.institution, b.institution) || cmp(a.name, b.name);

/** Who serves, and for a 下访 where: a visit sent to another site is a change too. */
const servedKey = (d: Duty) => (d.kind === '下访' ? `${leaderKey(d)}\u0000${d.place}` : leaderKey(d));

/** The number of days a list of changes touches (a day whose 接访 and 下访 both change is one day). */
export const changedDates = (changes: readonly DayChange[]): number => new Set(changes.map((c) => c.date)).size;

function groups(duties: readonly Duty[]): Map<string, Duty[]> {
  const out = new Map<string, Duty[]>();
  for (const d of duties) {
    const k = `${d.date}|${d.kind}`;
    out.set(k, [...(out.get(k) ?? []), d]);
  }
  return out;
}

/** One entry per (date, kind) whose leaders differ, in date order (接访 before 下访). */
export function diffTimetables(before: readonly Duty[], after: readonly Duty[]): DayChange[] {
  const a = groups(before),
    b = groups(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort(
    (x, y) => cmp(x.split('|')[0], y.split('|')[0]) || cmp(y.split('|')[1], x.split('|')[1]),
  );
  const out: DayChange[] = [];
  for (const k of keys) {
    const was = [...(a.get(k) ?? [])].sort(byKey),
      now = [...(b.get(k) ?? [])].sort(byKey);
    if (was.map(servedKey).join('\u0001') === now.map(servedKey).join('\u0001')) continue;
    const [date, kind] = k.split('|') as [IsoDate, Kind];
    const type = was.length === 0 ? 'added' : now.length === 0 ? 'removed' : 'changed';
    out.push({ date, weekday: (now[0] ?? was[0]).weekday, kind, type, before: was, after: now });
  }
  return out;
}

/** 张某（职务）、李某（职务） */
export function peopleText(duties: readonly Duty[]): string {
  return duties.map((d) => `${d.name}${d.title ? `（${d.title}）` : ''}`).join('、');
}

const placesText = (duties: readonly Duty[]) => duties.map((d) => d.place).join('、');

/** 2024-12-19：原 张某（职务） → 现 李某（职务）; 新增 / 取消 for added and removed days. */
export function changeLine(c: DayChange): string {
  const day = c.kind === '接访' ? c.date : `${c.date}（${c.kind}）`;
  if (c.type === 'added') return `${day}：新增 ${peopleText(c.after)}`;
  if (c.type === 'removed') return `${day}：取消 ${peopleText(c.before)}`;
  const same = c.before.map(leaderKey).join('\u0001') === c.after.map(leaderKey).join('\u0001');
  if (same) return `${day}：${peopleText(c.after)} 下访地点 原 ${placesText(c.before)} → 现 ${placesText(c.after)}`;
  return `${day}：原 ${peopleText(c.before)} → 现 ${peopleText(c.after)}`;
}
