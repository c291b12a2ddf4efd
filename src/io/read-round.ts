// Node's reader of a round's files (loadRound, rota plan, replan, swap and batch): each file's bytes
// as readBytes reads them, and a records file by rota check's fast path (src/io/plain-records.ts).
// Its own module, so the many readers of readBytes (configuration, tables, the CSV worker) do not load the fast path.
import type { ReadFile } from './lists.js';
import { readPlainRecords } from './plain-records.js';
import { readBytes } from './read-file.js';

/**
 * Reads the files a rota.json names from disk, for loadRound: each as readBytes reads it (bounded, special
 * files refused), and a records file by rota check's fast row reader.
 */
export const readFromDisk: ReadFile = Object.assign((file: string) => readBytes(file), { records: readPlainRecords });

/** readFromDisk that keeps each file's bytes by path, so the input digest hashes what the round was made from without reading it again. */
export function keepingReader(): { read: ReadFile; kept: ReadonlyMap<string, Uint8Array> } {
  const kept = new Map<string, Uint8Array>();
  const read = (file: string) => {
    const r = readBytes(file);
    if (r.bytes) kept.set(file, r.bytes);
    return r;
  };
  return { read: Object.assign(read, { records: readPlainRecords }), kept };
}
