import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PKCS12_KDF_PURPOSE, pkcs12Kdf, pkcs12PasswordBytes } from './pkcs12-kdf';
import { rc2CbcDecrypt } from './rc2';

/** Why a .p12 part could not be opened: the password, or an algorithm this app does not read. */
export class Pkcs12DecryptError extends Error {
  constructor(
    readonly reason: 'bad-password' | 'unsupported',
    detail: string,
  ) {
    super(detail);
  }
}

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
const PRF_HASH: Readonly<Record<string, string>> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};
const PBES2_CIPHERS: Readonly<Record<string, { name: string; keyLength: number }>> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};
/** PKCS#12 v1 password-based encryption (RFC 7292 appendix C): what `openssl -legacy` writes. */
const PKCS12_PBE: Readonly<Record<string, { cipher: 'des-ede3-cbc' | 'rc2'; keyLength: number; effectiveBits?: number }>> = {
  '1.2.840.113549.1.12.1.3': { cipher: 'des-ede3-cbc', keyLength: 24 },
  '1.2.840.113549.1.12.1.5': { cipher: 'rc2', keyLength: 16, effectiveBits: 128 },
  '1.2.840.113549.1.12.1.6': { cipher: 'rc2', keyLength: 5, effectiveBits: 40 },
};

/**
 * The bytes of an OCTET STRING, including BER's constructed (chunked) form and the
 * context-tagged [0] IMPLICIT form that encrypted content arrives in.
 */
export function octets(value: asn1js.AsnType): Uint8Array {
  if (value instanceof asn1js.OctetString) return new Uint8Array(value.getValue());
  if (value instanceof asn1js.Constructed) {
    const chunks = (value.valueBlock.value as asn1js.AsnType[]).map((chunk) => Buffer.from(octets(chunk)));
    return new Uint8Array(Buffer.concat(chunks));
  }
  if (value instanceof asn1js.Primitive) return new Uint8Array(value.valueBlock.valueHexView);
  throw new Pkcs12DecryptError('unsupported', 'Malformed encrypted content.');
}

function sequenceItems(schema: unknown): asn1js.AsnType[] {
  if (!(schema instanceof asn1js.Sequence)) throw new Pkcs12DecryptError('unsupported', 'Malformed encryption parameters.');
  return schema.valueBlock.value;
}

function nodeDecrypt(cipher: string, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  try {
    const decipher = createDecipheriv(cipher, key, iv);
    return new Uint8Array(Buffer.concat([decipher.update(data), decipher.final()]));
  } catch {
    // Bad padding after decryption: the key, hence the password, is wrong.
    throw new Pkcs12DecryptError('bad-password', 'Decryption failed.');
  }
}

function decryptPbes2(params: unknown, password: string, data: Uint8Array): Uint8Array {
  const pbes2 = new pkijs.PBES2Params({ schema: params });
  if (pbes2.keyDerivationFunc.algorithmId !== PBKDF2) {
    throw new Pkcs12DecryptError('unsupported', `key derivation ${pbes2.keyDerivationFunc.algorithmId}`);
  }
  const kdf = new pkijs.PBKDF2Params({ schema: pbes2.keyDerivationFunc.algorithmParams });
  const hash = kdf.prf ? PRF_HASH[kdf.prf.algorithmId] : 'sha1';
  const cipher = PBES2_CIPHERS[pbes2.encryptionScheme.algorithmId];
  if (!hash || !cipher) throw new Pkcs12DecryptError('unsupported', `cipher ${pbes2.encryptionScheme.algorithmId}`);
  const salt = octets(kdf.salt as asn1js.OctetString);
  const iv = octets(pbes2.encryptionScheme.algorithmParams as asn1js.OctetString);
  // PBES2 takes the password as its UTF-8 bytes (RFC 8018), which is what OpenSSL does.
  const key = pbkdf2Sync(Buffer.from(password.normalize('NFC'), 'utf8'), salt, kdf.iterationCount, cipher.keyLength, hash);
  return nodeDecrypt(cipher.name, key, iv, data);
}

function decryptPkcs12Pbe(scheme: (typeof PKCS12_PBE)[string], params: unknown, password: string, data: Uint8Array): Uint8Array {
  const [saltField, iterationsField] = sequenceItems(params);
  if (!(saltField instanceof asn1js.OctetString) || !(iterationsField instanceof asn1js.Integer)) {
    throw new Pkcs12DecryptError('unsupported', 'Malformed PKCS#12 PBE parameters.');
  }
  const salt = octets(saltField);
  const iterations = iterationsField.valueBlock.valueDec;
  const passwordBytes = pkcs12PasswordBytes(password);
  const key = pkcs12Kdf('sha1', passwordBytes, salt, iterations, PKCS12_KDF_PURPOSE.key, scheme.keyLength);
  const iv = pkcs12Kdf('sha1', passwordBytes, salt, iterations, PKCS12_KDF_PURPOSE.iv, 8);
  if (scheme.cipher === 'rc2') {
    const plain = rc2CbcDecrypt(key, scheme.effectiveBits ?? 128, iv, data);
    if (!plain) throw new Pkcs12DecryptError('bad-password', 'Decryption failed.');
    return plain;
  }
  return nodeDecrypt(scheme.cipher, key, iv, data);
}

/** Decrypts one password-protected part of a .p12 (a shrouded key or an encrypted bag list). */
export function decryptWithPassword(algorithm: pkijs.AlgorithmIdentifier, password: string, data: Uint8Array): Uint8Array {
  if (algorithm.algorithmId === PBES2) return decryptPbes2(algorithm.algorithmParams, password, data);
  const legacy = PKCS12_PBE[algorithm.algorithmId];
  if (legacy) return decryptPkcs12Pbe(legacy, algorithm.algorithmParams, password, data);
  throw new Pkcs12DecryptError('unsupported', `encryption ${algorithm.algorithmId}`);
}
