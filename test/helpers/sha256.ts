import { createHash } from 'node:crypto';

/** SHA-256 (hex) of the pieces one after another: what a hash fed them in turn must give. */
export function sha256Hex(...parts: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}
