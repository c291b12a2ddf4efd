import { readFileSync } from 'node:fs';
import type { Problem } from '../core/types.js';

/** Reads a file's bytes, or says in one line why it could not. */
export function readBytes(file: string): { bytes?: Uint8Array; problem?: Problem } {
  try {
    return { bytes: readFileSync(file) };
  } catch (e) {
    return { problem: { severity: 'error', file, message: `cannot read the file: ${fsErrorText(e)}` } };
  }
}

/** Why a file could not be read, in a few words. */
export function fsErrorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, expected a file' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
}
