// What every part of the page sees: the saved state, the round it makes, the transient UI state and
// how to change them (each change saves and redraws).
import type { Round } from '../app/round.js';
import type { Config } from '../core/config.js';
import type { Problem } from '../core/types.js';
import type { AppState } from './state.js';

export interface Ui {
  /** The duty whose leader is being changed. */
  editing?: { date: string; name: string };
  /** The last message of an action (applied, refused, exported), with its urgency. */
  message?: { text: string; alert: boolean };
  /** A plan in progress in the worker. */
  planning?: { done: number; total: number; cancel: () => void };
}

export interface Ctx {
  state: AppState;
  ui: Ui;
  round?: Round;
  config?: Config;
  configFile?: string;
  problems: Problem[];
  /** Changes the saved state (then saves and redraws). */
  update(change: (s: AppState) => void): void;
  /** Changes only what is on screen. */
  show(change: (ui: Ui) => void): void;
  /** The page's own script, for the planner's worker. */
  source: string;
}
