import type { Assessment, ClaimResult, VendorRole } from './types';

/** What a pack says it holds, shown before anything is imported. */
export interface PackAssessmentSummary {
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
}

/** The preview of a pack import, generic over how verification is described on each side of IPC. */
export interface PackImportPreviewOf<Verification, Profile extends string> {
  readonly file: { readonly path: string; readonly name: string; readonly size: number; readonly sha256: string };
  readonly verification: Verification;
  readonly packId: string;
  readonly profile: Profile;
  readonly signedAt: string | null;
  readonly assessment: PackAssessmentSummary;
  /** An earlier import of this pack (same file or same pack id), if any: importing again is refused. */
  readonly alreadyImported: { readonly importedAt: string; readonly assessmentId: string } | null;
  /** Evidence whose recorded name was not a safe file name, and the name it would be stored under. */
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
  /**
   * Fields whose control, bidirectional or invisible characters were taken out on import,
   * one sentence each (the pack itself is kept as signed).
   */
  readonly cleaned: readonly string[];
}

export interface PackImportResultOf<Preview> {
  readonly preview: Preview;
  readonly assessment: Assessment;
  readonly evidence: { readonly stored: number; readonly alreadyHeld: number; readonly withheld: number };
}
