// What every part of the page sees: the saved state, the round it makes, the transient UI state and
// how to change them (each change saves and redraws).
import type { Round } from '../app/round.js';
import type { Config } from '../core/config.js';
import type { SubstituteChoice } from '../core/replan/swap.js';
import type { Problem } from '../core/types.js';
import type { LedgerUi } from './ledger-ui.js';
import type { AppState } from './state.js';
import type { DrawnTable } from './timetable-view.js';

export interface Ui {
  /** The duty whose leader is being changed. */
  editing?: { date: string; name: string };
  /** The last message of an action (applied, refused, exported), its urgency and the section it belongs to. */
  message?: Message;
  /** The element to focus after the next redraw: the result of the action just taken. */
  focus?: string;
  /** The 换人 list of the duty being changed, for the timetable it was worked out on. */
  choices?: { key: string; of: unknown; list?: SubstituteChoice[]; cancel?: () => void };
  /** The timetable grid as last drawn, and what it was drawn from (src/web/timetable-view.ts). */
  table?: DrawnTable;
  /** The timetable's one tab stop (roving focus): row and column. */
  cursor?: { row: number; col: number };
  /** 排班's best-effort box, kept over redraws. */
  bestEffort?: boolean;
  /** 清除 was pressed once: the page asks before forgetting everything. */
  confirmClear?: boolean;
  /** What 清除 forgot, until the page is closed: 撤销 puts it back. */
  cleared?: AppState;
  /** The case ledger open in the page (memory only: it holds residents' personal data). */
  ledger?: LedgerUi;
  /** The month the calendar shows (YYYY-MM) and the leader searched for in it (src/web/month-view.ts). */
  month?: string;
  search?: string;
  /** The calendar's one tab stop: the id of the duty that has it. */
  monthCursor?: string;
  /** A plan in progress in the worker. */
  planning?: { done: number; total: number; cancel: () => void };
}

export interface Message {
  text: string;
  alert: boolean;
  /** Where the control that caused it is (the message is shown there): a section, or file-<role>; the plan section when unset. */
  at?: string;
}

export interface Ctx {
  state: AppState;
  ui: Ui;
  round?: Round;
  config?: Config;
  configFile?: string;
  problems: Problem[];
  /** What is still to pick before a plan can be made, in the page's words (not an error). */
  missing: string[];
  /** The office-only fields still the seed's (or an empty phone): no export until the page is given them. */
  officeMissing: string[];
  /** Changes the saved state (then saves and redraws). */
  update(change: (s: AppState) => void): void;
  /** Changes only what is on screen. */
  show(change: (ui: Ui) => void): void;
  /** The page's own script, for the planner's worker. */
  source: string;
}
