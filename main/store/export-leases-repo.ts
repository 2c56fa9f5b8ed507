import type { Db } from './database';
import { prepared } from './statements';

/** A row of `export_leases`: one export (signing) of one assessment, in progress. */
export interface ExportLease {
  readonly assessmentId: string;
  readonly leaseId: string;
  readonly pid: number;
  readonly host: string;
  /** The holder's boot (Linux boot_id), '' where the system does not say. */
  readonly bootId: string;
  readonly startedAt: string;
  readonly destPath: string;
  readonly tempPath: string;
  /** SHA-256 of the assessment as the export read it (canonical JSON of its detail). */
  readonly snapshotSha256: string;
  /** Set once the pack is built and fsynced in the temp file: what signing will record. */
  readonly built: BuiltPackRecord | null;
}

export interface BuiltPackRecord {
  readonly packSha256: string;
  readonly packSize: number;
  readonly packId: string;
  readonly signerFingerprint: string;
  readonly signedAt: string;
  readonly profile: string;
}

interface LeaseRow {
  assessment_id: string;
  lease_id: string;
  pid: number;
  host: string;
  boot_id: string;
  started_at: string;
  dest_path: string;
  temp_path: string;
  snapshot_sha256: string;
  pack_sha256: string | null;
  pack_size: number | null;
  pack_id: string | null;
  signer_fingerprint: string | null;
  signed_at: string | null;
  pack_profile: string | null;
}

export function insertLease(db: Db, lease: Omit<ExportLease, 'built'>): void {
  prepared(
    db,
    `INSERT INTO export_leases (assessment_id, lease_id, pid, host, boot_id, started_at, dest_path, temp_path, snapshot_sha256)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    lease.assessmentId,
    lease.leaseId,
    lease.pid,
    lease.host,
    lease.bootId,
    lease.startedAt,
    lease.destPath,
    lease.tempPath,
    lease.snapshotSha256,
  );
}

export function findLeaseForAssessment(db: Db, assessmentId: string): ExportLease | undefined {
  const row = prepared<[string], LeaseRow>(db, 'SELECT * FROM export_leases WHERE assessment_id = ?').get(assessmentId);
  return row && rowToLease(row);
}

export function findLease(db: Db, leaseId: string): ExportLease | undefined {
  const row = prepared<[string], LeaseRow>(db, 'SELECT * FROM export_leases WHERE lease_id = ?').get(leaseId);
  return row && rowToLease(row);
}

export function listLeases(db: Db): ExportLease[] {
  return prepared<[], LeaseRow>(db, 'SELECT * FROM export_leases ORDER BY started_at, lease_id').all().map(rowToLease);
}

export function recordBuilt(db: Db, leaseId: string, built: BuiltPackRecord): boolean {
  return (
    prepared(
      db,
      `UPDATE export_leases SET pack_sha256 = ?, pack_size = ?, pack_id = ?, signer_fingerprint = ?, signed_at = ?, pack_profile = ?
         WHERE lease_id = ?`,
    ).run(built.packSha256, built.packSize, built.packId, built.signerFingerprint, built.signedAt, built.profile, leaseId).changes === 1
  );
}

export function deleteLease(db: Db, leaseId: string): boolean {
  return prepared(db, 'DELETE FROM export_leases WHERE lease_id = ?').run(leaseId).changes === 1;
}

function rowToLease(row: LeaseRow): ExportLease {
  const built: BuiltPackRecord | null =
    row.pack_sha256 === null
      ? null
      : {
          packSha256: row.pack_sha256,
          packSize: row.pack_size ?? 0,
          packId: row.pack_id ?? '',
          signerFingerprint: row.signer_fingerprint ?? '',
          signedAt: row.signed_at ?? '',
          profile: row.pack_profile ?? '',
        };
  return {
    assessmentId: row.assessment_id,
    leaseId: row.lease_id,
    pid: row.pid,
    host: row.host,
    bootId: row.boot_id,
    startedAt: row.started_at,
    destPath: row.dest_path,
    tempPath: row.temp_path,
    snapshotSha256: row.snapshot_sha256,
    built,
  };
}
