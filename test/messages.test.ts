// The message catalogue: every code has a Chinese sentence first, then English; every message the
// CLI can end with is Chinese-first.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, type MessageCode, type MessageEntry, say } from '../src/core/messages.js';
import { messagesMarkdown } from './helpers/messages-doc.js';

const CJK = /[\u4e00-\u9fff]/;
const codes = Object.keys(CATALOGUE).sort() as MessageCode[];

describe('the message catalogue', () => {
  it.each(codes)('%s has a Chinese sentence, then English', (code) => {
    const e = CATALOGUE[code] as unknown as MessageEntry<unknown>;
    expect(e.zh(e.example)).toMatch(CJK);
    if (e.fix) expect(e.fix(e.example)).toMatch(CJK);
    const text = say(code, e.example as never);
    // Chinese first (the sentence, then the fix), English last.
    expect(text.startsWith(e.zh(e.example))).toBe(true);
    expect(text.endsWith(e.en(e.example))).toBe(true);
    expect(e.en(e.example)).toMatch(/[A-Za-z]{3}/);
  });
  it('codes are stable dotted names', () => {
    for (const code of codes) expect(code).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
  });
  it('docs/messages.md is generated from the catalogue and lists every code with its Chinese sentence', () => {
    if (process.env.ROTA_WRITE_DOCS) writeFileSync('docs/messages.md', messagesMarkdown());
    const doc = readFileSync('docs/messages.md', 'utf8');
    expect(doc).toBe(messagesMarkdown());
    for (const code of codes) {
      const e = CATALOGUE[code] as unknown as MessageEntry<unknown>;
      expect(doc, code).toContain(`\`${code}\``);
      expect(doc, code).toContain(e.zh(e.example));
    }
  });
});

/** Every TypeScript file under src. */
function sources(dir = 'src'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

describe('every message the CLI stops with is Chinese-first', () => {
  it('each `new Exit(code, message)` is a catalogue sentence or starts in Chinese', () => {
    const offenders: string[] = [];
    for (const file of sources()) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/new Exit\(\s*\d+\s*,\s*([\s\S]{0,80})/g)) {
        const arg = m[1].trim();
        const ok =
          /^`?(--([a-z]+|\$\{k\}): )?\$?\{?say\(/.test(arg) ||
          /^[`'"][^A-Za-z]*[\u4e00-\u9fff]/.test(arg) ||
          /^[a-z.]+\)/.test(arg) ||
          /^r\.message/.test(arg);
        if (!ok) offenders.push(`${file}: new Exit(…, ${arg.slice(0, 50)}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
