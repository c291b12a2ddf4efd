// The one vocabulary shared by the calendar, planner, checker, CSV and page.
import type { MessageCode } from './messages.js';
import type { DutyMode, DutyRole } from './slots.js';

/** A civil date written YYYY-MM-DD (China Standard Time; no clock involved). */
export type IsoDate = string;

/** The two activities the seed names: receiving at a centre, or visiting a village/community. */
export type Kind = '接访' | '下访';
export const KINDS: readonly Kind[] = ['接访', '下访'];

/** Ranks, highest first. 厅局级 = 正厅级 + 副厅级 (正局级, 副局级); 县处级 = 正处级 + 副处级; 乡科级 = 正科级 + 副科级. */
export type Rank = '正厅级' | '副厅级' | '正处级' | '副处级' | '正科级' | '副科级';
export const RANKS: readonly Rank[] = ['正厅级', '副厅级', '正处级', '副处级', '正科级', '副科级'];
export type Level = '厅局级' | '县处级' | '乡科级';

/** Where a value came from, so every message can name file, line and field. */
export interface SourceRef {
  file: string;
  line: number;
  field?: string;
}

/** A problem in the inputs or the rules, told to a clerk in one sentence. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Stable code from the message catalogue (src/core/messages.ts), e.g. date.invalid. */
  code: MessageCode;
  /** Chinese sentence and fix first, English after (see say() in messages.ts). */
  message: string;
  file?: string;
  line?: number;
  field?: string;
}

export interface Leader {
  name: string;
  /** Canonical institution name (e.g. 区人民法院). */
  institution: string;
  title: string;
  rank: Rank;
  /** 分管工作: what residents choose a day by. */
  portfolio: string;
  /** Dates the leader cannot serve, sorted, unique. */
  unavailable: IsoDate[];
  liaison: string;
  phone: string;
  /** 任期: the days the leader holds this post (到任 … the day before 调离), both ends inclusive; an open end is omitted. */
  term?: Term;
  source?: SourceRef;
}

/** A span of office, both ends inclusive; no `from`: in office since before any record, no `to`: still in office. */
export interface Term {
  from?: IsoDate;
  to?: IsoDate;
}

/** One duty: a leader doing one activity on one day at one place. */
export interface Duty {
  date: IsoDate;
  /** 星期一 … 星期日 */
  weekday: string;
  kind: Kind;
  institution: string;
  name: string;
  title: string;
  portfolio: string;
  place: string;
  /** 锁定: kept fixed through any re-plan. */
  pinned?: boolean;
  /** 陪同单位: units receiving with the leader (rota.json units, or the timetable's column). */
  with?: string[];
  /** 时段 (上午, 下午 …) when the round's slots name sessions. */
  session?: string;
  /** This duty's hours (Beijing time) when its slot has its own. */
  hours?: { start: string; end: string };
  /** 方式 (视频接访 …) when not in person; counted as `kind`. */
  mode?: DutyMode;
  /** 角色 (主接访, 陪同, 带班, 联合接访) when the slot names one. */
  role?: DutyRole;
  source?: SourceRef;
}

export type Period = 'week' | 'month' | 'quarter' | 'year';

/** Who a rule applies to: each given dimension must match; an omitted dimension matches everyone. */
export interface RuleWho {
  ranks?: Rank[];
  /** Posts (职务) such as 院长, 县委书记: a leader holds one when a post of the title ends with it, not after 副 (院长 is not 副院长). */
  titles?: string[];
  institutions?: string[];
  names?: string[];
}

/** A quota rule, read by the planner (as constraint or preference) and the checker (as judgement). */
export interface Rule {
  id: string;
  /** The sentence shown to a clerk, e.g. 县处级领导干部每月接访、下访群众不少于一次. */
  description: string;
  who: RuleWho;
  kinds: Kind[];
  period: Period;
  min: number;
  max?: number;
}

/** What the calendar knows about one day. */
export interface DayInfo {
  date: IsoDate;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
  weekday: string;
  working: boolean;
  /** A weekend day made a working day (调休上班, or a day the office's holidays file declares 上班). */
  makeup: boolean;
  /** A working weekend from the office's own holidays file, not the State Council's or the region's 调休. */
  local?: true;
  /** Why the day is excluded (周六, 春节, …) or, for a make-up day, which holiday it makes up for. */
  reason?: string;
  /** A working day the round's pattern does not make a duty day (每周三 …): not a holiday. */
  nonDuty?: true;
  /** A duty day a holiday rule moved here (顺延, 提前) from this date. */
  movedFrom?: IsoDate;
}

/** One entry of a holiday table: national data, regional data or the user's override file. */
export interface HolidayEntry {
  date: IsoDate;
  type: '休息' | '上班';
  name: string;
  source?: SourceRef;
}

/** One data row of a CSV file: its line number and its cells by field name (cleaned text). */
export interface RawRow {
  line: number;
  values: Record<string, string>;
}
