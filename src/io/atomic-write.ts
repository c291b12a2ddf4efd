// Writing a few output files (rota init, report, a lone CSV) all or none: each goes to a temporary
// sibling first, then all are renamed. A published folder goes through publish-folder.ts instead.
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

/**
 * Writes a publication's files into `dir` all at once or not at all; returns the paths written.
 * Throws WriteError (a sentence naming the path) when the folder cannot be written.
 */
export function writeAllOrNone(dir: string, files: OutFile[]): string[] {
  const tmp: string[] = [];
  try {
    for (const f of files) {
      const target = join(dir, f.path);
      mkdirSync(dirname(target), { recursive: true });
      const t = `${target}.${process.pid}.tmp`;
      // Listed before writing: a write that fails half way (disk full) leaves a partial file to remove.
      tmp.push(t);
      writeFileSync(t, f.content);
    }
  } catch (e) {
    for (const t of tmp) rmSync(t, { force: true });
    const [zh, en] = fsWords((e as NodeJS.ErrnoException).code ?? '', String((e as Error).message));
    throw new WriteError(`无法写入输出文件夹 ${dir}：${zh}；未写出任何文件 (cannot write to ${dir}: ${en}; nothing was written)`);
  }
  let i = 0;
  try {
    for (; i < files.length; i++) renameSync(tmp[i], join(dir, files[i].path));
  } catch (e) {
    for (const t of tmp.slice(i)) rmSync(t, { force: true });
    const [zh, en] = fsWords((e as NodeJS.ErrnoException).code ?? '', String((e as Error).message));
    throw new WriteError(
      `无法写入 ${join(dir, files[i].path)}：${zh}；此前 ${i} 个文件已写出 (cannot write ${files[i].path}: ${en}; ${i} files before it were written)`,
    );
  }
  return files.map((f) => join(dir, f.path));
}
