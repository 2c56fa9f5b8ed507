import { resolve } from 'node:path';
import { BlobStore, evidenceDirFor } from '../evidence/index';
import { findSignedPackInfo } from '../store/assessments-repo';
import { listAudit } from '../store/audit-log';
import { openDatabase } from '../store/database';
import { findImport, unverifiedOrigins } from '../store/imports-repo';
import { addAction, removeAction, updateAction } from './action-ops';
import { archiveAssessment, unarchiveAssessment } from './archive';
import { createAssessment, getAssessmentDetail, listAssessmentSummaries, markSigned, updateAssessment, updateClaim } from './assessment-ops';
import { computeCompleteness } from './completeness';
import { attachEvidence, linkEvidence, listEvidenceWithUse, replaceEvidence, requireEvidence, unlinkEvidence, updateEvidence } from './evidence-ops';
import { putBlobFromStream, restoreSignedAssessment } from './import-support';
import { checkIntegrity } from './integrity';
import type { StoreContext } from './store-context';
import type { Workspace } from './workspace-types';

export type * from './workspace-types';

export interface OpenWorkspaceOptions {
  /** Refuse to create a database that is not there (every CLI command but `new`). */
  readonly mustExist?: boolean;
}

/**
 * Opens the database file and the evidence folder beside it (`<db>.evidence`), migrating the
 * schema and clearing temp files a crash left behind. Close it when done.
 */
export function openWorkspace(dbPath: string, options: OpenWorkspaceOptions = {}): Workspace {
  const path = resolve(dbPath);
  const db = openDatabase(path, { mustExist: options.mustExist ?? false });
  let blobs: BlobStore;
  try {
    blobs = new BlobStore(evidenceDirFor(path));
  } catch (e) {
    db.close();
    throw e;
  }
  const ctx: StoreContext = { db, blobs };
  return {
    dbPath: path,
    evidenceDir: blobs.root,
    listAssessments: () => listAssessmentSummaries(ctx),
    createAssessment: (input) => createAssessment(ctx, input),
    getAssessment: (id) => getAssessmentDetail(ctx, id),
    completeness: (id) => {
      const d = getAssessmentDetail(ctx, id);
      return computeCompleteness(d.assessment, d.responses, d.links);
    },
    updateAssessment: (id, patch) => updateAssessment(ctx, id, patch),
    updateClaim: (assessmentId, claimId, patch) => updateClaim(ctx, assessmentId, claimId, patch),
    addAction: (assessmentId, input) => addAction(ctx, assessmentId, input),
    updateAction: (actionId, patch) => updateAction(ctx, actionId, patch),
    removeAction: (actionId) => removeAction(ctx, actionId),
    attachEvidence: (assessmentId, claimId, filePath, meta, opts) => attachEvidence(ctx, assessmentId, claimId, filePath, meta, opts),
    linkEvidence: (assessmentId, claimId, evidenceId) => linkEvidence(ctx, assessmentId, claimId, evidenceId),
    unlinkEvidence: (assessmentId, claimId, evidenceId) => unlinkEvidence(ctx, assessmentId, claimId, evidenceId),
    listEvidence: () => listEvidenceWithUse(ctx),
    getEvidence: (evidenceId) => requireEvidence(ctx, evidenceId),
    updateEvidence: (evidenceId, patch) => updateEvidence(ctx, evidenceId, patch),
    replaceEvidence: (evidenceId, newFilePath, opts) => replaceEvidence(ctx, evidenceId, newFilePath, opts),
    evidenceBlobPath: (sha256) => blobs.blobPath(sha256),
    markSigned: (assessmentId, info) => markSigned(ctx, assessmentId, info),
    archiveAssessment: (id) => archiveAssessment(ctx, id),
    unarchiveAssessment: (id) => unarchiveAssessment(ctx, id),
    signedPack: (assessmentId) => findSignedPackInfo(db, assessmentId),
    findImport: (sourceSha256, packId) => findImport(db, sourceSha256, packId),
    unverifiedSigner: (assessmentId) => unverifiedOrigins(db)(assessmentId),
    putEvidenceFromStream: (source, expected, opts) => putBlobFromStream(blobs, source, expected, opts),
    restoreSignedAssessment: (input) => restoreSignedAssessment(ctx, input),
    auditEntries: (assessmentId) => listAudit(db, assessmentId),
    checkIntegrity: (onProgress) => checkIntegrity(ctx, onProgress),
    close: () => {
      if (db.open) db.close();
    },
  };
}
