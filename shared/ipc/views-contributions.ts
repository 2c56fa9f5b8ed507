import type { ClaimOwner, ContributedBy, Contributor } from '../domain/contribution';
import type { ClaimResponse, ClaimResult, WorkStatus } from '../domain/types';
import type { ClaimEvidenceView } from './views';

/** Who owns a claim (docs/contributions.md): the service's record, without the assessment it belongs to. */
export type ClaimOwnerView = Omit<ClaimOwner, 'assessmentId'>;

export type ContributorView = Contributor;

/** One contributed claim beside the current answer, as review shows it. */
export interface ContributionReviewView {
  readonly contributionId: string;
  readonly claimId: string;
  readonly state: 'pending' | 'accepted' | 'rejected';
  readonly decidedAt: string | null;
  readonly reason: string;
  readonly contributor: ContributorView;
  readonly createdAt: string;
  readonly importedAt: string;
  readonly fileName: string;
  readonly signerFingerprint: string;
  readonly signerTrust: 'trusted' | 'confirmed';
  readonly assigned: boolean;
  readonly owner: { readonly name: string; readonly team: string; readonly email: string } | null;
  /** null: not proposed; the current answer stays. */
  readonly proposed: {
    readonly result: ClaimResult | null;
    readonly status: WorkStatus | null;
    readonly evidenceText: string | null;
    readonly arguments: string | null;
  };
  readonly current: {
    readonly result: ClaimResult;
    readonly status: WorkStatus;
    readonly evidenceText: string;
    readonly arguments: string;
  };
  readonly files: readonly { readonly fileName: string; readonly size: number; readonly sha256: string; readonly mediaType: string }[];
}

/**
 * A claim as accepting a contribution left it, read in the same transaction: its answer and
 * its evidence (the contributed files among them). The app updates the open assessment from it.
 */
export interface AcceptedClaimView extends ClaimEvidenceView {
  readonly response: ClaimResponse;
}

export interface ContributionDecisionView {
  readonly contributionId: string;
  readonly contributor: ContributorView;
  readonly decided: readonly {
    readonly claimId: string;
    readonly state: 'accepted' | 'rejected';
    readonly evidenceIds: readonly string[];
  }[];
  /** Each claim accepted, as it is now (none for a rejection, which changes nothing in the assessment). */
  readonly claims: readonly AcceptedClaimView[];
}

export type ContributedByView = ContributedBy;

/** Who contributed what an assessment holds: by evidence id and by claim id. */
export interface ContributionCreditsView {
  readonly evidence: Readonly<Record<string, ContributedByView>>;
  readonly answers: Readonly<Record<string, ContributedByView>>;
}

/** A contribution file read and checked, before anything is written. */
export interface ContributionPreviewView {
  readonly file: { readonly name: string; readonly size: number; readonly sha256: string };
  readonly contributor: ContributorView;
  readonly organisation: string;
  readonly createdAt: string;
  readonly claims: readonly { readonly claimId: string; readonly files: number }[];
  readonly signerFingerprint: string;
  /** trusted: by an anchor or own identity; remembered: confirmed before; unknown: ask the SRO to confirm the fingerprint. */
  readonly signerTrust: 'trusted' | 'remembered' | 'unknown';
  readonly trustMessage: string;
}

export interface ContributionImportView extends ContributionPreviewView {
  readonly contributionId: string;
  readonly assessmentId: string;
  readonly signerConfirmed: boolean;
  readonly unassignedClaims: readonly string[];
}

export interface ContributionWrittenView {
  readonly path: string;
  readonly contributionId: string;
  readonly sha256: string;
  readonly contributor: string;
  readonly signerFingerprint: string;
  readonly claims: readonly string[];
  readonly files: number;
}
