import type { Algorithm, CryptoKey, CryptoKeyPair, EcdsaParams } from './webcrypto-types';
import * as x509 from './x509';
import { TEXT_FIELDS, textReason } from '../../shared/domain/text-rules';
import { SscpError } from '../../shared/errors';
import { keyGenParams, type CreatableAlgorithm } from './algorithms';
import { ensureCryptoProviders, subtleCrypto } from './crypto-provider';

/** Who signs: the Senior Responsible Owner, their role, and the organisation. */
export interface SroSubject {
  readonly sroName: string;
  readonly sroRole: string;
  readonly organisation: string;
}

export const OID_TITLE = '2.5.4.12';
/** Microsoft "document signing"; Adobe and Windows accept it for PDF signatures. */
export const OID_EKU_DOCUMENT_SIGNING = '1.3.6.1.4.1.311.10.3.12';
/** emailProtection: what NSS (pdfsig) and openssl's smimesign purpose look for. */
export const OID_EKU_EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';

export const SRO_VALIDITY_YEARS = 2;
export const ROOT_VALIDITY_YEARS = 10;
/** X.520 upper bound for common name, organisation name and title. */
const MAX_NAME_LENGTH = TEXT_FIELDS.certificateName.max;

export interface CertifiedKey {
  readonly keys: CryptoKeyPair;
  readonly certificate: x509.X509Certificate;
}

export async function generateSigningKeyPair(algorithm: CreatableAlgorithm): Promise<CryptoKeyPair> {
  // Extractable so the private key can be sealed into the workspace; it never leaves unsealed.
  return subtleCrypto.generateKey(keyGenParams(algorithm), true, ['sign', 'verify']);
}

function signingAlgorithmFor(key: CryptoKey): Algorithm | EcdsaParams {
  return key.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
}

function checkedNamePart(value: string, what: string): string {
  const text = value.normalize('NFC').trim();
  if (text.length === 0) {
    throw SscpError.because({ code: 'certificate-name-empty', what });
  }
  const problem = textReason(text, { ...TEXT_FIELDS.certificateName, label: what });
  if (problem && [...text].length > MAX_NAME_LENGTH) {
    throw SscpError.because({ code: 'certificate-name-too-long', what, max: MAX_NAME_LENGTH });
  }
  if (problem) throw SscpError.because(problem);
  return text;
}

/** Always UTF8String, so "Zoë & Søn Łódź 株式会社" is stored exactly as typed. */
function utf8Name(parts: ReadonlyArray<readonly [string, string]>): x509.Name {
  return new x509.Name(parts.map(([type, value]) => ({ [type]: [{ utf8String: value }] })));
}

export function sroSubjectName(subject: SroSubject): x509.Name {
  return utf8Name([
    ['O', checkedNamePart(subject.organisation, 'organisation name')],
    [OID_TITLE, checkedNamePart(subject.sroRole, 'SRO role')],
    ['CN', checkedNamePart(subject.sroName, 'SRO name')],
  ]);
}

function rootSubjectName(organisation: string): x509.Name {
  const org = checkedNamePart(organisation, 'organisation name');
  // The common name repeats the organisation, so it may need trimming to fit the bound.
  const cn = [...`${org} signing root`].slice(0, MAX_NAME_LENGTH).join('');
  return utf8Name([
    ['O', org],
    ['CN', cn],
  ]);
}

function addYears(date: Date, years: number): Date {
  const result = new Date(date.getTime());
  result.setUTCFullYear(result.getUTCFullYear() + years);
  return result;
}

/**
 * The organisation root: a CA that may sign end-entity certificates only (pathLen 0). Vendors
 * publish its fingerprint once; each renewed SRO certificate chains to it.
 */
export async function createOrganisationRoot(organisation: string, algorithm: CreatableAlgorithm, now: Date): Promise<CertifiedKey> {
  ensureCryptoProviders();
  const keys = await generateSigningKeyPair(algorithm);
  const certificate = await x509.X509CertificateGenerator.create({
    subject: rootSubjectName(organisation),
    issuer: rootSubjectName(organisation),
    notBefore: now,
    notAfter: addYears(now, ROOT_VALIDITY_YEARS),
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    signingAlgorithm: signingAlgorithmFor(keys.privateKey),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { keys, certificate };
}

/**
 * The SRO's signing certificate, either self-signed (no issuer given) or issued by the
 * organisation root.
 */
export async function issueSroCertificate(params: {
  readonly subject: SroSubject;
  readonly keys: CryptoKeyPair;
  readonly issuer?: { readonly certificate: x509.X509Certificate; readonly privateKey: CryptoKey };
  readonly now: Date;
}): Promise<x509.X509Certificate> {
  ensureCryptoProviders();
  const subject = sroSubjectName(params.subject);
  const issuerKey = params.issuer ? params.issuer.privateKey : params.keys.privateKey;
  const authorityKey = params.issuer ? params.issuer.certificate.publicKey : params.keys.publicKey;
  return x509.X509CertificateGenerator.create({
    subject,
    issuer: params.issuer ? params.issuer.certificate.subjectName : subject,
    notBefore: params.now,
    notAfter: addYears(params.now, SRO_VALIDITY_YEARS),
    publicKey: params.keys.publicKey,
    signingKey: issuerKey,
    signingAlgorithm: signingAlgorithmFor(issuerKey),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      new x509.ExtendedKeyUsageExtension([OID_EKU_EMAIL_PROTECTION, OID_EKU_DOCUMENT_SIGNING], false),
      await x509.SubjectKeyIdentifierExtension.create(params.keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(authorityKey),
    ],
  });
}
