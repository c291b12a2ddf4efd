// The duty slots of a duty day, as notices write them: 上午/下午 sessions, several places at
// once, 视频/电话/集中接访 and 约访, and roles (主接访, 陪同, 带班, 联合接访), each with how many
// leaders it takes and who may fill it. A round without `slots` has the seed's one slot a day.
import { placeText } from './place.js';
import { ruleApplies } from './rules.js';
import type { Duty, Kind, Leader, RuleWho } from './types.js';
import { KINDS } from './types.js';

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

/** The sessions a round's slots name (第一场, 夜间 … as well as 上午), for reading its timetables back. */
export const slotSessions = (slots: readonly SlotSpec[] = []): string[] => [
  ...new Set(slots.flatMap((s) => (s.session ? [s.session] : []))),
];

/** Whether the leader may fill the slot (its `who`, read like a rule's). */
export const slotAdmits = (slot: Pick<SlotSpec, 'who'>, leader: Leader): boolean => !slot.who || ruleApplies({ who: slot.who }, leader);

/** 上午 信访接待大厅 带班 — a slot as a clerk names it (its kind when nothing else tells it apart). */
export const slotLabel = (slot: SlotSpec): string =>
  [slot.session, slot.place?.name, slot.mode, slot.role].filter(Boolean).join(' ') || slot.kind;

/** Leaders each kind's slots take every duty day (a round without slots: undefined). */
export function slotLeaders(slots: readonly SlotSpec[], kind: Kind): number {
  return slots.filter((s) => s.kind === kind).reduce((n, s) => n + s.leaders, 0);
}

/**
 * The slots a day's leaders of one kind must be able to fill, as Hall's condition: for every set T of
 * restricted slots, at least need(T) of the day's leaders are admitted by some slot of T. Only the
 * largest T for each set of admitted leaders matters (the slots whose admitted leaders lie inside it),
 * and a set admitting every leader holds by the day's count; so one group per distinct union.
 */
export interface SlotGroup {
  kind: Kind;
  /** Indexes into `slots`. */
  slots: number[];
  /** Indexes of the leaders some slot of the group admits, in leader order. */
  leaders: number[];
  /** Sum of the group's slots' leaders. */
  need: number;
}

export function slotGroups(slots: readonly SlotSpec[], leaders: readonly Leader[]): SlotGroup[] {
  const out = new Map<string, SlotGroup>();
  for (const kind of KINDS) {
    const restricted = slots.flatMap((s, i) => (s.kind === kind && s.who ? [i] : []));
    const admitted = restricted.map((i) => new Set(leaders.flatMap((l, li) => (slotAdmits(slots[i], l) ? [li] : []))));
    for (let mask = 1; mask < 1 << restricted.length; mask++) {
      const union = new Set<number>();
      restricted.forEach((_, k) => {
        if (mask & (1 << k)) for (const l of admitted[k]) union.add(l);
      });
      if (union.size === leaders.length) continue;
      const key = `${kind}:${[...union].sort((a, b) => a - b).join(',')}`;
      if (out.has(key)) continue;
      // The closure: every restricted slot of the kind whose admitted leaders lie in the union.
      const inside = restricted.filter((_, k) => [...admitted[k]].every((l) => union.has(l)));
      out.set(key, {
        kind,
        slots: inside,
        leaders: [...union].sort((a, b) => a - b),
        need: inside.reduce((n, i) => n + slots[i].leaders, 0),
      });
    }
  }
  return [...out.values()];
}

/**
 * The day's people given slots: slots in the order of `slots`, each seat to the first person in order
 * who fits or can be moved (augmenting paths, so a perfect match is found whenever one exists). The
 * slot index of each person, or -1.
 */
export function matchSlots(seats: readonly number[], people: number, fits: (person: number, slot: number) => boolean): number[] {
  const seatOf = Array<number>(people).fill(-1);
  const tryPlace = (seat: number, seen: Set<number>): boolean => {
    for (let p = 0; p < people; p++) {
      if (seen.has(p) || !fits(p, seats[seat])) continue;
      seen.add(p);
      if (seatOf[p] < 0 || tryPlace(seatOf[p], seen)) {
        seatOf[p] = seat;
        return true;
      }
    }
    return false;
  };
  for (let seat = 0; seat < seats.length; seat++) tryPlace(seat, new Set());
  return seatOf.map((seat) => (seat < 0 ? -1 : seats[seat]));
}

/** Each slot index repeated by its leaders, for the slots of one kind: the seats of a day. */
export const slotSeats = (slots: readonly SlotSpec[], kind: Kind): number[] =>
  slots.flatMap((s, i) => (s.kind === kind ? Array<number>(s.leaders).fill(i) : []));

/** Whether a duty's 时段, 方式, 角色 and place are those of the slot (a slot without a place: any place). */
export function dutyFitsSlot(duty: Duty, slot: SlotSpec): boolean {
  const placed = !slot.place || duty.place === slot.place.name || duty.place === placeText({ address: '', ...slot.place });
  return duty.kind === slot.kind && duty.session === slot.session && duty.mode === slot.mode && duty.role === slot.role && placed;
}
