// How a duty's slot fields are written in a timetable cell and read back: 时段 (上午), 接访时间
// (08:30-11:30), 角色 (主接访) and the 方式 that 类型 shows (视频接访). One spelling out, several in,
// as offices write them (8:30—11:30, 8：30至11：30, AM …).
import { DUTY_MODES, DUTY_ROLES, type DutyMode, type DutyRole } from './slots.js';
import type { Duty, Kind } from './types.js';

/** Sessions rota knows, in the order of the day (a round's slots may give another order). */
export const SESSIONS: readonly string[] = ['全天', '上午', '中午', '下午', '晚上'];

const SESSION_ALIASES: Record<string, string> = {
  am: '上午',
  morning: '上午',
  pm: '下午',
  afternoon: '下午',
  evening: '晚上',
  晚间: '晚上',
};
const MODE_ALIASES: Record<string, DutyMode> = {
  视频: '视频接访',
  电话: '电话接访',
  集中: '集中接访',
  团队接访: '集中接访',
  预约接访: '约访',
};
const ROLE_ALIASES: Record<string, DutyRole> = { 主接: '主接访', 接访领导: '主接访', 陪同领导: '陪同', 带班领导: '带班', 联合: '联合接访' };

/** The session a (cleaned) 时段 cell names, among rota's and the round's own; undefined when it names none. */
export function sessionOf(text: string, own: readonly string[] = []): string | undefined {
  return SESSIONS.includes(text) || own.includes(text) ? text : SESSION_ALIASES[text.toLowerCase()];
}

/** The role a (cleaned) 角色 cell names; undefined when it names none. */
export function roleOf(text: string): DutyRole | undefined {
  return (DUTY_ROLES as readonly string[]).includes(text) ? (text as DutyRole) : ROLE_ALIASES[text];
}

/** The mode a (cleaned) 类型 cell names (视频接访, 视频 …), counted as 接访; undefined for none. */
export function modeOf(text: string): DutyMode | undefined {
  return (DUTY_MODES as readonly string[]).includes(text) ? (text as DutyMode) : MODE_ALIASES[text];
}

/** What rules count a mode as: every mode is a way of receiving (接访). */
export const MODE_KIND: Kind = '接访';

const TIME = '([01]?\\d|2[0-3])[:：]([0-5]\\d)';
const HOURS = new RegExp(`^${TIME}\\s*(?:-|－|—|–|~|～|至|到)+\\s*${TIME}$`);

/** The hours a 接访时间 cell names (8:30—11:30 → 08:30–11:30); undefined unless it is a start before an end. */
export function hoursOf(text: string): { start: string; end: string } | undefined {
  const m = HOURS.exec(text);
  if (!m) return undefined;
  const start = `${m[1].padStart(2, '0')}:${m[2]}`;
  const end = `${m[3].padStart(2, '0')}:${m[4]}`;
  return start < end ? { start, end } : undefined;
}

/** How hours are written in a cell: 08:30-11:30. */
export const hoursText = (h: { start: string; end: string }): string => `${h.start}-${h.end}`;

/** What the 类型 cell shows: the mode when there is one (视频接访), else the kind. */
export const kindText = (d: Pick<Duty, 'kind' | 'mode'>): string => d.mode ?? d.kind;
