import type { ClaimResponse, ClaimResult, WorkStatus } from '../../shared/domain/types';
import type { Db } from './database';
import { prepared } from './statements';

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
  prepared(
    db,
    `INSERT INTO claim_responses (assessment_id, claim_id, status, result, evidence_text, arguments, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.assessmentId, r.claimId, r.status, r.result, r.evidenceText, r.arguments, r.updatedAt);
}

export function findResponse(db: Db, assessmentId: string, claimId: string): ClaimResponse | undefined {
  const row = prepared<[string, string], ResponseRow>(db, 'SELECT * FROM claim_responses WHERE assessment_id = ? AND claim_id = ?').get(
    assessmentId,
    claimId,
  );
  return row && rowToResponse(row);
}

/** In the store's order; callers sort into catalog order (1.10 after 1.9). */
export function listResponses(db: Db, assessmentId: string): ClaimResponse[] {
  return prepared<[string], ResponseRow>(db, 'SELECT * FROM claim_responses WHERE assessment_id = ?').all(assessmentId).map(rowToResponse);
}

/** Every assessment's responses in one query (the assessments list), in the store's order. */
export function listAllResponses(db: Db): ClaimResponse[] {
  return prepared<[], ResponseRow>(db, 'SELECT * FROM claim_responses').all().map(rowToResponse);
}

export function updateResponse(db: Db, r: ClaimResponse): void {
  prepared(
    db,
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
