import type { Db } from './database';

/** One file imported into the database: lets an importer notice the same pack twice. */
export interface ImportRecord {
  readonly sourceSha256: string;
  readonly packId: string | null;
  readonly assessmentId: string;
  readonly kind: 'pack' | 'form';
  readonly importedAt: string;
}

interface ImportRow {
  source_sha256: string;
  pack_id: string | null;
  assessment_id: string;
  kind: 'pack' | 'form';
  imported_at: string;
}

export function insertImport(db: Db, r: ImportRecord): void {
  db.prepare('INSERT INTO imports (source_sha256, pack_id, assessment_id, kind, imported_at) VALUES (?, ?, ?, ?, ?)').run(
    r.sourceSha256,
    r.packId,
    r.assessmentId,
    r.kind,
    r.importedAt,
  );
}

/** An earlier import of the same bytes, or of a pack with the same pack id. */
export function findImport(db: Db, sourceSha256: string, packId?: string | null): ImportRecord | undefined {
  const row =
    db.prepare<[string], ImportRow>('SELECT * FROM imports WHERE source_sha256 = ?').get(sourceSha256) ??
    (packId ? db.prepare<[string], ImportRow>('SELECT * FROM imports WHERE pack_id = ? ORDER BY imported_at LIMIT 1').get(packId) : undefined);
  return (
    row && {
      sourceSha256: row.source_sha256,
      packId: row.pack_id,
      assessmentId: row.assessment_id,
      kind: row.kind,
      importedAt: row.imported_at,
    }
  );
}
