import type { SigningAlgorithm } from './algorithms';
import type { CryptoKey } from './webcrypto-types';
import type * as x509 from './x509';

/**
 * A signing identity with its private key open, ready to sign. It lives only in memory for
 * the length of one signing; the key inside is a non-extractable WebCrypto key.
 */
export interface UnlockedIdentity {
  readonly label: string;
  readonly algorithm: SigningAlgorithm;
  readonly privateKey: CryptoKey;
  readonly certificate: { readonly der: Uint8Array; readonly parsed: x509.X509Certificate };
  /** The certificates above the signer's, issuer first and root last (empty when self-signed). */
  readonly chain: readonly Uint8Array[];
}
