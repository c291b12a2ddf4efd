import { readFileSync, statSync } from 'node:fs';
import { problem } from '../core/messages.js';
import type { Problem } from '../core/types.js';
import { specialFileProblem } from './file-kind.js';

/** The largest file read whole: far above any leader list or year of records, below what would exhaust memory. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** Reads a file's bytes (at most `maxBytes`; never a device or a FIFO), or says in one line why it could not. */
export function readBytes(file: string, maxBytes = MAX_FILE_BYTES): { bytes?: Uint8Array; problem?: Problem } {
  try {
    const stats = statSync(file);
    const special = specialFileProblem(file, stats);
    if (special) return { problem: special };
    const size = stats.size;
    if (size > maxBytes) {
      const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
      return { problem: problem('file.too-large', { size: mb(size), max: mb(maxBytes) }, { file }) };
    }
    return { bytes: readFileSync(file) };
  } catch (e) {
    return { problem: unreadable(file, e) };
  }
}

/** The problem of a file that could not be read, in the clerk's words. */
export function unreadable(file: string, e: unknown): Problem {
  return problem('file.unreadable', { code: (e as NodeJS.ErrnoException).code ?? '', detail: String((e as Error).message) }, { file });
}
