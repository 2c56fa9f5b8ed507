import type { ClaimOwner, ContributedBy, ContributionClaimState } from '../../shared/domain/contribution';
import type { ClaimResult, WorkStatus } from '../../shared/domain/types';
import type { Db } from './database';

/** Claim owners, contributions and their per-claim decisions (migration 008). */

interface OwnerRow {
  assessment_id: string;
  claim_id: string;
  name: string;
  team: string;
  email: string;
  assigned_at: string;
}

const toOwner = (r: OwnerRow): ClaimOwner => ({
  assessmentId: r.assessment_id,
  claimId: r.claim_id,
  name: r.name,
  team: r.team,
  email: r.email,
  assignedAt: r.assigned_at,
});

export function findOwner(db: Db, assessmentId: string, claimId: string): ClaimOwner | null {
  const row = db
    .prepare<[string, string], OwnerRow>('SELECT * FROM claim_owners WHERE assessment_id = ? AND claim_id = ?')
    .get(assessmentId, claimId);
  return row ? toOwner(row) : null;
}

export function listOwners(db: Db, assessmentId: string): ClaimOwner[] {
  return db.prepare<[string], OwnerRow>('SELECT * FROM claim_owners WHERE assessment_id = ?').all(assessmentId).map(toOwner);
}

export function upsertOwner(db: Db, o: ClaimOwner): void {
  db.prepare(
    `INSERT INTO claim_owners (assessment_id, claim_id, name, team, email, assigned_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (assessment_id, claim_id) DO UPDATE SET name = excluded.name, team = excluded.team, email = excluded.email, assigned_at = excluded.assigned_at`,
  ).run(o.assessmentId, o.claimId, o.name, o.team, o.email, o.assignedAt);
}

export function deleteOwner(db: Db, assessmentId: string, claimId: string): void {
  db.prepare('DELETE FROM claim_owners WHERE assessment_id = ? AND claim_id = ?').run(assessmentId, claimId);
}

/** Copies the owners of one assessment to another (carrying forward keeps who owns what). */
export function copyOwners(db: Db, fromId: string, toId: string, now: string): void {
  db.prepare(
    `INSERT OR IGNORE INTO claim_owners (assessment_id, claim_id, name, team, email, assigned_at)
     SELECT ?, o.claim_id, o.name, o.team, o.email, ? FROM claim_owners o
     JOIN claim_responses r ON r.assessment_id = ? AND r.claim_id = o.claim_id WHERE o.assessment_id = ?`,
  ).run(toId, now, toId, fromId);
}

export interface ContributionRecord {
  readonly id: string;
  readonly uuid: string;
  readonly sourceSha256: string;
  readonly assessmentId: string;
  readonly fileName: string;
  readonly contributor: { readonly name: string; readonly email: string; readonly team: string };
  readonly signerFingerprint: string;
  readonly signerTrust: 'trusted' | 'confirmed';
  readonly signerTrustedBy: readonly string[];
  readonly createdAt: string;
  readonly importedAt: string;
}

interface ContributionRow {
  id: string;
  contribution_uuid: string;
  source_sha256: string;
  assessment_id: string;
  file_name: string;
  contributor_name: string;
  contributor_email: string;
  contributor_team: string;
  signer_fingerprint: string;
  signer_trust: 'trusted' | 'confirmed';
  signer_trusted_by: string;
  created_at: string;
  imported_at: string;
}

const toContribution = (r: ContributionRow): ContributionRecord => ({
  id: r.id,
  uuid: r.contribution_uuid,
  sourceSha256: r.source_sha256,
  assessmentId: r.assessment_id,
  fileName: r.file_name,
  contributor: { name: r.contributor_name, email: r.contributor_email, team: r.contributor_team },
  signerFingerprint: r.signer_fingerprint,
  signerTrust: r.signer_trust,
  signerTrustedBy: r.signer_trusted_by ? r.signer_trusted_by.split(',') : [],
  createdAt: r.created_at,
  importedAt: r.imported_at,
});

export function insertContribution(db: Db, c: ContributionRecord): void {
  db.prepare(
    `INSERT INTO contributions (id, contribution_uuid, source_sha256, assessment_id, file_name, contributor_name, contributor_email, contributor_team,
       signer_fingerprint, signer_trust, signer_trusted_by, created_at, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.id,
    c.uuid,
    c.sourceSha256,
    c.assessmentId,
    c.fileName,
    c.contributor.name,
    c.contributor.email,
    c.contributor.team,
    c.signerFingerprint,
    c.signerTrust,
    c.signerTrustedBy.join(','),
    c.createdAt,
    c.importedAt,
  );
}

/** An earlier import of the same file, or of the same contribution (its UUID) in other bytes. */
export function findContributionBySource(db: Db, sourceSha256: string, uuid: string): ContributionRecord | null {
  const row = db
    .prepare<[string, string], ContributionRow>('SELECT * FROM contributions WHERE source_sha256 = ? OR contribution_uuid = ? LIMIT 1')
    .get(sourceSha256, uuid);
  return row ? toContribution(row) : null;
}

export function findContribution(db: Db, id: string): ContributionRecord | null {
  const row = db.prepare<[string], ContributionRow>('SELECT * FROM contributions WHERE id = ?').get(id);
  return row ? toContribution(row) : null;
}

export function listContributions(db: Db, assessmentId: string): ContributionRecord[] {
  return db
    .prepare<[string], ContributionRow>('SELECT * FROM contributions WHERE assessment_id = ? ORDER BY imported_at, id')
    .all(assessmentId)
    .map(toContribution);
}

export interface ContributionClaimRecord {
  readonly contributionId: string;
  readonly claimId: string;
  readonly result: ClaimResult | null;
  readonly status: WorkStatus | null;
  readonly evidenceText: string | null;
  readonly arguments: string | null;
  readonly assigned: boolean;
  readonly ownerName: string | null;
  readonly state: ContributionClaimState;
  readonly decidedAt: string | null;
  readonly reason: string;
}

interface ClaimRow {
  contribution_id: string;
  claim_id: string;
  result: ClaimResult | null;
  status: WorkStatus | null;
  evidence_text: string | null;
  arguments: string | null;
  assigned: 0 | 1;
  owner_name: string | null;
  state: ContributionClaimState;
  decided_at: string | null;
  reason: string;
}

const toClaim = (r: ClaimRow): ContributionClaimRecord => ({
  contributionId: r.contribution_id,
  claimId: r.claim_id,
  result: r.result,
  status: r.status,
  evidenceText: r.evidence_text,
  arguments: r.arguments,
  assigned: r.assigned === 1,
  ownerName: r.owner_name,
  state: r.state,
  decidedAt: r.decided_at,
  reason: r.reason,
});

export function insertContributionClaim(db: Db, c: ContributionClaimRecord): void {
  db.prepare(
    `INSERT INTO contribution_claims (contribution_id, claim_id, result, status, evidence_text, arguments, assigned, owner_name, state, decided_at, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.contributionId,
    c.claimId,
    c.result,
    c.status,
    c.evidenceText,
    c.arguments,
    c.assigned ? 1 : 0,
    c.ownerName,
    c.state,
    c.decidedAt,
    c.reason,
  );
}

export function listContributionClaims(db: Db, contributionId: string): ContributionClaimRecord[] {
  return db.prepare<[string], ClaimRow>('SELECT * FROM contribution_claims WHERE contribution_id = ?').all(contributionId).map(toClaim);
}

export function decideContributionClaim(
  db: Db,
  contributionId: string,
  claimId: string,
  state: 'accepted' | 'rejected',
  at: string,
  reason: string,
): void {
  const r = db
    .prepare(
      `UPDATE contribution_claims SET state = ?, decided_at = ?, reason = ? WHERE contribution_id = ? AND claim_id = ? AND state = 'pending'`,
    )
    .run(state, at, reason, contributionId, claimId);
  if (r.changes !== 1) throw new Error(`Contribution ${contributionId} claim ${claimId} was not pending.`);
}

export interface ContributionFileRecord {
  readonly contributionId: string;
  readonly claimId: string;
  readonly sha256: string;
  readonly size: number;
  readonly fileName: string;
  readonly mediaType: string;
  readonly evidenceId: string | null;
}

interface FileRow {
  contribution_id: string;
  claim_id: string;
  sha256: string;
  size: number;
  file_name: string;
  media_type: string;
  evidence_id: string | null;
}

const toFile = (r: FileRow): ContributionFileRecord => ({
  contributionId: r.contribution_id,
  claimId: r.claim_id,
  sha256: r.sha256,
  size: r.size,
  fileName: r.file_name,
  mediaType: r.media_type,
  evidenceId: r.evidence_id,
});

export function insertContributionFile(db: Db, f: ContributionFileRecord): void {
  db.prepare(
    'INSERT INTO contribution_files (contribution_id, claim_id, sha256, size, file_name, media_type, evidence_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(f.contributionId, f.claimId, f.sha256, f.size, f.fileName, f.mediaType, f.evidenceId);
}

export function listContributionFiles(db: Db, contributionId: string, claimId: string): ContributionFileRecord[] {
  return db
    .prepare<[string, string], FileRow>(
      'SELECT * FROM contribution_files WHERE contribution_id = ? AND claim_id = ? ORDER BY file_name, sha256',
    )
    .all(contributionId, claimId)
    .map(toFile);
}

export function setContributionFileEvidence(
  db: Db,
  f: Pick<ContributionFileRecord, 'contributionId' | 'claimId' | 'sha256'>,
  evidenceId: string,
): void {
  db.prepare('UPDATE contribution_files SET evidence_id = ? WHERE contribution_id = ? AND claim_id = ? AND sha256 = ?').run(
    evidenceId,
    f.contributionId,
    f.claimId,
    f.sha256,
  );
}

/** Who contributed what an assessment holds: each accepted evidence item and claim answer, with name and date. */
export type { ContributedBy } from '../../shared/domain/contribution';

export function contributedEvidence(db: Db, assessmentId: string): Map<string, ContributedBy> {
  const rows = db
    .prepare<[string], { evidence_id: string; name: string; decided_at: string; id: string }>(
      `SELECT f.evidence_id, c.contributor_name AS name, cc.decided_at, c.id FROM contribution_files f
       JOIN contributions c ON c.id = f.contribution_id
       JOIN contribution_claims cc ON cc.contribution_id = f.contribution_id AND cc.claim_id = f.claim_id
       WHERE c.assessment_id = ? AND f.evidence_id IS NOT NULL AND cc.state = 'accepted'`,
    )
    .all(assessmentId);
  return new Map(rows.map((r) => [r.evidence_id, { name: r.name, acceptedAt: r.decided_at, contributionId: r.id }]));
}

/** The latest accepted contribution per claim of an assessment. */
export function contributedAnswers(db: Db, assessmentId: string): Map<string, ContributedBy> {
  const rows = db
    .prepare<[string], { claim_id: string; name: string; decided_at: string; id: string }>(
      `SELECT cc.claim_id, c.contributor_name AS name, cc.decided_at, c.id FROM contribution_claims cc
       JOIN contributions c ON c.id = cc.contribution_id
       WHERE c.assessment_id = ? AND cc.state = 'accepted' ORDER BY cc.decided_at, c.id`,
    )
    .all(assessmentId);
  return new Map(rows.map((r) => [r.claim_id, { name: r.name, acceptedAt: r.decided_at, contributionId: r.id }]));
}

export function rememberedContributorKeys(db: Db): { fingerprint: string; name: string }[] {
  return db
    .prepare<[], { fingerprint: string; name: string }>('SELECT fingerprint, name FROM contributor_keys ORDER BY confirmed_at')
    .all();
}

export function rememberContributorKey(db: Db, fingerprint: string, name: string, at: string): void {
  db.prepare('INSERT OR IGNORE INTO contributor_keys (fingerprint, name, confirmed_at) VALUES (?, ?, ?)').run(fingerprint, name, at);
}
