/** Adler-32, the checksum that closes a zlib stream (RFC 1950). */

/**
 * Adler-32 (RFC 1950) of `data`, continuing from `start`; unrolled by 16, which about doubles
 * its speed in V8. Self-contained (its constants are literals: 65521 is zlib's BASE, 5552 its
 * NMAX), because the pack's hashing thread runs this very function from its source text.
 */
export function adler32(data: Uint8Array, start = 1): number {
  let a = start & 0xffff;
  let b = (start >>> 16) & 0xffff;
  for (let i = 0; i < data.length;) {
    const end = Math.min(i + 5552, data.length);
    for (const end16 = end - 15; i < end16; i += 16) {
      a += data[i]!;
      b += a;
      a += data[i + 1]!;
      b += a;
      a += data[i + 2]!;
      b += a;
      a += data[i + 3]!;
      b += a;
      a += data[i + 4]!;
      b += a;
      a += data[i + 5]!;
      b += a;
      a += data[i + 6]!;
      b += a;
      a += data[i + 7]!;
      b += a;
      a += data[i + 8]!;
      b += a;
      a += data[i + 9]!;
      b += a;
      a += data[i + 10]!;
      b += a;
      a += data[i + 11]!;
      b += a;
      a += data[i + 12]!;
      b += a;
      a += data[i + 13]!;
      b += a;
      a += data[i + 14]!;
      b += a;
      a += data[i + 15]!;
      b += a;
    }
    for (; i < end; i++) {
      a += data[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
