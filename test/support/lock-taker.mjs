// A child of test/publish-lock.test.ts: at each of the rounds' common start it takes the folder's
// lock, proves it is alone inside (an O_EXCL marker), then dies holding it, as far as the others can
// tell: the lock is left naming a process that is not alive, for the next taker to take over.
import fs, { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { hostname } from 'node:os';
import { join } from 'node:path';

const [lib, out, marker, rounds, startAt, period, links] = process.argv.slice(2);
let refused = 0;
if (links === 'no-links') {
  // A disk without hard links (FAT, some shares): link fails as Linux's vfat fails it.
  fs.linkSync = () => {
    refused++;
    throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
  };
  syncBuiltinESMExports();
}
const { lockFolder, stateDir } = await import(lib);
const lock = join(stateDir(out), 'lock');
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
let overlaps = 0;
for (let k = 0; k < +rounds; k++) {
  const at = +startAt + k * +period;
  if (Date.now() < at) sleep(at - Date.now());
  lockFolder(out, { waitMs: 60_000 });
  try {
    writeFileSync(marker, String(process.pid), { flag: 'wx' });
    sleep(3);
    unlinkSync(marker);
  } catch {
    overlaps++;
  }
  // 99999999 is above every system's largest pid: never alive. The nonce makes each such lock a new one.
  const dead = `${marker}.dead.${process.pid}`;
  writeFileSync(dead, `99999999\nhost ${hostname()}\nsince ${new Date().toISOString()}\nnonce ${process.pid}-${k}\n`);
  renameSync(dead, lock);
}
process.stdout.write(JSON.stringify({ overlaps, refused }));
