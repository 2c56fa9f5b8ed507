/**
 * RC2 (RFC 2268) decryption in CBC mode, only for reading legacy .p12 files: OpenSSL's
 * `-legacy` export encrypts certificates with 40-bit RC2, and OpenSSL 3 (hence Node) no longer
 * ships RC2 in its default provider. Never used to encrypt anything.
 */

/** RFC 2268's PITABLE: a permutation of 0..255 derived from the digits of pi. */
const PITABLE = Uint8Array.from(
  Buffer.from(
    'd978f9c419ddb5ed28e9fd794aa0d89dc67e37832b76538e624c6488448bfba2' +
      '179a59f587b34f1361456d8d09817d32bd8f40eb86b77b0bf09521225c6b4e82' +
      '54d66593ce60b21c7356c014a78cf1dc1275ca1f3bbee4d1423dd430a33cb626' +
      '6fbf0eda4669075727f21d9bbc944303f811c7f690ef3ee706c3d52fc8661ed7' +
      '08e8eade8052eef784aa72ac354d6a2a961ad2715a1549744b9fd05e0418a4ec' +
      'c2e0416e0f51cbcc2491af50a1f47039997c3a8523b8b47afc02365b25559731' +
      '2d5dfa98e38a92ae05df2910676cbac9d300e6cfe19ea82c6316013f58e289a9' +
      '0d38341bab33ffb0bb480c5fb9b1cd2ec5f3db47e5a59c770aa62068fe7fc1ad',
    'hex',
  ),
);

function expandKey(key: Uint8Array, effectiveBits: number): Uint16Array {
  const l = new Uint8Array(128);
  l.set(key);
  const t = key.length;
  for (let i = t; i < 128; i += 1) l[i] = PITABLE[(l[i - 1]! + l[i - t]!) & 0xff]!;
  const t8 = Math.ceil(effectiveBits / 8);
  const tm = 0xff >> (8 * t8 - effectiveBits);
  l[128 - t8] = PITABLE[l[128 - t8]! & tm]!;
  for (let i = 127 - t8; i >= 0; i -= 1) l[i] = PITABLE[l[i + 1]! ^ l[i + t8]!]!;
  const k = new Uint16Array(64);
  for (let i = 0; i < 64; i += 1) k[i] = l[2 * i]! | (l[2 * i + 1]! << 8);
  return k;
}

const rotateRight = (x: number, n: number) => ((x >>> n) | (x << (16 - n))) & 0xffff;

function decryptBlock(k: Uint16Array, block: Uint8Array): Uint8Array {
  const r = [block[0]! | (block[1]! << 8), block[2]! | (block[3]! << 8), block[4]! | (block[5]! << 8), block[6]! | (block[7]! << 8)];
  const shifts = [1, 2, 3, 5];
  let j = 63;
  const reverseMix = () => {
    for (let i = 3; i >= 0; i -= 1) {
      r[i] = rotateRight(r[i]!, shifts[i]!);
      r[i] = (r[i]! - k[j]! - (r[(i + 3) % 4]! & r[(i + 2) % 4]!) - (~r[(i + 3) % 4]! & r[(i + 1) % 4]! & 0xffff)) & 0xffff;
      j -= 1;
    }
  };
  const reverseMash = () => {
    for (let i = 3; i >= 0; i -= 1) r[i] = (r[i]! - k[r[(i + 3) % 4]! & 63]!) & 0xffff;
  };
  for (let round = 0; round < 5; round += 1) reverseMix();
  reverseMash();
  for (let round = 0; round < 6; round += 1) reverseMix();
  reverseMash();
  for (let round = 0; round < 5; round += 1) reverseMix();
  return Uint8Array.from(r.flatMap((w) => [w & 0xff, w >>> 8]));
}

/** One 8-byte block: exposed for the RFC 2268 test vectors. */
export function rc2DecryptBlock(key: Uint8Array, effectiveBits: number, block: Uint8Array): Uint8Array {
  return decryptBlock(expandKey(key, effectiveBits), block);
}

/** Decrypts RC2-CBC and strips PKCS#7 padding; returns null when the padding is wrong. */
export function rc2CbcDecrypt(key: Uint8Array, effectiveBits: number, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array | null {
  if (ciphertext.length === 0 || ciphertext.length % 8 !== 0) return null;
  const k = expandKey(key, effectiveBits);
  const out = new Uint8Array(ciphertext.length);
  let previous = iv;
  for (let offset = 0; offset < ciphertext.length; offset += 8) {
    const block = ciphertext.subarray(offset, offset + 8);
    const plain = decryptBlock(k, block);
    for (let i = 0; i < 8; i += 1) out[offset + i] = plain[i]! ^ previous[i]!;
    previous = block;
  }
  const pad = out[out.length - 1]!;
  if (pad < 1 || pad > 8 || out.subarray(out.length - pad).some((b) => b !== pad)) return null;
  return out.subarray(0, out.length - pad);
}
