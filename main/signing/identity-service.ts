import { randomUUID } from 'node:crypto';
import { checkText, TEXT_FIELDS } from '../../shared/domain/text-rules';
import { SscpError } from '../../shared/errors';
import { appendAudit } from '../store/audit-log';
import type { Db } from '../store/database';
import { algorithmOfPkcs8, keyImportParams, type CreatableAlgorithm, type SigningAlgorithm } from './algorithms';
import { toArrayBuffer } from './bytes';
import { summariseCertificate } from './certificate-summary';
import { generateSigningKeyPair, issueSroCertificate } from './certificates';
import { ensureCryptoProviders, subtleCrypto } from './crypto-provider';
import { certificateFingerprint } from './fingerprint';
import { sqliteIdentityRepository, type IdentityRepository, type StoredIdentity } from './identity-repo';
import { createIdentityMaterial, exportPkcs8, unlockedIdentityFromPkcs8, type IdentityKind } from './identity-material';
import { DEFAULT_SCRYPT, openPrivateKey, sealPrivateKey } from './key-vault';
import { assertAcceptableNewPassphrase } from './passphrase';
import { readPkcs12 } from './pkcs12';
import type { UnlockedIdentity } from './unlocked-identity';
import type { CryptoKey } from './webcrypto-types';
import * as x509 from './x509';

/** What the UI and `sscp identity list --json` show about an identity: never key material. */
export interface IdentityInfo {
  readonly label: string;
  readonly kind: IdentityKind;
  readonly algorithm: SigningAlgorithm;
  /** SHA-256 of the signing certificate, lower-case hex without colons. */
  readonly fingerprint: string;
  readonly subject: { readonly commonName: string; readonly title: string; readonly organisation: string };
  readonly issuer: string;
  readonly notBefore: string;
  readonly notAfter: string;
  /** The fingerprint a vendor publishes when an organisation root issues the SRO certificate. */
  readonly rootFingerprint: string | null;
  readonly chainLength: number;
  /** Whether this app can issue a renewed certificate (it holds the root's or its own key). */
  readonly renewable: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface CreateIdentityOptions {
  readonly label: string;
  readonly sroName: string;
  readonly sroRole: string;
  readonly organisation: string;
  readonly algorithm?: CreatableAlgorithm;
  /** Also create an organisation root that issues (and later renews) the SRO certificate. */
  readonly withRoot?: boolean;
  readonly passphrase: string;
}

export interface IdentityService {
  create(options: CreateIdentityOptions): Promise<IdentityInfo>;
  importP12(fileBytesOrPath: Uint8Array | string, p12Password: string, label: string, passphrase: string): Promise<IdentityInfo>;
  list(): IdentityInfo[];
  get(label: string): IdentityInfo;
  /** The signing certificate and its chain as PEM; with `root`, only the root a vendor publishes. */
  exportCertificatePem(label: string, options?: { readonly root?: boolean }): string;
  unlock(label: string, passphrase: string): Promise<UnlockedIdentity>;
  /** A new key and certificate with the same subject: under the same root, or self-signed again. */
  renew(label: string, passphrase: string): Promise<IdentityInfo>;
}

export interface IdentityServiceOptions {
  /** Key-derivation cost for newly sealed keys; the default is scrypt N=2^17, r=8, p=1. */
  readonly kdf?: Parameters<typeof sealPrivateKey>[2];
  readonly now?: () => Date;
  readonly repository?: IdentityRepository;
}

const LABEL = TEXT_FIELDS.identityLabel;

function checkedLabel(label: string): string {
  const text = label.normalize('NFC').trim();
  if (text.length === 0) {
    throw new SscpError('invalid-input', 'The identity label is empty.', `Use a short name of 1 to ${LABEL.max} characters, for example "Jane Smith 2026".`);
  }
  return checkText(text, LABEL);
}

function notFound(label: string): SscpError {
  return new SscpError('not-found', `There is no signing identity "${label}".`, 'Run sscp identity list --db FILE to see the identities in this database.');
}

function isSelfIssued(der: Uint8Array): boolean {
  const certificate = new x509.X509Certificate(der.slice());
  return certificate.subject === certificate.issuer;
}

function toInfo(identity: StoredIdentity): IdentityInfo {
  const top = identity.chainDer[identity.chainDer.length - 1];
  const certificate = new x509.X509Certificate(identity.certificateDer.slice());
  return {
    label: identity.label,
    kind: identity.kind,
    algorithm: identity.algorithm,
    fingerprint: identity.fingerprint,
    subject: identity.subject,
    issuer: certificate.issuer,
    notBefore: identity.notBefore,
    notAfter: identity.notAfter,
    rootFingerprint: top && isSelfIssued(top) ? certificateFingerprint(top) : null,
    chainLength: identity.chainDer.length,
    renewable: identity.kind !== 'imported',
    createdAt: identity.createdAt,
    updatedAt: identity.updatedAt,
  };
}

function certificateFields(der: Uint8Array): Pick<StoredIdentity, 'fingerprint' | 'subject' | 'notBefore' | 'notAfter'> {
  const summary = summariseCertificate(new x509.X509Certificate(der.slice()));
  return {
    fingerprint: summary.fingerprint,
    subject: { commonName: summary.commonName ?? '', title: summary.title ?? '', organisation: summary.organisation ?? '' },
    notBefore: summary.notBefore,
    notAfter: summary.notAfter,
  };
}

function toPem(ders: readonly Uint8Array[]): string {
  return ders.map((der) => x509.PemConverter.encode(toArrayBuffer(der), 'CERTIFICATE')).join('\n') + '\n';
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Error && (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export function createIdentityService(db: Db, options: IdentityServiceOptions = {}): IdentityService {
  ensureCryptoProviders();
  const repository = options.repository ?? sqliteIdentityRepository(db);
  const now = options.now ?? (() => new Date());
  const kdf = options.kdf ?? { name: 'scrypt' as const, ...DEFAULT_SCRYPT };

  const require = (label: string): StoredIdentity => {
    const identity = repository.findByLabel(label.normalize('NFC').trim());
    if (!identity) throw notFound(label);
    return identity;
  };

  const assertLabelFree = (label: string): void => {
    if (repository.findByLabel(label)) {
      throw new SscpError('conflict', `There is already a signing identity "${label}".`, 'Choose another label, or use the existing identity.');
    }
  };

  const insert = (identity: StoredIdentity, action: string, detail: Record<string, unknown>): void => {
    try {
      db.transaction(() => {
        repository.insert(identity);
        appendAudit(db, { assessmentId: null, action, detail: { label: identity.label, kind: identity.kind, algorithm: identity.algorithm, fingerprint: identity.fingerprint, ...detail } }, identity.createdAt);
      }).immediate();
    } catch (e) {
      if (isUniqueViolation(e)) assertLabelFree(identity.label);
      throw e;
    }
  };

  return {
    async create(opts) {
      const label = checkedLabel(opts.label);
      assertAcceptableNewPassphrase(opts.passphrase);
      assertLabelFree(label);
      const at = now();
      const material = await createIdentityMaterial({
        subject: { sroName: opts.sroName, sroRole: opts.sroRole, organisation: opts.organisation },
        algorithm: opts.algorithm,
        withRoot: opts.withRoot,
        now: at,
      });
      const certificateDer = new Uint8Array(material.signer.certificate.rawData);
      const chainDer = material.root ? [new Uint8Array(material.root.certificate.rawData)] : [];
      const identity: StoredIdentity = {
        id: randomUUID(),
        label,
        kind: material.kind,
        algorithm: material.algorithm,
        certificateDer,
        chainDer,
        encryptedKey: await sealPrivateKey(await exportPkcs8(material.signer.keys.privateKey), opts.passphrase, kdf),
        ...certificateFields(certificateDer),
        rootEncryptedKey: material.root ? await sealPrivateKey(await exportPkcs8(material.root.keys.privateKey), opts.passphrase, kdf) : null,
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
      };
      insert(identity, 'identity.created', { rootFingerprint: chainDer[0] ? certificateFingerprint(chainDer[0]) : null });
      return toInfo(identity);
    },

    async importP12(fileBytesOrPath, p12Password, rawLabel, passphrase) {
      const label = checkedLabel(rawLabel);
      assertAcceptableNewPassphrase(passphrase);
      assertLabelFree(label);
      const contents = await readPkcs12(fileBytesOrPath, p12Password);
      const algorithm = algorithmOfPkcs8(contents.privateKeyPkcs8);
      // Prove the key opens for signing now, rather than at the first pack.
      await unlockedIdentityFromPkcs8({ label, algorithm, pkcs8: contents.privateKeyPkcs8, certificateDer: contents.certificateDer, chain: contents.chainDer });
      const at = now().toISOString();
      const identity: StoredIdentity = {
        id: randomUUID(),
        label,
        kind: 'imported',
        algorithm,
        certificateDer: contents.certificateDer,
        chainDer: contents.chainDer,
        encryptedKey: await sealPrivateKey(contents.privateKeyPkcs8, passphrase, kdf),
        ...certificateFields(contents.certificateDer),
        rootEncryptedKey: null,
        createdAt: at,
        updatedAt: at,
      };
      insert(identity, 'identity.imported', { chainLength: contents.chainDer.length });
      return toInfo(identity);
    },

    list() {
      return repository.list().map(toInfo);
    },

    get(label) {
      return toInfo(require(label));
    },

    exportCertificatePem(label, exportOptions = {}) {
      const identity = require(label);
      if (!exportOptions.root) return toPem([identity.certificateDer, ...identity.chainDer]);
      const top = identity.chainDer[identity.chainDer.length - 1];
      if (!top || !isSelfIssued(top)) {
        throw new SscpError(
          'invalid-input',
          `Signing identity "${identity.label}" has no organisation root to export.`,
          identity.kind === 'self-signed'
            ? 'Its certificate is self-signed: publish that certificate\'s fingerprint instead (sscp identity export-cert without --root).'
            : 'Export the certificate without --root.',
        );
      }
      return toPem([top]);
    },

    async unlock(label, passphrase) {
      const identity = require(label);
      const pkcs8 = await openPrivateKey(identity.encryptedKey, passphrase, identity.label);
      return unlockedIdentityFromPkcs8({
        label: identity.label,
        algorithm: identity.algorithm,
        pkcs8,
        certificateDer: identity.certificateDer,
        chain: identity.chainDer,
      });
    },

    async renew(label, passphrase) {
      const identity = require(label);
      if (identity.kind === 'imported') {
        throw new SscpError(
          'invalid-input',
          `Signing identity "${identity.label}" was imported from a .p12 file, so this app cannot renew its certificate.`,
          'Ask whoever issued the certificate for a renewed one, and import it as a new identity.',
        );
      }
      const at = now();
      const algorithm = identity.algorithm as CreatableAlgorithm;
      const subject = { sroName: identity.subject.commonName, sroRole: identity.subject.title, organisation: identity.subject.organisation };
      // Opening the current key proves the passphrase before anything is generated.
      await openPrivateKey(identity.encryptedKey, passphrase, identity.label);
      const keys = await generateSigningKeyPair(algorithm);
      let issuer: { certificate: x509.X509Certificate; privateKey: CryptoKey } | undefined;
      if (identity.kind === 'org-issued') {
        if (!identity.rootEncryptedKey || identity.chainDer.length === 0) throw notFound(label);
        const rootPkcs8 = await openPrivateKey(identity.rootEncryptedKey, passphrase, identity.label);
        const rootCertificate = new x509.X509Certificate(identity.chainDer[identity.chainDer.length - 1]!.slice());
        if (at > rootCertificate.notAfter) {
          throw new SscpError(
            'invalid-input',
            `The organisation root of "${identity.label}" expired on ${rootCertificate.notAfter.toISOString().slice(0, 10)}, so it cannot issue a renewed certificate.`,
            'Create a new identity with a new root (sscp identity create --with-root) and publish its fingerprint.',
          );
        }
        const rootKey = await subtleCrypto.importKey('pkcs8', rootPkcs8.slice(), keyImportParams(algorithm), false, ['sign']);
        issuer = { certificate: rootCertificate, privateKey: rootKey };
      }
      const certificate = await issueSroCertificate({ subject, keys, issuer, now: at });
      const certificateDer = new Uint8Array(certificate.rawData);
      const renewed = {
        certificateDer,
        chainDer: identity.chainDer,
        encryptedKey: await sealPrivateKey(await exportPkcs8(keys.privateKey), passphrase, kdf),
        ...certificateFields(certificateDer),
        updatedAt: at.toISOString(),
      };
      db.transaction(() => {
        repository.replaceCertificate(identity.id, renewed);
        appendAudit(
          db,
          { assessmentId: null, action: 'identity.renewed', detail: { label: identity.label, previousFingerprint: identity.fingerprint, fingerprint: renewed.fingerprint} },
          renewed.updatedAt,
        );
      }).immediate();
      return toInfo({ ...identity, ...renewed });
    },
  };
}
