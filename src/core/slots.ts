// The duty slots of a duty day, as notices write them: 上午/下午 sessions, several places at
// once, 视频/电话/集中接访 and 约访, and roles (主接访, 陪同, 带班, 联合接访), each with how many
// leaders it takes and who may fill it. A round without `slots` has the seed's one slot a day.
import type { Kind, RuleWho } from './types.js';

/** 方式 as offices publish it; each is counted as its kind (接访) by the rules. */
export type DutyMode = '视频接访' | '电话接访' | '集中接访' | '约访';
export const DUTY_MODES: readonly DutyMode[] = ['视频接访', '电话接访', '集中接访', '约访'];

/** 角色 in a slot: the receiving leader, a leader receiving with him, the leader in charge that day, or one of several receiving together. */
export type DutyRole = '主接访' | '陪同' | '带班' | '联合接访';
export const DUTY_ROLES: readonly DutyRole[] = ['主接访', '陪同', '带班', '联合接访'];

/** One slot of every duty day (rota.json `slots`, in the order the timetable lists them). */
export interface SlotSpec {
  /** 时段: 上午, 下午 … ; absent: the day's one session. */
  session?: string;
  /** The slot's hours (Beijing time); absent: the round's hours. */
  hours?: { start: string; end: string };
  /** Where the slot is held; absent: the round's place. */
  place?: { name: string; address?: string };
  /** What the rules count it as. */
  kind: Kind;
  /** 方式, when not in person. */
  mode?: DutyMode;
  /** 角色, when the slot names one. */
  role?: DutyRole;
  /** How many leaders fill it (联合接访: several). */
  leaders: number;
  /** Who may fill it (带班: the principal leaders …); absent: anyone the round rosters. */
  who?: RuleWho;
}
