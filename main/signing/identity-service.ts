import { randomUUID } from 'node:crypto';
import type { ExportedBackup, IdentityInfo } from '../../shared/domain/signing';
import { checkText, TEXT_FIELDS } from '../../shared/domain/text-rules';
import { SscpError } from '../../shared/errors';
import { saveUserFile } from '../fs/write-file-atomic';
import { algorithmOfPkcs8, keyImportParams, type CreatableAlgorithm } from './algorithms';
import { toArrayBuffer } from './bytes';
import { summariseCertificate } from './certificate-summary';
import { generateSigningKeyPair, issueSroCertificate } from './certificates';
import { ensureCryptoProviders, subtleCrypto } from './crypto-provider';
import { certificateFingerprint } from './fingerprint';
import type { StoredIdentity } from './identity-repo';
import { createIdentityMaterial, exportPkcs8, unlockedIdentityFromPkcs8 } from './identity-material';
import type { KeyStore } from './key-store';
import { DEFAULT_SCRYPT, openPrivateKey, sealPrivateKey } from './key-vault';
import { assertAcceptableNewPassphrase } from './passphrase';
import { readPkcs12 } from './pkcs12';
import { writePkcs12 } from './pkcs12-write';
import type { UnlockedIdentity } from './unlocked-identity';
import type { CryptoKey } from './webcrypto-types';
import * as x509 from './x509';

export type { ExportedBackup, IdentityInfo } from '../../shared/domain/signing';

export interface ExportBackupOptions {
  /** The identity's passphrase: it unlocks the keys that go into the file. */
  readonly passphrase: string;
  /** The .p12 file's own password, which the backup is encrypted under. */
  readonly p12Password: string;
  /** Also the organisation root's key: what issues next year's certificate on another computer. */
  readonly withRootKey?: boolean;
  readonly outPath: string;
  /** Replace an existing file at outPath (--force, or the save dialog asked). */
  readonly force?: boolean;
  /** What to do when outPath exists and may not be replaced, in the caller's words. */
  readonly existsHint?: string;
  /** The database open while writing: the backup never lands on it or in its evidence folder. */
  readonly database?: string;
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
  /** The key store file: no file the app writes may land on it. */
  readonly keyStorePath: string;
  create(options: CreateIdentityOptions): Promise<IdentityInfo>;
  importP12(fileBytesOrPath: Uint8Array | string, p12Password: string, label: string, passphrase: string): Promise<IdentityInfo>;
  list(): IdentityInfo[];
  get(label: string): IdentityInfo;
  /** The signing certificate and its chain as PEM; with `root`, only the root a vendor publishes. */
  exportCertificatePem(label: string, options?: { readonly root?: boolean }): string;
  unlock(label: string, passphrase: string): Promise<UnlockedIdentity>;
  /** A new key and certificate with the same subject: under the same root, or self-signed again. */
  renew(label: string, passphrase: string): Promise<IdentityInfo>;
  /** Writes a PKCS#12 backup of the identity (see docs/key-store.md) and records when. */
  exportBackup(label: string, options: ExportBackupOptions): Promise<ExportedBackup>;
  /** Records that the app has reminded the SRO to back this identity up. */
  markBackupReminded(label: string): IdentityInfo;
}

export interface IdentityServiceOptions {
  /** Key-derivation cost for newly sealed keys; the default is scrypt N=2^17, r=8, p=1. */
  readonly kdf?: Parameters<typeof sealPrivateKey>[2];
  readonly now?: () => Date;
  /** PBKDF2 and MAC iterations of exported .p12 backups (pkcs12-write.ts's default when absent). */
  readonly p12Iterations?: number;
}

const LABEL = TEXT_FIELDS.identityLabel;

function checkedLabel(label: string): string {
  const text = label.normalize('NFC').trim();
  if (text.length === 0) {
    throw SscpError.because({ code: 'identity-label-empty', max: LABEL.max });
  }
  return checkText(text, LABEL);
}

function notFound(label: string): SscpError {
  return SscpError.because({ code: 'identity-not-found', label });
}

function isSelfIssued(der: Uint8Array): boolean {
  const certificate = new x509.X509Certificate(der.slice());
  return certificate.subject === certificate.issuer;
}

function toInfo(
  identity: StoredIdentity,
  backup: { readonly backedUpAt: string | null; readonly backupRemindedAt: string | null },
): IdentityInfo {
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
    backedUpAt: backup.backedUpAt,
    backupRemindedAt: backup.backupRemindedAt,
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

function alreadyStored(existing: StoredIdentity): SscpError {
  return SscpError.because({ code: 'identity-already-stored', label: existing.label });
}

/** Whether `rootDer` is a self-signed root that issued `leafDer`: the pair an org-issued identity keeps. */
async function isIssuingRoot(leafDer: Uint8Array, rootDer: Uint8Array | undefined): Promise<boolean> {
  if (!rootDer || !isSelfIssued(rootDer)) return false;
  const leaf = new x509.X509Certificate(leafDer.slice());
  const root = new x509.X509Certificate(rootDer.slice());
  return leaf.issuer === root.subject && (await leaf.verify({ publicKey: root.publicKey, signatureOnly: true }).catch(() => false));
}

/**
 * The SRO's signing identities, kept in the per-user key store (key-store.ts), whichever
 * assessment database is open.
 */
/** What every phase of the identity service shares: the store and the rules around it. */
interface ServiceContext {
  readonly store: KeyStore;
  readonly repository: KeyStore['repository'];
  readonly now: () => Date;
  readonly kdf: NonNullable<IdentityServiceOptions['kdf']>;
  readonly p12Iterations: IdentityServiceOptions['p12Iterations'];
  info(identity: StoredIdentity): IdentityInfo;
  require(label: string): StoredIdentity;
  assertLabelFree(label: string): void;
  insert(identity: StoredIdentity, action: string, detail: Record<string, unknown>): void;
}

function serviceContext(store: KeyStore, options: IdentityServiceOptions): ServiceContext {
  const repository = store.repository;
  const info = (identity: StoredIdentity): IdentityInfo => toInfo(identity, store.backupState(identity.id));
  const assertLabelFree = (label: string): void => {
    if (repository.findByLabel(label)) {
      throw SscpError.because({ code: 'identity-label-taken', label });
    }
  };
  return {
    store,
    repository,
    now: options.now ?? (() => new Date()),
    kdf: options.kdf ?? { name: 'scrypt' as const, ...DEFAULT_SCRYPT },
    p12Iterations: options.p12Iterations,
    info,
    require(label) {
      const identity = repository.findByLabel(label.normalize('NFC').trim());
      if (!identity) throw notFound(label);
      return identity;
    },
    assertLabelFree,
    insert(identity, action, detail) {
      try {
        store.transaction(() => {
          const existing = store.findByFingerprint(identity.fingerprint);
          if (existing) throw alreadyStored(existing);
          repository.insert(identity);
          store.logEvent(
            action,
            { label: identity.label, kind: identity.kind, algorithm: identity.algorithm, fingerprint: identity.fingerprint, ...detail },
            identity.createdAt,
          );
        });
      } catch (e) {
        if (isUniqueViolation(e)) assertLabelFree(identity.label);
        throw e;
      }
    },
  };
}

export function createIdentityService(store: KeyStore, options: IdentityServiceOptions = {}): IdentityService {
  ensureCryptoProviders();
  const ctx = serviceContext(store, options);
  return {
    keyStorePath: store.path,
    create: (opts) => createIdentity(ctx, opts),
    importP12: (file, p12Password, label, passphrase) => importIdentity(ctx, file, p12Password, label, passphrase),
    list: () => ctx.repository.list().map(ctx.info),
    get: (label) => ctx.info(ctx.require(label)),
    exportCertificatePem: (label, exportOptions) => exportCertificatePem(ctx, label, exportOptions),
    unlock: (label, passphrase) => unlockIdentity(ctx, label, passphrase),
    renew: (label, passphrase) => renewIdentity(ctx, label, passphrase),
    exportBackup: (label, backup) => exportIdentityBackup(ctx, label, backup),
    markBackupReminded(label) {
      const identity = ctx.require(label);
      store.markBackupReminded(identity.id, ctx.now().toISOString());
      return ctx.info(identity);
    },
  };
}

/** Phase: a new key pair (and, if asked, an organisation root), sealed and stored. */
async function createIdentity(ctx: ServiceContext, opts: CreateIdentityOptions): Promise<IdentityInfo> {
  const label = checkedLabel(opts.label);
  assertAcceptableNewPassphrase(opts.passphrase);
  ctx.assertLabelFree(label);
  const at = ctx.now();
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
    encryptedKey: await sealPrivateKey(await exportPkcs8(material.signer.keys.privateKey), opts.passphrase, ctx.kdf),
    ...certificateFields(certificateDer),
    rootEncryptedKey: material.root
      ? await sealPrivateKey(await exportPkcs8(material.root.keys.privateKey), opts.passphrase, ctx.kdf)
      : null,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
  ctx.insert(identity, 'identity.created', { rootFingerprint: chainDer[0] ? certificateFingerprint(chainDer[0]) : null });
  return ctx.info(identity);
}

/** Phase: a .p12 backup read, proved to sign, sealed under the new passphrase and stored. */
async function importIdentity(
  ctx: ServiceContext,
  fileBytesOrPath: Parameters<IdentityService['importP12']>[0],
  p12Password: string,
  rawLabel: string,
  passphrase: string,
): Promise<IdentityInfo> {
  const label = checkedLabel(rawLabel);
  assertAcceptableNewPassphrase(passphrase);
  ctx.assertLabelFree(label);
  const contents = await readPkcs12(fileBytesOrPath, p12Password);
  const existing = ctx.store.findByFingerprint(certificateFingerprint(contents.certificateDer));
  if (existing) throw alreadyStored(existing);
  const algorithm = algorithmOfPkcs8(contents.privateKeyPkcs8);
  // Prove the key opens for signing now, rather than at the first pack.
  await unlockedIdentityFromPkcs8({
    label,
    algorithm,
    pkcs8: contents.privateKeyPkcs8,
    certificateDer: contents.certificateDer,
    chain: contents.chainDer,
  });
  // A backup that carries the organisation root's key restores an identity that can renew.
  const root = contents.chainDer[contents.chainDer.length - 1];
  const withRoot =
    contents.rootPrivateKeyPkcs8 !== null &&
    (algorithm === 'p256' || algorithm === 'rsa3072') &&
    algorithmOfPkcs8(contents.rootPrivateKeyPkcs8) === algorithm &&
    (await isIssuingRoot(contents.certificateDer, root));
  const at = ctx.now().toISOString();
  const identity: StoredIdentity = {
    id: randomUUID(),
    label,
    kind: withRoot ? 'org-issued' : 'imported',
    algorithm,
    certificateDer: contents.certificateDer,
    chainDer: contents.chainDer,
    encryptedKey: await sealPrivateKey(contents.privateKeyPkcs8, passphrase, ctx.kdf),
    ...certificateFields(contents.certificateDer),
    rootEncryptedKey: withRoot ? await sealPrivateKey(contents.rootPrivateKeyPkcs8, passphrase, ctx.kdf) : null,
    createdAt: at,
    updatedAt: at,
  };
  ctx.insert(identity, 'identity.imported', { chainLength: contents.chainDer.length, withRootKey: withRoot });
  return ctx.info(identity);
}

/** Phase: the certificate chain, or only the organisation root, as PEM. */
function exportCertificatePem(ctx: ServiceContext, label: string, exportOptions: { readonly root?: boolean } = {}): string {
  const identity = ctx.require(label);
  if (!exportOptions.root) return toPem([identity.certificateDer, ...identity.chainDer]);
  const top = identity.chainDer[identity.chainDer.length - 1];
  if (!top || !isSelfIssued(top)) {
    throw SscpError.because({ code: 'identity-has-no-root', label: identity.label, selfSigned: identity.kind === 'self-signed' });
  }
  return toPem([top]);
}

/** Phase: the private key opened with the passphrase, ready to sign. */
async function unlockIdentity(ctx: ServiceContext, label: string, passphrase: string): Promise<UnlockedIdentity> {
  const identity = ctx.require(label);
  const pkcs8 = await openPrivateKey(identity.encryptedKey, passphrase, identity.label);
  return unlockedIdentityFromPkcs8({
    label: identity.label,
    algorithm: identity.algorithm,
    pkcs8,
    certificateDer: identity.certificateDer,
    chain: identity.chainDer,
  });
}

/** Phase: a new key and certificate from the same organisation root, replacing the old ones. */
async function renewIdentity(ctx: ServiceContext, label: string, passphrase: string): Promise<IdentityInfo> {
  const identity = ctx.require(label);
  if (identity.kind === 'imported') {
    throw SscpError.because({ code: 'identity-cannot-renew', label: identity.label });
  }
  const at = ctx.now();
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
      throw SscpError.because({
        code: 'identity-root-expired',
        label: identity.label,
        expiredOn: rootCertificate.notAfter.toISOString().slice(0, 10),
      });
    }
    const rootKey = await subtleCrypto.importKey('pkcs8', rootPkcs8.slice(), keyImportParams(algorithm), false, ['sign']);
    issuer = { certificate: rootCertificate, privateKey: rootKey };
  }
  const certificate = await issueSroCertificate({ subject, keys, issuer, now: at });
  const certificateDer = new Uint8Array(certificate.rawData);
  const renewed = {
    certificateDer,
    chainDer: identity.chainDer,
    encryptedKey: await sealPrivateKey(await exportPkcs8(keys.privateKey), passphrase, ctx.kdf),
    ...certificateFields(certificateDer),
    updatedAt: at.toISOString(),
  };
  ctx.store.transaction(() => {
    ctx.repository.replaceCertificate(identity.id, renewed);
    // The new key is in no earlier backup: the SRO needs a new one (and a reminder).
    ctx.store.markBackedUp(identity.id, null);
    ctx.store.markBackupReminded(identity.id, null);
    ctx.store.logEvent(
      'identity.renewed',
      { label: identity.label, previousFingerprint: identity.fingerprint, fingerprint: renewed.fingerprint },
      renewed.updatedAt,
    );
  });
  return ctx.info({ ...identity, ...renewed });
}

/** Phase: a PKCS#12 backup written where the person chose, and the backup recorded. */
async function exportIdentityBackup(ctx: ServiceContext, label: string, backup: ExportBackupOptions): Promise<ExportedBackup> {
  const identity = ctx.require(label);
  assertAcceptableP12Password(backup.p12Password);
  const withRootKey = backup.withRootKey ?? false;
  if (withRootKey && !identity.rootEncryptedKey) {
    throw SscpError.because({ code: 'identity-has-no-root-key', label: identity.label, selfSigned: identity.kind === 'self-signed' });
  }
  const signerKey = await openPrivateKey(identity.encryptedKey, backup.passphrase, identity.label);
  const keys = [{ privateKeyPkcs8: signerKey, certificateDer: identity.certificateDer, friendlyName: identity.label }];
  const root = identity.chainDer[identity.chainDer.length - 1];
  if (withRootKey && identity.rootEncryptedKey && root) {
    const rootKey = await openPrivateKey(identity.rootEncryptedKey, backup.passphrase, identity.label);
    keys.push({ privateKeyPkcs8: rootKey, certificateDer: root, friendlyName: `${identity.label} (organisation root)` });
  }
  const otherCertificates = identity.chainDer.filter((der) => !keys.some((k) => k.certificateDer === der));
  const bytes = writePkcs12({ keys, otherCertificates, password: backup.p12Password, iterations: ctx.p12Iterations });
  // Never over the open database, its evidence, or the key store itself; an existing file only with consent.
  await saveUserFile(backup.outPath, bytes, {
    what: 'backup',
    mode: 0o600,
    replace: backup.force ?? false,
    protect: [ctx.store.path],
    exampleName: `${identity.label}.p12`,
    ...(backup.database !== undefined ? { database: backup.database } : {}),
    ...(backup.existsHint !== undefined ? { existsHint: backup.existsHint } : {}),
  });
  const at = ctx.now().toISOString();
  ctx.store.transaction(() => {
    ctx.store.markBackedUp(identity.id, at);
    ctx.store.logEvent('identity.backed-up', { label: identity.label, fingerprint: identity.fingerprint, withRootKey }, at);
  });
  const warnings =
    identity.kind === 'org-issued' && !withRootKey
      ? [
          `This backup does not hold the organisation root's key: restored on another computer it signs until ${identity.notAfter.slice(0, 10)}, but cannot issue next year's certificate. Include the root key to keep that.`,
        ]
      : [];
  return { path: backup.outPath, label: identity.label, withRootKey, warnings };
}

/** A backup file's password guards the keys wherever the file goes: the same rule as a passphrase. */
function assertAcceptableP12Password(password: string): void {
  try {
    assertAcceptableNewPassphrase(password);
  } catch (e) {
    if (!(e instanceof SscpError) || e.reason?.code !== 'passphrase-too-short') throw e;
    throw SscpError.because({ ...e.reason, code: 'backup-password-too-short' });
  }
}
