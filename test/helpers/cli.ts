// The built CLI run as a clerk runs it: in a folder, no colour, its exit code and both streams.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(process.cwd(), 'bin/rota.js');

/** Runs `rota ARGS` in cwd (the repository by default). */
export const runRota = (args: string[], cwd = process.cwd(), env: Record<string, string> = {}) => {
  const r = spawnSync('node', [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
