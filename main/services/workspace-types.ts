import type {
  Assessment,
  AssessmentDetail,
  AssessmentOrigin,
  AuditEntry,
  ClaimResponse,
  EvidenceItem,
  RemedialAction,
} from '../../shared/domain/types';
import type { UnverifiedSigner } from '../../shared/domain/signer-trust';
import type {
  AssessmentOpeningView,
  ClaimEvidenceView as ClaimEvidence,
  EvidenceRemoval,
  EvidenceRemovalPlan,
  EvidenceRemovalUndo,
  LinkedManyView,
  RecentAuditView as RecentAudit,
  UnlinkedManyView,
} from '../../shared/ipc/views';
export type {
  EvidenceKeeper,
  EvidenceRemoval,
  EvidenceRemovalPlan,
  EvidenceRemovalUndo,
  LinkedManyView,
  UnlinkedManyView,
} from '../../shared/ipc/views';
/**
 * One claim's evidence as it is after a change to it, and the newest entries of an assessment's
 * history: what the services return is what the IPC replies carry (shared/ipc/views.ts).
 */
export type { ClaimEvidence, RecentAudit };
import type {
  ActionPatch,
  AssessmentPatch,
  BulkEvidencePatch,
  ClaimPatch,
  EvidenceMeta,
  EvidencePatch,
  NewActionInput,
  NewAssessmentFields,
  ReferenceInput,
} from '../../shared/domain/inputs';
import type { AssessmentCompleteness, AssessmentSummary } from '../../shared/domain/completeness';
import type { EvidenceReport } from '../evidence/index';
import type { ExpectedBlob, PutBlobOptions, PutBlobResult, RestoredAssessment, RestoreSignedInput } from './import-support';
import type { AuditChainReport, ImportRecord, SignedPackInfo } from '../store/index';
import type { BuiltPackRecord, ExportLease } from '../store/export-leases-repo';
import type { PreparedContribution } from '../contribution/read-contribution';
import type {
  ClaimOwner,
  ContributedBy,
  ContributionReviewItem,
  DecidedContribution,
  DecideOptions,
  ImportContributionOptions,
  ImportedContribution,
  OwnerInput,
} from './contribution-ops';
import type { CommitHooks, PublishConsent, RecoveryOutcome, SigningSession } from './export-lease';

export type { AssessmentCompleteness, AssessmentSummary };
export type {
  ActionPatch,
  AssessmentPatch,
  BulkEvidencePatch,
  ClaimPatch,
  EvidenceMeta,
  EvidencePatch,
  NewActionInput,
  ReferenceInput,
} from '../../shared/domain/inputs';

/** A new assessment: the fields a person gives (shared/domain/inputs.ts), and what importers add. */
export interface NewAssessmentInput extends NewAssessmentFields {
  /** Defaults to the current catalog; importers pass the version the source used. */
  readonly catalog?: { readonly id: string; readonly version: string };
  readonly origin?: AssessmentOrigin;
  readonly previousId?: string | null;
  /**
   * Starting content, written in the same transaction as the assessment so a carry-forward
   * or an import is all there or not there at all.
   */
  readonly seed?: AssessmentSeed;
}

export interface AssessmentSeed {
  readonly responses?: readonly SeedResponse[];
  /** Existing evidence items to link, by id. */
  readonly links?: readonly { readonly claimId: string; readonly evidenceId: string }[];
  readonly actions?: readonly NewActionInput[];
  /** Records the imported file, so importing it again can be noticed (findImport). */
  readonly importedFrom?: { readonly sourceSha256: string; readonly packId: string | null; readonly kind: 'pack' | 'form' };
}

export interface SeedResponse extends ClaimPatch {
  readonly claimId: string;
}

/** One entry of a many-claims change (Workspace.updateClaims). */
export interface ClaimUpdate {
  readonly claimId: string;
  readonly patch: ClaimPatch;
  /**
   * When the claim was last changed as the source of this update saw it (`updatedAt` of
   * `sscp show --json`): a change to a claim changed since then is refused, so an edited
   * file never quietly undoes someone else's newer work.
   */
  readonly expectedUpdatedAt?: string;
}

export interface ClaimUpdateResult {
  readonly claimId: string;
  /** False when the entry matched what was recorded already (nothing written, nothing logged). */
  readonly changed: boolean;
  readonly response: ClaimResponse;
}

export interface AttachOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (bytesDone: number, bytesTotal: number) => void;
  /** Told, before copying, when the path given was a symbolic link and the file it led to. */
  readonly onFollowedLink?: (target: string) => void;
}

export interface EvidenceUse {
  readonly assessmentId: string;
  readonly claimId: string;
  readonly organisation: string;
  readonly state: Assessment['state'];
}

export interface EvidenceWithUse {
  readonly item: EvidenceItem;
  readonly usedBy: readonly EvidenceUse[];
  /** The older version this item replaced, if it is a replacement. */
  readonly replacesId: string | null;
}

export interface IntegrityReport {
  readonly ok: boolean;
  readonly sqlite: { readonly ok: boolean; readonly messages: readonly string[] };
  readonly auditChain: AuditChainReport;
  readonly evidence: EvidenceReport;
  /** Exports (signings) running now, and those a crash interrupted that opening the database finished or undid. */
  readonly exports: {
    readonly inProgress: readonly {
      readonly assessmentId: string;
      readonly startedAt: string;
      readonly pid: number;
      readonly host: string;
      readonly destination: string;
    }[];
    readonly recovered: readonly {
      readonly assessmentId: string;
      readonly outcome: RecoveryOutcome['outcome'];
      readonly destination: string;
    }[];
  };
  /** Everything that is wrong, one sentence each; empty when ok. */
  readonly problems: readonly string[];
}

export type MarkSignedInput = SignedPackInfo;

/** The one object the CLI, the IPC handlers and the pack/import services use. */
export interface Workspace {
  readonly dbPath: string;
  readonly evidenceDir: string;
  listAssessments(): AssessmentSummary[];
  createAssessment(input: NewAssessmentInput): Assessment;
  getAssessment(id: string): AssessmentDetail;
  /** What the app's assessment screen shows first (the shown claim's items, not every item's record). */
  openAssessment(id: string, claimId: string | null): AssessmentOpeningView;
  /** Every evidence item the assessment's claims use, in the detail's order. */
  assessmentEvidence(id: string): EvidenceItem[];
  /** The id of the one assessment whose id is `text` or starts with it (at least 4 characters); refused when none or several match. */
  resolveAssessmentId(text: string): string;
  completeness(id: string): AssessmentCompleteness;
  updateAssessment(id: string, patch: AssessmentPatch): Assessment;
  updateClaim(assessmentId: string, claimId: string, patch: ClaimPatch): ClaimResponse;
  /**
   * Applies many claim changes in one transaction: all or none. An entry that changes
   * nothing is skipped (no audit entry); the result says which changed. A bad entry is
   * refused naming its position and claim.
   */
  updateClaims(assessmentId: string, updates: readonly ClaimUpdate[]): ClaimUpdateResult[];
  addAction(assessmentId: string, input: NewActionInput): RemedialAction;
  updateAction(actionId: string, patch: ActionPatch): RemedialAction;
  removeAction(actionId: string): void;
  attachEvidence(
    assessmentId: string,
    claimId: string,
    filePath: string,
    meta?: EvidenceMeta,
    options?: AttachOptions,
  ): Promise<EvidenceItem>;
  /** Records evidence that is not a file and links it to the claim. */
  addReference(assessmentId: string, claimId: string, input: ReferenceInput): EvidenceItem;
  /** Links an item to a claim (already linked: nothing changes); gives the claim's evidence as it is now. */
  linkEvidence(assessmentId: string, claimId: string, evidenceId: string): ClaimEvidence;
  /** Takes an item off a claim; gives the claim's evidence as it is now. */
  unlinkEvidence(assessmentId: string, claimId: string, evidenceId: string): ClaimEvidence;
  listEvidence(): EvidenceWithUse[];
  getEvidence(evidenceId: string): EvidenceItem;
  updateEvidence(evidenceId: string, patch: EvidencePatch): EvidenceItem;
  /** All or nothing, one transaction, one audit entry per item. */
  updateEvidenceMany(evidenceIds: readonly string[], patch: BulkEvidencePatch): EvidenceItem[];
  linkEvidenceMany(assessmentId: string, claimId: string, evidenceIds: readonly string[]): LinkedManyView;
  unlinkEvidenceMany(assessmentId: string, claimId: string, evidenceIds: readonly string[]): UnlinkedManyView;
  replaceEvidence(evidenceId: string, newFilePath: string, options?: AttachOptions): Promise<EvidenceItem>;
  /** What removing these items from the library would do; changes nothing. */
  planEvidenceRemoval(evidenceIds: readonly string[]): EvidenceRemovalPlan;
  /** Removes items from the library and every draft claim, in one transaction (main/services/evidence-removal.ts). */
  removeEvidence(evidenceIds: readonly string[], options?: RemoveEvidenceOptions): EvidenceRemoval;
  /** Puts a removal back while its undo window is open. */
  undoEvidenceRemoval(removalId: string): EvidenceRemovalUndo;
  /** Makes removals final now (their files deleted): the given one, or every one whose window has closed. */
  finishEvidenceRemovals(removalId?: string): number;
  evidenceBlobPath(sha256: string): string;
  markSigned(assessmentId: string, info: MarkSignedInput): Assessment;
  /**
   * Signing as one journalled step (main/services/export-lease.ts): take the assessment and
   * snapshot it (edits and other exports are refused from here), record the built pack,
   * then rename it into place and mark the assessment signed together, or abandon.
   */
  beginSigning(assessmentId: string, outPath: string, consent?: PublishConsent): SigningSession;
  recordSigningBuilt(session: SigningSession, built: BuiltPackRecord): void;
  commitSigning(session: SigningSession, hooks?: CommitHooks): Assessment;
  abandonSigning(session: SigningSession): void;
  /** Finishes or undoes exports whose process died; opening the workspace does this too. */
  recoverExports(): RecoveryOutcome[];
  exportsInProgress(): ExportLease[];
  /** Out of the way, frozen, kept; see main/services/archive.ts for the rules. */
  archiveAssessment(id: string): Assessment;
  /** Back to `signed` if it was signed, else `draft`. */
  unarchiveAssessment(id: string): Assessment;
  signedPack(assessmentId: string): SignedPackInfo | undefined;
  findImport(sourceSha256: string, packId?: string | null): ImportRecord | undefined;
  /** Whether the assessment's content came from a pack whose signer was accepted unverified, directly or by carry-forward. */
  unverifiedSigner(assessmentId: string): UnverifiedSigner | null;
  /** Importers: stores a blob from a stream that must match `expected` (see import-support.ts). */
  putEvidenceFromStream(source: AsyncIterable<Uint8Array>, expected: ExpectedBlob, options?: PutBlobOptions): Promise<PutBlobResult>;
  /**
   * Moves a temp file in this store's tmp/ folder, already synced and checked to hold exactly
   * `expected`'s bytes (a pack import's one read), into place as that blob.
   */
  placeStagedEvidence(tempPath: string, expected: ExpectedBlob): Promise<PutBlobResult>;
  /** Importers: a signed assessment restored from a pack, in one transaction (see import-support.ts). */
  restoreSignedAssessment(input: RestoreSignedInput): RestoredAssessment;
  auditEntries(assessmentId?: string): AuditEntry[];
  /** The newest `limit` entries about one assessment and the count of all of them, reading only those. */
  recentAuditEntries(assessmentId: string, limit: number): RecentAudit;
  checkIntegrity(onProgress?: (filesDone: number, filesTotal: number) => void): Promise<IntegrityReport>;
  /** Claim owners and contributions (main/services/contribution-ops.ts, docs/contributions.md). */
  assignOwner(assessmentId: string, claimId: string, owner: OwnerInput | null): ClaimOwner | null;
  claimOwners(assessmentId: string): ClaimOwner[];
  rememberedContributors(): { fingerprint: string; name: string }[];
  importContribution(prepared: PreparedContribution, options?: ImportContributionOptions): Promise<ImportedContribution>;
  reviewContributions(assessmentId: string, options?: { readonly all?: boolean }): ContributionReviewItem[];
  acceptContribution(assessmentId: string, contributionId: string, options?: DecideOptions): DecidedContribution;
  rejectContribution(assessmentId: string, contributionId: string, options?: DecideOptions): DecidedContribution;
  contributionCredits(assessmentId: string): { evidence: Map<string, ContributedBy>; answers: Map<string, ContributedBy> };
  close(): void;
}

export interface RemoveEvidenceOptions {
  /** How long the removal stays undoable, its files kept (0: delete them now, no undo). */
  readonly holdMs?: number;
}
