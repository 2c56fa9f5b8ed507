import { createPrivateKey } from 'node:crypto';
import type { SigningAlgorithm } from '../../shared/domain/signing';
import { SscpError } from '../../shared/errors';
import type {
  Algorithm,
  EcdsaParams,
  EcKeyGenParams,
  EcKeyImportParams,
  RsaHashedImportParams,
  RsaHashedKeyGenParams,
} from './webcrypto-types';

/** Key types this app creates: ECDSA P-256 (the default) or RSA-3072. */
export const CREATABLE_ALGORITHMS = ['p256', 'rsa3072'] as const;
export type CreatableAlgorithm = (typeof CREATABLE_ALGORITHMS)[number];
export const DEFAULT_SIGNING_ALGORITHM: CreatableAlgorithm = 'p256';

export type { SigningAlgorithm } from '../../shared/domain/signing';

const MIN_RSA_BITS = 2048;

export function parseCreatableAlgorithm(value: string): CreatableAlgorithm {
  if ((CREATABLE_ALGORITHMS as readonly string[]).includes(value)) return value as CreatableAlgorithm;
  throw SscpError.because({ code: 'key-type-not-creatable', value, allowed: CREATABLE_ALGORITHMS });
}

export function isEcdsaAlgorithm(algorithm: SigningAlgorithm): boolean {
  return algorithm === 'p256' || algorithm === 'p384';
}

/** WebCrypto parameters to generate a key pair of this type. */
export function keyGenParams(algorithm: CreatableAlgorithm): RsaHashedKeyGenParams | EcKeyGenParams {
  return algorithm === 'p256'
    ? { name: 'ECDSA', namedCurve: 'P-256' }
    : { name: 'RSASSA-PKCS1-v1_5', modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
}

/** WebCrypto parameters to import a PKCS#8 private key of this type for signing. */
export function keyImportParams(algorithm: SigningAlgorithm): RsaHashedImportParams | EcKeyImportParams {
  if (algorithm === 'p256') return { name: 'ECDSA', namedCurve: 'P-256' };
  if (algorithm === 'p384') return { name: 'ECDSA', namedCurve: 'P-384' };
  return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
}

/** WebCrypto parameters to sign with SHA-256 (the CMS digest) under this key type. */
export function signParams(algorithm: SigningAlgorithm): EcdsaParams | Algorithm {
  return isEcdsaAlgorithm(algorithm) ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
}

/** Names the key type of a PKCS#8 private key, refusing what cannot sign a PDF well. */
export function algorithmOfPkcs8(pkcs8Der: Uint8Array): SigningAlgorithm {
  const key = createPrivateKey({ key: Buffer.from(pkcs8Der), format: 'der', type: 'pkcs8' });
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'ec') {
    if (details.namedCurve === 'prime256v1') return 'p256';
    if (details.namedCurve === 'secp384r1') return 'p384';
  }
  if (key.asymmetricKeyType === 'rsa' && (details.modulusLength ?? 0) >= MIN_RSA_BITS) return `rsa${details.modulusLength ?? 0}`;
  throw SscpError.because({
    code: 'key-type-not-usable',
    keyType: key.asymmetricKeyType ?? 'unknown',
    curve: details.namedCurve ?? null,
    bits: details.modulusLength ?? null,
  });
}
