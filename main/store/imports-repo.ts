import type { ImportSignerTrust, UnverifiedSigner } from '../../shared/domain/signer-trust';
import type { Db } from './database';

/** One file imported into the database: lets an importer notice the same pack twice. */
export interface ImportRecord {
  readonly sourceSha256: string;
  readonly packId: string | null;
  readonly assessmentId: string;
  readonly kind: 'pack' | 'form';
  readonly importedAt: string;
  /** A pack's signer: trusted, or accepted unverified by the user; null for a form. */
  readonly signerTrust: ImportSignerTrust | null;
  /** What established trust (trusted-root, pinned-fingerprint, own-identity); empty when unverified or unknown. */
  readonly signerTrustedBy: readonly string[];
}

interface ImportRow {
  source_sha256: string;
  pack_id: string | null;
  assessment_id: string;
  kind: 'pack' | 'form';
  imported_at: string;
  signer_trust: ImportSignerTrust | null;
  signer_trusted_by: string | null;
}

export function insertImport(db: Db, r: ImportRecord): void {
  db.prepare(
    'INSERT INTO imports (source_sha256, pack_id, assessment_id, kind, imported_at, signer_trust, signer_trusted_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    r.sourceSha256,
    r.packId,
    r.assessmentId,
    r.kind,
    r.importedAt,
    r.signerTrust,
    r.signerTrustedBy.length ? r.signerTrustedBy.join(',') : null,
  );
}

/**
 * Tells, for any assessment, whether its content came from a pack whose signer was accepted
 * unverified: its own import, or that of an assessment it was carried forward from. Reads the
 * few rows it needs once, so a whole list costs two queries.
 */
export function unverifiedOrigins(db: Db): (assessmentId: string) => UnverifiedSigner | null {
  const unverified = new Map(
    db
      .prepare<[], { assessment_id: string; imported_at: string; signer_fingerprint: string | null }>(
        `SELECT i.assessment_id, i.imported_at, a.signer_fingerprint FROM imports i JOIN assessments a ON a.id = i.assessment_id
         WHERE i.signer_trust = 'unverified'`,
      )
      .all()
      .map((r): [string, UnverifiedSigner] => [
        r.assessment_id,
        { importedAssessmentId: r.assessment_id, signerFingerprint: r.signer_fingerprint ?? '', importedAt: r.imported_at },
      ]),
  );
  if (unverified.size === 0) return () => null;
  const previous = new Map(
    db
      .prepare<[], { id: string; previous_id: string }>('SELECT id, previous_id FROM assessments WHERE previous_id IS NOT NULL')
      .all()
      .map((r) => [r.id, r.previous_id]),
  );
  return (assessmentId) => {
    const seen = new Set<string>();
    for (let id: string | undefined = assessmentId; id !== undefined && !seen.has(id); id = previous.get(id)) {
      seen.add(id);
      const found = unverified.get(id);
      if (found) return found;
    }
    return null;
  };
}

/** An earlier import of the same bytes, or of a pack with the same pack id. */
export function findImport(db: Db, sourceSha256: string, packId?: string | null): ImportRecord | undefined {
  const row =
    db.prepare<[string], ImportRow>('SELECT * FROM imports WHERE source_sha256 = ?').get(sourceSha256) ??
    (packId
      ? db.prepare<[string], ImportRow>('SELECT * FROM imports WHERE pack_id = ? ORDER BY imported_at LIMIT 1').get(packId)
      : undefined);
  return (
    row && {
      sourceSha256: row.source_sha256,
      packId: row.pack_id,
      assessmentId: row.assessment_id,
      kind: row.kind,
      importedAt: row.imported_at,
      signerTrust: row.signer_trust,
      signerTrustedBy: row.signer_trusted_by ? row.signer_trusted_by.split(',') : [],
    }
  );
}
