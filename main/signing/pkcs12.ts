import { createHmac, createPrivateKey, createPublicKey, timingSafeEqual } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { SscpError } from '../../shared/errors';
import { readSmallFileSync } from '../fs/regular-file';
import { toArrayBuffer } from './bytes';
import { ensureCryptoProviders } from './crypto-provider';
import { decryptWithPassword, octets, Pkcs12DecryptError } from './pkcs12-decrypt';
import { PKCS12_KDF_PURPOSE, pkcs12Kdf, pkcs12PasswordBytes } from './pkcs12-kdf';
import * as x509 from './x509';

/** What a .p12 holds that an identity needs: the key, its certificate, the chain above it. */
export interface Pkcs12Contents {
  readonly privateKeyPkcs8: Uint8Array;
  readonly certificateDer: Uint8Array;
  /** Issuer first, root last; certificates in the file that are not on the chain are left out. */
  readonly chainDer: readonly Uint8Array[];
  /**
   * The organisation root's key, when the file also holds it (a backup written with the root
   * key, `sscp identity export --with-root-key`): the key of the self-signed root at the top of
   * the chain, which can issue next year's certificate.
   */
  readonly rootPrivateKeyPkcs8: Uint8Array | null;
}

const OID_DATA = '1.2.840.113549.1.7.1';
const OID_ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
const BAG_KEY = '1.2.840.113549.1.12.10.1.1';
const BAG_SHROUDED_KEY = '1.2.840.113549.1.12.10.1.2';
const BAG_CERT = '1.2.840.113549.1.12.10.1.3';
const CERT_X509 = '1.2.840.113549.1.9.22.1';
/**
 * A .p12 with a key and a long chain is a few kilobytes; the whole file is parsed in memory,
 * so anything far larger is the wrong file picked by mistake, refused before it is read.
 */
export const MAX_P12_BYTES = 1024 * 1024;

const MAC_HASH: Readonly<Record<string, { hash: string; length: number }>> = {
  '1.3.14.3.2.26': { hash: 'sha1', length: 20 },
  '2.16.840.1.101.3.4.2.4': { hash: 'sha224', length: 28 },
  '2.16.840.1.101.3.4.2.1': { hash: 'sha256', length: 32 },
  '2.16.840.1.101.3.4.2.2': { hash: 'sha384', length: 48 },
  '2.16.840.1.101.3.4.2.3': { hash: 'sha512', length: 64 },
};

function unreadable(detail?: string): SscpError {
  return SscpError.because({ code: 'p12-unreadable', detail: detail || null });
}

function wrongP12Password(): SscpError {
  return SscpError.because({ code: 'p12-wrong-password' });
}

function unsupported(detail: string): SscpError {
  return SscpError.because({ code: 'p12-protection-unsupported', detail });
}

function parse<T>(bytes: Uint8Array, build: (schema: asn1js.AsnType) => T): T {
  const parsed = asn1js.fromBER(toArrayBuffer(bytes));
  if (parsed.offset === -1) throw unreadable();
  return build(parsed.result);
}

/** The integrity MAC is checked first: it is how a wrong password is told from a damaged file. */
function checkMac(pfx: pkijs.PFX, authSafeBytes: Uint8Array, password: string): void {
  const macData = pfx.macData;
  if (!macData) return;
  const algorithm = MAC_HASH[macData.mac.digestAlgorithm.algorithmId];
  if (!algorithm) throw unsupported(`integrity algorithm ${macData.mac.digestAlgorithm.algorithmId}`);
  const key = pkcs12Kdf(
    algorithm.hash,
    pkcs12PasswordBytes(password),
    octets(macData.macSalt),
    macData.iterations ?? 1,
    PKCS12_KDF_PURPOSE.mac,
    algorithm.length,
  );
  const expected = createHmac(algorithm.hash, key).update(authSafeBytes).digest();
  const actual = Buffer.from(octets(macData.mac.digest));
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw wrongP12Password();
}

function decrypt(algorithm: pkijs.AlgorithmIdentifier, password: string, data: Uint8Array): Uint8Array {
  try {
    return decryptWithPassword(algorithm, password, data);
  } catch (e) {
    if (e instanceof Pkcs12DecryptError) throw e.reason === 'bad-password' ? wrongP12Password() : unsupported(e.message);
    throw unreadable();
  }
}

interface Bags {
  keys: Uint8Array[];
  certificates: Uint8Array[];
}

function collectBags(safeContents: pkijs.SafeContents, password: string, bags: Bags): void {
  for (const bag of safeContents.safeBags) {
    if (bag.bagId === BAG_SHROUDED_KEY) {
      const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
      bags.keys.push(decrypt(shrouded.encryptionAlgorithm, password, octets(shrouded.encryptedData)));
    } else if (bag.bagId === BAG_KEY) {
      bags.keys.push(new Uint8Array((bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER(false)));
    } else if (bag.bagId === BAG_CERT) {
      const certBag = bag.bagValue as pkijs.CertBag;
      if (certBag.certId === CERT_X509) bags.certificates.push(octets(certBag.certValue as asn1js.OctetString));
    }
  }
}

function spkiOf(certificateDer: Uint8Array): Buffer {
  return Buffer.from(new x509.X509Certificate(certificateDer.slice()).publicKey.rawData);
}

/** The chain above `leaf`, following issuer names and verified signatures through `pool`. */
async function orderChain(leafDer: Uint8Array, pool: readonly Uint8Array[]): Promise<Uint8Array[]> {
  const chain: Uint8Array[] = [];
  let current = new x509.X509Certificate(leafDer.slice());
  for (;;) {
    if (current.subject === current.issuer) break;
    let next: { der: Uint8Array; cert: x509.X509Certificate } | null = null;
    for (const der of pool) {
      if (chain.includes(der) || der === leafDer) continue;
      const candidate = new x509.X509Certificate(der.slice());
      if (candidate.subject !== current.issuer) continue;
      if (await current.verify({ publicKey: candidate.publicKey, signatureOnly: true }).catch(() => false)) {
        next = { der, cert: candidate };
        break;
      }
    }
    if (!next) break;
    chain.push(next.der);
    current = next.cert;
  }
  return chain;
}

/**
 * Reads a PKCS#12 file: modern ones (PBES2 with AES-256-CBC and PBKDF2-SHA256, what
 * `openssl pkcs12 -export` writes) and legacy ones (3DES and RC2 with the PKCS#12 key
 * derivation, `openssl pkcs12 -export -legacy`). Exactly one private key must be present,
 * and a certificate for it.
 */
export async function readPkcs12(fileBytesOrPath: Uint8Array | string, password: string): Promise<Pkcs12Contents> {
  ensureCryptoProviders();
  const bytes = typeof fileBytesOrPath === 'string' ? readP12File(fileBytesOrPath) : fileBytesOrPath;
  if (bytes.length > MAX_P12_BYTES) throw tooLarge(bytes.length);
  let pfx: pkijs.PFX;
  let authSafeBytes: Uint8Array;
  try {
    pfx = parse(bytes, (schema) => new pkijs.PFX({ schema }));
    if (pfx.authSafe.contentType !== OID_DATA) throw unsupported('public-key integrity mode');
    authSafeBytes = octets(pfx.authSafe.content as asn1js.OctetString);
  } catch (e) {
    throw e instanceof SscpError ? e : unreadable();
  }
  checkMac(pfx, authSafeBytes, password);

  const bags: Bags = { keys: [], certificates: [] };
  try {
    const authenticatedSafe = parse(authSafeBytes, (schema) => new pkijs.AuthenticatedSafe({ schema }));
    for (const contentInfo of authenticatedSafe.safeContents) {
      let safeContentsBytes: Uint8Array;
      if (contentInfo.contentType === OID_DATA) {
        safeContentsBytes = octets(contentInfo.content as asn1js.OctetString);
      } else if (contentInfo.contentType === OID_ENCRYPTED_DATA) {
        const encrypted = new pkijs.EncryptedData({ schema: contentInfo.content });
        const content = encrypted.encryptedContentInfo.encryptedContent;
        if (!content) continue;
        safeContentsBytes = decrypt(encrypted.encryptedContentInfo.contentEncryptionAlgorithm, password, octets(content));
      } else {
        throw unsupported(`content protected as ${contentInfo.contentType}`);
      }
      collectBags(
        parse(safeContentsBytes, (schema) => new pkijs.SafeContents({ schema })),
        password,
        bags,
      );
    }
  } catch (e) {
    throw e instanceof SscpError ? e : unreadable();
  }
  return pairKeyWithCertificate(bags);
}

function spkiOfKey(privateKeyPkcs8: Uint8Array): Buffer {
  try {
    return createPublicKey(createPrivateKey({ key: Buffer.from(privateKeyPkcs8), format: 'der', type: 'pkcs8' })).export({
      format: 'der',
      type: 'spki',
    });
  } catch {
    throw unreadable('the private key is damaged');
  }
}

function tooManyKeys(count: number): SscpError {
  return SscpError.because({ code: 'p12-too-many-keys', count });
}

async function pairKeyWithCertificate(bags: Bags): Promise<Pkcs12Contents> {
  if (bags.keys.length === 0) {
    throw SscpError.because({ code: 'p12-no-key' });
  }
  if (bags.keys.length > 2) throw tooManyKeys(bags.keys.length);
  const keyed = bags.keys.map((pkcs8) => {
    const spki = spkiOfKey(pkcs8);
    return { pkcs8, certificateDer: bags.certificates.find((der) => spkiOf(der).equals(spki)) };
  });
  // With two keys, one must be the self-signed root at the top of the other's chain.
  for (const signer of keyed) {
    const certificateDer = signer.certificateDer;
    if (!certificateDer) continue;
    const chainDer = await orderChain(
      certificateDer,
      bags.certificates.filter((der) => der !== certificateDer),
    );
    if (keyed.length === 1) return { privateKeyPkcs8: signer.pkcs8, certificateDer, chainDer, rootPrivateKeyPkcs8: null };
    const root = keyed.find((k) => k !== signer);
    const top = chainDer[chainDer.length - 1];
    if (root?.certificateDer && top && root.certificateDer === top) {
      const topCertificate = new x509.X509Certificate(top.slice());
      if (topCertificate.subject === topCertificate.issuer)
        return { privateKeyPkcs8: signer.pkcs8, certificateDer, chainDer, rootPrivateKeyPkcs8: root.pkcs8 };
    }
  }
  if (keyed.length === 1) {
    throw SscpError.because({ code: 'p12-no-certificate-for-key' });
  }
  throw tooManyKeys(keyed.length);
}

function tooLarge(size: number): SscpError {
  return SscpError.because({ code: 'p12-too-large', size, max: MAX_P12_BYTES });
}

function readP12File(path: string): Uint8Array {
  // Kind and size from the open file, not the path: a pipe or /dev/zero is refused, and at most MAX_P12_BYTES + 1 bytes are ever read.
  return new Uint8Array(
    readSmallFileSync(path, MAX_P12_BYTES, {
      what: '.p12/.pfx certificate file',
      hint: 'Check that you chose the .p12 or .pfx file holding the signing certificate and its private key.',
    }),
  );
}
