// The library's main entry: small, every export documented, and the README's example runs as printed.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('## 作为库使用 As a library'), readme.indexOf('## 开发 Development'));
const blocks = [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] }));

describe('rota (dist/index.js)', () => {
  it('runs the README example and prints what the README says', () => {
    const code = blocks
      .find((b) => b.lang === 'js')!
      .text.replace("from 'rota'", `from ${JSON.stringify(join(process.cwd(), 'dist/index.js'))}`);
    const file = join(process.cwd(), 'dist', 'readme-example.mjs');
    writeFileSync(file, code);
    const out = execFileSync(process.execPath, [file], { encoding: 'utf8' });
    const printed = blocks.find((b) => b.lang === '' && b.text.includes('optimal'))!.text;
    expect(out).toBe(printed);
  });

  it('exports about fifteen functions, each with a doc comment where it is defined', async () => {
    const api = await import(join(process.cwd(), 'dist/index.js'));
    const names = Object.keys(api).sort();
    expect(names.length).toBeGreaterThan(10);
    expect(names.length).toBeLessThanOrEqual(20);
    const source = readFileSync('src/index.ts', 'utf8');
    for (const name of names) {
      const m = new RegExp(`export \\{ (?:(\\w+) as )?${name} \\} from '\\.(/[\\w/.-]+)\\.js'`).exec(source);
      expect(m, `${name} is re-exported from one module`).not.toBeNull();
      const file = `src${m![2]}.ts`;
      const text = readFileSync(file, 'utf8');
      const original = m![1] ?? name;
      const def = new RegExp(`\\*/\\n(?:export (?:async )?function|export const) ${original}\\b`).test(text);
      expect(def, `${original} in ${file} has a doc comment`).toBe(true);
    }
  });

  it('keeps the building blocks in rota/core', async () => {
    const core = await import(join(process.cwd(), 'dist/core-api.js'));
    for (const name of ['plan', 'proposeSwap', 'replan', 'makeCalendar', 'createTally', 'renderHtml'])
      expect(typeof core[name]).toBe('function');
  });
});
