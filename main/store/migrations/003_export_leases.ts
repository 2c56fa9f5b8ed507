import type { Migration } from './migration';

/**
 * The signing journal (main/services/export-lease.ts). One row per assessment whose export is
 * in progress: who holds it (pid, host, boot), where the pack goes, the hidden temp file it is
 * being built in, a digest of the assessment as it was snapshotted, and once the pack is
 * built, its SHA-256 and what signing will record. Recovery reads it after a crash.
 *
 * The triggers are the backstop behind the services' own check: while a lease exists, no
 * statement can change the leased assessment, its responses, actions or evidence links, nor
 * an evidence item it uses, whatever code path issues it. Signing deletes the lease in the
 * same transaction before it marks the assessment signed.
 */
export const migration003ExportLeases: Migration = {
  version: 3,
  name: 'export-leases',
  sql: `
CREATE TABLE export_leases (
  assessment_id    TEXT PRIMARY KEY REFERENCES assessments(id),
  lease_id         TEXT NOT NULL UNIQUE,
  pid              INTEGER NOT NULL,
  host             TEXT NOT NULL,
  boot_id          TEXT NOT NULL DEFAULT '',
  started_at       TEXT NOT NULL,
  dest_path        TEXT NOT NULL,
  temp_path        TEXT NOT NULL,
  snapshot_sha256  TEXT NOT NULL CHECK (length(snapshot_sha256) = 64),
  pack_sha256      TEXT CHECK (pack_sha256 IS NULL OR (length(pack_sha256) = 64 AND pack_sha256 NOT GLOB '*[^0-9a-f]*')),
  pack_size        INTEGER,
  pack_id          TEXT,
  signer_fingerprint TEXT,
  signed_at        TEXT,
  pack_profile     TEXT,
  CHECK (pack_sha256 IS NULL OR (pack_size IS NOT NULL AND pack_id IS NOT NULL AND signer_fingerprint IS NOT NULL AND signed_at IS NOT NULL AND pack_profile IS NOT NULL))
);

CREATE TRIGGER export_lease_freezes_assessment BEFORE UPDATE ON assessments
WHEN EXISTS (SELECT 1 FROM export_leases WHERE assessment_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'sscp: export in progress'); END;

CREATE TRIGGER export_lease_freezes_response_update BEFORE UPDATE ON claim_responses
WHEN EXISTS (SELECT 1 FROM export_leases WHERE assessment_id = OLD.assessment_id)
BEGIN SELECT RAISE(ABORT, 'sscp: export in progress'); END;

CREATE TRIGGER export_lease_freezes_action_insert BEFORE INSERT ON remedial_actions
WHEN EXISTS (SELECT 1 FROM export_leases WHERE assessment_id = NEW.assessment_id)
BEGIN SELECT RAISE(ABORT, 'sscp: export in progress'); END;
CREATE TRIGGER export_lease_freezes_action_update BEFORE UPDATE ON remedial_actions
WHEN EXISTS (SELECT 1 FROM export_leases WHERE assessment_id IN (OLD.assessment_id, NEW.assessment_id))
BEGIN SELECT RAISE(ABORT, 'sscp: export in progress'); END;
CREATE TRIGGER export_lease_freezes_action_delete BEFORE DELETE ON remedial_actions
WHEN EXISTS (SELECT 1 FROM export_leases WHERE assessment_id = OLD.assessment_id)
BEGIN SELECT RAISE(ABORT, 'sscp: export in progress'); END;

CREATE TRIGGER export_lease_freezes_link_insert BEFORE INSERT ON evidence_links
WHEN EXISTS (SELECT 1 FROM export_leases WHERE assessment_id = NEW.assessment_id)
BEGIN SELECT RAISE(ABORT, 'sscp: export in progress'); END;
CREATE TRIGGER export_lease_freezes_link_update BEFORE UPDATE ON evidence_links
WHEN EXISTS (SELECT 1 FROM export_leases WHERE assessment_id IN (OLD.assessment_id, NEW.assessment_id))
BEGIN SELECT RAISE(ABORT, 'sscp: export in progress'); END;
CREATE TRIGGER export_lease_freezes_link_delete BEFORE DELETE ON evidence_links
WHEN EXISTS (SELECT 1 FROM export_leases WHERE assessment_id = OLD.assessment_id)
BEGIN SELECT RAISE(ABORT, 'sscp: export in progress'); END;

CREATE TRIGGER export_lease_freezes_used_evidence BEFORE UPDATE ON evidence_items
WHEN EXISTS (SELECT 1 FROM evidence_links l JOIN export_leases e ON e.assessment_id = l.assessment_id WHERE l.evidence_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'sscp: export in progress'); END;
`,
};
