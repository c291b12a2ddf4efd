// The tab's saved state kept in parts, so that an edit writes what it changed (a township year's
// whole state as one JSON cost tens of milliseconds of the page's time on every edit): each field of
// the state under a key of its own, the timetable and the undo and redo lists in chunks of rows. A
// part is written again only when an object it is made of is not the one written last (an edit keeps
// the rows it did not change), and a row's JSON is worked out once. The index, written last, names
// the parts. Plain data over a Storage, so it is tested without a page.

/** A state as the store sees it (the app's AppState): fields, the timetable, the undo and redo lists. */
type State = object & { current?: readonly unknown[]; history?: { undo: readonly unknown[]; redo: readonly unknown[] } };

/** What the parts are kept in: this tab's sessionStorage, or a stand-in in tests. */
export interface Store {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Rows per chunk: an exchange rewrites one or two of a township year's twelve. */
const CHUNK = 64;
const LISTS = ['current', 'undo', 'redo'] as const;
type List = (typeof LISTS)[number];

interface Index {
  fields: string[];
  /** How many chunks each list has (absent: no such list). */
  chunks: Partial<Record<List, number>>;
}

interface Part {
  key: string;
  /** The values it is made of: written again when one of them is not the one written. */
  of: readonly unknown[];
  json: () => string;
}

const jsons = new WeakMap<object, string>();
/** An object's JSON, worked out once (the state's rows and edits are never changed in place). */
function once(v: unknown, json: (v: unknown) => string): string {
  if (typeof v !== 'object' || v === null) return json(v);
  let s = jsons.get(v);
  if (s === undefined) jsons.set(v, (s = json(v)));
  return s;
}

const listOf = (s: State, list: List): readonly unknown[] | undefined =>
  list === 'current' ? s.current : list === 'undo' ? s.history?.undo : s.history?.redo;

/** The parts of a state, the index last. */
function partsOf(s: State, prefix: string, json: (v: unknown) => string): Part[] {
  const field = (k: string) => (s as Record<string, unknown>)[k];
  const fields = Object.keys(s).filter((k) => k !== 'current' && k !== 'history' && field(k) !== undefined);
  const parts: Part[] = fields.map((k) => {
    const v = field(k);
    return { key: `${prefix}:${k}`, of: [v], json: () => json(v) };
  });
  const index: Index = { fields, chunks: {} };
  for (const list of LISTS) {
    const rows = listOf(s, list);
    if (!rows) continue;
    index.chunks[list] = Math.ceil(rows.length / CHUNK);
    for (let c = 0; c * CHUNK < rows.length; c++) {
      const of = rows.slice(c * CHUNK, (c + 1) * CHUNK);
      parts.push({ key: `${prefix}:${list}:${c}`, of, json: () => `[${of.map((r) => once(r, json)).join(',')}]` });
    }
  }
  const text = JSON.stringify(index);
  parts.push({ key: prefix, of: [text], json: () => text });
  return parts;
}

/** Writes a state's parts over what was written before; `written` remembers what each key holds. */
export class PartWriter {
  private written = new Map<string, readonly unknown[]>();

  constructor(
    private store: Store,
    private prefix: string,
    private json: (v: unknown) => string,
  ) {}

  /** Writes the parts that changed (all, when `budget` says there is time; else as many as it allows, true when done). */
  write(s: State, budget: () => boolean = () => true): boolean {
    const parts = partsOf(s, this.prefix, this.json);
    const keep = new Set(parts.map((p) => p.key));
    for (const p of parts) {
      const was = this.written.get(p.key);
      if (was && was.length === p.of.length && was.every((v, i) => v === p.of[i])) continue;
      // (the index goes last, after every part it names)
      if (!budget() && p.key !== this.prefix) return false;
      this.store.setItem(p.key, p.json());
      this.written.set(p.key, p.of);
    }
    for (const key of this.written.keys())
      if (!keep.has(key)) {
        this.store.removeItem(key);
        this.written.delete(key);
      }
    return true;
  }

  /** The state the parts hold (undefined when there is none), remembered as written. */
  read(parse: (json: string) => unknown): State | undefined {
    const text = this.store.getItem(this.prefix);
    if (text === null) return undefined;
    const index = JSON.parse(text) as Index;
    const s: Record<string, unknown> = {};
    const remember = (key: string, of: readonly unknown[]) => this.written.set(key, of);
    for (const k of index.fields) {
      const raw = this.store.getItem(`${this.prefix}:${k}`);
      if (raw === null) continue;
      s[k] = parse(raw);
      remember(`${this.prefix}:${k}`, [s[k]]);
    }
    const lists: Partial<Record<List, unknown[]>> = {};
    for (const list of LISTS) {
      const n = index.chunks[list];
      if (n === undefined) continue;
      lists[list] = [];
      for (let c = 0; c < n; c++) {
        const chunk = parse(this.store.getItem(`${this.prefix}:${list}:${c}`) ?? '[]') as unknown[];
        lists[list].push(...chunk);
        remember(`${this.prefix}:${list}:${c}`, chunk);
      }
    }
    if (lists.current) s.current = lists.current;
    if (lists.undo || lists.redo) s.history = { undo: lists.undo ?? [], redo: lists.redo ?? [] };
    remember(this.prefix, [text]);
    return s;
  }

  /** Every part removed, those of a state read or written by another page of this tab too. */
  clear(): void {
    const text = this.store.getItem(this.prefix);
    const index = text === null ? undefined : (JSON.parse(text) as Index);
    const keys = new Set([...this.written.keys(), ...(index?.fields ?? []).map((k) => `${this.prefix}:${k}`)]);
    for (const list of LISTS) for (let c = 0; c < (index?.chunks[list] ?? 0); c++) keys.add(`${this.prefix}:${list}:${c}`);
    for (const key of keys) this.store.removeItem(key);
    this.store.removeItem(this.prefix);
    this.written.clear();
  }
}
