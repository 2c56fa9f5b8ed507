import type { PackImportPreviewOf, PackImportResultOf } from '../domain/pack-import';
import type { ExportedPack, PackCheck, PackFileResult, PackProfile, PackVerification } from '../domain/pack-results';
import type { CertificateSummary, ExportedBackup, IdentityInfo, TrustDecision } from '../domain/signing';

/**
 * The signing and pack results the app receives are the services' own result types
 * (shared/domain/signing.ts, shared/domain/pack-results.ts): named here for the contract,
 * never redeclared, so a field main adds or renames is one the renderer sees at compile time.
 */

/** What the UI shows about a signing identity: never key material (the service's answer holds none). */
export type IdentityView = Pick<
  IdentityInfo,
  | 'label'
  | 'kind'
  | 'algorithm'
  | 'fingerprint'
  | 'subject'
  | 'notBefore'
  | 'notAfter'
  | 'rootFingerprint'
  | 'createdAt'
  | 'backedUpAt'
  | 'backupRemindedAt'
>;

/** A backup written by identities.exportBackup. */
export type IdentityBackupView = ExportedBackup;

export type PackProfileName = PackProfile;
export type PackCheckView = PackCheck;
export type PackFileView = PackFileResult;

/** Whom the signer was established as (main/signing/trust-policy.ts); the page shows no per-anchor checks. */
export type TrustView = Omit<TrustDecision, 'checks'>;

/** The verifier's answer about one pack, as a person reads it: the signer as the certificate names them. */
export type VerificationView = Omit<PackVerification, 'trust' | 'signer' | 'assessmentId'> & {
  readonly trust: TrustView | null;
  readonly signer: Pick<CertificateSummary, 'commonName' | 'title' | 'organisation' | 'fingerprint'> | null;
};

export interface ExportedPackView extends ExportedPack {
  /** The written file, checked again by the verifier before the user sends it. */
  readonly verification: VerificationView;
}

export type PackImportPreviewView = PackImportPreviewOf<VerificationView, PackProfileName>;

export type PackImportResultView = PackImportResultOf<PackImportPreviewView>;
