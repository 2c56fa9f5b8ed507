import { SscpError } from '../../shared/errors';
import type { Algorithm, EcdsaParams, EcKeyGenParams, EcKeyImportParams, RsaHashedImportParams, RsaHashedKeyGenParams } from './webcrypto-types';

/** The key types an identity can have: ECDSA P-256 (the default) or RSA-3072. */
export const SIGNING_ALGORITHMS = ['p256', 'rsa3072'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

export const DEFAULT_SIGNING_ALGORITHM: SigningAlgorithm = 'p256';

export function parseSigningAlgorithm(value: string): SigningAlgorithm {
  if ((SIGNING_ALGORITHMS as readonly string[]).includes(value)) return value as SigningAlgorithm;
  throw new SscpError(
    'invalid-input',
    `"${value}" is not a key type this app can create.`,
    `Use one of: ${SIGNING_ALGORITHMS.join(', ')} (p256 is the default and the usual choice).`,
  );
}

/** WebCrypto parameters to generate a key pair of this type. */
export function keyGenParams(algorithm: SigningAlgorithm): RsaHashedKeyGenParams | EcKeyGenParams {
  return algorithm === 'p256'
    ? { name: 'ECDSA', namedCurve: 'P-256' }
    : { name: 'RSASSA-PKCS1-v1_5', modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
}

/** WebCrypto parameters to import a PKCS#8 private key of this type for signing. */
export function keyImportParams(algorithm: SigningAlgorithm): RsaHashedImportParams | EcKeyImportParams {
  return algorithm === 'p256'
    ? { name: 'ECDSA', namedCurve: 'P-256' }
    : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
}

/** WebCrypto parameters to sign with SHA-256 under this key type. */
export function signParams(algorithm: SigningAlgorithm): EcdsaParams | Algorithm {
  return algorithm === 'p256' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
}
