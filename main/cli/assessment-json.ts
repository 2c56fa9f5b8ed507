import type { UnverifiedSigner } from '../../shared/domain/signer-trust';
import type { Assessment, EvidenceItem, RemedialAction } from '../../shared/domain/types';
import type { SignedPackInfo } from '../store/index';
import type { AssessmentCompleteness } from '../../shared/domain/completeness';

// Built field by field, so a new field in the domain types does not leak into the
// documented JSON (docs/cli-json.md) unannounced.

export interface AssessmentJson {
  readonly id: string;
  readonly organisation: string;
  readonly products: readonly string[];
  readonly role: string;
  readonly theme3InScope: boolean;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly sroName: string;
  readonly sroRole: string;
  readonly catalogId: string;
  readonly catalogVersion: string;
  readonly state: string;
  readonly origin: string;
  readonly previousId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly signedAt: string | null;
  /**
   * Set when the content came from an evidence pack whose signer nothing established and the
   * user imported anyway (--allow-untrusted), directly or by carry-forward; null otherwise.
   */
  readonly unverifiedSigner: UnverifiedSignerJson | null;
}

export interface UnverifiedSignerJson {
  readonly importedAssessmentId: string;
  readonly signerFingerprint: string;
  readonly importedAt: string;
}

export function unverifiedSignerToJson(u: UnverifiedSigner | null): UnverifiedSignerJson | null {
  return u ? { importedAssessmentId: u.importedAssessmentId, signerFingerprint: u.signerFingerprint, importedAt: u.importedAt } : null;
}

/** One line for people: how an unverified origin is shown by list, show, diff and carry-forward. */
export function unverifiedSignerLine(u: UnverifiedSignerJson, assessmentId: string): string {
  const via =
    u.importedAssessmentId === assessmentId
      ? 'imported from a pack'
      : `carried forward from ${u.importedAssessmentId}, imported from a pack`;
  return `UNVERIFIED SIGNER: ${via} whose signer nothing established (certificate SHA-256 ${u.signerFingerprint}).`;
}

export function assessmentToJson(a: Assessment, unverified: UnverifiedSigner | null): AssessmentJson {
  return {
    id: a.id,
    organisation: a.organisation,
    products: [...a.products],
    role: a.role,
    theme3InScope: a.theme3InScope,
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    sroName: a.sroName,
    sroRole: a.sroRole,
    catalogId: a.catalogId,
    catalogVersion: a.catalogVersion,
    state: a.state,
    origin: a.origin,
    previousId: a.previousId,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    signedAt: a.signedAt,
    unverifiedSigner: unverifiedSignerToJson(unverified),
  };
}

/** The documented JSON names (docs/cli-json.md), kept from before the domain's names were settled. */
export interface CompletenessJson {
  readonly claimsInScope: number;
  readonly assessed: number;
  readonly done: number;
  readonly withEvidence: number;
  readonly percentAssessed: number;
}

export function completenessToJson(c: AssessmentCompleteness): CompletenessJson {
  return {
    claimsInScope: c.inScope,
    assessed: c.assessed,
    done: c.done,
    withEvidence: c.withEvidence,
    percentAssessed: c.assessedPercent,
  };
}

export interface EvidenceJson {
  readonly id: string;
  /** "file", or "reference" for evidence that is not a file (sha256 "", size 0, present false). */
  readonly kind: string;
  readonly sha256: string;
  readonly fileName: string;
  readonly size: number;
  readonly mediaType: string;
  readonly description: string;
  readonly effectiveDate: string | null;
  readonly expiryDate: string | null;
  readonly confidential: boolean;
  /** With confidential: a customer pack withholds the name and description too. */
  readonly withholdDetails: boolean;
  /** Who answers for a reference; "" for a file. */
  readonly owner: string;
  readonly present: boolean;
  readonly addedAt: string;
}

export function evidenceToJson(e: EvidenceItem): EvidenceJson {
  return {
    id: e.id,
    kind: e.kind,
    sha256: e.sha256,
    fileName: e.fileName,
    size: e.size,
    mediaType: e.mediaType,
    description: e.description,
    effectiveDate: e.effectiveDate,
    expiryDate: e.expiryDate,
    confidential: e.confidential,
    withholdDetails: e.withholdDetails,
    owner: e.owner,
    present: e.present,
    addedAt: e.addedAt,
  };
}

export interface ActionJson {
  readonly id: string;
  readonly claimId: string;
  readonly description: string;
  readonly owner: string;
  readonly dueDate: string | null;
  readonly state: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function actionToJson(a: RemedialAction): ActionJson {
  return {
    id: a.id,
    claimId: a.claimId,
    description: a.description,
    owner: a.owner,
    dueDate: a.dueDate,
    state: a.state,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export interface SignedPackJson {
  readonly packSha256: string;
  readonly packId: string;
  readonly signerFingerprint: string;
  readonly signedAt: string;
  readonly profile: string;
}

export function signedPackToJson(p: SignedPackInfo | undefined): SignedPackJson | null {
  return p
    ? { packSha256: p.packSha256, packId: p.packId, signerFingerprint: p.signerFingerprint, signedAt: p.signedAt, profile: p.profile }
    : null;
}
