// A .docx package (a zip file) of parts compressed ahead of time, now, or not at all: the template's
// parts are deflated when rota is built; a document's own parts (document.xml, core.xml) are deflated
// here by fflate (pure JavaScript: the same bytes on every Node and in the browser app, which node:zlib
// does not promise) only when larger than DEFLATE_ABOVE, because a cold deflate costs more than a small
// part saves: some 15-20 ms of a seed `rota plan --out` for its 27 KB document.xml, while a township
// year's 850 KB shrinks to 13 KB for ~8 ms of warm CPU. fflate's zipSync deflates every part on every
// call and its streaming Zip adds data descriptors, so the zip's records are written here, laid out
// byte for byte as zipSync lays them out (test/docx-package.test.ts).
// node:zlib's CRC-32, not one in JavaScript: cold, a table CRC-32 of the seed's ~45 KB costs more than loading it (README, Start-up).
import { crc32 } from 'node:zlib';
import { deflateSync } from 'fflate';

/** A part as the zip holds it: stored (method 0) or deflated (8), with its size and CRC-32 before. */
export interface ZipPart {
  path: string;
  method: 0 | 8;
  size: number;
  crc: number;
  data: Uint8Array;
}

/** `bytes` stored uncompressed. */
export const storedPart = (path: string, bytes: Uint8Array): ZipPart => ({
  path,
  method: 0,
  size: bytes.length,
  crc: crc32(bytes),
  data: bytes,
});

/** Parts larger than this many bytes are deflated (a township month's or year's document.xml); smaller ones stored (the seed's). */
export const DEFLATE_ABOVE = 64 * 1024;

/** `bytes` deflated at zipSync's level (6) when larger than DEFLATE_ABOVE, else stored. */
export const textPart = (path: string, bytes: Uint8Array): ZipPart =>
  bytes.length > DEFLATE_ABOVE
    ? { ...storedPart(path, bytes), method: 8, data: deflateSync(bytes, { level: 6 }) }
    : storedPart(path, bytes);

const encoder = new TextEncoder();

/**
 * The zip of `parts`, in the order given, each dated `date` (YYYY-MM-DD) at midnight: a local header
 * before each part's data, then the central directory and its end record (APPNOTE 4.3).
 */
export function zipParts(parts: readonly ZipPart[], date: string): Uint8Array {
  const names = parts.map((p) => encoder.encode(p.path));
  const dataBytes = parts.reduce((n, p, i) => n + 30 + names[i].length + p.data.length, 0);
  const dirBytes = parts.reduce((n, _, i) => n + 46 + names[i].length, 0);
  const out = new Uint8Array(dataBytes + dirBytes + 22);
  const v = new DataView(out.buffer);
  const dosDate = ((+date.slice(0, 4) - 1980) << 9) | (+date.slice(5, 7) << 5) | +date.slice(8, 10);
  /** The fields local and central headers share, from "version needed" on; returns the offset after them. */
  const common = (at: number, p: ZipPart, name: Uint8Array) => {
    v.setUint16(at, 20, true);
    // Bit 11: the name is UTF-8 (as zipSync sets it, only for a name that is not ASCII).
    v.setUint16(at + 2, name.length !== p.path.length ? 0x800 : 0, true);
    v.setUint16(at + 4, p.method, true);
    v.setUint16(at + 6, 0, true); // 00:00:00
    v.setUint16(at + 8, dosDate, true);
    v.setUint32(at + 10, p.crc, true);
    v.setUint32(at + 14, p.data.length, true);
    v.setUint32(at + 18, p.size, true);
    v.setUint16(at + 22, name.length, true);
    return at + 26; // extra field length 0
  };
  let at = 0;
  let dir = dataBytes;
  parts.forEach((p, i) => {
    v.setUint32(at, 0x04034b50, true);
    const nameAt = common(at + 4, p, names[i]);
    out.set(names[i], nameAt);
    out.set(p.data, nameAt + names[i].length);
    v.setUint32(dir, 0x02014b50, true);
    v.setUint16(dir + 4, 20, true); // made by: version 2.0, MS-DOS
    const rest = common(dir + 6, p, names[i]);
    // Comment length, disk, internal and external attributes 0; then where the local header is.
    v.setUint32(rest + 10, at, true);
    out.set(names[i], rest + 14);
    dir = rest + 14 + names[i].length;
    at = nameAt + names[i].length + p.data.length;
  });
  v.setUint32(dir, 0x06054b50, true);
  v.setUint16(dir + 8, parts.length, true);
  v.setUint16(dir + 10, parts.length, true);
  v.setUint32(dir + 12, dirBytes, true);
  v.setUint32(dir + 16, dataBytes, true);
  return out;
}
