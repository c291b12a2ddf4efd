// Writing output files all or none: each goes to a temporary sibling first, then all are renamed.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fsWords } from '../core/messages.js';

/** The output folder cannot be written (a file in the way, no permission, disk full): bad usage, not a bug. */
export class WriteError extends Error {
  // Its name, not its class, tells the CLI what it is: each command is its own bundle (src/cli/main.ts).
  override name = 'WriteError';
}

export interface OutFile {
  path: string;
  content: string | Uint8Array;
}

export function writeAllOrNone(dir: string, files: OutFile[]): string[] {
  const tmp: string[] = [];
  try {
    for (const f of files) {
      const target = join(dir, f.path);
      mkdirSync(dirname(target), { recursive: true });
      const t = `${target}.${process.pid}.tmp`;
      writeFileSync(t, f.content);
      tmp.push(t);
    }
  } catch (e) {
    for (const t of tmp) rmSync(t, { force: true });
    const [zh, en] = fsWords((e as NodeJS.ErrnoException).code ?? '', String((e as Error).message));
    throw new WriteError(`无法写入输出文件夹 ${dir}：${zh}；未写出任何文件 (cannot write to ${dir}: ${en}; nothing was written)`);
  }
  return files.map((f, i) => {
    const target = join(dir, f.path);
    renameSync(tmp[i], target);
    return target;
  });
}
