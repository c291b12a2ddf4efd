// What the clerk has done so far: the files picked, the settings, the plan, the published baseline
// and the edits. Kept in this tab's sessionStorage (it survives a reload, and no other tab or local
// page can read it); the clerk's own copy is the project file (.rota, src/web/project-view.ts).
// localStorage holds no list and no phone number: only which project a tab last changed, so the
// other tabs with that project open can be told.

import type { ReplanOutcome } from '../app/replan.js';
import type { PlanReport } from '../core/engine/types.js';
import type { PresetId } from '../core/presets.js';
import type { Duty } from '../core/types.js';
import { todayInChina } from '../io/china-time.js';
import type { History } from './history.js';
import { PartWriter } from './store.js';

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
  kind: '' | PresetId;
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
  /** The project's id, made when the work starts and kept in its .rota file: tabs with the same project know each other. */
  project?: string;
  /** 今天 as the clerk set it (days before it never change); '' or absent: today in Beijing time. */
  today?: string;
  /** The office-only fields (place, contact, hours, office, date) the clerk typed on the page, as typed. */
  office?: Partial<Record<OfficeKey, string>>;
  /** The edits of the timetable since it was planned or opened, for 撤销 and 重做 (src/web/history.ts). */
  history?: History;
}

/** The page's boxes for the fields only the office can fill (src/web/office-view.ts). */
export type OfficeKey = 'placeName' | 'placeAddress' | 'contactName' | 'contactPhone' | 'hours' | 'office' | 'published';

/** The 今天 of the saved state: the clerk's, else today in Beijing time. */
export const todayOf = (s: AppState): string => s.today || todayInChina();

/** This tab's saved state (src/web/store.ts), and the earlier versions' key for the whole state as one JSON. */
const KEY = 'rota-app-v2';
const OLD = 'rota-app-v1';

export const emptyState = (): AppState => ({ kind: '', from: '', to: '', files: [] });

// A file's base64 is worked out once: the state is saved on every edit, its files rarely change.
const base64s = new WeakMap<Uint8Array, string>();
const toBase64 = (b: Uint8Array) => {
  let s = base64s.get(b);
  if (s === undefined) base64s.set(b, (s = btoa(Array.from(b, (c) => String.fromCharCode(c)).join(''))));
  return s;
};
const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** A value as JSON, bytes as base64 (the saved state and the .rota file). */
const toJson = (v: unknown): string => JSON.stringify(v, (_k, x) => (x instanceof Uint8Array ? { $bytes: toBase64(x) } : x));

/** The state as JSON, the files' bytes as base64 (the .rota file). */
export const stateJson = (s: AppState): string => toJson(s);

/** The state from stateJson's text (bytes back as Uint8Array). */
export function stateFromJson(json: string): AppState {
  return JSON.parse(json, (_k, v) => (v && typeof v === 'object' && typeof v.$bytes === 'string' ? fromBase64(v.$bytes) : v));
}

/** What another tab is told through localStorage's storage event: the project's id and who changed it, nothing else. */
export const TOUCH_KEY = 'rota-project-changed';

// This tab's state in parts (src/web/store.ts): an edit writes the rows it changed, not the year.
let parts: PartWriter | undefined;
const writer = () => (parts ??= new PartWriter(sessionStorage, KEY, toJson));

/** Writes what changed of the state (as much as `budget` allows: false when some is left). */
function saveState(s: AppState, tab: string, budget?: () => boolean): boolean {
  try {
    if (!writer().write(s, budget)) return false;
    sessionStorage.removeItem(OLD);
    if (s.project) localStorage.setItem(TOUCH_KEY, JSON.stringify({ project: s.project, tab, at: Date.now() }));
  } catch {
    // Storage full or switched off: the work still goes on, it is just not kept over a reload.
  }
  return true;
}

let pending: ((budget?: () => boolean) => void) | undefined;
let hooked = false;

/** When the page is idle (a little at a time, so no edit waits on it); the latest state wins, and leaving the page saves at once. */
const idle = (run: (deadline?: IdleDeadline) => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1000 }) : setTimeout(run);

export function saveSoon(s: AppState, tab: string): void {
  if (!hooked) addEventListener('pagehide', () => pending?.());
  hooked = true;
  const first = !pending;
  pending = (budget) => {
    if (saveState(s, tab, budget)) pending = undefined;
    else idle(step);
  };
  const step = (deadline?: IdleDeadline) => pending?.(deadline && (() => deadline.didTimeout || deadline.timeRemaining() > 2));
  if (first) idle(step);
}

/** This tab's state; an earlier version's copy in localStorage (lists and phones readable by any local page) is moved here and deleted. */
export function loadState(): AppState {
  try {
    const old = localStorage.getItem(OLD);
    if (old !== null) {
      localStorage.removeItem(OLD);
      if (!sessionStorage.getItem(OLD) && !sessionStorage.getItem(KEY)) sessionStorage.setItem(OLD, old);
    }
    const json = sessionStorage.getItem(OLD);
    return (writer().read(stateFromJson) as AppState | undefined) ?? (json ? stateFromJson(json) : emptyState());
  } catch {
    return emptyState();
  }
}

export function clearState(): void {
  writer().clear();
  sessionStorage.removeItem(OLD);
}
