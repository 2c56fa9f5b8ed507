import type { PackImportPreviewOf, PackImportResultOf } from '../domain/pack-import';

/** What the UI shows about a signing identity: never key material. */
export interface IdentityView {
  readonly label: string;
  readonly kind: string;
  readonly algorithm: string;
  /** SHA-256 of the signing certificate, lower-case hex. */
  readonly fingerprint: string;
  readonly subject: { readonly commonName: string; readonly title: string; readonly organisation: string };
  readonly notBefore: string;
  readonly notAfter: string;
  /** The fingerprint to publish when an organisation root issued the certificate. */
  readonly rootFingerprint: string | null;
  readonly createdAt: string;
  /** When it was last exported as a .p12 backup; null if never, or not since it was renewed. */
  readonly backedUpAt: string | null;
  /** When the app reminded the SRO that it has no backup (it reminds once). */
  readonly backupRemindedAt: string | null;
}

/** A backup written by identities.exportBackup. */
export interface IdentityBackupView {
  readonly path: string;
  readonly label: string;
  readonly withRootKey: boolean;
  /** What the backup cannot do, in plain words. */
  readonly warnings: readonly string[];
}

export type PackProfileName = 'certification' | 'customer';

export interface PackCheckView {
  readonly id: string;
  readonly outcome: 'pass' | 'fail' | 'warn';
  readonly message: string;
}

export interface PackFileView {
  readonly name: string;
  readonly size: number | null;
  readonly sha256: string | null;
  readonly embedded: boolean;
  readonly status: 'ok' | 'mismatch' | 'missing' | 'withheld' | 'unexpected';
  readonly problem?: string;
}

/** Whom the signer was established as (main/signing/trust-policy.ts). */
export interface TrustView {
  /** `trusted`, `unknown` (nothing establishes who signed), or `mismatch` (not the signer you named). */
  readonly status: 'trusted' | 'unknown' | 'mismatch';
  readonly trustedBy: readonly ('trusted-root' | 'pinned-fingerprint' | 'own-identity')[];
  /** The label of the user's own identity that signed, if one did. */
  readonly ownIdentity: string | null;
  readonly message: string;
}

/** The verifier's answer about one pack, as a person reads it. */
export interface VerificationView {
  readonly valid: boolean;
  /** Valid, and the signer is one the user trusts (a fingerprint given, or one of their own identities). */
  readonly trusted: boolean;
  /** Null when the signature could not be read at all. */
  readonly trust: TrustView | null;
  readonly summary: string;
  readonly problems: readonly string[];
  readonly warnings: readonly string[];
  readonly checks: readonly PackCheckView[];
  readonly signer: {
    readonly commonName: string | null;
    readonly title: string | null;
    readonly organisation: string | null;
    readonly fingerprint: string;
  } | null;
  readonly fingerprint: string | null;
  readonly signedAt: string | null;
  /** Whether the signature certifies the pack (DocMDP) and what changes it allows; null when there is no signature to read. */
  readonly certification: { readonly certified: boolean; readonly permission: number | null; readonly meaning: string } | null;
  readonly packId: string | null;
  readonly profile: PackProfileName | null;
  readonly files: readonly PackFileView[];
  readonly fileSize: number;
}

export interface ExportedPackView {
  readonly path: string;
  readonly packId: string;
  readonly sha256: string;
  readonly size: number;
  readonly signedAt: string;
  readonly embeddedFiles: number;
  readonly withheldFiles: number;
  readonly acceptedExceptions: readonly string[];
  readonly warnings: readonly string[];
  readonly signerFingerprint: string;
  /** The written file, checked again by the verifier before the user sends it. */
  readonly verification: VerificationView;
}

export type PackImportPreviewView = PackImportPreviewOf<VerificationView, PackProfileName>;

export type PackImportResultView = PackImportResultOf<PackImportPreviewView>;
