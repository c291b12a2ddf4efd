// A scratch folder for a publish-folder test, and the folder transaction bundled alone into it for the
// test's child processes: a kill test of 200 runs must not spend its time loading the whole library.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';

/** The scratch folder (removed after the file's tests) and the bundle's path (built before them). */
export function folderLib(prefix: string): { root: string; lib: string } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const lib = join(root, 'publish-folder.mjs');
  beforeAll(() => {
    const args = ['src/io/publish-folder.ts', '--bundle', '--platform=node', '--format=esm', `--outfile=${lib}`];
    expect(spawnSync('node_modules/.bin/esbuild', args).status).toBe(0);
  });
  return { root, lib };
}
