import * as nodeCrypto from 'node:crypto';
import { createHash } from 'node:crypto';

/** What the RFC 7292 key derivation produces: an encryption key, an IV, or a MAC key. */
export const PKCS12_KDF_PURPOSE = { key: 1, iv: 2, mac: 3 } as const;

const BLOCK_BYTES: Readonly<Record<string, number>> = { sha1: 64, sha224: 64, sha256: 64, sha384: 128, sha512: 128 };

/**
 * The password as PKCS#12 hashes it: UTF-16 big-endian with a two-byte terminator (RFC 7292
 * appendix B.1). An empty password is just the terminator, as OpenSSL does.
 */
export function pkcs12PasswordBytes(password: string): Uint8Array {
  const swapped = Buffer.from(password.normalize('NFC'), 'utf16le').swap16();
  return new Uint8Array([...swapped, 0, 0]);
}

// One-shot hashing (Node 20.12+) is markedly faster than createHash for the many rounds a
// strong MAC derivation runs; createHash where it is missing.
const oneShot = (nodeCrypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'buffer') => Buffer }).hash;
function digest(hash: string, data: Buffer): Buffer {
  return oneShot ? oneShot(hash, data, 'buffer') : createHash(hash).update(data).digest();
}

function repeatToMultiple(source: Uint8Array, blockBytes: number): Uint8Array {
  if (source.length === 0) return new Uint8Array(0);
  const out = new Uint8Array(blockBytes * Math.ceil(source.length / blockBytes));
  for (let i = 0; i < out.length; i += 1) out[i] = source[i % source.length]!;
  return out;
}

/** RFC 7292 appendix B.2: derives `length` bytes for one purpose from password and salt. */
export function pkcs12Kdf(
  hash: string,
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  purpose: number,
  length: number,
): Uint8Array {
  const v = BLOCK_BYTES[hash];
  if (!v) throw new Error(`No PKCS#12 key derivation for hash ${hash}.`);
  const d = new Uint8Array(v).fill(purpose);
  const i = new Uint8Array([...repeatToMultiple(salt, v), ...repeatToMultiple(password, v)]);
  const out: number[] = [];
  while (out.length < length) {
    let a: Buffer = createHash(hash).update(d).update(i).digest();
    for (let round = 1; round < iterations; round += 1) a = digest(hash, a);
    out.push(...a);
    const b = repeatToMultiple(a, v).subarray(0, v);
    // I_j = (I_j + B + 1) mod 2^(8v) for each v-byte block of I.
    for (let offset = 0; offset < i.length; offset += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k -= 1) {
        const sum = i[offset + k]! + b[k]! + carry;
        i[offset + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return new Uint8Array(out.slice(0, length));
}
