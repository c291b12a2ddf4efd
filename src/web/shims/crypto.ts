// node:crypto's createHash('sha256') and hash('sha256', …) for the browser bundle (the page's CSP hash, the calendar UIDs,
// the input digest), with @noble/hashes: synchronous, as the Node code that calls it expects.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

class Sha256 {
  private readonly hash = sha256.create();
  update(data: string | Uint8Array): this {
    this.hash.update(typeof data === 'string' ? utf8ToBytes(data) : data);
    return this;
  }
  digest(encoding: 'hex' | 'base64'): string {
    const out = this.hash.digest();
    return encoding === 'hex' ? bytesToHex(out) : btoa(String.fromCharCode(...out));
  }
}

/** node:crypto's one-shot hash. */
export function hash(algorithm: string, data: string | Uint8Array, encoding: 'hex' | 'base64'): string {
  return createHash(algorithm).update(data).digest(encoding);
}

export function createHash(algorithm: string): Sha256 {
  if (algorithm !== 'sha256') throw new Error(`only sha256 in the browser, not ${algorithm}`);
  return new Sha256();
}
