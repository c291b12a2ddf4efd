// V8's code cache when the install cannot hold it (bin/rota.js): a read-only install, or a Node
// version other than the build's, compiles once and then starts from the per-user cache; a damaged
// or foreign cache is ignored and rewritten; a cache folder rota cannot use changes nothing but speed.
// Read-only is real: the copy is chmod a-w, and when the tests run as root (who may write anyway)
// rota runs as the unprivileged user nobody.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRota } from './helpers/cli.js';
import { moduleLister } from './helpers/modules.js';

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
let expected = '';
let install = '';

/** A folder the user rota runs as may write to. */
function writableDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  if (asRoot) chownSync(d, NOBODY, NOBODY);
  return d;
}

/** A copy of bin/ and dist/ without any code cache, then made read-only; `beside` files are put in dist/cli first. */
function readOnlyInstall(beside: Record<string, Buffer> = {}): string {
  const root = copyInstall(beside);
  spawnSync('chmod', ['-R', 'a-w', join(root, 'bin'), join(root, 'dist')]);
  return root;
}

/** A copy of bin/ and dist/ without any code cache, whose dist/cli the user rota runs as may write to. */
function writableInstall(): string {
  const root = copyInstall();
  if (asRoot) spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, join(root, 'dist', 'cli')]);
  return root;
}

function copyInstall(beside: Record<string, Buffer> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'rota-install-'));
  chmodSync(root, 0o755);
  // The seed round too, so the user rota runs as need read nothing of the repository's.
  for (const d of ['bin', 'dist', 'fixtures']) cpSync(d, join(root, d), { recursive: true });
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  const cli = join(root, 'dist', 'cli');
  for (const f of readdirSync(cli)) if (f.includes('.cache')) rmSync(join(cli, f));
  for (const [name, bytes] of Object.entries(beside)) writeFileSync(join(cli, name), bytes);
  return root;
}

/** The seed plan by `root`'s bin/rota.js with exactly `env` (plus PATH), as nobody when the tests run as root. */
function rotaIn(root: string, env: Record<string, string>) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'rota.js'), 'plan', '-c', join(root, 'fixtures', 'rota.json')], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The code cache files under `dir` (recursively), each with its inode: a rewrite renames a new file in. */
function caches(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of readdirSync(dir, { recursive: true }) as string[])
    if (f.endsWith('.cache')) out.set(f.replace(/^.*\//, ''), statSync(join(dir, f)).ino);
  return out;
}

const cacheOf = (dir: string, bundle: string) => {
  const f = (readdirSync(join(dir, 'rota')) as string[]).find((x) => x.startsWith(`${bundle}.`));
  if (!f) throw new Error(`no ${bundle} cache in ${dir}`);
  return join(dir, 'rota', f);
};

/** The seed plan's two bundles (main, plan) compiled on the first run, their caches in `dir`; two more runs take them and write nothing. */
function compilesOnce(root: string, env: Record<string, string>, dir: string): void {
  expect(rotaIn(root, env)).toEqual({ code: 0, stdout: expected, stderr: '' });
  const written = caches(dir);
  expect([...written.keys()].map((f) => f.split('.')[0]).sort()).toEqual(['main', 'plan']);
  for (let i = 0; i < 2; i++) {
    expect(rotaIn(root, env)).toEqual({ code: 0, stdout: expected, stderr: '' });
    // Taken, so not written again (a rewrite would rename a new file in).
    expect(caches(dir)).toEqual(written);
  }
}

beforeAll(() => {
  const r = runRota(['plan', '-c', 'fixtures/rota.json']);
  expect(r.code, r.stderr).toBe(0);
  expected = r.stdout;
  install = readOnlyInstall();
});

describe('a read-only install (bin/rota.js)', () => {
  it('compiles once: the first run writes the per-user cache, the next runs start from it', { timeout: 60_000 }, () => {
    const home = writableDir('rota-xdg-');
    compilesOnce(install, { XDG_CACHE_HOME: home }, home);
    expect(caches(join(install, 'dist'))).toEqual(new Map());
  });

  it('without XDG_CACHE_HOME or HOME, uses a folder of its own in the temporary directory', { timeout: 60_000 }, () => {
    const tmp = writableDir('rota-tmp-');
    compilesOnce(install, { TMPDIR: tmp }, tmp);
    expect(statSync(join(tmp, `rota-cache-${asRoot ? NOBODY : process.getuid?.()}`)).mode & 0o777).toBe(0o700);
  });

  it('ignores and rewrites a damaged or foreign per-user cache', { timeout: 60_000 }, () => {
    const home = writableDir('rota-xdg-');
    expect(rotaIn(install, { XDG_CACHE_HOME: home }).code).toBe(0);
    const plan = cacheOf(home, 'plan');
    const good = readFileSync(plan);
    // Damaged in the middle: V8 itself would crash on it (it checks only the header).
    const damaged = Buffer.from(good);
    for (let i = 0; i < 64; i++) damaged[(damaged.length >> 1) + i] ^= 0x5a;
    writeFileSync(plan, damaged);
    expect(rotaIn(install, { XDG_CACHE_HOME: home })).toEqual({ code: 0, stdout: expected, stderr: '' });
    expect(readFileSync(plan).equals(damaged)).toBe(false);
    // Foreign: another bundle's cache under plan's name, intact, so only V8 can refuse it.
    writeFileSync(plan, readFileSync(cacheOf(home, 'main')));
    const foreign = statSync(plan).ino;
    expect(rotaIn(install, { XDG_CACHE_HOME: home })).toEqual({ code: 0, stdout: expected, stderr: '' });
    expect(statSync(plan).ino).not.toBe(foreign);
    const rewritten = caches(home);
    expect(rotaIn(install, { XDG_CACHE_HOME: home }).code).toBe(0);
    expect(caches(home)).toEqual(rewritten);
  });

  it('starts from the per-user cache without node:zlib; a bundle written again gets a cache of its own', { timeout: 60_000 }, () => {
    const root = readOnlyInstall();
    const home = writableDir('rota-xdg-');
    const { preload, loaded } = moduleLister(home);
    const env = { XDG_CACHE_HOME: home, NODE_OPTIONS: `--require ${preload}` };
    compilesOnce(root, env, home);
    // Checking a cache needs neither node:zlib nor the stream modules it loads (~3 ms a run); the
    // cache folder in $XDG_CACHE_HOME, not node:os for the temporary directory.
    expect(loaded()).toContain('NativeModule vm');
    expect(loaded().filter((m) => ['NativeModule zlib', 'NativeModule stream', 'NativeModule os'].includes(m))).toEqual([]);
    // The same bytes written again (a reinstall, another build): not taken, replaced.
    const before = caches(home);
    const plan = join(root, 'dist', 'cli', 'plan.cjs');
    spawnSync('chmod', ['u+w', plan]);
    writeFileSync(plan, readFileSync(plan));
    spawnSync('chmod', ['a-w', plan]);
    expect(rotaIn(root, env)).toEqual({ code: 0, stdout: expected, stderr: '' });
    const after = caches(home);
    expect([...after.keys()].map((f) => f.split('.')[0]).sort()).toEqual(['main', 'plan']);
    const name = (m: Map<string, number>, bundle: string) => [...m.keys()].find((f) => f.startsWith(`${bundle}.`));
    expect(name(after, 'main')).toBe(name(before, 'main'));
    expect(name(after, 'plan')).not.toBe(name(before, 'plan'));
  });

  it('takes the per-user cache when the one beside the bundle is not for this Node', { timeout: 60_000 }, () => {
    const tag = `${process.version}-${process.arch}`;
    const junk = readOnlyInstall({ [`plan.${tag}.cache`]: Buffer.alloc(4096, 7), [`main.v0.0.0-${process.arch}.cache`]: Buffer.alloc(64) });
    const home = writableDir('rota-xdg-');
    compilesOnce(junk, { XDG_CACHE_HOME: home }, home);
  });

  it('a cache folder it cannot use changes nothing but speed', { timeout: 60_000 }, () => {
    const tmp = writableDir('rota-tmp-');
    // XDG_CACHE_HOME a file; the temporary directory's folder writable by others (never read from or written to).
    const file = join(tmp, 'not-a-folder');
    writeFileSync(file, 'x');
    const open = join(tmp, `rota-cache-${asRoot ? NOBODY : process.getuid?.()}`);
    mkdirSync(open);
    chmodSync(open, 0o777);
    for (let i = 0; i < 2; i++)
      expect(rotaIn(install, { XDG_CACHE_HOME: file, TMPDIR: tmp })).toEqual({ code: 0, stdout: expected, stderr: '' });
    expect(readdirSync(open)).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe('x');
    // The user's own cache folder, but writable by others: a cache is code, so not that one either.
    const home = writableDir('rota-xdg-');
    const shared = join(home, 'rota');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    if (asRoot) chownSync(shared, NOBODY, NOBODY);
    expect(rotaIn(install, { XDG_CACHE_HOME: home, TMPDIR: tmp })).toEqual({ code: 0, stdout: expected, stderr: '' });
    expect(readdirSync(shared)).toEqual([]);
    // No usable folder at all.
    expect(rotaIn(install, { TMPDIR: join(tmp, 'missing') })).toEqual({ code: 0, stdout: expected, stderr: '' });
  });
});

describe('V8 flags (bin/rota.js)', () => {
  it('a cache of their own beside the bundles, named without loading node:zlib', { timeout: 60_000 }, () => {
    const root = writableInstall();
    const cli = join(root, 'dist', 'cli');
    const home = writableDir('rota-flags-');
    const { preload, loaded } = moduleLister(home);
    const env = (mb: number) => ({ XDG_CACHE_HOME: home, NODE_OPTIONS: `--max-old-space-size=${mb} --require ${preload}` });
    expect(rotaIn(root, env(300))).toEqual({ code: 0, stdout: expected, stderr: '' });
    const written = caches(cli);
    expect([...written.keys()].map((f) => f.split('.')[0]).sort()).toEqual(['main', 'plan']);
    expect(rotaIn(root, env(300))).toEqual({ code: 0, stdout: expected, stderr: '' });
    expect(caches(cli)).toEqual(written);
    // The seed plan needs neither node:zlib nor the stream modules it loads (~2 ms): nothing asked for them.
    expect(loaded()).toContain('NativeModule vm');
    expect(loaded().filter((m) => m === 'NativeModule zlib' || m === 'NativeModule stream')).toEqual([]);
    // Other flags, other caches beside these: V8 would reject a cache made under other flags.
    expect(rotaIn(root, env(301))).toEqual({ code: 0, stdout: expected, stderr: '' });
    const both = caches(cli);
    expect(both.size).toBe(4);
    for (const [f, ino] of written) expect(both.get(f)).toBe(ino);
  });
});

describe('output thrown away (bin/rota.js … >/dev/null)', () => {
  it('is written to /dev/null without building process.stdout, whose stream modules bare node never loads', { timeout: 60_000 }, () => {
    const root = writableInstall();
    const home = writableDir('rota-null-');
    const { preload, loaded } = moduleLister(home);
    const r = spawnSync(process.execPath, [join(root, 'bin', 'rota.js'), 'plan', '-c', join(root, 'fixtures', 'rota.json')], {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', XDG_CACHE_HOME: home, NODE_OPTIONS: `--require ${preload}` },
      ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(loaded()).toContain('NativeModule vm');
    expect(loaded().filter((m) => ['NativeModule stream', 'NativeModule net', 'NativeModule tty'].includes(m))).toEqual([]);
  });
});
