// Writing output files all or none: each goes to a temporary sibling first, then all are renamed.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
    throw e;
  }
  return files.map((f, i) => {
    const target = join(dir, f.path);
    renameSync(tmp[i], target);
    return target;
  });
}
