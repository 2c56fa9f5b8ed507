import { resolve } from 'node:path';
import type { Actor } from '../../shared/domain/actor';
import { SscpError } from '../../shared/errors';
import { BlobStore, evidenceDirFor } from '../evidence/index';
import { findSignedPackInfo, resolveAssessmentIdPrefix } from '../store/assessments-repo';
import { listAudit, recentAudit, type ActorProvider } from '../store/audit-log';
import { openDatabase } from '../store/database';
import { findImport, unverifiedOrigins } from '../store/imports-repo';
import { addAction, removeAction, updateAction } from './action-ops';
import { archiveAssessment, unarchiveAssessment } from './archive';
import { getAssessmentOpening, listAssessmentEvidence } from './assessment-opening';
import {
  createAssessment,
  getAssessmentDetail,
  listAssessmentSummaries,
  markSigned,
  updateAssessment,
  updateClaim,
  updateClaims,
} from './assessment-ops';
import { assessmentCompleteness } from './completeness';
import {
  acceptContribution,
  assignOwner,
  claimOwners,
  contributionCredits,
  importContribution,
  rejectContribution,
  rememberedContributors,
  reviewContributions,
} from './contribution-ops';
import {
  addReference,
  attachEvidence,
  linkEvidence,
  linkEvidenceMany,
  listEvidenceWithUse,
  replaceEvidence,
  requireEvidence,
  unlinkEvidence,
  unlinkEvidenceMany,
  updateEvidence,
  updateEvidenceMany,
} from './evidence-ops';
import { placeStagedBlob, putBlobFromStream, restoreSignedAssessment } from './import-support';
import { finishEvidenceRemovals, planEvidenceRemoval, removeEvidence, undoEvidenceRemoval } from './evidence-removal';
import {
  abandonSigning,
  beginSigning,
  commitSigning,
  exportsInProgress,
  recordSigningBuilt,
  recoverExports,
  type RecoveryOutcome,
} from './export-lease';
import { checkIntegrity } from './integrity';
import { requireAssessment, type StoreContext } from './store-context';
import type { Workspace } from './workspace-types';

export type * from './workspace-types';

export interface OpenWorkspaceOptions {
  /** Refuse to create a database that is not there (every CLI command but `new`). */
  readonly mustExist?: boolean;
  /**
   * Who is working: every change made through this workspace is recorded under their name
   * (a function when it can change while the workspace is open, as the app's profile can).
   */
  readonly actor?: Actor | ActorProvider;
  /** For commands that only read: a read-only connection, and nothing created beside it. */
  readonly readOnly?: boolean;
}

/**
 * Opens the database file and the evidence folder beside it (`<db>.evidence`), migrating the
 * schema, clearing temp files a crash left behind and finishing or undoing exports whose
 * process died (main/services/export-lease.ts). Close it when done.
 */
export function openWorkspace(dbPath: string, options: OpenWorkspaceOptions = {}): Workspace {
  const path = resolve(dbPath);
  const readOnly = options.readOnly ?? false;
  const db = openDatabase(path, { mustExist: options.mustExist ?? false, readOnly, ...(options.actor ? { actor: options.actor } : {}) });
  let blobs: BlobStore;
  try {
    blobs = new BlobStore(evidenceDirFor(path), { readOnly });
  } catch (e) {
    db.close();
    throw e;
  }
  const ctx: StoreContext = { db, blobs, readOnly };
  let recoveredAtOpen: RecoveryOutcome[];
  try {
    // An export killed part-way is finished or undone before anyone reads or edits (when the
    // database may be written; read-only, `sscp check` reports it as still in progress).
    recoveredAtOpen = readOnly ? [] : recoverExports(ctx);
    // Removals whose undo window closed (or whose process died before deleting their files) are made final.
    finishEvidenceRemovals(ctx);
  } catch (e) {
    db.close();
    throw e;
  }
  return {
    dbPath: path,
    evidenceDir: blobs.root,
    listAssessments: () => listAssessmentSummaries(ctx),
    createAssessment: (input) => createAssessment(ctx, input),
    getAssessment: (id) => getAssessmentDetail(ctx, id),
    openAssessment: (id, claimId) => getAssessmentOpening(ctx, id, claimId),
    assessmentEvidence: (id) => listAssessmentEvidence(ctx, id),
    resolveAssessmentId: (text) => resolveAssessmentIdPrefix(db, text),
    completeness: (id) => assessmentCompleteness(ctx, id),
    updateAssessment: (id, patch) => updateAssessment(ctx, id, patch),
    updateClaim: (assessmentId, claimId, patch) => updateClaim(ctx, assessmentId, claimId, patch),
    updateClaims: (assessmentId, updates) => updateClaims(ctx, assessmentId, updates),
    addAction: (assessmentId, input) => addAction(ctx, assessmentId, input),
    updateAction: (actionId, patch) => updateAction(ctx, actionId, patch),
    removeAction: (actionId) => removeAction(ctx, actionId),
    attachEvidence: (assessmentId, claimId, filePath, meta, opts) => attachEvidence(ctx, assessmentId, claimId, filePath, meta, opts),
    addReference: (assessmentId, claimId, input) => addReference(ctx, assessmentId, claimId, input),
    linkEvidence: (assessmentId, claimId, evidenceId) => linkEvidence(ctx, assessmentId, claimId, evidenceId),
    unlinkEvidence: (assessmentId, claimId, evidenceId) => unlinkEvidence(ctx, assessmentId, claimId, evidenceId),
    listEvidence: () => listEvidenceWithUse(ctx),
    getEvidence: (evidenceId) => requireEvidence(ctx, evidenceId),
    updateEvidence: (evidenceId, patch) => updateEvidence(ctx, evidenceId, patch),
    updateEvidenceMany: (evidenceIds, patch) => updateEvidenceMany(ctx, evidenceIds, patch),
    linkEvidenceMany: (assessmentId, claimId, evidenceIds) => linkEvidenceMany(ctx, assessmentId, claimId, evidenceIds),
    unlinkEvidenceMany: (assessmentId, claimId, evidenceIds) => unlinkEvidenceMany(ctx, assessmentId, claimId, evidenceIds),
    replaceEvidence: (evidenceId, newFilePath, opts) => replaceEvidence(ctx, evidenceId, newFilePath, opts),
    planEvidenceRemoval: (evidenceIds) => planEvidenceRemoval(ctx, evidenceIds),
    removeEvidence: (evidenceIds, opts) => removeEvidence(ctx, evidenceIds, opts),
    undoEvidenceRemoval: (removalId) => undoEvidenceRemoval(ctx, removalId),
    finishEvidenceRemovals: (removalId) => finishEvidenceRemovals(ctx, removalId),
    evidenceBlobPath: (sha256) => blobs.blobPath(sha256),
    markSigned: (assessmentId, info) => markSigned(ctx, assessmentId, info),
    beginSigning: (assessmentId, outPath, consent) => beginSigning(ctx, assessmentId, outPath, consent),
    recordSigningBuilt: (session, built) => recordSigningBuilt(ctx, session, built),
    commitSigning: (session, hooks) => commitSigning(ctx, session, hooks),
    abandonSigning: (session) => abandonSigning(ctx, session),
    recoverExports: () => recoverExports(ctx),
    exportsInProgress: () => exportsInProgress(ctx),
    archiveAssessment: (id) => archiveAssessment(ctx, id),
    unarchiveAssessment: (id) => unarchiveAssessment(ctx, id),
    signedPack: (assessmentId) => findSignedPackInfo(db, assessmentId),
    findImport: (sourceSha256, packId) => findImport(db, sourceSha256, packId),
    unverifiedSigner: (assessmentId) => unverifiedOrigins(db)(assessmentId),
    putEvidenceFromStream: (source, expected, opts) => putBlobFromStream(blobs, source, expected, opts),
    placeStagedEvidence: (tempPath, expected) => placeStagedBlob(blobs, tempPath, expected),
    restoreSignedAssessment: (input) => restoreSignedAssessment(ctx, input),
    auditEntries: (assessmentId) => listAudit(db, assessmentId),
    recentAuditEntries: (assessmentId, limit) => {
      if (!Number.isInteger(limit) || limit < 1) throw SscpError.because({ code: 'history-limit-invalid', limit: String(limit) });
      return db.transaction(() => {
        requireAssessment(ctx, assessmentId);
        return recentAudit(db, assessmentId, limit);
      })();
    },
    checkIntegrity: (onProgress) => checkIntegrity(ctx, onProgress, recoveredAtOpen),
    assignOwner: (assessmentId, claimId, owner) => assignOwner(ctx, assessmentId, claimId, owner),
    claimOwners: (assessmentId) => claimOwners(ctx, assessmentId),
    rememberedContributors: () => rememberedContributors(ctx),
    importContribution: (prepared, opts) => importContribution(ctx, prepared, opts),
    reviewContributions: (assessmentId, opts) => reviewContributions(ctx, assessmentId, opts),
    acceptContribution: (assessmentId, contributionId, opts) => acceptContribution(ctx, assessmentId, contributionId, opts),
    rejectContribution: (assessmentId, contributionId, opts) => rejectContribution(ctx, assessmentId, contributionId, opts),
    contributionCredits: (assessmentId) => contributionCredits(ctx, assessmentId),
    close: () => {
      if (db.open) db.close();
    },
  };
}
