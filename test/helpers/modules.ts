// Which of Node's own modules a run of rota loaded: a --require script that writes
// process.moduleLoadList at exit, for tests that a command does not pay for modules it never uses.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A --require script in `dir` that lists, at exit, the Node modules the run loaded; `loaded()` reads the list. */
export function moduleLister(dir: string): { preload: string; loaded: () => string[] } {
  const list = join(dir, 'modules.json');
  const preload = join(dir, 'list-modules.cjs');
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(process.moduleLoadList)));`,
  );
  return { preload, loaded: () => JSON.parse(readFileSync(list, 'utf8')) };
}
