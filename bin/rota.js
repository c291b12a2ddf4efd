#!/usr/bin/env node
// Starts the CLI (dist/cli/main.cjs) from V8's code cache: compiling a bundle is most of rota's
// start-up time. Each command is its own bundle (dist/cli/plan.cjs, …), loaded when it runs, through
// the same cache. V8 takes a cache only from the Node version and V8 flags that made it, so the cache's
// name says both: NAME.<node version>-<arch>.cache beside the bundle (the build writes the one for its
// Node). When that is missing or rejected, the per-user cache is tried (see userCache), so a read-only
// install or another Node version compiles once, not on every run. A missing or rejected cache is
// written at exit, beside the bundle or else in the per-user folder, best effort and never a word.
// CommonJS (see bin/package.json), because Node's ES module loader alone costs several milliseconds
// at start-up; for the same reason node:module is not loaded (the bundles are wrapped as Node wraps a
// CommonJS module, and get this file's require).
'use strict';
const {
  fstatSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} = require('node:fs');
const { isAbsolute, join } = require('node:path');

const dir = join(__dirname, '..', 'dist', 'cli');
const loaded = new Map();
const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ').trim();
// The V8 flags a cache was made with are part of its key (--max-old-space-size alone makes V8 reject it).
const tag = `${process.version}-${process.arch}${flags ? `-${fnv1a(flags)}` : ''}`;

/**
 * FNV-1a (32 bits) of a short text's UTF-16 code units, in hexadecimal: node:zlib's crc32 would load
 * Node's stream modules too, ~2 ms of every run under NODE_OPTIONS (a CI's --max-old-space-size).
 */
function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

function load(file) {
  if (loaded.has(file)) return loaded.get(file).exports;
  const name = file.slice(dir.length + 1, -'.cjs'.length);
  const script = compile(name, file, `(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, 'utf8')}\n});`);
  const mod = { exports: {} };
  loaded.set(file, mod);
  script.runInThisContext().call(mod.exports, mod.exports, requireBundle, mod, file, dir);
  return mod.exports;
}

/** The bundle compiled from the first cache V8 takes: beside it, else the per-user one; else compiled, and its cache written at exit. */
function compile(name, filename, source) {
  // Here, not at the top: rota --version and --help to a file or a pipe compile no bundle (see answered).
  const { Script } = require('node:vm');
  const beside = join(dir, `${name}.${tag}.cache`);
  const own = readOrUndefined(beside);
  let script = own && new Script(source, { filename, cachedData: own });
  if (script && !script.cachedDataRejected) {
    // The build's warm-up runs (scripts/build.mjs) add what each compiled to the cache it started from.
    if (process.env.ROTA_CODE_CACHE === 'add') writeAtExit(script, beside);
    return script;
  }
  const user = userCache(name, filename);
  const theirs = user.read();
  if (theirs || !script) {
    const again = new Script(source, { filename, cachedData: theirs });
    if (theirs && !again.cachedDataRejected) return again;
    script = again;
  }
  writeAtExit(script, beside, user);
  return script;
}

/**
 * Writes the script's cache at exit, beside the bundle or else in the per-user folder. The cache holds
 * every function compiled by then, from the cache taken or since: a run's own, not only the top level.
 */
function writeAtExit(script, beside, user) {
  process.on('exit', () => {
    try {
      const data = script.createCachedData();
      if (!writeAtomic(beside, data)) user?.write(data);
    } catch {
      // Only the next start-up is slower.
    }
  });
}

/**
 * The per-user cache, for when the cache beside the bundle cannot be used: $XDG_CACHE_HOME/rota (or
 * ~/.cache/rota), else a folder of this user's own in the temporary directory. The file's name holds
 * the bundle file's device, inode, size and change time (set by the kernel at each write, so a new
 * install or build has another, even where npm gives every file one modification date), so another
 * install or build of rota never takes it. The file holds the cache twice, because V8 crashes on a
 * damaged cache rather than rejecting it: a damaged byte shows as a difference. Comparing is a memcmp;
 * a checksum would need node:zlib, whose load (with Node's stream modules) is ~3 ms of a read-only
 * install's seed plan.
 */
function userCache(name, filename) {
  const prefix = `${name}.${tag}.`;
  const { dev, ino, size, ctimeMs } = statSync(filename);
  const file = `${prefix}${[dev, ino, size, Math.round(ctimeMs * 1000)].map((n) => n.toString(36)).join('-')}.cache`;
  return {
    read() {
      for (const d of userDirs()) {
        const bytes = usable(d) && readOrUndefined(join(d.path, file));
        const half = bytes ? bytes.length / 2 : 0;
        if (half > 0 && Number.isInteger(half) && bytes.subarray(0, half).equals(bytes.subarray(half))) return bytes.subarray(0, half);
      }
      return undefined;
    },
    write(data) {
      for (const d of userDirs()) {
        try {
          mkdirSync(d.path, { recursive: !d.shared, mode: 0o700 });
        } catch (e) {
          if (e.code !== 'EEXIST') continue;
        }
        if (!usable(d) || !writeAtomic(join(d.path, file), Buffer.concat([data, data]))) continue;
        // Older builds of this bundle for this Node: the folder holds one cache per bundle.
        for (const f of readdirSync(d.path)) if (f.startsWith(prefix) && f !== file) rmSync(join(d.path, f), { force: true });
        return;
      }
    },
  };
}

/** The per-user cache folders, in order of preference, each with whether it is in the shared temporary directory. */
function* userDirs() {
  const { XDG_CACHE_HOME, HOME, LOCALAPPDATA } = process.env;
  const home =
    XDG_CACHE_HOME && isAbsolute(XDG_CACHE_HOME)
      ? join(XDG_CACHE_HOME, 'rota')
      : HOME
        ? join(HOME, '.cache', 'rota')
        : LOCALAPPDATA && join(LOCALAPPDATA, 'rota', 'cache');
  if (home) yield { path: home, shared: false };
  // Only when the first will not do: node:os is ~0.3 ms to load.
  yield { path: join(require('node:os').tmpdir(), `rota-cache-${process.getuid?.() ?? 'user'}`), shared: true };
}

/**
 * A folder rota may run code from: this user's own, no one else may write to it (a cache is code); in
 * the shared temporary directory, a real folder, not a link someone else made.
 */
function usable(d) {
  try {
    const s = d.shared ? lstatSync(d.path) : statSync(d.path);
    return s.isDirectory() && (!process.getuid || (s.uid === process.getuid() && (s.mode & 0o022) === 0));
  } catch {
    return false;
  }
}

/** The file's bytes, or its text with 'utf8' (Node's one-call path: reading bytes runs ~1.4 M instructions of its JavaScript). */
function readOrUndefined(file, encoding) {
  try {
    return readFileSync(file, encoding);
  } catch {
    return undefined;
  }
}

/** Writes under a temporary name and renames, so no reader ever sees half a cache; false when it could not. */
function writeAtomic(file, data) {
  const tmp = `${file}.${process.pid}`;
  try {
    writeFileSync(tmp, data, { mode: 0o644 });
    renameSync(tmp, file);
    return true;
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {}
    return false;
  }
}

/** The bundles' require: a sibling bundle (./plan.cjs) through load(); Node's built-ins and iconv-lite as usual. */
const requireBundle = Object.assign((id) => (id.startsWith('./') && id.endsWith('.cjs') ? load(join(dir, id)) : require(id)), require);

/**
 * `rota --version` alone, from package.json, and `rota --help` alone to a file, a pipe or /dev/null,
 * from dist/cli/help.txt (the build's own run of it: commander's text at its default width, as these
 * get it, never coloured): loading main (commander and the list of commands) would be most of
 * their time. A terminal's help is commander's, at its width. False when it is none of these, or the
 * write failed but for a reader gone (EPIPE): main then prints it, as it does any other use of the
 * options. One write: the build keeps help.txt under 4 KB, which a pipe takes whole or not at all.
 */
function answered() {
  const args = process.argv.slice(2);
  if (args.length !== 1) return false;
  let text;
  if (args[0] === '--version' || args[0] === '-V') text = `${require('../package.json').version}\n`;
  else if ((args[0] === '--help' || args[0] === '-h') && !terminal()) text = readOrUndefined(join(dir, 'help.txt'), 'utf8');
  if (text === undefined) return false;
  try {
    return writeSync(1, text) === Buffer.byteLength(text);
  } catch (e) {
    return e.code === 'EPIPE';
  }
}

/** Standard output is a character device other than /dev/null (a terminal), or cannot be told (as src/cli/output.ts). */
function terminal() {
  try {
    const s = fstatSync(1);
    return s.isCharacterDevice() && s.rdev !== statSync('/dev/null').rdev;
  } catch {
    return true;
  }
}

if (!answered()) load(join(dir, 'main.cjs'));
