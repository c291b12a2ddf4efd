// The app's saved state in parts (src/web/store.ts), over a Map standing in for sessionStorage: read
// back it is the state last written, whatever edits came between (fast-check); an edit of one row
// writes one chunk of the timetable, the edit list's last chunk and the index, not the year; nothing
// changed writes nothing; clear leaves no key.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Duty } from '../src/core/types.js';
import { PartWriter, type Store } from '../src/web/store.js';
import { seed } from './helpers/seed.js';

/** A Map as sessionStorage, counting the writes. */
function mapStore(): Store & { map: Map<string, string>; writes: string[] } {
  const map = new Map<string, string>();
  const writes: string[] = [];
  return {
    map,
    writes,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      writes.push(k);
      map.set(k, v);
    },
    removeItem: (k: string) => void map.delete(k),
  };
}

/** The app's state as far as the store goes (src/web/state.ts's AppState needs a page to be type-checked). */
interface AppState {
  [field: string]: unknown;
  current?: Duty[];
  step?: string;
  history?: { undo: unknown[]; redo: unknown[] };
}

const json = (v: unknown) => JSON.stringify(v);
const year: Duty[] = Array.from({ length: 750 }, (_, i) => ({
  ...seed().duties[i % seed().duties.length],
  date: `2025-${String(1 + (i % 12)).padStart(2, '0')}-01`,
}));
const base = (): AppState => ({
  kind: '',
  from: '2025-01-01',
  to: '2025-12-31',
  files: [],
  current: year,
  step: 'plan',
  history: { undo: [], redo: [] },
});

/** An edit as the app makes one: a row replaced (the others kept), recorded for undo. */
function edit(s: AppState, row: number, name: string): AppState {
  const current = [...(s.current ?? [])];
  current[row] = { ...current[row], name };
  const entry = { label: name, patch: { lengths: [current.length, current.length] as [number, number], rows: [] }, before: {}, after: {} };
  return { ...s, current, step: 'edit', history: { undo: [...(s.history?.undo ?? []), entry], redo: [] } };
}

describe('the saved state in parts', () => {
  it('reads back the state last written, after any edits', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(749), fc.string()), { maxLength: 8 }), fc.boolean(), (edits, dropHistory) => {
        const store = mapStore();
        let s = base();
        new PartWriter(store, 'k', json).write(s);
        const w = new PartWriter(store, 'k', json);
        expect(JSON.parse(JSON.stringify(w.read(JSON.parse)))).toEqual(JSON.parse(JSON.stringify(s)));
        for (const [row, name] of edits) {
          s = edit(s, row, name);
          w.write(s);
        }
        if (dropHistory) {
          s = { ...s, history: undefined, today: '2025-06-02' };
          w.write(s);
        }
        const back = new PartWriter(store, 'k', json).read(JSON.parse);
        expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(s)));
      }),
      { numRuns: 50 },
    );
  });

  it('an edit of one row writes its chunk, the edit list and the index; no change writes nothing', () => {
    const store = mapStore();
    const w = new PartWriter(store, 'k', json);
    let s = base();
    w.write(s);
    expect(store.writes.length).toBeGreaterThan(12);
    store.writes.length = 0;
    w.write(s);
    expect(store.writes).toEqual([]);
    s = edit(s, 700, '新名字');
    w.write(s);
    expect(store.writes.sort()).toEqual(['k', 'k:current:10', 'k:step', 'k:undo:0']);
  });

  it('writes no more than its budget allows, the index last; clear leaves no key', () => {
    const store = mapStore();
    const w = new PartWriter(store, 'k', json);
    let left = 3;
    expect(w.write(base(), () => left-- > 0)).toBe(false);
    expect(store.map.has('k')).toBe(false);
    expect(w.write(base())).toBe(true);
    expect(store.map.has('k')).toBe(true);
    new PartWriter(store, 'k', json).clear();
    expect([...store.map.keys()]).toEqual([]);
  });
});
