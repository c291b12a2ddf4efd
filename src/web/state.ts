// What the clerk has done so far, kept in this browser's localStorage on this PC (never sent
// anywhere): the files picked, the settings, the plan, the published baseline and the edits.

import type { ReplanOutcome } from '../app/replan.js';
import type { PlanReport } from '../core/engine/types.js';
import type { Duty } from '../core/types.js';

export type Role = 'config' | 'leaders' | 'history' | 'sites' | 'holidays';

export interface StoredFile {
  role: Role;
  name: string;
  bytes: Uint8Array;
}

export interface Baseline {
  /** The file the publication was read from (timetable.csv or timetable.json). */
  name: string;
  bytes: Uint8Array;
  duties: Duty[];
  /** The timetable.json re-opened with it (its publication log, so SEQUENCE keeps rising), when there was one. */
  json?: string;
}

export interface AppState {
  /** The kind of plan chosen on the page; '' keeps the configuration's. */
  kind: '' | 'district' | 'township' | 'county';
  /** The window chosen on the page; '' keeps the configuration's. */
  from: string;
  to: string;
  files: StoredFile[];
  /** The plan as the planner made it. */
  plan?: { duties: Duty[]; report: PlanReport };
  /** What was published: edits are changes against it (the plan itself, or a re-opened timetable). */
  baseline?: Baseline;
  /** The timetable as it stands after the clerk's edits. */
  current?: Duty[];
  /** The last re-plan, when the current timetable came from one. */
  replan?: ReplanOutcome;
  /** The last step, for exports: a fresh plan, an edited timetable or a re-plan. */
  step?: 'plan' | 'edit' | 'replan';
  /** 今天 as the clerk set it (days before it never change); '' or absent: today in Beijing time. */
  today?: string;
}

/** Today in Beijing time, as YYYY-MM-DD. */
export const todayInChina = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** The 今天 of the saved state: the clerk's, else today in Beijing time. */
export const todayOf = (s: AppState): string => s.today || todayInChina();

const KEY = 'rota-app-v1';

export const emptyState = (): AppState => ({ kind: '', from: '', to: '', files: [] });

const toBase64 = (b: Uint8Array) => btoa(Array.from(b, (c) => String.fromCharCode(c)).join(''));
const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** JSON with the files' bytes as base64. */
export function saveState(s: AppState): void {
  const json = JSON.stringify(s, (_k, v) => (v instanceof Uint8Array ? { $bytes: toBase64(v) } : v));
  try {
    localStorage.setItem(KEY, json);
  } catch {
    // Storage full or switched off: the work still goes on, it is just not kept over a reload.
  }
}

export function loadState(): AppState {
  try {
    const json = localStorage.getItem(KEY);
    if (!json) return emptyState();
    return JSON.parse(json, (_k, v) => (v && typeof v === 'object' && typeof v.$bytes === 'string' ? fromBase64(v.$bytes) : v));
  } catch {
    return emptyState();
  }
}

export function clearState(): void {
  localStorage.removeItem(KEY);
}
