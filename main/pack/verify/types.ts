import type { CertificateSummary } from '../../signing/cms';
import type { PackProfile } from '../types';

/** Each check the verifier runs, in the order it reports them. */
export const PACK_CHECKS = [
  'structure',
  'single-signature',
  'byte-range',
  'padding',
  'digest',
  'cms-signature',
  'signing-certificate',
  'signer-trust',
  'manifest',
  'embedded-files',
] as const;
export type PackCheckId = (typeof PACK_CHECKS)[number];

export type PackCheckOutcome = 'pass' | 'fail' | 'warn';

export interface PackCheck {
  readonly id: PackCheckId;
  readonly outcome: PackCheckOutcome;
  /** What was found, in plain words. */
  readonly message: string;
}

export type PackFileStatus = 'ok' | 'mismatch' | 'missing' | 'withheld' | 'unexpected';

export interface PackFileResult {
  readonly name: string;
  readonly size: number | null;
  readonly sha256: string | null;
  readonly embedded: boolean;
  readonly status: PackFileStatus;
  readonly problem?: string;
}

export interface PackVerification {
  /** The file is exactly what the signer signed, whole, with every embedded file matching its manifest entry. */
  readonly valid: boolean;
  /** The signer matched a trusted root or a pinned fingerprint. */
  readonly trusted: boolean;
  /** One sentence for a person. */
  readonly summary: string;
  /** Every failed check's message; empty when valid. */
  readonly problems: readonly string[];
  readonly warnings: readonly string[];
  readonly checks: readonly PackCheck[];
  readonly signer: CertificateSummary | null;
  readonly fingerprint: string | null;
  readonly signedAt: string | null;
  readonly packId: string | null;
  readonly assessmentId: string | null;
  readonly profile: PackProfile | null;
  readonly files: readonly PackFileResult[];
  readonly fileSize: number;
}

export interface VerifyPackOptions {
  /** PEM text of trusted organisation roots. */
  readonly rootsPem?: readonly string[];
  /** Expected SHA-256 fingerprint of the signer (or a certificate on its chain). */
  readonly fingerprint?: string;
  readonly onProgress?: (progress: { phase: 'hash'; bytesDone: number; bytesTotal: number }) => void;
  readonly signal?: AbortSignal;
}
