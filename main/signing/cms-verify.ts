import { createHash, verify as nodeVerify } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { SscpError } from '../../shared/errors';
import { toArrayBuffer } from './bytes';
import { summariseCertificate, type CertificateSummary } from './certificate-summary';
import { HASH_BY_OID, OID } from './cms-oids';
import { ensureCryptoProviders } from './crypto-provider';
import { decideTrust, hasAnchors, parseTrustInputs, type OwnCertificate, type TrustDecision } from './trust-policy';
import * as x509 from './x509';

/**
 * How the signer relates to what the recipient trusts (the rule is in trust-policy.ts):
 * - `trusted-root`: the signer's certificate chains (verified signatures) to a given root;
 * - `pinned-fingerprint`: the signer's certificate, or a certificate on its verified chain,
 *   has the given fingerprint;
 * - `own-identity`: nothing was given, and the signer is one of the recipient's own identities;
 * - `untrusted`: nothing to trust was given, so who signed is not confirmed;
 * - `not-trusted`: a root or fingerprint was given and the signer does not match every one.
 */
export type CmsTrustOutcome = 'trusted-root' | 'pinned-fingerprint' | 'own-identity' | 'untrusted' | 'not-trusted';

export type SigningCertificateCheck = 'match' | 'mismatch' | 'missing';

export interface CmsVerification {
  /** The bytes are a CMS SignedData with one signer whose certificate is included. */
  readonly parsed: boolean;
  /** The signed message-digest equals the digest of the content. */
  readonly digestMatches: boolean;
  /** The signature over the signed attributes verifies with the signer's public key. */
  readonly signatureValid: boolean;
  /** ESS signing-certificate-v2 names the embedded signer certificate (catches a swapped certificate). */
  readonly signingCertificate: SigningCertificateCheck;
  /** parsed, digest, signature and signing-certificate all hold: the content is what was signed. */
  readonly intact: boolean;
  readonly signer: CertificateSummary | null;
  /** Every certificate the CMS carries, signer first. */
  readonly certificates: readonly CertificateSummary[];
  readonly trust: CmsTrustOutcome;
  /** The trust policy's full answer: each anchor and whether it held; null when no signer could be read. */
  readonly trustDecision: TrustDecision | null;
  /** Each certificate on the signer's path was within its validity period at `checkedAt`. */
  readonly certificatesTimeValid: boolean;
  readonly checkedAt: string;
  /** What is wrong, in plain words; empty when intact and trusted (or nothing to trust was given). */
  readonly problems: readonly string[];
}

export interface CmsTrustAnchors {
  /** PEM text of trusted root certificates (one or more certificates each). */
  readonly rootsPem?: readonly string[];
  /** SHA-256 fingerprint of the signer or a certificate on its chain, with or without colons. */
  readonly fingerprint?: string;
  /** More fingerprints; with `fingerprint` and `rootsPem`, every one must hold. */
  readonly fingerprints?: readonly string[];
  /** The recipient's own identities' certificates: trusted when no root or fingerprint is given. */
  readonly own?: readonly OwnCertificate[];
  /** When certificate validity is judged: normally the claimed signing time; default now. */
  readonly at?: Date;
}

/** Reads the bytes as CMS; PDF /Contents may carry zero padding after the DER, which is fine. */
function parseSignedData(cmsDer: Uint8Array, problems: string[]): pkijs.SignedData | null {
  const parsed = asn1js.fromBER(toArrayBuffer(cmsDer));
  if (parsed.offset === -1) {
    problems.push('The signature data is damaged or is not a signature at all: it cannot be read as a CMS signature.');
    return null;
  }
  if (cmsDer.subarray(parsed.offset).some((byte) => byte !== 0)) {
    problems.push('There is extra data after the signature (CMS): something was added to it after signing.');
  }
  const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
  if (contentInfo.contentType !== OID.signedData) {
    problems.push('The signature data is not a signature: it is a CMS structure of another kind (not SignedData).');
    return null;
  }
  return new pkijs.SignedData({ schema: contentInfo.content });
}

function findSignerCertificate(signerInfo: pkijs.SignerInfo, certificates: readonly pkijs.Certificate[]): pkijs.Certificate | null {
  const sid = signerInfo.sid;
  for (const certificate of certificates) {
    if (sid instanceof pkijs.IssuerAndSerialNumber) {
      if (certificate.issuer.isEqual(sid.issuer) && certificate.serialNumber.isEqual(sid.serialNumber)) return certificate;
    } else {
      const ski = certificate.extensions?.find((e) => e.extnID === '2.5.29.14')?.parsedValue as asn1js.OctetString | undefined;
      const wanted = (sid as asn1js.Constructed).valueBlock.value[0] as asn1js.OctetString | undefined;
      if (ski && wanted && Buffer.from(ski.valueBlock.valueHexView).equals(Buffer.from(wanted.valueBlock.valueHexView))) {
        return certificate;
      }
    }
  }
  return null;
}

function attributeValue(signerInfo: pkijs.SignerInfo, type: string): asn1js.AsnType | null {
  const attribute = signerInfo.signedAttrs?.attributes.find((a) => a.type === type);
  return (attribute?.values[0] as asn1js.AsnType | undefined) ?? null;
}

function checkMessageDigest(signerInfo: pkijs.SignerInfo, contentDigest: Uint8Array, problems: string[]): boolean {
  if (signerInfo.digestAlgorithm.algorithmId !== OID.sha256) {
    problems.push(`The signature uses digest algorithm ${signerInfo.digestAlgorithm.algorithmId}; this check needs SHA-256.`);
    return false;
  }
  const contentType = attributeValue(signerInfo, OID.contentType);
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== OID.data) {
    problems.push('The signature does not declare its content as plain data (content-type attribute).');
  }
  const messageDigest = attributeValue(signerInfo, OID.messageDigest);
  if (!(messageDigest instanceof asn1js.OctetString)) {
    problems.push('The signature does not record the digest of what it signed (message-digest attribute).');
    return false;
  }
  const matches = Buffer.from(messageDigest.valueBlock.valueHexView).equals(Buffer.from(contentDigest));
  if (!matches) problems.push('The signed content has changed since it was signed: its digest does not match the signature.');
  return matches;
}

/** Node hash name and padding for the SignerInfo's signature algorithm, or null if unsupported. */
function signatureHash(signerInfo: pkijs.SignerInfo): string | null {
  const byAlgorithm: Record<string, string> = {
    [OID.ecdsaWithSha256]: 'sha256',
    [OID.ecdsaWithSha384]: 'sha384',
    [OID.ecdsaWithSha512]: 'sha512',
    [OID.sha256WithRsa]: 'sha256',
    [OID.sha384WithRsa]: 'sha384',
    [OID.sha512WithRsa]: 'sha512',
  };
  const id = signerInfo.signatureAlgorithm.algorithmId;
  if (id === OID.rsaEncryption || id === '1.2.840.10045.2.1') return HASH_BY_OID[signerInfo.digestAlgorithm.algorithmId] ?? null;
  return byAlgorithm[id] ?? null;
}

function checkSignature(signerInfo: pkijs.SignerInfo, signerDer: Uint8Array, problems: string[]): boolean {
  const hash = signatureHash(signerInfo);
  if (!hash) {
    problems.push(`The signature algorithm ${signerInfo.signatureAlgorithm.algorithmId} is not one this app checks.`);
    return false;
  }
  const signedAttrs = signerInfo.signedAttrs;
  if (!signedAttrs) return false;
  // pkijs keeps the attributes' original encoding with the tag already turned into SET (0x31).
  const toBeVerified = new Uint8Array(signedAttrs.encodedValue);
  try {
    const spki = new x509.X509Certificate(signerDer.slice()).publicKey.rawData;
    const publicKey = { key: Buffer.from(spki), format: 'der' as const, type: 'spki' as const };
    const valid = nodeVerify(hash, toBeVerified, publicKey, Buffer.from(signerInfo.signature.valueBlock.valueHexView));
    if (!valid)
      problems.push("The signature value is not valid for the signer's certificate: the signature was altered or made with another key.");
    return valid;
  } catch {
    problems.push("The signature value could not be checked against the signer's public key.");
    return false;
  }
}

/** Compares ESS signing-certificate-v2's first entry with the embedded signer certificate. */
function checkSigningCertificate(
  signerInfo: pkijs.SignerInfo,
  signer: pkijs.Certificate,
  signerDer: Uint8Array,
  problems: string[],
): SigningCertificateCheck {
  const value = attributeValue(signerInfo, OID.signingCertificateV2);
  if (!value) {
    problems.push(
      'The signature does not name its signing certificate (signing-certificate-v2 attribute), so a swapped certificate would go unnoticed.',
    );
    return 'missing';
  }
  const certs = value instanceof asn1js.Sequence ? value.valueBlock.value[0] : undefined;
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  const fields = first instanceof asn1js.Sequence ? [...first.valueBlock.value] : [];
  let hashName = 'sha256';
  if (fields[0] instanceof asn1js.Sequence) {
    const algorithm = new pkijs.AlgorithmIdentifier({ schema: fields.shift() });
    hashName = HASH_BY_OID[algorithm.algorithmId] ?? '';
  }
  const certHash = fields[0];
  const issuerSerial = fields[1];
  let matches =
    hashName !== '' &&
    certHash instanceof asn1js.OctetString &&
    createHash(hashName).update(signerDer).digest().equals(Buffer.from(certHash.valueBlock.valueHexView));
  if (matches && issuerSerial instanceof asn1js.Sequence) {
    const serial = issuerSerial.valueBlock.value[1];
    matches = serial instanceof asn1js.Integer && serial.isEqual(signer.serialNumber);
  }
  if (!matches) {
    problems.push(
      'The certificate in the signature is not the one that signed: the signing-certificate-v2 attribute names a different certificate.',
    );
  }
  return matches ? 'match' : 'mismatch';
}

function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Checks a detached CMS signature against the SHA-256 digest of the content it claims to
 * sign, and the signer against what the recipient trusts. Each check is reported on its own.
 *
 * Malformed CMS bytes never throw: they come back with `parsed: false` and a problem. Only the
 * caller's own inputs throw: a digest that is not 32 bytes, an unreadable trusted-root PEM or
 * a malformed fingerprint (SscpError 'invalid-input').
 */
export async function verifyCms(cmsDer: Uint8Array, contentDigest: Uint8Array, anchors: CmsTrustAnchors = {}): Promise<CmsVerification> {
  ensureCryptoProviders();
  if (contentDigest.length !== 32) {
    throw SscpError.because({ code: 'digest-wrong-length', expected: 32, actual: contentDigest.length });
  }
  const checkedAt = anchors.at ?? new Date();
  const problems: string[] = [];
  const failed = (trust: CmsTrustOutcome): CmsVerification => ({
    parsed: false,
    digestMatches: false,
    signatureValid: false,
    signingCertificate: 'missing',
    intact: false,
    signer: null,
    certificates: [],
    trust,
    trustDecision: null,
    certificatesTimeValid: false,
    checkedAt: checkedAt.toISOString(),
    problems,
  });
  // Anchors are the caller's input: check them up front so a bad PEM is reported even on bad CMS.
  const trustInputs = parseTrustInputs({
    rootsPem: anchors.rootsPem,
    fingerprints: [...(anchors.fingerprint === undefined ? [] : [anchors.fingerprint]), ...(anchors.fingerprints ?? [])],
    own: anchors.own,
  });
  const nothingToTrust = !hasAnchors(trustInputs);

  let signedData: pkijs.SignedData | null;
  try {
    signedData = parseSignedData(cmsDer, problems);
  } catch {
    problems.push('The signature data is damaged or is not a signature at all: it cannot be read as a CMS signature.');
    signedData = null;
  }
  if (!signedData) return failed(nothingToTrust ? 'untrusted' : 'not-trusted');

  const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const signerInfo = signedData.signerInfos[0];
  if (signedData.signerInfos.length !== 1 || !signerInfo) {
    problems.push(`The signature should have exactly one signer; it has ${signedData.signerInfos.length}.`);
    return failed(nothingToTrust ? 'untrusted' : 'not-trusted');
  }
  const signerCertificate = findSignerCertificate(signerInfo, certificates);
  if (!signerCertificate) {
    problems.push("The signer's certificate is not included in the signature, so the signer cannot be identified.");
    return failed(nothingToTrust ? 'untrusted' : 'not-trusted');
  }
  if (!signerInfo.signedAttrs) {
    problems.push('The signature has no signed attributes, so it does not say what content it covers.');
  }

  const signerDer = new Uint8Array(signerCertificate.toSchema().toBER(false));
  const signer = new x509.X509Certificate(signerDer.slice());
  const others = certificates.filter((c) => c !== signerCertificate).map((c) => new x509.X509Certificate(c.toSchema().toBER(false)));

  const digestMatches = signerInfo.signedAttrs ? checkMessageDigest(signerInfo, contentDigest, problems) : false;
  const signatureValid = signerInfo.signedAttrs ? checkSignature(signerInfo, signerDer, problems) : false;
  const signingCertificate = checkSigningCertificate(signerInfo, signerCertificate, signerDer, problems);
  const { decision, path } = await decideTrust(signer, others, trustInputs);
  if (decision.status === 'mismatch') problems.push(decision.message);
  const trust: CmsTrustOutcome =
    decision.status === 'trusted' ? decision.trustedBy[0]! : decision.status === 'unknown' ? 'untrusted' : 'not-trusted';

  let certificatesTimeValid = true;
  for (const certificate of path) {
    if (checkedAt < certificate.notBefore || checkedAt > certificate.notAfter) {
      certificatesTimeValid = false;
      const whose = certificate === signer ? "The signer's certificate" : `The certificate "${certificate.subject}"`;
      problems.push(
        `${whose} was not valid on ${formatDay(checkedAt)}: it is valid from ${formatDay(certificate.notBefore)} to ${formatDay(certificate.notAfter)}.`,
      );
    }
  }

  return {
    parsed: true,
    digestMatches,
    signatureValid,
    signingCertificate,
    intact: digestMatches && signatureValid && signingCertificate === 'match',
    signer: summariseCertificate(signer),
    certificates: [signer, ...others].map(summariseCertificate),
    trust,
    trustDecision: decision,
    certificatesTimeValid,
    checkedAt: checkedAt.toISOString(),
    problems,
  };
}
