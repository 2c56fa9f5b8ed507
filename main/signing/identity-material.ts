import { DEFAULT_SIGNING_ALGORITHM, keyImportParams, type CreatableAlgorithm, type SigningAlgorithm } from './algorithms';
import { createOrganisationRoot, generateSigningKeyPair, issueSroCertificate, type CertifiedKey, type SroSubject } from './certificates';
import { ensureCryptoProviders, subtleCrypto } from './crypto-provider';
import type { UnlockedIdentity } from './unlocked-identity';
import type { CryptoKey } from './webcrypto-types';
import * as x509 from './x509';

export type { IdentityKind } from '../../shared/domain/signing';

export interface CreateIdentityMaterialOptions {
  readonly subject: SroSubject;
  readonly algorithm?: CreatableAlgorithm;
  /** Also create an organisation root that issues the SRO certificate. */
  readonly withRoot?: boolean;
  readonly now?: Date;
}

/** Freshly generated keys and certificates, before they are sealed into the workspace. */
export interface IdentityMaterial {
  readonly kind: 'self-signed' | 'org-issued';
  readonly algorithm: CreatableAlgorithm;
  readonly signer: CertifiedKey;
  readonly root: CertifiedKey | null;
}

export async function createIdentityMaterial(options: CreateIdentityMaterialOptions): Promise<IdentityMaterial> {
  ensureCryptoProviders();
  const algorithm = options.algorithm ?? DEFAULT_SIGNING_ALGORITHM;
  const now = options.now ?? new Date();
  const root = options.withRoot ? await createOrganisationRoot(options.subject.organisation, algorithm, now) : null;
  const keys = await generateSigningKeyPair(algorithm);
  const certificate = await issueSroCertificate({
    subject: options.subject,
    keys,
    issuer: root ? { certificate: root.certificate, privateKey: root.keys.privateKey } : undefined,
    now,
  });
  return { kind: root ? 'org-issued' : 'self-signed', algorithm, signer: { keys, certificate }, root };
}

export async function exportPkcs8(privateKey: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await subtleCrypto.exportKey('pkcs8', privateKey));
}

/** Opens a PKCS#8 key as a non-extractable signing key, paired with its certificates. */
export async function unlockedIdentityFromPkcs8(params: {
  readonly label: string;
  readonly algorithm: SigningAlgorithm;
  readonly pkcs8: Uint8Array;
  readonly certificateDer: Uint8Array;
  readonly chain: readonly Uint8Array[];
}): Promise<UnlockedIdentity> {
  ensureCryptoProviders();
  const privateKey = await subtleCrypto.importKey('pkcs8', params.pkcs8.slice(), keyImportParams(params.algorithm), false, ['sign']);
  return {
    label: params.label,
    algorithm: params.algorithm,
    privateKey,
    certificate: { der: params.certificateDer, parsed: new x509.X509Certificate(params.certificateDer.slice()) },
    chain: params.chain,
  };
}

/** An in-memory identity straight from new material: for signing without a workspace (tests, tools). */
export async function unlockedIdentityFromMaterial(label: string, material: IdentityMaterial): Promise<UnlockedIdentity> {
  return unlockedIdentityFromPkcs8({
    label,
    algorithm: material.algorithm,
    pkcs8: await exportPkcs8(material.signer.keys.privateKey),
    certificateDer: new Uint8Array(material.signer.certificate.rawData),
    chain: material.root ? [new Uint8Array(material.root.certificate.rawData)] : [],
  });
}
