// The seeded tie-break: a 32-bit FNV-1a hash of seed + leader + day, mixed by murmur3's finaliser.
// Never Math.random: the same inputs and --seed always give the same timetable.

export function seededHash(seed: number, ...parts: string[]): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  // The parts as if joined by U+0000 (hashed in place: the planner asks for every leader, day and kind).
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) h = Math.imul(h, 0x01000193); // h ^= 0 for the separator
    const text = parts[p];
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Tie-break costs lie in 0 … TIE_RANGE − 1; small enough to keep the weighted objective exact. */
export const TIE_RANGE = 64;

export function tieCost(seed: number, name: string, institution: string, date: string): number {
  return seededHash(seed, name, institution, date) % TIE_RANGE;
}
