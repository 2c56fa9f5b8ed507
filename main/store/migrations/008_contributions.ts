import type { Migration } from './migration';

/**
 * Claim owners and contributions (docs/contributions.md). The SRO assigns a claim to a
 * person; an owner (or their CI job) sends a signed contribution, which is imported as
 * pending and changes nothing in the assessment until the SRO accepts it, claim by claim.
 *
 * - `claim_owners`: one owner per claim of an assessment.
 * - `contributions`: one row per imported contribution file; the file's hash and the
 *   contribution's own id are unique, so the same contribution is never imported twice.
 * - `contribution_claims`: what it proposes per claim (NULL: not proposed), whether the
 *   contributor was the claim's owner when it was imported, and the SRO's decision.
 * - `contribution_files`: the evidence it brought per claim (bytes already in the evidence
 *   store); `evidence_id` is set when an accepted claim turned it into evidence.
 * - `contributor_keys`: contributors' certificate fingerprints the SRO has confirmed once, so
 *   their next contribution is recognised without asking again.
 */
export const migration008Contributions: Migration = {
  version: 8,
  name: 'contributions',
  sql: `
CREATE TABLE claim_owners (
  assessment_id  TEXT NOT NULL,
  claim_id       TEXT NOT NULL,
  name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
  team           TEXT NOT NULL DEFAULT '',
  email          TEXT NOT NULL DEFAULT '',
  assigned_at    TEXT NOT NULL,
  PRIMARY KEY (assessment_id, claim_id),
  FOREIGN KEY (assessment_id, claim_id) REFERENCES claim_responses(assessment_id, claim_id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE contributions (
  id                 TEXT PRIMARY KEY,
  contribution_uuid  TEXT NOT NULL UNIQUE,
  source_sha256      TEXT NOT NULL UNIQUE CHECK (length(source_sha256) = 64 AND source_sha256 NOT GLOB '*[^0-9a-f]*'),
  assessment_id      TEXT NOT NULL REFERENCES assessments(id),
  file_name          TEXT NOT NULL,
  contributor_name   TEXT NOT NULL,
  contributor_email  TEXT NOT NULL DEFAULT '',
  contributor_team   TEXT NOT NULL DEFAULT '',
  signer_fingerprint TEXT NOT NULL CHECK (length(signer_fingerprint) = 64),
  signer_trust       TEXT NOT NULL CHECK (signer_trust IN ('trusted', 'confirmed')),
  signer_trusted_by  TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL,
  imported_at        TEXT NOT NULL
);
CREATE INDEX contributions_by_assessment ON contributions(assessment_id, imported_at);

CREATE TABLE contribution_claims (
  contribution_id  TEXT NOT NULL REFERENCES contributions(id),
  claim_id         TEXT NOT NULL,
  result           TEXT CHECK (result IS NULL OR result IN ('not-assessed', 'met', 'partially-met', 'not-met', 'not-applicable')),
  status           TEXT CHECK (status IS NULL OR status IN ('not-started', 'in-progress', 'needs-review', 'done')),
  evidence_text    TEXT,
  arguments        TEXT,
  assigned         INTEGER NOT NULL CHECK (assigned IN (0, 1)),
  owner_name       TEXT,
  state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected')),
  decided_at       TEXT,
  reason           TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (contribution_id, claim_id),
  CHECK ((state = 'pending') = (decided_at IS NULL))
) WITHOUT ROWID;

CREATE TABLE contribution_files (
  contribution_id  TEXT NOT NULL,
  claim_id         TEXT NOT NULL,
  sha256           TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  size             INTEGER NOT NULL CHECK (size >= 0),
  file_name        TEXT NOT NULL,
  media_type       TEXT NOT NULL,
  evidence_id      TEXT REFERENCES evidence_items(id),
  PRIMARY KEY (contribution_id, claim_id, sha256),
  FOREIGN KEY (contribution_id, claim_id) REFERENCES contribution_claims(contribution_id, claim_id)
) WITHOUT ROWID;
CREATE INDEX contribution_files_by_evidence ON contribution_files(evidence_id);

CREATE TABLE contributor_keys (
  fingerprint   TEXT PRIMARY KEY CHECK (length(fingerprint) = 64),
  name          TEXT NOT NULL,
  confirmed_at  TEXT NOT NULL
) WITHOUT ROWID;
`,
};
