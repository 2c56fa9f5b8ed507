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
  throw new SscpError(
    'invalid-input',
    `"${value}" is not a key type this app can create.`,
    `Use one of: ${CREATABLE_ALGORITHMS.join(', ')} (p256 is the default and the usual choice).`,
  );
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
  const described =
    key.asymmetricKeyType === 'ec'
      ? `an EC key on curve ${details.namedCurve ?? 'unknown'}`
      : key.asymmetricKeyType === 'rsa'
        ? `an RSA key of ${details.modulusLength ?? 0} bits`
        : `a ${key.asymmetricKeyType ?? 'unknown'} key`;
  throw new SscpError(
    'invalid-input',
    `The key in this file is ${described}, which this app does not sign with.`,
    'Use a certificate with an ECDSA P-256 or P-384 key, or an RSA key of at least 2048 bits.',
  );
}
