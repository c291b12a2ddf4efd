// The rows one timetable changed of another, for undo and redo (src/web/history.ts): plain data, no page.
import type { Duty } from '../core/types.js';

/** The rows that differ between two timetables: [row, before, after] (null where a row is missing on that side). */
export interface Patch {
  lengths: [number, number];
  rows: Array<[number, Duty | null, Duty | null]>;
}

// A row kept by an edit is the same object (applyPatch keeps the others' rows): compared without JSON.
const same = (a: Duty | undefined, b: Duty | undefined) => a === b || JSON.stringify(a) === JSON.stringify(b);

export function patchOf(before: Duty[], after: Duty[]): Patch {
  const rows: Patch['rows'] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++)
    if (!same(before[i], after[i])) rows.push([i, before[i] ?? null, after[i] ?? null]);
  return { lengths: [before.length, after.length], rows };
}

/**
 * The patch applied forward (before → after) or back, to a timetable that must be the patch's own
 * side (else undefined: the timetable was replaced since, by a new plan or a project opened).
 */
export function applyPatch(timetable: Duty[], p: Patch, back: boolean): Duty[] | undefined {
  const from = (r: Patch['rows'][number]) => (back ? r[2] : r[1]) ?? undefined;
  const to = (r: Patch['rows'][number]) => (back ? r[1] : r[2]) as Duty;
  if (timetable.length !== p.lengths[back ? 1 : 0]) return undefined;
  if (p.rows.some((r) => !same(timetable[r[0]], from(r)))) return undefined;
  const out = [...timetable];
  for (const r of p.rows) out[r[0]] = to(r);
  out.length = p.lengths[back ? 0 : 1];
  return out;
}
