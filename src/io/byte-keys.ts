// A hash table from byte strings to numbers, for keys that lie in a Buffer (the cells of a row on the
// checker's fast path): looking a key up makes no string. Open addressing over an arena of the keys'
// bytes; past `maxKeys` nothing more is stored (the caller then works the value out each time).

export class ByteKeys {
  private slots = new Int32Array(1 << 12);
  private starts: number[] = [];
  private lengths: number[] = [];
  private hashes: number[] = [];
  private values: number[] = [];
  private arena = Buffer.allocUnsafe(1 << 16);
  private used = 0;

  constructor(private readonly maxKeys = 1 << 20) {}

  /** The slot where bytes[start..end) is, or the empty slot where it would go. */
  private slot(h: number, bytes: Uint8Array, start: number, end: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s] - 1;
      if (e < 0) return s;
      if (this.hashes[e] !== h || this.lengths[e] !== length) continue;
      const a = this.arena;
      let i = start;
      for (let k = this.starts[e]; i < end && a[k] === bytes[i]; i++, k++);
      if (i === end) return s;
    }
  }

  /** The value stored for bytes[start..end), or `missing`. */
  get(bytes: Uint8Array, start: number, end: number, missing: number): number {
    const e = this.slots[this.slot(hash(bytes, start, end), bytes, start, end)] - 1;
    return e < 0 ? missing : this.values[e];
  }

  /** Stores a value for bytes[start..end) (a key not yet stored), unless the table is full. */
  set(bytes: Uint8Array, start: number, end: number, value: number): void {
    if (this.values.length >= this.maxKeys) return;
    const h = hash(bytes, start, end);
    const length = end - start;
    if (this.used + length > this.arena.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.arena.length, this.used + length));
      this.arena.copy(grown, 0, 0, this.used);
      this.arena = grown;
    }
    this.arena.set(bytes.subarray(start, end), this.used);
    this.starts.push(this.used);
    this.used += length;
    this.lengths.push(length);
    this.hashes.push(h);
    this.values.push(value);
    this.slots[this.slot(h, bytes, start, end)] = this.values.length;
    if (2 * this.values.length > this.slots.length) this.rehash();
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let e = 0; e < this.values.length; e++) {
      let s = this.hashes[e] & mask;
      while (this.slots[s] !== 0) s = (s + 1) & mask;
      this.slots[s] = e + 1;
    }
  }
}

/** FNV-1a. */
function hash(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h | 0;
}
