// The .docx package: rota's zip writer (src/io/docx/package.ts) against fflate's zipSync, byte for
// byte (a document's text parts deflated above DEFLATE_ABOVE, stored below), the browser app's CRC-32 against Node's, and the seed's documents checked as Word and WPS
// read them — every XML part well-formed, every part given a content type, every relationship's
// target present.

import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { deflateSync, unzipSync, type ZipOptions, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { diffTimetables } from '../src/core/replan/diff.js';
import { announcementFiles, changeNoticeDocx } from '../src/io/docx/index.js';
import { DEFLATE_ABOVE, storedPart, type ZipPart, zipParts } from '../src/io/docx/package.js';
import { crc32 as browserCrc32 } from '../src/web/shims/zlib.js';
import { seed } from './helpers/seed.js';
import { townshipYear } from './helpers/township-year.js';

describe('zipParts', () => {
  const part = fc.record({
    // Not a name JavaScript would list first as an integer key of zipSync's object.
    path: fc.string({ unit: fc.constantFrom('a', 'z', '/', '.', '[', '_', '表', '𠀋'), minLength: 1, maxLength: 12 }).map((s) => `p${s}`),
    bytes: fc.uint8Array({ maxLength: 300 }),
    deflate: fc.boolean(),
  });
  const date = fc.date({ min: new Date('1980-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });

  it('writes the zip zipSync writes, stored and deflated parts alike', () => {
    fc.assert(
      fc.property(fc.uniqueArray(part, { selector: (p) => p.path, maxLength: 6 }), date, (list, d) => {
        const day = d.toISOString().slice(0, 10);
        const ours: ZipPart[] = list.map((p) =>
          p.deflate ? { ...storedPart(p.path, p.bytes), method: 8, data: deflateSync(p.bytes) } : storedPart(p.path, p.bytes),
        );
        const files = Object.fromEntries(list.map((p) => [p.path, [p.bytes, { level: p.deflate ? 6 : 0 }] as [Uint8Array, ZipOptions]]));
        const theirs = zipSync(files, { mtime: new Date(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) });
        expect(Buffer.from(zipParts(ours, day)).equals(Buffer.from(theirs))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("the browser app's crc32 (src/web/shims/zlib.ts)", () => {
  it("is Node's zlib.crc32", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000, size: 'large' }), (bytes) => {
        expect(browserCrc32(bytes)).toBe(crc32(bytes));
      }),
    );
  });
});

const s = seed();
const changes = diffTimetables(
  s.duties,
  s.duties.map((d) => (d.date === '2024-12-19' ? { ...d, name: '刘芳', title: '区委常委、组织部部长' } : d)),
);
const docs: Record<string, Uint8Array> = {
  ...Object.fromEntries(announcementFiles(s.duties, s.config, s.calendar).map((f) => [f.path, f.content as Uint8Array])),
  'change-notice.docx': changeNoticeDocx(changes, { config: s.config, date: '2024-12-16' }),
};

/** zipSync's zip of the same parts: the template's deflated (level 6), document.xml and core.xml deflated only above DEFLATE_ABOVE. */
function zipSyncOf(bytes: Uint8Array, date: string): Uint8Array {
  const parts = unzipSync(bytes);
  const own = (path: string) => path === 'word/document.xml' || path === 'docProps/core.xml';
  const level = (path: string) => (own(path) && parts[path].length <= DEFLATE_ABOVE ? 0 : 6);
  const files = Object.fromEntries(Object.keys(parts).map((p) => [p, [parts[p], { level: level(p) }] as [Uint8Array, ZipOptions]]));
  return zipSync(files, { mtime: new Date(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) });
}

describe('the text parts in the package', () => {
  const year = townshipYear();
  const yearDocs = announcementFiles(year.duties, year.config, year.calendar).map((f) => f.content as Uint8Array);

  it("a township year's document.xml (larger than DEFLATE_ABOVE) is deflated, in the zip zipSync writes, the same bytes every time", () => {
    const again = announcementFiles(year.duties, year.config, year.calendar).map((f) => f.content as Uint8Array);
    for (const [i, bytes] of yearDocs.entries()) {
      const text = unzipSync(bytes)['word/document.xml'];
      expect(text.length).toBeGreaterThan(DEFLATE_ABOVE);
      expect(bytes.length).toBeLessThan(text.length / 10);
      expect(Buffer.from(bytes).equals(Buffer.from(zipSyncOf(bytes, year.config.published ?? year.config.from)))).toBe(true);
      expect(Buffer.from(bytes).equals(Buffer.from(again[i]))).toBe(true);
    }
  });

  it("the seed's (smaller) is stored, in the zip zipSync writes", () => {
    for (const name of ['timetable.docx', '送审稿.docx']) {
      const bytes = docs[name];
      expect(unzipSync(bytes)['word/document.xml'].length).toBeLessThanOrEqual(DEFLATE_ABOVE);
      expect(Buffer.from(bytes).equals(Buffer.from(zipSyncOf(bytes, s.config.published ?? s.config.from)))).toBe(true);
    }
  });
});

const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];

describe.each(Object.keys(docs))('%s as a package', (name) => {
  const files = unzipSync(docs[name]);
  const text = (path: string) => new TextDecoder().decode(files[path]);

  it('has only well-formed XML parts', () => {
    for (const path of Object.keys(files)) expect([path, XMLValidator.validate(text(path))]).toEqual([path, true]);
  });

  it('gives every part a content type and names no part it lacks', () => {
    const types = text('[Content_Types].xml');
    const defaults = [...types.matchAll(/<Default [^>]*>/g)].map((m) => attr(m[0], 'Extension'));
    const overrides = [...types.matchAll(/<Override [^>]*>/g)].map((m) => attr(m[0], 'PartName')!.slice(1));
    expect(overrides.filter((p) => !files[p])).toEqual([]);
    const untyped = Object.keys(files).filter(
      (p) => p !== '[Content_Types].xml' && !overrides.includes(p) && !defaults.includes(p.split('.').pop()),
    );
    expect(untyped).toEqual([]);
    expect(overrides).toContain('word/document.xml');
  });

  it('resolves every relationship to a part it holds, and every r:id the document uses', () => {
    for (const rels of Object.keys(files).filter((p) => p.endsWith('.rels'))) {
      const base = rels.replace(/_rels\/[^/]*\.rels$/, '');
      for (const m of text(rels).matchAll(/<Relationship [^>]*>/g)) {
        if (attr(m[0], 'TargetMode') === 'External') continue;
        const target = attr(m[0], 'Target')!;
        const path = target.startsWith('/') ? target.slice(1) : base + target;
        expect(files[path], `${rels} → ${target}`).toBeDefined();
      }
    }
    const ids = [...text('word/_rels/document.xml.rels').matchAll(/Id="([^"]+)"/g)].map((m) => m[1]);
    for (const m of text('word/document.xml').matchAll(/r:id="([^"]+)"/g)) expect(ids).toContain(m[1]);
  });
});
