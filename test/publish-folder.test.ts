// A publication is one transaction: the folder holds exactly the old publication or exactly the new
// one — after a SIGKILL at any moment, a failing disk, or two publishers at once — and never a temp file.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutFile } from '../src/io/atomic-write.js';
import {
  dropGeneration,
  type FolderFs,
  generations,
  KEEP,
  keptFiles,
  lockFolder,
  newestGeneration,
  publishFolder,
  recoverFolder,
  stateDir,
} from '../src/io/publish-folder.js';
import { folderLib } from './helpers/folder-lib.js';

const { root, lib } = folderLib('rota-folder-');
let n = 0;
const fresh = () => join(root, `pub${n++}`);

/** Two publications that differ in every file and in which files they hold (per-leader calendars, a notice). */
const set = (tag: 'A' | 'B', leaders: number): OutFile[] => [
  { path: 'which.txt', content: tag },
  { path: 'timetable.html', content: `<p>${tag}</p>`.repeat(2000) },
  { path: 'timetable.csv', content: `${tag},`.repeat(5000) },
  { path: 'timetable.ics', content: `BEGIN:VCALENDAR ${tag}`.repeat(500) },
  { path: 'timetable.json', content: JSON.stringify({ tag }) },
  ...(tag === 'A' ? [{ path: 'change-notice.txt', content: 'A notice' }] : []),
  ...Array.from({ length: leaders }, (_, i) => ({ path: `ics/leader-${tag}-${i}.ics`, content: `${tag}${i}` })),
];
const A = set('A', 12);
const B = set('B', 7);

/** Every file under dir, relative, with its text. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}
const expected = (files: OutFile[]) => Object.fromEntries(files.map((f) => [f.path, String(f.content)]));
const isExactly = (dir: string, files: OutFile[]) => JSON.stringify(snapshot(dir)) === JSON.stringify(sortKeys(expected(files)));
const sortKeys = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
const which = (dir: string) => (isExactly(dir, A) ? 'A' : isExactly(dir, B) ? 'B' : 'mixed');
/** Nothing of a publication in progress is left in rota's state folder. */
const leftovers = (out: string) => (existsSync(stateDir(out)) ? readdirSync(stateDir(out)).filter((x) => !/^gen-\d+$/.test(x)) : []);

describe('publishFolder', () => {
  it('replaces the whole folder: files the new publication lacks are gone, the old one is kept as a generation', () => {
    const out = fresh();
    publishFolder(out, A);
    expect(which(out)).toBe('A');
    publishFolder(out, B);
    expect(which(out)).toBe('B');
    expect(existsSync(join(out, 'change-notice.txt'))).toBe(false);
    expect(readdirSync(join(out, 'ics')).every((f) => f.startsWith('leader-B-'))).toBe(true);
    expect(generations(out)).toEqual([1]);
    expect(isExactly(join(stateDir(out), 'gen-1'), A)).toBe(true);
    expect(leftovers(out)).toEqual([]);
  });

  it(`keeps the last ${KEEP} generations; rollback publishes the newest again, and a second rollback undoes the first`, () => {
    const out = fresh();
    for (let i = 0; i < KEEP + 3; i++) publishFolder(out, i % 2 ? B : A);
    expect(generations(out)).toHaveLength(KEEP);
    expect(which(out)).toBe('B');
    // What rota rollback does to the files (src/app/publish-out.ts also re-dates the calendars and the page).
    const back = () => {
      const g = newestGeneration(out);
      publishFolder(out, g.files);
      dropGeneration(out, g.generation);
    };
    back();
    expect(which(out)).toBe('A');
    back();
    expect(which(out)).toBe('B');
    expect(leftovers(out)).toEqual([]);
  });

  it("refuses a folder holding files rota did not write, and a file in the folder's place", () => {
    const out = fresh();
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), "the webmaster's own page");
    expect(() => publishFolder(out, A)).toThrow(/不是 rota 写的文件（index\.html）/);
    expect(readdirSync(out)).toEqual(['index.html']);
    const file = fresh();
    writeFileSync(file, 'x');
    expect(() => publishFolder(file, A)).toThrow(/cannot write to .*: it is a file, not a folder/);
  });
});

describe('a disk that fails leaves the folder as it was, with no temp file', () => {
  const failing = (code: string, at: 'write' | 'switch', after = 3): FolderFs => {
    let calls = 0;
    const fail = () => {
      const e = new Error(`${code}: injected`) as NodeJS.ErrnoException;
      e.code = code;
      throw e;
    };
    return {
      mkdir: (p) => mkdirSync(p, { recursive: true }),
      writeFile: (p, c) => (at === 'write' && ++calls > after ? fail() : writeFileSync(p, c)),
      // The second rename of a publication is the switch itself (out aside, then the new folder in).
      rename: (a, b) => (at === 'switch' && ++calls === 3 ? fail() : renameSync(a, b)),
    };
  };
  for (const [code, words] of [
    ['ENOSPC', 'the disk is full'],
    ['EISDIR', 'is a folder, expected a file'],
    ['EPERM', 'permission denied'],
  ] as const) {
    for (const at of ['write', 'switch'] as const) {
      it(`${code} while ${at === 'write' ? 'writing' : 'switching'}`, () => {
        const out = fresh();
        publishFolder(out, A);
        expect(() => publishFolder(out, B, { fs: failing(code, at) })).toThrow(
          new RegExp(`^无法写入输出文件夹 .*；文件夹保持原样 \\(cannot write to .*: ${words}; the folder is unchanged\\)$`),
        );
        expect(which(out)).toBe('A');
        expect(leftovers(out)).toEqual([]);
        expect(generations(out)).toEqual([]);
      });
    }
  }
});

describe('files a publication does not change', () => {
  const inode = (p: string) => lstatSync(p).ino;

  it('are files of their own: an editor saving the published CSV in place changes neither the kept generation nor another file', () => {
    const out = fresh();
    const notice = '本次无调整';
    const withNotice = [
      ...A.filter((f) => f.path !== 'change-notice.txt'),
      { path: 'notices/2-2024-12-16.txt', content: notice },
      { path: 'change-notice.txt', content: notice },
    ];
    publishFolder(out, withNotice);
    publishFolder(out, withNotice);
    expect(inode(join(out, 'timetable.csv'))).not.toBe(inode(join(stateDir(out), 'gen-1', 'timetable.csv')));
    expect(inode(join(out, 'notices/2-2024-12-16.txt'))).not.toBe(inode(join(out, 'change-notice.txt')));
    // In place, as Notepad saves: the same file, new bytes.
    writeFileSync(join(out, 'timetable.csv'), 'edited');
    writeFileSync(join(out, 'change-notice.txt'), 'edited');
    expect(isExactly(join(stateDir(out), 'gen-1'), withNotice)).toBe(true);
    expect(readFileSync(join(out, 'notices/2-2024-12-16.txt'), 'utf8')).toBe('本次无调整');
  });
});

describe('the oldest generation, reused for the publication that drops it', () => {
  /** Every file under `dir`, as its inode and its number of names. */
  const inodes = (dir: string) =>
    (readdirSync(dir, { recursive: true }) as string[]).map((f) => lstatSync(join(dir, f))).filter((st) => !st.isDirectory());
  /** A folder published KEEP + 1 times by turns (A, B, A, …): KEEP generations kept, the next publication reuses the oldest. */
  const full = () => {
    const out = fresh();
    for (let i = 0; i <= KEEP; i++) publishFolder(out, i % 2 ? B : A);
    return out;
  };
  const gen = (out: string, g: number) => join(stateDir(out), `gen-${g}`);

  it('leaves every generation and the folder exactly as a publication written afresh, each file a file of its own', () => {
    const out = full();
    for (let i = 0; i < 4; i++) publishFolder(out, i % 2 ? B : A);
    expect(which(out)).toBe('B');
    const gens = generations(out);
    expect(gens).toHaveLength(KEEP);
    // By turns: the newest kept one is the A before the B now published, and so on back.
    expect(gens.map((g) => which(gen(out, g)))).toEqual(gens.map((_, i) => ((gens.length - 1 - i) % 2 ? 'B' : 'A')));
    expect(leftovers(out)).toEqual([]);
    const all = [...inodes(out), ...inodes(stateDir(out))];
    expect(new Set(all.map((st) => st.ino)).size).toBe(all.length);
    expect(all.filter((st) => st.nlink !== 1)).toEqual([]);
  });

  it("keeps the folder's notices as they are, with their modification times, and an edit saved in place in the published folder", () => {
    const out = fresh();
    const notice = { path: 'notices/1-2024-12-16.txt', content: '本次无调整' };
    const withNotices = (kept: OutFile[], i: number) => [...A, ...kept, { path: `notices/${i + 2}-2024-12-16.txt`, content: `第${i}次` }];
    publishFolder(out, [...A, notice]);
    for (let i = 0; i <= KEEP + 1; i++) publishFolder(out, withNotices(keptFiles(out, 'notices'), i));
    // Every copy of a kept notice has the time of the first, so the publication that reuses a generation holding it reads neither.
    const times = (p: string) => [out, ...generations(out).map((g) => gen(out, g))].map((d) => Math.round(lstatSync(join(d, p)).mtimeMs));
    expect(new Set(times(notice.path)).size).toBe(1);
    expect(new Set(times('notices/2-2024-12-16.txt')).size).toBe(1);
    expect(readFileSync(join(out, notice.path), 'utf8')).toBe('本次无调整');
    // Notepad saves in place: same file, same size, other bytes; the next publication keeps the edit.
    writeFileSync(join(out, notice.path), '本次有调整');
    const kept = keptFiles(out, 'notices');
    publishFolder(out, withNotices(kept, KEEP + 2));
    expect(readFileSync(join(out, notice.path), 'utf8')).toBe('本次有调整');
    expect(isExactly(out, withNotices(kept, KEEP + 2))).toBe(true);
    const all = [...inodes(out), ...inodes(stateDir(out))];
    expect(all.filter((st) => st.nlink !== 1)).toEqual([]);
  });

  it('publishes all the same where times cannot be set (a share that refuses them); the bytes are compared instead', () => {
    const out = fresh();
    const refusing: FolderFs = {
      writeFile: (p, c) => writeFileSync(p, c),
      mkdir: (p) => mkdirSync(p, { recursive: true }),
      rename: (a, b) => renameSync(a, b),
      utimes: () => {
        throw Object.assign(new Error('EPERM: injected'), { code: 'EPERM' });
      },
    };
    const files = (i: number) => [...A, ...keptFiles(out, 'notices'), { path: `notices/${i}-2024-12-16.txt`, content: `第${i}次` }];
    publishFolder(out, [...A, { path: 'notices/0-2024-12-16.txt', content: '第0次' }]);
    for (let i = 1; i <= KEEP + 2; i++) publishFolder(out, files(i), { fs: refusing });
    const expected = [...A, ...Array.from({ length: KEEP + 3 }, (_, i) => ({ path: `notices/${i}-2024-12-16.txt`, content: `第${i}次` }))];
    expect(isExactly(out, expected)).toBe(true);
    expect(generations(out)).toHaveLength(KEEP);
  });

  it('never writes through a hard link an older rota left in it: that file is replaced, the other name keeps its bytes', () => {
    const out = full();
    const [oldest, second] = generations(out);
    // gen-1 holds A and gen-2 B; as an older rota did, gen-1's CSV is another name of gen-2's.
    rmSync(join(gen(out, oldest), 'timetable.csv'));
    linkSync(join(gen(out, second), 'timetable.csv'), join(gen(out, oldest), 'timetable.csv'));
    publishFolder(out, A);
    expect(which(out)).toBe('A');
    expect(which(gen(out, second))).toBe('B');
    expect(lstatSync(join(out, 'timetable.csv')).nlink).toBe(1);
  });

  it('a generation that cannot be rewritten in place (a folder where a file goes) is replaced by a new folder', () => {
    const out = full();
    const oldest = join(stateDir(out), `gen-${generations(out)[0]}`);
    rmSync(join(oldest, 'timetable.csv'));
    mkdirSync(join(oldest, 'timetable.csv'));
    publishFolder(out, B);
    expect(which(out)).toBe('B');
    expect(generations(out)).toHaveLength(KEEP);
    expect(leftovers(out)).toEqual([]);
  });

  it('a disk that fails leaves the folder and the newer generations as they were; the oldest, which it reused, is gone', () => {
    const out = full();
    const before = generations(out);
    const kept = before.slice(1).map((g) => which(gen(out, g)));
    // The oldest generation holds A: publishing A over it writes no file, so the disk fails at a folder.
    const noSpace = (p: string) => {
      throw Object.assign(new Error(`ENOSPC: injected, ${p}`), { code: 'ENOSPC' });
    };
    const failing: FolderFs = { mkdir: noSpace, writeFile: noSpace, rename: (a, b) => renameSync(a, b) };
    expect(which(out)).toBe('B');
    expect(() => publishFolder(out, A, { fs: failing })).toThrow(/the disk is full; the folder is unchanged/);
    expect(which(out)).toBe('B');
    expect(leftovers(out)).toEqual([]);
    expect(generations(out)).toEqual(before.slice(1));
    expect(before.slice(1).map((g) => which(gen(out, g)))).toEqual(kept);
  });
});

/** A folder published once (A), and the file the child publishers read both sets from. */
function published(): { out: string; sets: string } {
  const out = fresh();
  publishFolder(out, A);
  const sets = `${out}-sets.json`;
  writeFileSync(sets, JSON.stringify({ A, B }));
  return { out, sets };
}

describe('two publishers at once', () => {
  it('the second waits for the first; a lock held too long is a clean refusal', async () => {
    const { out, sets } = published();
    const run = () =>
      new Promise<number>((resolve) => {
        const c = spawn('node', ['test/support/publisher.mjs', lib, out, sets, '15']);
        c.on('exit', (code) => resolve(code ?? -1));
      });
    expect(await Promise.all([run(), run(), run()])).toEqual([0, 0, 0]);
    // Each child picks its set before it waits for the lock, so either set may be the last: never a mix.
    expect(['A', 'B']).toContain(which(out));
    expect(generations(out)).toHaveLength(KEEP);
    expect(leftovers(out)).toEqual([]);
    const release = lockFolder(out);
    try {
      expect(() => publishFolder(out, A, { waitMs: 200 })).toThrow(
        new RegExp(`另一个 rota 正在发布到 .*（电脑 ${hostname()}，进程 ${process.pid}，北京时间 `),
      );
      expect(['A', 'B']).toContain(which(out));
    } finally {
      release();
    }
  });
});

describe('SIGKILL at random moments', () => {
  it('leaves exactly the old or the new publication, after the start-up recovery, 200 times', async () => {
    const { out, sets } = published();
    let mixed = 0;
    let missingBeforeRecovery = 0;
    const seen = new Set<string>();
    const KILLS = 200;
    for (let k = 0; k < KILLS; k++) {
      await new Promise<void>((resolve) => {
        const c = spawn('node', ['test/support/publisher.mjs', lib, out, sets]);
        c.stdout.once('data', () => setTimeout(() => c.kill('SIGKILL'), Math.random() * 25));
        c.on('exit', () => resolve());
      });
      if (!existsSync(out)) missingBeforeRecovery++;
      recoverFolder(out);
      const w = which(out);
      seen.add(w);
      if (w === 'mixed') mixed++;
      // The killed run's lock, and a claim on it (a kill while taking it over), are the next run's to take over.
      expect(leftovers(out).filter((x) => !/^(lock|take\..+)$/.test(x))).toEqual([]);
    }
    // Published by turns, so both sides must have been seen at the moment of a kill.
    expect([...seen].sort()).toEqual(['A', 'B']);
    expect(mixed).toBe(0);
    process.stderr.write(`kill test: ${KILLS} kills, ${mixed} mixed folders, ${missingBeforeRecovery} switched by recovery\n`);
    // A kill never leaves the folder unusable: a rota run after it publishes as usual.
    const after = spawnSync('node', ['test/support/publisher.mjs', lib, out, sets, '1'], { encoding: 'utf8' });
    expect(after.stderr).toBe('');
    expect(after.status).toBe(0);
    expect(leftovers(out)).toEqual([]);
  }, 120_000);
});
