// The lock of a published folder: `.<name>.rota/lock`, one publisher at a time, also when clerks on
// several computers publish to one folder on a network share (共享盘, SMB).
//
// The lock says who holds it: the pid on its first line (all an older rota reads), then the
// computer's name, since when, and a nonce that makes every lock a new one. A waiter judges a lock of
// its own computer by the pid (a publisher that is not alive left it); a pid means nothing on another
// computer, so a lock from one (or one that does not say) is judged by its age: older than STALE_MS,
// far longer than the slowest step rota does under it, by the share's time of the file and by the
// `since` it says (when it does), and that computer's rota crashed.
//
// Taking over a stale lock is the racy step: two waiters that both judged it stale must not both
// remove it (the second would remove the first's new lock). So a taker first claims the stale lock:
// it makes `take.<the lock's computer, pid and nonce>.<n>` a hard link of its own lock text, which fails
// when the name exists, as creating with O_EXCL does (its fallback where a share has no links), on
// every file system and SMB: one claimant per level. Holding the claim, it checks the lock is still
// the one it judged (its text, unique by its nonce) and only then removes it; then it takes the lock as anyone does,
// and may lose it to a newcomer, which is as safe as any race for a free lock. Only a claimant
// removes a stale lock (its holder is gone), a claim is removed only after the lock it claims, and a
// lock's text never comes back, so whoever checks under a later claim finds it gone. A claimant that
// died is judged as a lock is, and the next waiter claims level n+1; the levels are removed together.
// No rename over an existing file anywhere: Windows refuses it while another process reads the file.
import { linkSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { clip } from '../core/limits.js';
import { say } from '../core/messages.js';
import { WriteError } from './atomic-write.js';
import { chinaClock } from './china-time.js';

export interface LockOptions {
  /** How long to wait for another publisher (default 30 s). */
  waitMs?: number;
}

/**
 * A lock from another computer is taken over when older than this: 10 minutes, where the longest step
 * under the lock, a county's year replanned and published (`rota replan -c fixtures/county/rota.json
 * --out`), takes 0.5-0.6 s on the build machine: room for an office PC many times slower and a slow
 * share. A clerk who knows that computer crashed removes the lock sooner (the waiting message tells how).
 */
export const STALE_MS = 10 * 60_000;

const HOST = hostname();
/**
 * A computer's name as a part of a file name, one to one: each character but letters, digits, _ and -
 * as %XXXX (its UTF-16 code), so 信访办一 and 信访办二 stay two names.
 */
export const fileName = (host: string) => host.replace(/[^\w-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const HOST_NAME = fileName(HOST);

/** A lock or claim file as read: its text and modification time. */
interface Seen {
  text: string;
  mtimeMs: number;
}

/** Who holds a lock, as its text says (all absent in a lock being written or one from an older rota). */
interface Holder {
  pid?: number;
  host?: string;
  since?: string;
  nonce?: string;
}

/** The text of a lock or claim this process writes. */
function holderText(): string {
  return `${process.pid}\nhost ${HOST}\nsince ${new Date().toISOString()}\nnonce ${process.hrtime.bigint()}\n`;
}

function parse(text: string): Holder {
  const [first, ...rest] = text.split('\n');
  const h: Holder = {};
  if (/^\d+$/.test(first)) h.pid = +first;
  for (const line of rest) {
    const m = /^(host|since|nonce) (.+)$/.exec(line);
    if (m) h[m[1] as 'host' | 'since' | 'nonce'] = m[2];
  }
  return h;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Has the holder of a lock (or claim, or leftover) `seen` gone? `now` is the file server's time, as
 * near as this computer knows it, for the age of a lock another computer wrote.
 */
function stale(seen: Seen, now: number): boolean {
  const h = parse(seen.text);
  if (h.host === HOST && h.pid !== undefined) return !alive(h.pid);
  // Its `since` too, when it says: a share's client may serve the time of the file it replaced for a
  // few seconds (Windows caches it for 10), where its text is served as it is.
  const since = Date.parse(h.since ?? '');
  return now - seen.mtimeMs > STALE_MS && (Number.isNaN(since) || Date.now() - since > STALE_MS);
}

function look(p: string): Seen | undefined {
  try {
    const mtimeMs = statSync(p).mtimeMs;
    return { text: readFileSync(p, 'utf8'), mtimeMs };
  } catch {
    return undefined;
  }
}

/** Removes a file that may be gone already (not rmSync: its first call loads Node's rimraf, ~0.5 ms). */
function unlinkIfThere(p: string): void {
  try {
    unlinkSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

/**
 * The claims' prefix of a lock, from what names it alone: its computer, pid and nonce (its text, which
 * a share serves as it is), or, with no nonce (a lock being written, or an older rota's), its time.
 */
function claimsOf(seen: Seen): string {
  const h = parse(seen.text);
  if (!h.nonce || !h.host) return `take.t-${Math.round(seen.mtimeMs)}.`;
  return `take.n-${fileName(h.host).slice(0, 64)}.${h.pid ?? 0}.${h.nonce.replace(/\D/g, '')}.`;
}

/** Is the lock `now` still the lock `seen`: the same text, and with no nonce to tell them apart, the same time? */
const same = (now: Seen | undefined, seen: Seen) =>
  now?.text === seen.text && (parse(seen.text).nonce !== undefined || now.mtimeMs === seen.mtimeMs);

/** The text of each lock this process holds, by the lock's path, for lostLock. */
const held = new Map<string, string>();

/**
 * Why this process no longer holds the lock of the state folder `s` (another computer took it over
 * as stale: this run held it past STALE_MS, a computer asleep or a share cut off), or undefined
 * while it does. Asked just before a publication is switched in, so two never interleave there.
 */
export function lostLock(s: string, out: string): string | undefined {
  const lock = join(s, 'lock');
  const text = held.get(lock);
  const now = look(lock);
  if (text === undefined || now?.text === text) return undefined;
  const host = now ? clip(parse(now.text).host ?? '?') : '';
  return say('publish.lock-lost', { out, host, minutes: STALE_MS / 60_000 });
}

/**
 * Takes the lock of the state folder `s` (waiting for another publisher, taking over a gone one's);
 * returns the release. `out` names the folder in the message.
 */
export function lockAt(s: string, out: string, options: LockOptions): () => void {
  mkdirSync(s, { recursive: true });
  const lock = join(s, 'lock');
  const deadline = Date.now() + (options.waitMs ?? 30_000);
  const text = holderText();
  // The lock appears with its text already in it (written aside, then linked), so a reader never finds it empty.
  const mine = join(s, `lock.${HOST_NAME}.${process.pid}`);
  writeFileSync(mine, text);
  const wrote = Date.now();
  let serverNow: (() => number) | undefined;
  try {
    for (;;) {
      if (take(mine, lock, text)) {
        unlinkIfThere(mine);
        held.set(lock, text);
        // A lock taken over from this run (held past STALE_MS) is another's now: left as it is.
        return () => {
          held.delete(lock);
          if (look(lock)?.text === text) unlinkIfThere(lock);
        };
      }
      const seen = look(lock);
      // The share's clock, by the time it gave this run's own file: another computer's clock may differ.
      serverNow ??= (() => {
        const base = look(mine)?.mtimeMs ?? wrote;
        return () => base + Date.now() - wrote;
      })();
      // Gone since (released), or stale and removed: tried again at once.
      const again = !seen || (stale(seen, serverNow()) && takeOver(s, lock, seen, { mine, text, now: serverNow }));
      if (Date.now() > deadline) {
        throw new WriteError(lockedMessage(out, lock, seen));
      }
      sleep(again ? 1 : 50);
    }
  } catch (e) {
    // A disk that fails (full, no permission) leaves no lock text behind.
    unlinkIfThere(mine);
    throw e;
  }
}

/** The message of a wait that timed out: who holds the lock, since when, and how to remove one left by a crash. */
function lockedMessage(out: string, lock: string, seen: Seen | undefined): string {
  const h = parse(seen?.text ?? '');
  const since = Date.parse(h.since ?? '');
  return say('publish.locked', {
    out,
    host: clip(h.host ?? '?'),
    pid: String(h.pid ?? '?'),
    since: chinaClock(Number.isFinite(since) ? since : (seen?.mtimeMs ?? Date.now())),
    lock,
    minutes: STALE_MS / 60_000,
  });
}

/**
 * Makes `target` (the lock, or a claim) a name of this run's lock text `mine`, if no file has that
 * name; false when one has.
 */
function take(mine: string, target: string, text: string): boolean {
  try {
    linkSync(mine, target);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'ENOENT') {
      // Swept by a computer whose clock is far ahead: written again for the next try.
      writeFileSync(mine, text);
      return false;
    }
  }
  // No hard links on this disk (FAT, some shares): created exclusively, its text written in the same
  // call; a reader that finds it still empty judges it by its age, so waits.
  try {
    writeFileSync(target, text, { flag: 'wx' });
    return true;
  } catch (e) {
    // Refused in a folder this run has just written `mine` into: on Windows, a name removed while
    // another process still reads the file is kept until it closes it. Tried again.
    if (['EEXIST', 'EPERM', 'EACCES', 'EBUSY'].includes((e as NodeJS.ErrnoException).code ?? '')) return false;
    throw e;
  }
}

/**
 * Removes the stale lock `seen` if this run is its one claimant (see the header); true when the lock
 * should be tried again at once, false when another taker is at work (wait).
 */
function takeOver(s: string, lock: string, seen: Seen, me: { mine: string; text: string; now: () => number }): boolean {
  const prefix = claimsOf(seen);
  for (let n = 1; ; n++) {
    const claim = join(s, `${prefix}${n}`);
    if (!take(me.mine, claim, me.text)) {
      const other = look(claim);
      if (!other) return true;
      if (!stale(other, me.now())) return false;
      continue;
    }
    if (same(look(lock), seen)) unlinkIfThere(lock);
    // The lock they claim is gone: every level of the claim is moot.
    for (const f of readdirSync(s)) if (f.startsWith(prefix)) unlinkIfThere(join(s, f));
    return true;
  }
}

/**
 * Removes what takers left in the state folder `s` (listed in `names`): a waiter's lock text whose
 * holder is gone (by the computer and pid its name gives: a run killed while writing it left it
 * empty), and the claims of a lock that is gone.
 */
export function sweepLeftovers(s: string, names: string[]): void {
  const current = look(join(s, 'lock'));
  const claims = current && claimsOf(current);
  for (const f of names) {
    const p = join(s, f);
    if (f.startsWith('take.') ? !claims || !f.startsWith(claims) : f.startsWith('lock.') && gone(p, f)) unlinkIfThere(p);
  }
}

/** Has the waiter whose lock text is `p` (named `f`) gone? Judged as a lock, by its name, not its text. */
function gone(p: string, f: string): boolean {
  const m = /^lock\.(.+)\.(\d+)$/.exec(f);
  if (m && m[1] === HOST_NAME) return !alive(+m[2]);
  const seen = look(p);
  return seen !== undefined && stale(seen, Date.now());
}
