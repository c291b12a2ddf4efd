// A digest of the input files' bytes, so a published timetable says exactly what it was made from.
// From bytes in memory: the CLI reads them from disk, the browser app has the files the clerk picked.
// node:crypto, not SHA-256 in JavaScript: cold, hashing even these few KB costs more than loading it (README, Start-up).
import { createHash, hash } from 'node:crypto';

export interface InputDigest {
  /** sha256 over every file's path and digest, in the order given. */
  sha256: string;
  files: Array<{ path: string; sha256: string }>;
}

export function digestInputs(inputs: Array<{ path: string; bytes: Uint8Array }>): InputDigest {
  const files = inputs.map(({ path, bytes }) => ({ path, sha256: hash('sha256', bytes, 'hex') }));
  const all = createHash('sha256');
  for (const f of files) all.update(`${f.path}\u0000${f.sha256}\n`);
  return { sha256: all.digest('hex'), files };
}
