import type { Migration } from './migration';

/**
 * The first schema. Enumerated columns carry CHECK constraints with the same words as
 * shared/domain/types.ts, so a bad value cannot reach the file even through raw SQL.
 */
export const migration001Initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE assessments (
  id               TEXT PRIMARY KEY,
  organisation     TEXT NOT NULL,
  products_json    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(products_json) AND json_type(products_json) = 'array'),
  role             TEXT NOT NULL CHECK (role IN ('developer-distributor', 'reseller', 'developer-only')),
  theme3_in_scope  INTEGER NOT NULL DEFAULT 0 CHECK (theme3_in_scope IN (0, 1)),
  period_start     TEXT CHECK (period_start IS NULL OR period_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  period_end       TEXT CHECK (period_end IS NULL OR period_end GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  sro_name         TEXT NOT NULL DEFAULT '',
  sro_role         TEXT NOT NULL DEFAULT '',
  catalog_id       TEXT NOT NULL,
  catalog_version  TEXT NOT NULL,
  state            TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'signed', 'archived')),
  origin           TEXT NOT NULL DEFAULT 'created' CHECK (origin IN ('created', 'carried-forward', 'imported-pack', 'imported-form')),
  previous_id      TEXT REFERENCES assessments(id),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  signed_at        TEXT,
  pack_sha256      TEXT CHECK (pack_sha256 IS NULL OR (length(pack_sha256) = 64 AND pack_sha256 NOT GLOB '*[^0-9a-f]*')),
  pack_id          TEXT,
  signer_fingerprint TEXT,
  pack_profile     TEXT,
  CHECK (state = 'draft' OR signed_at IS NOT NULL OR state = 'archived')
);

CREATE TABLE claim_responses (
  assessment_id  TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  claim_id       TEXT NOT NULL CHECK (claim_id GLOB '[0-9]*.[0-9]*.[0-9]*'),
  status         TEXT NOT NULL DEFAULT 'not-started' CHECK (status IN ('not-started', 'in-progress', 'needs-review', 'done')),
  result         TEXT NOT NULL DEFAULT 'not-assessed' CHECK (result IN ('not-assessed', 'met', 'partially-met', 'not-met', 'not-applicable')),
  evidence_text  TEXT NOT NULL DEFAULT '',
  arguments      TEXT NOT NULL DEFAULT '',
  updated_at     TEXT NOT NULL,
  PRIMARY KEY (assessment_id, claim_id)
) WITHOUT ROWID;

CREATE TABLE remedial_actions (
  id             TEXT PRIMARY KEY,
  assessment_id  TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  claim_id       TEXT NOT NULL,
  description    TEXT NOT NULL,
  owner          TEXT NOT NULL DEFAULT '',
  due_date       TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  state          TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done')),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  FOREIGN KEY (assessment_id, claim_id) REFERENCES claim_responses(assessment_id, claim_id)
);
CREATE INDEX remedial_actions_by_assessment ON remedial_actions(assessment_id, claim_id);

CREATE TABLE evidence_items (
  id              TEXT PRIMARY KEY,
  sha256          TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  file_name       TEXT NOT NULL,
  size            INTEGER NOT NULL CHECK (size >= 0),
  media_type      TEXT NOT NULL,
  description     TEXT NOT NULL DEFAULT '',
  effective_date  TEXT CHECK (effective_date IS NULL OR effective_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  expiry_date     TEXT CHECK (expiry_date IS NULL OR expiry_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  confidential    INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
  present         INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),
  added_at        TEXT NOT NULL,
  -- A replaced file keeps its row (signed assessments still point at it); the new version names it.
  replaces_id     TEXT REFERENCES evidence_items(id),
  CHECK (expiry_date IS NULL OR effective_date IS NULL OR expiry_date >= effective_date)
);
CREATE INDEX evidence_items_by_sha256 ON evidence_items(sha256);

CREATE TABLE evidence_links (
  assessment_id  TEXT NOT NULL,
  claim_id       TEXT NOT NULL,
  evidence_id    TEXT NOT NULL REFERENCES evidence_items(id),
  PRIMARY KEY (assessment_id, claim_id, evidence_id),
  FOREIGN KEY (assessment_id, claim_id) REFERENCES claim_responses(assessment_id, claim_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX evidence_links_by_evidence ON evidence_links(evidence_id);

CREATE TABLE imports (
  source_sha256  TEXT NOT NULL PRIMARY KEY CHECK (length(source_sha256) = 64 AND source_sha256 NOT GLOB '*[^0-9a-f]*'),
  pack_id        TEXT,
  assessment_id  TEXT NOT NULL REFERENCES assessments(id),
  kind           TEXT NOT NULL CHECK (kind IN ('pack', 'form')),
  imported_at    TEXT NOT NULL
);
CREATE INDEX imports_by_pack_id ON imports(pack_id);

CREATE TABLE audit_log (
  seq            INTEGER PRIMARY KEY,
  at             TEXT NOT NULL,
  assessment_id  TEXT,
  action         TEXT NOT NULL,
  detail_json    TEXT NOT NULL CHECK (json_valid(detail_json)),
  prev_hash      TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash           TEXT NOT NULL CHECK (length(hash) = 64)
);
CREATE INDEX audit_log_by_assessment ON audit_log(assessment_id, seq);

-- The newest entry's seq and hash: without it, cutting entries off the end of the chain
-- would leave a chain that still links up.
CREATE TABLE audit_head (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  seq   INTEGER NOT NULL,
  hash  TEXT NOT NULL CHECK (length(hash) = 64)
);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN SELECT RAISE(ABORT, 'audit_head cannot be removed'); END;
CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head
WHEN NEW.seq <> OLD.seq + 1
BEGIN SELECT RAISE(ABORT, 'audit_head only moves forward one entry at a time'); END;
`,
};
