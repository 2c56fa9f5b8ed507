/**
 * WebCrypto returns ECDSA signatures as IEEE P1363 (r || s, fixed width); CMS and X.509
 * carry them as DER `SEQUENCE { r INTEGER, s INTEGER }`. This converts the one to the other.
 */
export function p1363ToDer(signature: Uint8Array): Uint8Array {
  if (signature.length === 0 || signature.length % 2 !== 0) {
    throw new Error(`An ECDSA signature of ${signature.length} bytes is not r || s.`);
  }
  const half = signature.length / 2;
  const r = derInteger(signature.subarray(0, half));
  const s = derInteger(signature.subarray(half));
  return new Uint8Array([0x30, ...derLength(r.length + s.length), ...r, ...s]);
}

function derInteger(unsignedBigEndian: Uint8Array): Uint8Array {
  let start = 0;
  while (start < unsignedBigEndian.length - 1 && unsignedBigEndian[start] === 0) start += 1;
  const digits = unsignedBigEndian.subarray(start);
  // A set top bit would read as negative: prefix a zero byte to keep the integer positive.
  const body = (digits[0] ?? 0) & 0x80 ? new Uint8Array([0, ...digits]) : digits;
  return new Uint8Array([0x02, ...derLength(body.length), ...body]);
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return [0x80 | bytes.length, ...bytes];
}
