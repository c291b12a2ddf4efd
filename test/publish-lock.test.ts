// The publication lock between processes and between computers sharing a folder (a 共享盘): one
// publisher at a time, also when several take over a dead publisher's lock at the same instant.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileName, STALE_MS } from '../src/io/folder-lock.js';
import { lockFolder, publishFolder, recoverFolder, stateDir, withFolderLock } from '../src/io/publish-folder.js';
import { folderLib } from './helpers/folder-lib.js';

const { root, lib } = folderLib('rota-lock-');

describe('taking over a dead publisher', () => {
  it.each(['links', 'no-links'])(
    '6 processes racing to take over at the same instant (%s): one at a time inside, every time',
    async (links) => {
      const out = join(root, `race-${links}`);
      mkdirSync(stateDir(out), { recursive: true });
      writeFileSync(join(stateDir(out), 'lock'), `99999999\nhost ${hostname()}\nsince 2024-12-11T00:00:00.000Z\nnonce start\n`);
      const ROUNDS = 20;
      const start = Date.now() + 2000;
      const inside = join(root, `inside-${links}`);
      const run = () =>
        new Promise<{ code: number | null; overlaps: number; refused: number }>((resolve) => {
          const c = spawn('node', ['test/support/lock-taker.mjs', lib, out, inside, String(ROUNDS), String(start), '400', links]);
          let text = '';
          c.stdout.on('data', (d) => {
            text += d;
          });
          c.stderr.pipe(process.stderr);
          c.on('exit', (code) => resolve({ code, ...JSON.parse(text || '{"overlaps":-1,"refused":-1}') }));
        });
      const results = await Promise.all(Array.from({ length: 6 }, run));
      process.stderr.write(`lock race (${links}): ${results.map((r) => r.overlaps).join(', ')} overlapping entries\n`);
      expect(results.map(({ code, overlaps }) => ({ code, overlaps }))).toEqual(
        Array.from({ length: 6 }, () => ({ code: 0, overlaps: 0 })),
      );
      // Without links every lock and claim was made by the exclusive create instead.
      for (const r of results) expect(r.refused > 0).toBe(links === 'no-links');
      // What the takers left (their claims) is swept by the next run's start-up.
      recoverFolder(out);
      expect(readdirSync(stateDir(out))).toEqual(['lock']);
    },
    60_000,
  );

  it('a taker that died while claiming a stale lock is passed over; a live claimant is waited for', () => {
    const out = join(root, 'claims');
    const s = stateDir(out);
    mkdirSync(s, { recursive: true });
    const lock = join(s, 'lock');
    writeFileSync(lock, `99999999\nhost ${hostname()}\nsince 2024-12-11T00:00:00.000Z\nnonce 42\n`);
    const claim = (n: number) => join(s, `take.n-${hostname().replace(/[^\w-]/g, '_')}.99999999.42.${n}`);
    writeFileSync(claim(1), `${process.pid}\nhost ${hostname()}\n`);
    expect(() => lockFolder(out, { waitMs: 200 })).toThrow(/另一个 rota 正在发布到/);
    writeFileSync(claim(1), `99999999\nhost ${hostname()}\n`);
    const release = lockFolder(out, { waitMs: 200 });
    expect(readFileSync(lock, 'utf8')).toMatch(new RegExp(`^${process.pid}\n`));
    expect(readdirSync(s).filter((f) => f.startsWith('take.'))).toEqual([]);
    release();
    expect(existsSync(lock)).toBe(false);
  });
});

describe('a lock from another computer (a shared folder)', () => {
  const files = [{ path: 'timetable.json', content: '{}' }];
  const foreign = (pid: number) => `${pid}\nhost OFFICE-PC2\nsince 2024-12-16T01:30:05.000Z\nnonce 7\n`;

  it('is respected while young, whatever its pid, and the message says whose it is and how to remove it', () => {
    const out = join(root, 'shared');
    publishFolder(out, files);
    const lock = join(stateDir(out), 'lock');
    // 99999999 is not alive here, which says nothing of OFFICE-PC2.
    writeFileSync(lock, foreign(99999999));
    let message = '';
    try {
      publishFolder(out, [{ path: 'timetable.json', content: '{"new":1}' }], { waitMs: 200 });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('另一个 rota 正在发布到');
    expect(message).toContain('电脑 OFFICE-PC2，进程 99999999，北京时间 2024-12-16 09:30:05 起');
    expect(message).toContain(`删除锁文件 ${lock}`);
    expect(message).toContain(`computer OFFICE-PC2, process 99999999, since 2024-12-16 09:30:05 Beijing time`);
    expect(readFileSync(join(out, 'timetable.json'), 'utf8')).toBe('{}');
    expect(readFileSync(lock, 'utf8')).toBe(foreign(99999999));
  });

  it('is respected while it says it is young, though its time on the share is old (a client caching the time of the file it replaced)', () => {
    const out = join(root, 'shared-cached');
    publishFolder(out, files);
    const lock = join(stateDir(out), 'lock');
    writeFileSync(lock, `1\nhost OFFICE-PC2\nsince ${new Date().toISOString()}\nnonce 8\n`);
    const old = (Date.now() - STALE_MS - 60_000) / 1000;
    utimesSync(lock, old, old);
    expect(() => publishFolder(out, files, { waitMs: 200 })).toThrow(/电脑 OFFICE-PC2，进程 1，/);
    expect(existsSync(lock)).toBe(true);
  });

  it(`is taken over when older than ${STALE_MS / 60_000} minutes`, () => {
    const out = join(root, 'shared-old');
    publishFolder(out, files);
    const lock = join(stateDir(out), 'lock');
    writeFileSync(lock, foreign(process.pid));
    const old = (Date.now() - STALE_MS - 60_000) / 1000;
    utimesSync(lock, old, old);
    publishFolder(out, [{ path: 'timetable.json', content: '{"new":1}' }], { waitMs: 200 });
    expect(readFileSync(join(out, 'timetable.json'), 'utf8')).toBe('{"new":1}');
    expect(existsSync(lock)).toBe(false);
  });

  it('taken over from a run that held it too long (asleep, cut off): that run does not switch its publication in', async () => {
    const out = join(root, 'lost');
    publishFolder(out, files);
    const lock = join(stateDir(out), 'lock');
    const next = [{ path: 'timetable.json', content: '{"new":1}' }];
    const unchanged = () => {
      expect(readFileSync(join(out, 'timetable.json'), 'utf8')).toBe('{}');
      expect(readFileSync(lock, 'utf8')).toBe(foreign(1));
      expect(readdirSync(stateDir(out)).filter((f) => !/^gen-/.test(f))).toEqual(['lock']);
    };
    // Taken over while the publication is written, under publishFolder's own lock …
    const takenOver = {
      writeFile: writeFileSync,
      mkdir: (p: string) => mkdirSync(p, { recursive: true }),
      rename: (a: string, b: string) => {
        renameSync(a, b);
        writeFileSync(lock, foreign(1));
      },
    };
    expect(() => publishFolder(out, next, { fs: takenOver })).toThrow(/的发布锁已被电脑 OFFICE-PC2 上的 rota 接管.*文件夹保持原样/);
    unchanged();
    // … and under withFolderLock's, while the command reads the folder.
    unlinkSync(lock);
    await expect(
      withFolderLock(out, async () => {
        writeFileSync(lock, foreign(1));
        publishFolder(out, next, { locked: true });
      }),
    ).rejects.toThrow(/的发布锁已被电脑 OFFICE-PC2 上的 rota 接管/);
    unchanged();
    // … and deleted by hand meanwhile (as the waiting message allows for a crashed computer's): said so, nothing switched in.
    unlinkSync(lock);
    await expect(
      withFolderLock(out, async () => {
        unlinkSync(lock);
        publishFolder(out, next, { locked: true });
      }),
    ).rejects.toThrow(/的发布锁在本次运行持锁期间被删除了，为免两次发布交错，新的发布没有换入，文件夹保持原样/);
    expect(readFileSync(join(out, 'timetable.json'), 'utf8')).toBe('{}');
  });

  it("leftover lock texts: another computer's kept while young, removed when old; this one's by pid", () => {
    const out = join(root, 'leftovers');
    const s = stateDir(out);
    mkdirSync(s, { recursive: true });
    const old = (Date.now() - STALE_MS - 60_000) / 1000;
    writeFileSync(join(s, 'lock.OFFICE-PC2.1'), foreign(1));
    writeFileSync(join(s, 'lock.OFFICE-PC3.1'), foreign(1));
    utimesSync(join(s, 'lock.OFFICE-PC3.1'), old, old);
    // This computer's are judged by the name: a run killed while writing its text left it empty.
    const here = hostname().replace(/[^\w-]/g, '_');
    writeFileSync(join(s, `lock.${here}.99999999`), '');
    writeFileSync(join(s, `lock.${here}.${process.pid}`), '');
    recoverFolder(out);
    expect(readdirSync(s).sort()).toEqual(['lock.OFFICE-PC2.1', `lock.${here}.${process.pid}`].sort());
  });
});

describe("a computer's name in the names of lock files", () => {
  it('is one to one and safe in a file name: Chinese computer names stay apart (property)', () => {
    const host = fc.string({ unit: fc.constantFrom('信', '访', '办', '一', '二', 'A', 'b', '-', '_', '.', '%', ' ', '😀'), maxLength: 8 });
    fc.assert(
      fc.property(host, host, (a, b) => {
        expect(fileName(a)).toMatch(/^[\w%-]*$/);
        expect(fileName(a) === fileName(b)).toBe(a === b);
      }),
      { numRuns: 2000 },
    );
    expect(fileName('信访办一')).not.toBe(fileName('信访办二'));
  });
});
