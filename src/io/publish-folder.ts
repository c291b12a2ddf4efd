// A publication is one transaction, as static-site deployers do it: the whole new folder is built
// beside the old one, then switched in by renames, so a web server syncing the folder, a reader or a
// SIGKILL at any instant finds the old publication or the new one, never a mix, and no file the new
// one does not contain (a stale per-leader calendar, an old change notice).
//
// The published folder itself holds plain files only, so a webmaster can copy it as it is. rota's own
// state lives beside it in a hidden sibling folder, `.<name>.rota/`:
//   lock        the publisher holding the folder: its pid, computer and since when (folder-lock.ts); a
//               second one waits, takes over the lock of one that is gone (a pid not alive on this
//               computer; from another computer sharing the folder, older than STALE_MS), or gives up
//               naming the holder and how to remove a lock a crashed computer left; a run whose lock
//               was taken over (held past STALE_MS) does not switch its publication in (lostLock)
//   lock.<computer>.<pid>, take.*   a waiter's lock text and its claim on a stale lock (folder-lock.ts),
//               removed once their run is gone
//   next/       the new publication being written (removed if a run dies while writing)
//   ready/      the new publication, complete (renamed from next/ in one step)
//   old/        the previous publication, moved aside while ready/ takes its place
//   gen-N/      earlier publications, the last KEEP of them, for rota publish --rollback and diff; the
//               publication that drops the oldest is written over it (reuseOldest)
// fs.rename of a folder onto a non-empty folder fails on Linux, so the switch is two renames
// (out → old/, ready/ → out); a run killed between them leaves no folder for an instant, and the
// next run (or recoverFolder) finishes the switch on start-up before doing anything else.
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fsWords, say } from '../core/messages.js';
import { type OutFile, WriteError } from './atomic-write.js';
import { type LockOptions, lockAt, lostLock, sweepLeftovers } from './folder-lock.js';

export type { LockOptions } from './folder-lock.js';

/** Earlier publications kept beside the folder. */
export const KEEP = 5;

/** The file-system calls a publication makes; tests pass failing ones to prove the folder stays as it was. */
export interface FolderFs {
  writeFile(path: string, content: string | Uint8Array): void;
  mkdir(path: string): void;
  rename(from: string, to: string): void;
  /** Sets a file's access and modification times (seconds); utimesSync when absent. */
  utimes?(path: string, atime: number, mtime: number): void;
}

const realFs: FolderFs = {
  writeFile: (p, c) => writeFileSync(p, c),
  mkdir: (p) => mkdirSync(p, { recursive: true }),
  rename: (a, b) => renameSync(a, b),
};

/**
 * The folder a publication goes to: `out` itself, or, when `out` is a symbolic link (to a web
 * server's folder), its target — the link stays and the target gets the publication.
 */
export function targetOf(out: string): string {
  const abs = resolve(out);
  try {
    return realpathSync(abs);
  } catch {
    return abs;
  }
}

/** Where rota keeps the state of the folder `out`: `.<name>.rota` beside it (beside the target of a link). */
export function stateDir(out: string): string {
  return stateOf(targetOf(out));
}

/** The state folder of a target already resolved (targetOf reads every folder of the path: once per command). */
const stateOf = (abs: string) => join(dirname(abs), `.${basename(abs)}.rota`);

const exists = (p: string) => existsSync(p);

/** Has rota published into `dir` (its timetable.json or its state beside it)? */
export function isPublished(dir: string): boolean {
  return exists(join(dir, 'timetable.json')) || exists(stateDir(dir));
}

/** The numbers of the kept generations, oldest first. */
export function generations(out: string): number[] {
  const s = stateDir(out);
  return exists(s) ? kept(s) : [];
}

/** The numbers of the generations kept in the state folder `s`, oldest first. */
function kept(s: string): number[] {
  return readdirSync(s)
    .map((n) => /^gen-(\d+)$/.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => +m[1])
    .sort((a, b) => a - b);
}

/**
 * Removes a folder rota left behind, also when a permissions error left it read-only; a folder that
 * still cannot be removed is a WriteError naming it (bad state of the disk, not rota's bug).
 */
function removeTree(p: string): void {
  try {
    rmSync(p, { recursive: true, force: true });
    return;
  } catch {
    // Read-only folders (a stale ready/ after a permissions error): make them writable, then retry.
  }
  try {
    const open = (d: string) => {
      chmodSync(d, 0o700);
      for (const e of readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) open(join(d, e.name));
    };
    open(p);
    rmSync(p, { recursive: true, force: true });
  } catch (e) {
    const [zh, en] = fsWords((e as NodeJS.ErrnoException).code ?? '', String((e as Error).message));
    throw new WriteError(
      `无法删除 rota 上次留下的 ${p}：${zh}；请手工删除它后重试 (cannot remove ${p} left by an earlier run: ${en}; remove it and retry)`,
    );
  }
}

/** Finishes or undoes a switch that a killed run left half done; returns what it did (empty when nothing). */
export function recoverFolder(out: string): string[] {
  const abs = targetOf(out);
  return recoverAt(abs, stateOf(abs));
}

/** recoverFolder of a resolved target `abs` and its state folder `s`: one listing of `s` says what is left. */
function recoverAt(abs: string, s: string): string[] {
  const done: string[] = [];
  let names: string[];
  try {
    names = readdirSync(s);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return done;
    throw e;
  }
  const next = join(s, 'next');
  const ready = join(s, 'ready');
  const old = join(s, 'old');
  // A publisher killed while taking the lock leaves its lock text or its claim behind.
  sweepLeftovers(s, names);
  if (names.includes('next')) {
    removeTree(next);
    done.push('removed an unfinished publication');
  }
  if (names.includes('ready')) {
    if (exists(abs)) {
      // Killed before the switch began: the old publication is still in place; the new one never was.
      removeTree(ready);
      done.push('dropped a publication that was never switched in');
    } else {
      renameSync(ready, abs);
      done.push('finished switching in the new publication');
    }
  }
  if (names.includes('old')) {
    if (exists(abs)) keepGeneration(s, old);
    else {
      // The old folder was moved aside and nothing took its place: put it back.
      renameSync(old, abs);
      done.push('put the previous publication back');
    }
  }
  return done;
}

/** Moves `dir` into the history as the next gen-N and prunes all but the last KEEP. */
function keepGeneration(s: string, dir: string): void {
  const gens = kept(s);
  const n = (gens.at(-1) ?? 0) + 1;
  renameSync(dir, join(s, `gen-${n}`));
  for (const g of [...gens, n].slice(0, -KEEP)) removeGeneration(join(s, `gen-${g}`));
}

/**
 * Removes a kept generation: its files, then its folders. Unlinking a file is most of a
 * re-publication's time on disk (ext4: ~0.1 ms each, every earlier notice included); rmSync adds a
 * stat per file and an error per folder, so removeTree is left only for what this cannot remove.
 */
function removeGeneration(dir: string): void {
  try {
    const remove = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) remove(join(d, e.name));
        else unlinkSync(join(d, e.name));
      }
      rmdirSync(d);
    };
    remove(dir);
  } catch {
    removeTree(dir);
  }
}

/** Takes the folder's lock (waiting for another publisher, taking over a dead one's); returns the release. */
export function lockFolder(out: string, options: LockOptions = {}): () => void {
  return lockAt(stateDir(out), out, options);
}

/** Names a folder may hold when rota has not published into it yet: its own files of an older version. */
const ROTA_NAMES = /^(timetable\.(html|csv|ics|json|docx)|送审稿\.docx|change-notice\.(html|txt|docx)|ics|notices)$/;

export interface PublishFolderOptions extends LockOptions {
  /** File-system calls (tests inject failures). */
  fs?: FolderFs;
  /** The caller holds the folder's lock already (withFolderLock: it read the state under it). */
  locked?: boolean;
}

/**
 * Runs `step` holding the folder's lock, after the start-up recovery: what it reads of the folder
 * and what it publishes (publishFolder with locked: true) is one read-modify-write, so two
 * publishers at once both take effect, one after the other.
 */
export async function withFolderLock<T>(out: string, step: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const abs = targetOf(out);
  const s = stateOf(abs);
  refuseForeign(out, abs, s);
  const release = takeLock(out, s, options);
  try {
    recoverAt(abs, s);
    return await step();
  } finally {
    release();
    // A run that published nothing leaves no state beside a folder it never published into.
    if (!exists(abs) && exists(s) && readdirSync(s).length === 0) rmSync(s, { recursive: true, force: true });
  }
}

/** The lock of the state folder `s`, or a WriteError saying why it cannot be taken. */
function takeLock(out: string, s: string, options: LockOptions): () => void {
  try {
    return lockAt(s, out, options);
  } catch (e) {
    if (e instanceof WriteError) throw e;
    throw writeError(out, e);
  }
}

/** A folder rota never published into must hold nothing but rota's own files: a publication replaces it whole. */
function refuseForeign(out: string, abs: string, s: string): void {
  const st = statSync(abs, { throwIfNoEntry: false });
  if (st && !st.isDirectory()) {
    throw new WriteError(
      `无法写入 ${out}：这是一个文件，不是文件夹；未写出任何文件 (cannot write to ${out}: it is a file, not a folder; nothing was written)`,
    );
  }
  if (st && !exists(s)) {
    const foreign = readdirSync(abs).filter((n) => !ROTA_NAMES.test(n));
    if (foreign.length) {
      throw new WriteError(
        `${out} 中有不是 rota 写的文件（${foreign.slice(0, 3).join('、')}${foreign.length > 3 ? ' 等' : ''}），发布会替换整个文件夹；请用一个新文件夹或空文件夹 (${out} holds files rota did not write; a publication replaces the whole folder, so give a new or empty folder; nothing was written)`,
      );
    }
  }
}

/**
 * Makes `out` hold exactly `files`, all at once, or leaves it as it was and throws a WriteError
 * (exit 2) saying why. Returns the paths written.
 */
export function publishFolder(out: string, files: OutFile[], options: PublishFolderOptions = {}): string[] {
  const fs = options.fs ?? realFs;
  const abs = targetOf(out);
  const s = stateOf(abs);
  if (!options.locked) refuseForeign(out, abs, s);
  const release = options.locked ? () => {} : takeLock(out, s, options);
  try {
    // A caller holding the lock (withFolderLock) recovered the folder when it took it.
    if (!options.locked) recoverAt(abs, s);
    const next = join(s, 'next');
    const ready = join(s, 'ready');
    const old = join(s, 'old');
    try {
      const reused = reuseOldest(s, next);
      try {
        writeFolder(fs, next, files, reused);
      } catch (e) {
        // A generation that cannot be rewritten (another user's files, a file where a folder goes): built afresh.
        if (!reused) throw e;
        removeTree(next);
        writeFolder(fs, next, files, undefined);
      }
      // Files rota did not write (a webmaster's index.html, robots.txt) stay in the folder.
      const ours = new Set(files.map((f) => f.path.split('/')[0]));
      const published = statSync(abs, { throwIfNoEntry: false });
      for (const name of published ? readdirSync(abs) : []) {
        if (!ROTA_NAMES.test(name) && !ours.has(name))
          cpSync(join(abs, name), join(next, name), { recursive: true, preserveTimestamps: true });
      }
      // The folder keeps its permissions (a web server's group may need them).
      if (published) chmodSync(next, published.mode & 0o7777);
      fs.rename(next, ready);
    } catch (e) {
      rmSync(next, { recursive: true, force: true });
      throw writeError(out, e);
    }
    const lost = lostLock(s, out);
    if (lost) {
      rmSync(ready, { recursive: true, force: true });
      throw new WriteError(lost);
    }
    let movedAside = false;
    try {
      if (exists(abs)) {
        fs.rename(abs, old);
        movedAside = true;
      }
      fs.rename(ready, abs);
    } catch (e) {
      // Undo: the old publication back in place, the new one dropped.
      if (movedAside && !exists(abs)) renameSync(old, abs);
      rmSync(ready, { recursive: true, force: true });
      throw writeError(out, e);
    }
    if (movedAside) keepGeneration(s, old);
    return files.map((f) => join(out, f.path));
  } finally {
    release();
  }
}

/**
 * The oldest kept generation, moved to `next` to become the new publication, when this publication
 * is the one that would drop it: its files (every earlier dated notice among them) are mostly what
 * the new one holds, and keeping a file as it is costs a stat (a notice, see keptAsIs) or a read,
 * where writing a new one and removing the old costs two changes to the disk's directories and
 * inodes (~0.1-0.3 ms each while the previous run's writes are still being committed). Returns the paths of the files it holds, or
 * undefined when fewer than KEEP generations are kept. A publication that fails after this has
 * dropped that generation already: KEEP - 1 are left until the next one.
 */
function reuseOldest(s: string, next: string): Set<string> | undefined {
  const gens = kept(s);
  if (gens.length < KEEP) return undefined;
  renameSync(join(s, `gen-${gens[0]}`), next);
  return new Set(folderPaths(next));
}

/**
 * Makes `dir` hold `files`: created, or, with `reused` (the files `dir` holds already), each of those
 * kept when its bytes are the same, replaced by a new file when not, and removed when the
 * publication lacks it. Every file is a file of its own, never a hard link to the published one or
 * to another of this publication: a clerk's editor that saves in place (Notepad) would change the
 * kept generation rota rollback restores, or the dated notice beside change-notice.*, with it. So a
 * reused file with another name (a hard link an older rota made) is replaced too, never written through.
 */
function writeFolder(fs: FolderFs, dir: string, files: OutFile[], reused: Set<string> | undefined): void {
  if (!reused) fs.mkdir(dir);
  const folders = new Set<string>();
  for (const f of files) {
    const target = join(dir, f.path);
    if (!folders.has(dirname(target))) fs.mkdir(dirname(target));
    folders.add(dirname(target));
    const source = sources.get(f);
    if (reused?.delete(f.path)) {
      if ((source && keptAsIs(target, source)) || sameFile(target, f.content)) continue;
      // A new file, never the old one truncated: ext4 flushes a file truncated and rewritten when it
      // is closed (auto_da_alloc, ~0.1-0.4 ms each), and the old one may be another name's (a hard link).
      unlinkSync(target);
    }
    fs.writeFile(target, f.content);
    if (source) keepTime(fs, target, source);
  }
  if (!reused) return;
  for (const p of reused) unlinkSync(join(dir, p));
  // Folders the publication does not have, left empty (a per-leader ics/), deepest first.
  const emptied = (d: string): boolean => {
    let left = 0;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory() && emptied(join(d, e.name))) rmdirSync(join(d, e.name));
      else left++;
    }
    return left === 0;
  };
  emptied(dir);
}

/** Does the file at `p` hold exactly `content`, as a file of its own? Its size is compared before its bytes are read. */
function sameFile(p: string, content: string | Uint8Array): boolean {
  const own = lstatSync(p);
  const size = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  if (!own.isFile() || own.nlink !== 1 || own.size !== size) return false;
  return readFileSync(p).equals(typeof content === 'string' ? Buffer.from(content) : content);
}

function writeError(out: string, e: unknown): WriteError {
  const [zh, en] = fsWords((e as NodeJS.ErrnoException).code ?? '', String((e as Error).message));
  return new WriteError(`无法写入输出文件夹 ${out}：${zh}；文件夹保持原样 (cannot write to ${out}: ${en}; the folder is unchanged)`);
}

/** The files of a folder, paths relative to it, in directory order. */
export function folderFiles(dir: string): OutFile[] {
  return folderPaths(dir).map((path) => ({ path, content: readFileSync(join(dir, path)) }));
}

/** The file each kept file (keptFiles) is read from. */
const sources = new WeakMap<OutFile, string>();

/**
 * The files of a published folder's `sub`folder (its notices), as a new publication keeps them
 * (paths from the folder): each is read when its bytes are first asked for, so a file the reused
 * generation holds already (keptAsIs) is never read at all.
 */
export function keptFiles(dir: string, sub: string): OutFile[] {
  return folderPaths(join(dir, sub)).map((p) => {
    const source = join(dir, sub, p);
    let bytes: Buffer | undefined;
    const file = {
      path: `${sub}/${p}`,
      get content() {
        bytes ??= readFileSync(source);
        return bytes;
      },
    };
    sources.set(file, source);
    return file;
  });
}

/** Milliseconds of a modification time, as utimes sets them and stat reads them back (both round the nanoseconds). */
const mtimeMs = (st: { mtimeMs: number }) => Math.round(st.mtimeMs);

/**
 * Is the file at `p` its `source` kept as it is? Each kept file is written with its source's size
 * and modification time (keepTime), and a file edited since (an editor saving in place) has another
 * one, so equal sizes and times spare reading both, as rsync's quick check does.
 */
function keptAsIs(p: string, source: string): boolean {
  const own = lstatSync(p);
  const from = statSync(source);
  return own.isFile() && own.nlink === 1 && own.size === from.size && mtimeMs(own) === mtimeMs(from);
}

/**
 * Gives a kept file written anew its source's modification time (in whole milliseconds), for
 * keptAsIs. Best effort: where times cannot be set (a share that refuses it), the next publication
 * compares the bytes instead.
 */
function keepTime(fs: FolderFs, p: string, source: string): void {
  try {
    const t = mtimeMs(statSync(source)) / 1000;
    (fs.utimes ?? utimesSync)(p, t, t);
  } catch {
    // Only the next publication's quick check misses.
  }
}

/** The paths of the files under `dir`, relative to it (with /), in directory order. */
function folderPaths(dir: string): string[] {
  const paths: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else paths.push(p);
    }
  };
  walk('');
  return paths;
}

/** The newest kept publication (for rota rollback): its number and files; a WriteError when there is none. */
export function newestGeneration(out: string): { generation: number; files: OutFile[] } {
  const abs = targetOf(out);
  if (!isPublished(abs)) throw new WriteError(say('publish.never', { out }));
  const g = generations(abs).at(-1);
  if (g === undefined) throw new WriteError(say('publish.no-earlier', { out }));
  return { generation: g, files: folderFiles(join(stateDir(abs), `gen-${g}`)) };
}

/** Drops a kept publication (the one a rollback just published again, so a second rollback returns to where the first began). */
export function dropGeneration(out: string, generation: number): void {
  removeGeneration(join(stateDir(out), `gen-${generation}`));
}
