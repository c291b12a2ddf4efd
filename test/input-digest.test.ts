// The input digest from bytes already read: rota plan --out keeps each file's bytes as loadRound read
// them (keepingReader) and digests those instead of reading every file again.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestFiles } from '../src/io/digest.js';
import { keepingReader } from '../src/io/read-round.js';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('keepingReader and digestFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rota-digest-'));
  const a = join(dir, 'a.csv');
  const b = join(dir, 'b.csv');
  writeFileSync(a, '姓名\n张三\n');
  writeFileSync(b, '姓名\n李四\n');

  it('keeps the bytes of each file it read, by path, and nothing for a file it could not read', () => {
    const { read, kept } = keepingReader();
    expect(Buffer.from(read(a).bytes!).toString()).toBe('姓名\n张三\n');
    expect(read(join(dir, 'missing.csv')).problem?.code).toBe('file.unreadable');
    expect([...kept.keys()]).toEqual([a]);
  });

  it('digests the kept bytes, and reads from disk only the files not kept', () => {
    const kept = new Map([[a, new Uint8Array(Buffer.from('as read'))]]);
    const d = digestFiles([a, b], kept);
    expect(d.files).toEqual([
      { path: a, sha256: sha256('as read') },
      { path: b, sha256: sha256('姓名\n李四\n') },
    ]);
    expect(d.sha256).toBe(sha256(d.files.map((f) => `${f.path}\u0000${f.sha256}\n`).join('')));
  });
});
