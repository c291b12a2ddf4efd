// The child process of test/publish-folder.test.ts: publishes two file sets into one folder by turns,
// through the built library, until it is killed (or, with a count, that many times).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [lib, out, setsFile, times] = process.argv.slice(2);
const { publishFolder } = await import(lib);
const sets = JSON.parse(readFileSync(setsFile, 'utf8'));
process.stdout.write('ready\n');
for (let i = 0; times === undefined || i < +times; i++) {
  let current = '';
  try {
    current = readFileSync(join(out, 'which.txt'), 'utf8');
  } catch {
    current = '';
  }
  const next = current === 'A' ? sets.B : sets.A;
  publishFolder(out, next);
}
