// The input digest of files on disk (see input-digest.ts).
import { readFileSync } from 'node:fs';
import { digestInputs, type InputDigest } from './input-digest.js';

export type { InputDigest } from './input-digest.js';

/** sha256 of each input file and of them all, recorded in timetable.json so a publication names what it was made from. */
export function digestFiles(paths: string[]): InputDigest {
  return digestInputs(paths.map((path) => ({ path, bytes: readFileSync(path) })));
}
