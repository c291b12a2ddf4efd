import { readFileSync, statSync } from 'node:fs';
import type { Problem } from '../core/types.js';

/** The largest file read whole: far above any leader list or year of records, below what would exhaust memory. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** Reads a file's bytes (at most `maxBytes`), or says in one line why it could not. */
export function readBytes(file: string, maxBytes = MAX_FILE_BYTES): { bytes?: Uint8Array; problem?: Problem } {
  try {
    const size = statSync(file).size;
    if (size > maxBytes) {
      const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
      return {
        problem: {
          severity: 'error',
          file,
          code: 'file.too-large',
          message: `文件有 ${mb(size)}，超过上限 ${mb(maxBytes)}：请确认选对了文件 (the file is ${mb(size)}, more than the ${mb(maxBytes)} rota reads; is it the right file?)`,
        },
      };
    }
    return { bytes: readFileSync(file) };
  } catch (e) {
    return { problem: { severity: 'error', file, message: `cannot read the file: ${fsErrorText(e)}` } };
  }
}

/** Why a file could not be read, in a few words. */
export function fsErrorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'is a folder, expected a file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EEXIST: 'a file is in the way of the folder',
    ENOTDIR: 'a file is in the way of the folder',
    ENOSPC: 'the disk is full',
  };
  return (code && words[code]) || String((e as Error).message);
}
