/**
 * Total length (header + content) of the DER element at the start of `bytes`, or null when
 * the header is malformed or the element runs past the end. Only the definite-length form
 * is accepted: DER forbids indefinite lengths, and a CMS in a PDF is DER.
 */
export function derLength(bytes: Uint8Array): number | null {
  if (bytes.length < 2) return null;
  const first = bytes[1]!;
  let headerLength = 2;
  let contentLength: number;
  if (first < 0x80) contentLength = first;
  else {
    const octets = first & 0x7f;
    if (octets === 0 || octets > 4 || bytes.length < 2 + octets) return null;
    contentLength = 0;
    for (let i = 0; i < octets; i += 1) contentLength = contentLength * 256 + bytes[2 + i]!;
    headerLength += octets;
  }
  const total = headerLength + contentLength;
  return total <= bytes.length ? total : null;
}
