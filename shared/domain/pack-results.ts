import type { CertificateSummary, TrustDecision } from './signing';
import type { IsoInstant } from './types';

/**
 * What the pack verifier (main/pack/verify) finds, as `sscp verify --json`, pack import and
 * the app's verify screen all receive it. Pure types and the check order; the work is in main.
 */

/** Who a pack is for: `certification` embeds all evidence; `customer` withholds confidential files (listed, with their hash). */
export const PACK_PROFILES = ['certification', 'customer'] as const;
export type PackProfile = (typeof PACK_PROFILES)[number];

/** A pack built and signed: where, what it is, and how many evidence files went in or were withheld. */
export interface BuiltPack {
  readonly path: string;
  readonly packId: string;
  /** SHA-256 of the finished, signed file: what the audit log records. */
  readonly sha256: string;
  readonly size: number;
  readonly signedAt: IsoInstant;
  readonly embeddedFiles: number;
  readonly withheldFiles: number;
}

/** An export's answer: the pack, the sign-off blockers the SRO accepted, and what to know about it. */
export interface ExportedPack extends BuiltPack {
  readonly acceptedExceptions: readonly string[];
  readonly warnings: readonly string[];
  readonly signerFingerprint: string;
}

/** Each check the verifier runs, in the order it reports them. */
export const PACK_CHECKS = [
  'structure',
  'single-signature',
  'byte-range',
  'certification',
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
  /** One of the pack's own data files listed in the manifest's dataFiles (attestation.cdx.json), not evidence. */
  readonly dataFile?: true;
}

/** What the signature certifies (a DocMDP certification signature), as found in the pack. */
export interface PackCertification {
  /** The signature is a certification signature and the catalog's /Perms names it. */
  readonly certified: boolean;
  /** DocMDP level: 1 no changes, 2 form filling and signing, 3 also annotations; null when not certified. */
  readonly permission: number | null;
  /** The permission in plain words. */
  readonly meaning: string;
}

export interface PackVerification {
  /** The file is exactly what the signer signed, whole, with every embedded file matching its manifest entry. */
  readonly valid: boolean;
  /**
   * The signer is trusted (see main/signing/trust-policy.ts): every trusted root and pinned
   * fingerprint given matched, or none was given and the signer is one of the user's own
   * identities. An intact pack from a signer nobody said to trust is valid but not trusted.
   */
  readonly trusted: boolean;
  /** The trust policy's answer: each anchor and whether it held; null when the signature could not be read. */
  readonly trust: TrustDecision | null;
  /** One sentence for a person. */
  readonly summary: string;
  /** Every failed check's message; empty when valid. */
  readonly problems: readonly string[];
  readonly warnings: readonly string[];
  readonly checks: readonly PackCheck[];
  readonly signer: CertificateSummary | null;
  readonly fingerprint: string | null;
  readonly signedAt: string | null;
  /** Null when the signature could not be found at all. */
  readonly certification: PackCertification | null;
  readonly packId: string | null;
  readonly assessmentId: string | null;
  readonly profile: PackProfile | null;
  readonly files: readonly PackFileResult[];
  readonly fileSize: number;
}
