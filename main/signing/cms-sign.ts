import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { SscpError } from '../../shared/errors';
import { isEcdsaAlgorithm, signParams } from './algorithms';
import { toArrayBuffer } from './bytes';
import { OID } from './cms-oids';
import { ensureCryptoProviders, subtleCrypto } from './crypto-provider';
import { p1363ToDer } from './ecdsa-signature';
import type { UnlockedIdentity } from './unlocked-identity';

const SHA256_LENGTH = 32;

/**
 * ESS signing-certificate-v2 (RFC 5035): binds the signature to the exact signer certificate,
 * so a certificate swapped in later with the same key is caught. SHA-256 is the default hash
 * and so is left out (DER omits defaults); issuerSerial is left out as ETSI EN 319 122-1
 * baseline recommends.
 */
function signingCertificateV2(certificateDer: Uint8Array): pkijs.Attribute {
  const certHash = createHash('sha256').update(certificateDer).digest();
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: toArrayBuffer(certHash) })] });
  const value = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
  return new pkijs.Attribute({ type: OID.signingCertificateV2, values: [value] });
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  }
  return a.length - b.length;
}

/** DER encodes a SET OF in ascending order of the members' encodings; verifiers re-encode. */
function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  return attributes
    .map((attribute) => ({ attribute, der: new Uint8Array(attribute.toSchema().toBER(false)) }))
    .sort((a, b) => compareBytes(a.der, b.der))
    .map((entry) => entry.attribute);
}

function assertCertificateValidAt(identity: UnlockedIdentity, signingTime: Date): void {
  const { notBefore, notAfter } = identity.certificate.parsed;
  if (signingTime < notBefore || signingTime > notAfter) {
    throw SscpError.because({
      code: 'certificate-not-valid-then',
      label: identity.label,
      from: notBefore.toISOString(),
      to: notAfter.toISOString(),
      at: signingTime.toISOString(),
    });
  }
}

/**
 * Builds a detached CMS SignedData (the `ETSI.CAdES.detached` PDF SubFilter) over the
 * SHA-256 digest of the PDF's signed byte ranges, and returns its DER bytes.
 *
 * Signed attributes are exactly what PAdES baseline B-B asks for: content-type (id-data),
 * message-digest, and ESS signing-certificate-v2. ETSI EN 319 142-1 forbids the CMS
 * signing-time attribute in PAdES signatures: the claimed signing time belongs in the
 * signature dictionary's /M entry, so the caller writes `signingTime` there; here it is only
 * used to refuse a certificate that is not valid at that time.
 *
 * The signer certificate and its chain (issuer first, root last) travel in the CMS so
 * recipients can check the chain with openssl or pdfsig without anything else.
 */
export async function signDigest(contentDigest: Uint8Array, identity: UnlockedIdentity, signingTime: Date): Promise<Uint8Array> {
  ensureCryptoProviders();
  if (contentDigest.length !== SHA256_LENGTH) {
    throw SscpError.because({ code: 'digest-wrong-length', expected: SHA256_LENGTH, actual: contentDigest.length });
  }
  assertCertificateValidAt(identity, signingTime);

  const signerCertificate = pkijs.Certificate.fromBER(toArrayBuffer(identity.certificate.der));
  const chainCertificates = identity.chain.map((der) => pkijs.Certificate.fromBER(toArrayBuffer(der)));

  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: derSorted([
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(contentDigest) })] }),
      signingCertificateV2(identity.certificate.der),
    ]),
  });
  // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] they are stored under.
  const toBeSigned = new Uint8Array(signedAttrs.toSchema().toBER(false));
  toBeSigned[0] = 0x31;

  const isEcdsa = isEcdsaAlgorithm(identity.algorithm);
  const rawSignature = new Uint8Array(await subtleCrypto.sign(signParams(identity.algorithm), identity.privateKey, toBeSigned));
  const signatureValue = isEcdsa ? p1363ToDer(rawSignature) : rawSignature;

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: signerCertificate.issuer, serialNumber: signerCertificate.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm: isEcdsa
      ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 })
      : new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signatureValue) }),
  });

  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [signerCertificate, ...chainCertificates],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}
