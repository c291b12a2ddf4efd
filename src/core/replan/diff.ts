// The change notice's facts: which days of a published timetable differ from the new one, and how.
// A day changes when the set of leaders serving it (单位 + 姓名) differs, or a 下访 goes to another
// site; a new title alone is not a change of arrangement.
import { leaderKey } from '../leaders.js';
import { SESSIONS } from '../slot-text.js';
import type { Duty, IsoDate, Kind } from '../types.js';

export interface DayChange {
  date: IsoDate;
  weekday: string;
  kind: Kind;
  /** 时段 (上午, 下午 …) when the round's duties name sessions: each session of a day changes on its own. */
  session?: string;
  /** changed: other leaders; added: a day the old timetable did not have; removed: a day it no longer has. */
  type: 'changed' | 'added' | 'removed';
  before: Duty[];
  after: Duty[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKey = (a: Duty, b: Duty) => cmp(a.institution, b.institution) || cmp(a.name, b.name);

/**
 * Who serves, and for a 下访 where: a visit sent to another site is a change too. A duty in a named
 * session or role also counts its place and role (a leader moved to the court's hall, 陪同 made 主接访).
 */
const servedKey = (d: Duty) =>
  d.session || d.role
    ? `${leaderKey(d)}\u0000${d.place}\u0000${d.role ?? ''}`
    : d.kind === '下访'
      ? `${leaderKey(d)}\u0000${d.place}`
      : leaderKey(d);

/** The number of days a list of changes touches (a day whose 接访 and 下访 both change is one day). */
export const changedDates = (changes: readonly DayChange[]): number => new Set(changes.map((c) => c.date)).size;

function groups(duties: readonly Duty[]): Map<string, Duty[]> {
  const out = new Map<string, Duty[]>();
  for (const d of duties) {
    const k = `${d.date}|${d.kind}|${d.session ?? ''}`;
    out.set(k, [...(out.get(k) ?? []), d]);
  }
  return out;
}

/** A session's place in the day: none first, then 全天, 上午 … 晚上, then any other. */
const sessionRank = (s: string) => (s === '' ? -1 : SESSIONS.includes(s) ? SESSIONS.indexOf(s) : SESSIONS.length);

/** One entry per (date, kind, session) whose leaders differ, in date order (a day's sessions in order, 接访 before 下访). */
export function diffTimetables(before: readonly Duty[], after: readonly Duty[]): DayChange[] {
  const a = groups(before),
    b = groups(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => {
    const [xd, xk, xs] = x.split('|');
    const [yd, yk, ys] = y.split('|');
    return cmp(xd, yd) || sessionRank(xs) - sessionRank(ys) || cmp(xs, ys) || cmp(yk, xk);
  });
  const out: DayChange[] = [];
  for (const k of keys) {
    const was = [...(a.get(k) ?? [])].sort(byKey),
      now = [...(b.get(k) ?? [])].sort(byKey);
    if (was.map(servedKey).join('\u0001') === now.map(servedKey).join('\u0001')) continue;
    const [date, kind, session] = k.split('|') as [IsoDate, Kind, string];
    const type = was.length === 0 ? 'added' : now.length === 0 ? 'removed' : 'changed';
    out.push({ date, weekday: (now[0] ?? was[0]).weekday, kind, ...(session ? { session } : {}), type, before: was, after: now });
  }
  return out;
}

/** 张某（职务）、李某（职务） */
export function peopleText(duties: readonly Duty[]): string {
  return duties.map((d) => `${d.name}${d.title ? `（${d.title}）` : ''}`).join('、');
}

const placesText = (duties: readonly Duty[]) => duties.map((d) => d.place).join('、');
/** 张某（主接访） 区人民法院诉讼服务中心（…）: the same leaders in other places or roles. */
const slotsText = (duties: readonly Duty[]) => duties.map((d) => `${d.name}${d.role ? `（${d.role}）` : ''} ${d.place}`).join('、');

/** 2024-12-19：原 张某（职务） → 现 李某（职务）; 新增 / 取消 for added and removed days; 2024-12-19 下午：… for a session. */
export function changeLine(c: DayChange): string {
  const day = `${c.date}${c.session ? ` ${c.session}` : ''}${c.kind === '接访' ? '' : `（${c.kind}）`}`;
  if (c.type === 'added') return `${day}：新增 ${peopleText(c.after)}`;
  if (c.type === 'removed') return `${day}：取消 ${peopleText(c.before)}`;
  const same = c.before.map(leaderKey).join('\u0001') === c.after.map(leaderKey).join('\u0001');
  if (same && c.kind === '下访') return `${day}：${peopleText(c.after)} 下访地点 原 ${placesText(c.before)} → 现 ${placesText(c.after)}`;
  if (same) return `${day}：${slotsText(c.after)}（原 ${slotsText(c.before)}）`;
  // The same people at the same places, one of them now in another post (moved institution): say which.
  const byName = (ds: readonly Duty[]) => [...ds].sort((a, b) => cmp(a.name, b.name));
  const was = byName(c.before),
    now = byName(c.after);
  if (was.length === now.length && now.every((d, i) => d.name === was[i].name && d.place === was[i].place && d.role === was[i].role)) {
    const moved = now.flatMap((d, i) =>
      d.institution === was[i].institution ? [] : [`${d.name} 单位 原 ${was[i].institution} → 现 ${d.institution}`],
    );
    return `${day}：${moved.join('；')}（人员、地点不变）`;
  }
  return `${day}：原 ${peopleText(c.before)} → 现 ${peopleText(c.after)}`;
}
