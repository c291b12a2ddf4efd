// Bytes from Excel/WPS into text. BOM first, then strict UTF-8, else GB18030 (what Excel's
// plain "CSV" writes on Chinese Windows). No statistical guessing: it misjudges short Chinese files.
// A file cut off inside its last character (a copy that stopped, a full disk) is told, not guessed at:
// strict UTF-8 would fail on it and GB18030 would turn the whole file into nonsense.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** A zip archive's first bytes: an .xlsx (or any Office Open XML file), read as a workbook (xlsx.ts), not as text. */
export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** The last character is incomplete: the file was cut short (its text leaves that character out). */
  truncated?: boolean;
}

/** Bytes at the end of `bytes` that start a UTF-8 character not yet complete. */
export function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

const strictUtf8 = (bytes: Uint8Array): string | undefined => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
};

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    const tail = incompleteTail(body);
    const text = new TextDecoder('utf-8').decode(body.subarray(0, body.length - tail));
    return { text, encoding: 'utf-8', ...(tail ? { truncated: true } : {}) };
  }
  for (const [b0, b1, encoding] of [
    [0xff, 0xfe, 'utf-16le'],
    [0xfe, 0xff, 'utf-16be'],
  ] as const) {
    if (bytes[0] === b0 && bytes[1] === b1) {
      const body = bytes.subarray(2);
      const odd = body.length % 2;
      return { text: new TextDecoder(encoding).decode(body.subarray(0, body.length - odd)), encoding, ...(odd ? { truncated: true } : {}) };
    }
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const tail = incompleteTail(bytes);
  const cut = tail ? strictUtf8(bytes.subarray(0, bytes.length - tail)) : undefined;
  if (cut !== undefined) return { text: cut, encoding: 'utf-8', truncated: true };
  const gb = new TextDecoder('gb18030').decode(bytes);
  // A lone lead byte at the very end decodes to U+FFFD: a GB18030 file cut inside its last character.
  return gb.endsWith('\uFFFD') ? { text: gb.slice(0, -1), encoding: 'gb18030', truncated: true } : { text: gb, encoding: 'gb18030' };
}
