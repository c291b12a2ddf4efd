// The CLI's bundles are ASCII (scripts/ascii-bundles.mjs), so Node reads each as one-byte text; the
// escapes in regular expression literals match exactly what the characters matched.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

type AsciiScript = (file: string, code: string) => string;
// A build script (plain JavaScript, no types): imported by a path TypeScript does not resolve.
// The code it is given is as esbuild writes it: strings already in \u escapes.
const script: string = '../scripts/ascii-bundles.mjs';
const { asciiScript } = (await import(script)) as { asciiScript: AsciiScript };

/** The value of a script that ends by assigning `result` (CommonJS-style, as the bundles are). */
const run = (code: string) => new Function(`let result; ${code}; return result;`)();

describe('the built CLI (npm run build)', () => {
  it('has no byte outside ASCII in any bundle', () => {
    const dir = 'dist/cli';
    const bundles = readdirSync(dir).filter((f) => f.endsWith('.cjs'));
    expect(bundles.length).toBeGreaterThan(10);
    for (const f of bundles) expect([f, readFileSync(join(dir, f)).findIndex((b) => b > 0x7f)]).toEqual([f, -1]);
  });
});

describe('asciiScript', () => {
  it('escapes the Chinese of regular expression literals, which then match exactly as before (property)', () => {
    const sources = [
      '[-/.年]\\s*(\\d{1,2})\\s*日?',
      '^(?:自|从)?(.+?)(?:起|以后|之后|~)$',
      '[（(][^）)]*[）)]',
      '(上午|下午|全天)',
      '[一-龥]+',
      '😀+',
    ];
    const text = fc.string({
      unit: fc.constantFrom('年', '日', '自', '起', '（', '）', '(', ')', '上午', '一', '龥', '😀', '1', '2', '-', '~', ' '),
    });
    for (const flags of ['', 'u']) {
      const code = `result = [${sources.map((s) => `/${s}/${flags}`).join(', ')}, "\\u4E2D\\u6587", 1 / 2 / 3];`;
      const ascii = asciiScript('test.cjs', code);
      expect(ascii).toMatch(/^[\x00-\x7f]*$/);
      const [before, after] = [run(code), run(ascii)];
      expect(after.at(-1)).toBe(before.at(-1));
      expect(after.at(-2)).toBe('中文');
      fc.assert(
        fc.property(text, (t) => {
          for (let i = 0; i < sources.length; i++) expect(after[i].exec(t)).toEqual(before[i].exec(t));
        }),
        { numRuns: 200 },
      );
    }
  });

  it('leaves an ASCII script as it is', () => {
    const code = 'result = /a\\u5E74/.test("x") ? "\\u4E2D" : String.raw`b\\n`;';
    expect(asciiScript('test.cjs', code)).toBe(code);
  });

  it('stops the build at any other non-ASCII text, naming the bundle', () => {
    expect(() => asciiScript('plan.cjs', 'result = String.raw`年`;')).toThrow(
      /plan\.cjs: non-ASCII text outside a regular expression literal/,
    );
    expect(() => asciiScript('plan.cjs', '/* 注释 */ result = 1;')).toThrow(/plan\.cjs: non-ASCII/);
    expect(() => asciiScript('plan.cjs', 'result = /\\年/;')).toThrow(/plan\.cjs: .*drop the backslash before 年/);
  });
});
