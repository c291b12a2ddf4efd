// Undo and redo over every edit of the timetable (an exchange, 换人, 锁定, 重新安排), kept in the saved
// state and the project file. An entry holds only the rows the edit changed, so a year of edits stays
// small; the step and the re-plan (what an export publishes) go back and forth with the rows.
import type { ReplanOutcome } from '../app/replan.js';
import type { Ctx } from './context.js';
import { applyPatch, type Patch, patchOf } from './patch.js';
import type { AppState } from './state.js';

interface Side {
  step?: AppState['step'];
  replan?: ReplanOutcome;
}

export interface Entry {
  /** What the edit was, in the page's words (said when it is undone or redone). */
  label: string;
  patch: Patch;
  before: Side;
  after: Side;
}

export interface History {
  undo: Entry[];
  redo: Entry[];
}

/** Edits kept: enough for a year of a clerk's changes, small enough to save on every one. */
const LIMIT = 200;

const sideOf = (s: AppState): Side => ({ step: s.step, ...(s.replan ? { replan: s.replan } : {}) });

/** Makes an edit of the timetable through ctx.update, and keeps it for 撤销 (an edit that changes nothing is not kept). */
export function record(ctx: Ctx, label: string, change: (s: AppState) => void): void {
  const before = { rows: ctx.state.current ?? [], side: sideOf(ctx.state) };
  ctx.update((s) => {
    change(s);
    const patch = patchOf(before.rows, s.current ?? []);
    const after = sideOf(s);
    // A re-plan that changes no day still changes what an export publishes (the step and its notice).
    const same =
      !patch.rows.length && patch.lengths[0] === patch.lengths[1] && after.step === before.side.step && after.replan === before.side.replan;
    if (same) return;
    const entry: Entry = { label, patch, before: before.side, after };
    s.history = { undo: [...(s.history?.undo ?? []), entry].slice(-LIMIT), redo: [] };
  });
}

/** 撤销 (back) or 重做: the last edit undone or the last undone edit made again; focus and the message go to `at`. */
export function step(ctx: Ctx, back: boolean, at: string): void {
  const h = ctx.state.history;
  const entry = (back ? h?.undo : h?.redo)?.at(-1);
  if (!h || !entry) return;
  const rows = applyPatch(ctx.state.current ?? [], entry.patch, back);
  if (!rows) {
    ctx.show((ui) => {
      ui.message = {
        text: '时间表已被替换（重新排班或打开了项目），无法撤销。The timetable was replaced; nothing to undo.',
        alert: true,
        at,
      };
      ui.focus = 'message';
    });
    return;
  }
  const side = back ? entry.before : entry.after;
  ctx.ui.message = { text: `${back ? '已撤销 undone' : '已重做 redone'}：${entry.label}`, alert: false, at };
  ctx.ui.focus = back ? 'undo' : 'redo';
  ctx.update((s) => {
    s.current = rows;
    s.step = side.step;
    s.replan = side.replan;
    s.history = back ? { undo: h.undo.slice(0, -1), redo: [...h.redo, entry] } : { undo: [...h.undo, entry], redo: h.redo.slice(0, -1) };
  });
}

let latest: { ctx: Ctx; at: string } | undefined;
let listening = false;

/** Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) anywhere on the page but in a text box, which keeps its own undo. */
export function undoKeys(ctx: Ctx, at: string): void {
  latest = { ctx, at };
  if (listening) return;
  listening = true;
  document.addEventListener('keydown', (e) => {
    if (!latest || !(e.ctrlKey || e.metaKey) || (e.target as HTMLElement).closest?.('input, textarea, select')) return;
    const key = e.key.toLowerCase();
    const back = key === 'z' && !e.shiftKey;
    if (!back && key !== 'y' && !(key === 'z' && e.shiftKey)) return;
    e.preventDefault();
    step(latest.ctx, back, latest.at);
  });
}
