/**
 * A standalone copy of the bytes as an ArrayBuffer. Not `bytes.slice().buffer`: on a Node
 * Buffer, `slice` is a view, and `.buffer` would be the whole shared pool behind it.
 */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}
