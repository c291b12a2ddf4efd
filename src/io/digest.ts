// A digest of the input files' bytes, so a published timetable says exactly what it was made from.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface InputDigest {
  /** sha256 over every file's path and digest, in the order given. */
  sha256: string;
  files: Array<{ path: string; sha256: string }>;
}

export function digestFiles(paths: string[]): InputDigest {
  const files = paths.map((path) => ({ path, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') }));
  const all = createHash('sha256');
  for (const f of files) all.update(`${f.path}\u0000${f.sha256}\n`);
  return { sha256: all.digest('hex'), files };
}
