// The CLI bundle swaps ical-generator's per-character `new TextEncoder().encode(c).length` in its
// line folding for Buffer.byteLength(c) (scripts/build.mjs, ics-fold). The two must count the same
// octets for every piece the fold measures: one UTF-16 unit, or a high surrogate with the unit after
// it, paired or not (a lone surrogate becomes U+FFFD, 3 octets, in both).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderIcs } from '../src/io/ics.js';

const encoder = new TextEncoder();

describe('ics-fold: the octet count of a fold piece', () => {
  it('is the same by Buffer.byteLength and by TextEncoder for any unit or unit pair', () => {
    const unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    const highThenAny = fc
      .tuple(fc.integer({ min: 0xd800, max: 0xdbff }), fc.integer({ min: 0, max: 0xffff }))
      .map(([a, b]) => String.fromCharCode(a, b));
    fc.assert(
      fc.property(fc.oneof(unit, highThenAny), (piece) => {
        expect(Buffer.byteLength(piece)).toBe(encoder.encode(piece).length);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('ics-fold: the calendar the CLI writes', () => {
  it('is byte for byte what the library (unpatched ical-generator) writes for the same plan', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rota-ics-fold-')), 'out');
    const r = spawnSync(process.execPath, ['bin/rota.js', 'plan', '-c', 'fixtures/rota.json', '--out', dir], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const { duties, config } = JSON.parse(readFileSync(join(dir, 'timetable.json'), 'utf8'));
    const written = readFileSync(join(dir, 'timetable.ics'), 'utf8');
    expect(written).toMatch(/\r\n [^\r]/); // long lines were folded
    expect(written).toBe(renderIcs(duties, config));
  });
});
