import { webcrypto } from 'node:crypto';
import type { SubtleCrypto, WebCrypto } from './webcrypto-types';
import * as x509 from './x509';
import * as pkijs from 'pkijs';

/**
 * One WebCrypto for everything that signs: Node's own implementation, which both Node 20 and
 * the Node inside Electron provide. pkijs and @peculiar/x509 each keep a global provider, so
 * they are pointed at it once, before first use.
 */
export const subtleCrypto: SubtleCrypto = webcrypto.subtle;
const nodeWebCrypto: WebCrypto = webcrypto;

let configured = false;

export function ensureCryptoProviders(): void {
  if (configured) return;
  // The libraries are typed against the DOM's Crypto, which main/ does not compile with.
  const asDomCrypto = nodeWebCrypto as unknown as ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'];
  x509.cryptoProvider.set(asDomCrypto);
  pkijs.setEngine('node-webcrypto', new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: asDomCrypto }));
  configured = true;
}

export function randomBytes(length: number): Uint8Array {
  return nodeWebCrypto.getRandomValues(new Uint8Array(length));
}
