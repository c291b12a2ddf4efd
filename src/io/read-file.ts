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
