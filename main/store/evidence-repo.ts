import { createHash } from 'node:crypto';
import type { EvidenceItem, EvidenceKind, EvidenceLink } from '../../shared/domain/types';
import type { Db } from './database';
import { prepared } from './statements';

interface EvidenceRow {
  id: string;
  sha256: string;
  file_name: string;
  size: number;
  media_type: string;
  description: string;
  effective_date: string | null;
  expiry_date: string | null;
  confidential: 0 | 1;
  withhold_details: 0 | 1;
  kind: EvidenceKind;
  owner: string;
  present: 0 | 1;
  added_at: string;
  replaces_id: string | null;
}

interface LinkRow {
  assessment_id: string;
  claim_id: string;
  evidence_id: string;
}

export function insertEvidence(db: Db, e: EvidenceItem, replacesId: string | null = null): void {
  prepared(
    db,
    `INSERT INTO evidence_items (id, sha256, file_name, size, media_type, description, effective_date, expiry_date,
       confidential, withhold_details, kind, owner, present, added_at, replaces_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.id,
    e.kind === 'reference' ? referenceKey(e.id) : e.sha256,
    e.fileName,
    e.size,
    e.mediaType,
    e.description,
    e.effectiveDate,
    e.expiryDate,
    e.confidential ? 1 : 0,
    e.withholdDetails ? 1 : 0,
    e.kind,
    e.kind === 'reference' ? e.owner : '',
    e.kind === 'file' && e.present ? 1 : 0,
    e.addedAt,
    replacesId,
  );
}

export function findEvidence(db: Db, id: string): EvidenceItem | undefined {
  const row = prepared<[string], EvidenceRow>(db, 'SELECT * FROM evidence_items WHERE id = ?').get(id);
  return row && rowToEvidence(row);
}

export function listAllEvidence(db: Db): EvidenceItem[] {
  return prepared<[], EvidenceRow>(db, 'SELECT * FROM evidence_items ORDER BY added_at, rowid').all().map(rowToEvidence);
}

/** Every item with the older version it replaced, in one query. */
export function listAllEvidenceWithReplaces(db: Db): { item: EvidenceItem; replacesId: string | null }[] {
  return prepared<[], EvidenceRow>(db, 'SELECT * FROM evidence_items ORDER BY added_at, rowid')
    .all()
    .map((row) => ({ item: rowToEvidence(row), replacesId: row.replaces_id }));
}

export function listEvidenceForAssessment(db: Db, assessmentId: string): EvidenceItem[] {
  return prepared<[string], EvidenceRow>(
    db,
    `SELECT * FROM evidence_items WHERE id IN (SELECT evidence_id FROM evidence_links WHERE assessment_id = ?)
       ORDER BY added_at, rowid`,
  )
    .all(assessmentId)
    .map(rowToEvidence);
}

export function updateEvidenceRow(db: Db, e: EvidenceItem): void {
  prepared(
    db,
    'UPDATE evidence_items SET file_name = ?, description = ?, effective_date = ?, expiry_date = ?, confidential = ?, withhold_details = ?, owner = ? WHERE id = ?',
  ).run(
    e.fileName,
    e.description,
    e.effectiveDate,
    e.expiryDate,
    e.confidential ? 1 : 0,
    e.withholdDetails ? 1 : 0,
    e.kind === 'reference' ? e.owner : '',
    e.id,
  );
}

export function insertLink(db: Db, link: EvidenceLink): boolean {
  const info = prepared(db, 'INSERT OR IGNORE INTO evidence_links (assessment_id, claim_id, evidence_id) VALUES (?, ?, ?)').run(
    link.assessmentId,
    link.claimId,
    link.evidenceId,
  );
  return info.changes > 0;
}

export function deleteLink(db: Db, link: EvidenceLink): boolean {
  const info = prepared(db, 'DELETE FROM evidence_links WHERE assessment_id = ? AND claim_id = ? AND evidence_id = ?').run(
    link.assessmentId,
    link.claimId,
    link.evidenceId,
  );
  return info.changes > 0;
}

export function moveLinks(db: Db, fromEvidenceId: string, toEvidenceId: string, assessmentIds: readonly string[]): void {
  const move = prepared(db, 'UPDATE evidence_links SET evidence_id = ? WHERE evidence_id = ? AND assessment_id = ?');
  for (const a of assessmentIds) move.run(toEvidenceId, fromEvidenceId, a);
}

export function listLinksForAssessment(db: Db, assessmentId: string): EvidenceLink[] {
  return prepared<[string], LinkRow>(db, 'SELECT * FROM evidence_links WHERE assessment_id = ? ORDER BY claim_id, evidence_id')
    .all(assessmentId)
    .map(rowToLink);
}

export function listLinksForEvidence(db: Db, evidenceId: string): EvidenceLink[] {
  return prepared<[string], LinkRow>(db, 'SELECT * FROM evidence_links WHERE evidence_id = ? ORDER BY assessment_id, claim_id')
    .all(evidenceId)
    .map(rowToLink);
}

export function listAllLinks(db: Db): EvidenceLink[] {
  return prepared<[], LinkRow>(db, 'SELECT * FROM evidence_links ORDER BY assessment_id, claim_id, evidence_id').all().map(rowToLink);
}

/** Every link, ordered as each item's users are shown (by assessment, then claim), in one query. */
export function listAllLinksByEvidence(db: Db): EvidenceLink[] {
  return prepared<[], LinkRow>(db, 'SELECT * FROM evidence_links ORDER BY evidence_id, assessment_id, claim_id').all().map(rowToLink);
}

/** One claim's evidence, in the order it was added: what a reply about that claim carries, without reading the rest. */
export function listEvidenceForClaim(db: Db, assessmentId: string, claimId: string): EvidenceItem[] {
  return prepared<[string, string], EvidenceRow>(
    db,
    `SELECT e.* FROM evidence_links l JOIN evidence_items e ON e.id = l.evidence_id
     WHERE l.assessment_id = ? AND l.claim_id = ? ORDER BY e.added_at, e.rowid`,
  )
    .all(assessmentId, claimId)
    .map(rowToEvidence);
}

/**
 * What an assessment's first screen needs of its items (main/services/assessment-opening.ts):
 * those of the claim shown and every one with an expiry date, each once, in the order the
 * whole assessment lists them.
 */
export function listEvidenceForOpening(db: Db, assessmentId: string, claimId: string | null): EvidenceItem[] {
  return prepared<[string, string | null], EvidenceRow>(
    db,
    `SELECT * FROM evidence_items WHERE id IN (
       SELECT l.evidence_id FROM evidence_links l JOIN evidence_items e ON e.id = l.evidence_id
       WHERE l.assessment_id = ? AND (l.claim_id = ? OR e.expiry_date IS NOT NULL))
     ORDER BY added_at, rowid`,
  )
    .all(assessmentId, claimId)
    .map(rowToEvidence);
}

/** The claims of an assessment that have any evidence, from the links' key alone (no evidence row is read). */
export function listClaimsWithEvidence(db: Db, assessmentId: string): string[] {
  return prepared<[string], { claim_id: string }>(db, 'SELECT DISTINCT claim_id FROM evidence_links WHERE assessment_id = ?')
    .all(assessmentId)
    .map((r) => r.claim_id);
}

/** The same for every assessment at once: one query for a list of assessments, never one per assessment. */
export function listAllClaimsWithEvidence(db: Db): { assessmentId: string; claimId: string }[] {
  return prepared<[], { assessment_id: string; claim_id: string }>(db, 'SELECT DISTINCT assessment_id, claim_id FROM evidence_links')
    .all()
    .map((r) => ({ assessmentId: r.assessment_id, claimId: r.claim_id }));
}

/** Items linked to this claim that hold exactly these bytes: re-attaching the same file reuses one. */
export function findLinkedEvidenceBySha(db: Db, assessmentId: string, claimId: string, sha256: string): EvidenceItem | undefined {
  const row = prepared<[string, string, string], EvidenceRow>(
    db,
    `SELECT e.* FROM evidence_items e JOIN evidence_links l ON l.evidence_id = e.id
       WHERE l.assessment_id = ? AND l.claim_id = ? AND e.sha256 = ? ORDER BY e.added_at, e.rowid LIMIT 1`,
  ).get(assessmentId, claimId, sha256);
  return row && rowToEvidence(row);
}

/**
 * What a reference keeps in the sha256 column, which the schema requires: a key of its own,
 * never reported as a hash (a reference has no bytes), never equal to a file's by chance.
 */
function referenceKey(id: string): string {
  return createHash('sha256').update(`reference:${id}`).digest('hex');
}

function rowToEvidence(row: EvidenceRow): EvidenceItem {
  return {
    id: row.id,
    kind: row.kind,
    sha256: row.kind === 'reference' ? '' : row.sha256,
    fileName: row.file_name,
    size: row.size,
    mediaType: row.media_type,
    description: row.description,
    effectiveDate: row.effective_date,
    expiryDate: row.expiry_date,
    confidential: row.confidential === 1,
    withholdDetails: row.withhold_details === 1,
    owner: row.owner,
    present: row.present === 1,
    addedAt: row.added_at,
  };
}

function rowToLink(row: LinkRow): EvidenceLink {
  return { assessmentId: row.assessment_id, claimId: row.claim_id, evidenceId: row.evidence_id };
}
