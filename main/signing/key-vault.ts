import { createCipheriv, createDecipheriv, createHash, pbkdf2, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { SscpError } from '../../shared/errors';
import { normalisePassphrase, wrongPassphraseError } from './passphrase';

/**
 * Private keys at rest: PKCS#8 DER sealed with AES-256-GCM under a key derived from the
 * passphrase. The KDF and its parameters travel with the ciphertext, so a later version can
 * raise the cost for new keys and still open old ones. The header is authenticated too
 * (GCM additional data), so nobody can swap in cheaper parameters unnoticed.
 */
export type KdfParams =
  | { readonly name: 'scrypt'; readonly N: number; readonly r: number; readonly p: number; readonly salt: string }
  | { readonly name: 'pbkdf2-sha256'; readonly iterations: number; readonly salt: string };

export interface EncryptedPrivateKey {
  readonly format: 'sscp-encrypted-pkcs8';
  readonly version: 1;
  readonly kdf: KdfParams;
  readonly cipher: 'aes-256-gcm';
  /** base64 */
  readonly nonce: string;
  /** base64 */
  readonly ciphertext: string;
  /** base64, the 16-byte GCM tag */
  readonly tag: string;
}

/** scrypt N=2^17, r=8, p=1: about 128 MiB and a fraction of a second per unlock. */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
const MIN_PBKDF2_ITERATIONS = 600_000;
const KEY_LENGTH = 32;

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;
const pbkdf2Async = promisify(pbkdf2);

/**
 * Key derivations started ahead of the unlock that needs them (startKeyDerivation), by the
 * sealed key's KDF parameters and salt. Each is taken once, and only by an unlock with the
 * same passphrase (compared by digest, in constant time).
 */
const derivedAhead = new Map<string, { readonly secretDigest: Buffer; readonly key: Promise<Buffer> }>();

const secretDigest = (passphrase: string) => createHash('sha256').update(normalisePassphrase(passphrase), 'utf8').digest();

/**
 * Starts deriving the key that opens `blob` with `passphrase` on libuv's thread pool, so the
 * unlock that follows (openPrivateKey, same blob, same passphrase) finds it under way: a
 * command starts this before it loads the code that signs. The derivation is deliberately
 * slow (a third of a second and 128 MiB for scrypt), and this lets it overlap that loading.
 */
export function startKeyDerivation(blob: EncryptedPrivateKey, passphrase: string): void {
  const key = deriveKeyNow(passphrase, blob.kdf);
  // Whoever takes it sees a failure; left untaken, it must not surface as unhandled.
  key.catch(() => undefined);
  derivedAhead.set(JSON.stringify(blob.kdf), { secretDigest: secretDigest(passphrase), key });
}

async function deriveKey(passphrase: string, kdf: KdfParams): Promise<Buffer> {
  const id = JSON.stringify(kdf);
  const ahead = derivedAhead.get(id);
  if (ahead) {
    derivedAhead.delete(id);
    if (timingSafeEqual(ahead.secretDigest, secretDigest(passphrase))) return ahead.key;
  }
  return deriveKeyNow(passphrase, kdf);
}

async function deriveKeyNow(passphrase: string, kdf: KdfParams): Promise<Buffer> {
  const salt = Buffer.from(kdf.salt, 'base64');
  const secret = normalisePassphrase(passphrase);
  if (kdf.name === 'scrypt') {
    // Node refuses scrypt above 32 MiB unless told; 128·N·r bytes plus headroom is what it needs.
    const maxmem = 128 * kdf.N * kdf.r * 2;
    return scryptAsync(secret, salt, KEY_LENGTH, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem });
  }
  return pbkdf2Async(secret, salt, kdf.iterations, KEY_LENGTH, 'sha256');
}

function headerBytes(blob: Pick<EncryptedPrivateKey, 'format' | 'version' | 'kdf' | 'cipher'>): Buffer {
  return Buffer.from(JSON.stringify([blob.format, blob.version, blob.kdf, blob.cipher]), 'utf8');
}

export async function sealPrivateKey(
  pkcs8Der: Uint8Array,
  passphrase: string,
  kdfChoice: { name: 'scrypt'; N: number; r: number; p: number } | { name: 'pbkdf2-sha256'; iterations: number } = {
    name: 'scrypt',
    ...DEFAULT_SCRYPT,
  },
): Promise<EncryptedPrivateKey> {
  if (kdfChoice.name === 'pbkdf2-sha256' && kdfChoice.iterations < MIN_PBKDF2_ITERATIONS) {
    throw SscpError.because({ code: 'pbkdf2-too-few-iterations', min: MIN_PBKDF2_ITERATIONS });
  }
  const kdf: KdfParams = { ...kdfChoice, salt: randomBytes(16).toString('base64') };
  const nonce = randomBytes(12);
  const key = await deriveKey(passphrase, kdf);
  const header = { format: 'sscp-encrypted-pkcs8', version: 1, kdf, cipher: 'aes-256-gcm' } as const;
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(headerBytes(header));
  const ciphertext = Buffer.concat([cipher.update(pkcs8Der), cipher.final()]);
  return {
    ...header,
    nonce: nonce.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Returns the PKCS#8 DER; a wrong passphrase is a 'wrong-passphrase' error naming the identity. */
export async function openPrivateKey(blob: EncryptedPrivateKey, passphrase: string, label: string): Promise<Uint8Array> {
  if (blob.format !== 'sscp-encrypted-pkcs8' || blob.version !== 1 || blob.cipher !== 'aes-256-gcm') {
    throw SscpError.because({ code: 'stored-key-format-unknown', label });
  }
  const key = await deriveKey(passphrase, blob.kdf);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(blob.nonce, 'base64'));
  decipher.setAAD(headerBytes(blob));
  decipher.setAuthTag(Buffer.from(blob.tag, 'base64'));
  try {
    return new Uint8Array(Buffer.concat([decipher.update(Buffer.from(blob.ciphertext, 'base64')), decipher.final()]));
  } catch {
    // GCM cannot tell a wrong passphrase from a damaged blob; the passphrase is by far the likelier.
    throw wrongPassphraseError(label);
  }
}

export function serialiseEncryptedKey(blob: EncryptedPrivateKey): string {
  return JSON.stringify(blob);
}

export function parseEncryptedKey(text: string, label: string): EncryptedPrivateKey {
  try {
    const value = JSON.parse(text) as EncryptedPrivateKey;
    if (value && typeof value === 'object' && typeof value.ciphertext === 'string') return value;
  } catch {
    // fall through to the error below
  }
  throw SscpError.because({ code: 'stored-key-damaged', label });
}
