// The input digest of files on disk (see input-digest.ts).
import { readFileSync } from 'node:fs';
import { digestInputs, type InputDigest } from './input-digest.js';

export type { InputDigest } from './input-digest.js';

/**
 * sha256 of each input file and of them all, recorded in timetable.json so a publication names what it
 * was made from: the bytes already read (`known`, by path), else the file's.
 */
export function digestFiles(paths: string[], known: ReadonlyMap<string, Uint8Array> = new Map()): InputDigest {
  return digestInputs(paths.map((path) => ({ path, bytes: known.get(path) ?? readFileSync(path) })));
}
