import type { Assessment, ClaimResult, VendorRole } from '../domain/types';

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

/** The verifier's answer about one pack, as a person reads it. */
export interface VerificationView {
  readonly valid: boolean;
  readonly trusted: boolean;
  readonly summary: string;
  readonly problems: readonly string[];
  readonly warnings: readonly string[];
  readonly checks: readonly PackCheckView[];
  readonly signer: { readonly commonName: string | null; readonly title: string | null; readonly organisation: string | null; readonly fingerprint: string } | null;
  readonly fingerprint: string | null;
  readonly signedAt: string | null;
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

export interface PackImportPreviewView {
  readonly file: { readonly path: string; readonly name: string; readonly size: number; readonly sha256: string };
  readonly verification: VerificationView;
  readonly packId: string;
  readonly profile: PackProfileName;
  readonly signedAt: string | null;
  readonly assessment: {
    readonly organisation: string;
    readonly products: readonly string[];
    readonly role: VendorRole;
    readonly periodStart: string | null;
    readonly periodEnd: string | null;
    readonly sroName: string;
    readonly sroRole: string;
    readonly catalog: string;
    readonly claims: number;
    readonly results: Readonly<Record<ClaimResult, number>>;
    readonly actions: number;
    readonly evidenceFiles: number;
    readonly evidenceWithheld: number;
  };
  readonly alreadyImported: { readonly importedAt: string; readonly assessmentId: string } | null;
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
}

export interface PackImportResultView {
  readonly preview: PackImportPreviewView;
  readonly assessment: Assessment;
  readonly evidence: { readonly stored: number; readonly alreadyHeld: number; readonly withheld: number };
}
