import type { ClaimResponse, ClaimResult, WorkStatus } from '../../shared/domain/types';
import type { Db } from './database';

interface ResponseRow {
  assessment_id: string;
  claim_id: string;
  status: WorkStatus;
  result: ClaimResult;
  evidence_text: string;
  arguments: string;
  updated_at: string;
}

export function insertResponse(db: Db, r: ClaimResponse): void {
  db.prepare(
    `INSERT INTO claim_responses (assessment_id, claim_id, status, result, evidence_text, arguments, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.assessmentId, r.claimId, r.status, r.result, r.evidenceText, r.arguments, r.updatedAt);
}

export function findResponse(db: Db, assessmentId: string, claimId: string): ClaimResponse | undefined {
  const row = db
    .prepare<[string, string], ResponseRow>('SELECT * FROM claim_responses WHERE assessment_id = ? AND claim_id = ?')
    .get(assessmentId, claimId);
  return row && rowToResponse(row);
}

/** In the store's order; callers sort into catalog order (1.10 after 1.9). */
export function listResponses(db: Db, assessmentId: string): ClaimResponse[] {
  return db.prepare<[string], ResponseRow>('SELECT * FROM claim_responses WHERE assessment_id = ?').all(assessmentId).map(rowToResponse);
}

export function updateResponse(db: Db, r: ClaimResponse): void {
  db.prepare(
    `UPDATE claim_responses SET status = ?, result = ?, evidence_text = ?, arguments = ?, updated_at = ?
     WHERE assessment_id = ? AND claim_id = ?`,
  ).run(r.status, r.result, r.evidenceText, r.arguments, r.updatedAt, r.assessmentId, r.claimId);
}

function rowToResponse(row: ResponseRow): ClaimResponse {
  return {
    assessmentId: row.assessment_id,
    claimId: row.claim_id,
    status: row.status,
    result: row.result,
    evidenceText: row.evidence_text,
    arguments: row.arguments,
    updatedAt: row.updated_at,
  };
}
