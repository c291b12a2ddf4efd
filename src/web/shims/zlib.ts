// node:zlib for the browser bundle: only crc32, for the .docx parts stored uncompressed
// (src/io/docx/package.ts). fflate computes it: a gzip member ends with its data's CRC-32 (RFC 1952),
// and at level 0 the data is only copied.
import { gzipSync } from 'fflate';

export function crc32(data: Uint8Array): number {
  const gz = gzipSync(data, { level: 0, mtime: 0 });
  return new DataView(gz.buffer, gz.byteOffset).getUint32(gz.length - 8, true);
}
