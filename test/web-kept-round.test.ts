// The kept worker's round is reused only while the configuration and every file's bytes are the same.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/io/config-parse.js';
import { keptRound } from '../src/web/session.js';
import type { StoredFile } from '../src/web/state.js';

const read = (name: string) => new Uint8Array(readFileSync(`fixtures/${name}`));
const files = (): StoredFile[] => [
  { role: 'leaders', name: 'leaders.csv', bytes: read('leaders.csv') },
  { role: 'history', name: 'history.csv', bytes: read('history.csv') },
];
const config = () => {
  const parsed = parseConfig(read('rota.json'), 'rota.json', {});
  if (!parsed.config) throw new Error('fixtures/rota.json does not parse');
  return parsed.config;
};

describe('keptRound', () => {
  it('reuses the round for equal bytes in new arrays, and reloads when one byte changes', () => {
    const roundOf = keptRound();
    const first = roundOf(config(), files());
    expect(roundOf(config(), files())).toBe(first);

    const changed = files();
    const bytes = changed[0].bytes;
    const at = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1; // the first byte of the last line
    changed[0].bytes = bytes.slice();
    changed[0].bytes[at] = 0x20; // a leading space: still a valid list, but not the same bytes
    const second = roundOf(config(), changed);
    expect(second).not.toBe(first);
    expect(roundOf(config(), changed)).toBe(second);
  });

  it('reloads when a file of the same length differs in its last byte', () => {
    const roundOf = keptRound();
    const a = files();
    const first = roundOf(config(), a);
    const b = files();
    const h = b[1].bytes.slice();
    h[h.length - 1] = h[h.length - 1] === 0x0a ? 0x20 : 0x0a;
    b[1].bytes = h;
    expect(roundOf(config(), b)).not.toBe(first);
  });
});
