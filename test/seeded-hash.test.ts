// The seeded tie-break hash (src/core/engine/hash.ts), which hashes its parts in place, against the
// definition it keeps: 32-bit FNV-1a of the seed and the parts joined by U+0000, mixed by murmur3's
// finaliser. Every --seed timetable depends on these numbers staying the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededHash } from '../src/core/engine/hash.js';

function joined(seed: number, ...parts: string[]): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  const text = parts.join('\u0000');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

describe('seededHash', () => {
  it('is FNV-1a of the seed and the parts joined by U+0000, with murmur3 finalising', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.string({ unit: 'binary' }), { maxLength: 5 }), (seed, parts) => {
        expect(seededHash(seed, ...parts)).toBe(joined(seed, ...parts));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts the separator between empty parts', () => {
    expect(seededHash(7, '', '')).toBe(joined(7, '\u0000'));
    expect(seededHash(7, '', '')).not.toBe(seededHash(7, ''));
  });
});
