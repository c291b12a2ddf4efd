// Paths judged by their kind before a byte moves: a device (/dev/zero) never ends, a FIFO blocks
// until someone writes to it, and under the kernel's own file systems (/proc, /sys) Node's recursive
// mkdir loops for ever. Each is refused with a sentence instead.
import { type Stats, statfsSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { problem, say } from '../core/messages.js';
import type { Problem } from '../core/types.js';

const KINDS: Array<[(s: Stats) => boolean, string, string]> = [
  [(s) => s.isFIFO(), '管道（FIFO）', 'FIFO'],
  [(s) => s.isCharacterDevice(), '字符设备', 'character device'],
  [(s) => s.isBlockDevice(), '块设备', 'block device'],
  [(s) => s.isSocket(), '套接字', 'socket'],
];

/** The problem of a path that is neither a file nor a folder (a missing one is the reader's to say). */
export function specialFileProblem(file: string, stats?: Stats): Problem | undefined {
  let s = stats;
  try {
    s ??= statSync(file);
  } catch {
    return undefined;
  }
  const kind = KINDS.find(([is]) => is(s));
  return kind ? problem('file.special', { kind: kind[1], kindEn: kind[2] }, { file }) : undefined;
}

/** statfs types of the kernel's pseudo file systems: proc, sysfs, cgroup, cgroup2, debugfs, tracefs, securityfs, configfs, bpf, pstore, efivarfs. */
const SYSTEM_FS = new Set([
  0x9fa0, 0x62656572, 0x27e0eb, 0x63677270, 0x64626720, 0x74726163, 0x73636673, 0x62656570, 0xcafe4a11, 0x6165676c, 0xde5e81e4,
]);

/**
 * Why rota cannot publish into `out`, judged before any work: the nearest existing part of the path
 * must be a folder on an ordinary file system. Undefined when it can try (other errors are the writer's).
 */
export function outFolderProblem(out: string): string | undefined {
  let dir = resolve(out);
  for (;;) {
    try {
      const s = statSync(dir);
      if (!s.isDirectory()) {
        if (dir === resolve(out)) return undefined; // the publisher says "a file, not a folder"
        return say('limit.out-not-folder', { out, blocker: relative(process.cwd(), dir) || dir });
      }
      return SYSTEM_FS.has(statfsSync(dir).type) ? say('limit.out-system', { out, dir }) : undefined;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || dirname(dir) === dir) return undefined;
      dir = dirname(dir);
    }
  }
}
