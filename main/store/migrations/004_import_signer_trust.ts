import type { Migration } from './migration';

/**
 * Whether an imported pack's signer was trusted, kept with the import record: `trusted` (a
 * trusted root, a pinned fingerprint or the user's own identity, listed in
 * `signer_trusted_by`) or `unverified` (the user accepted a signer nothing vouched for).
 * Forms have no signer (NULL).
 *
 * Packs imported before this version were accepted with or without trust; the audit entry
 * of each import recorded which, and is the only record, so it fills the new column.
 */
export const migration004ImportSignerTrust: Migration = {
  version: 4,
  name: 'import-signer-trust',
  sql: `
ALTER TABLE imports ADD COLUMN signer_trust TEXT CHECK (signer_trust IS NULL OR signer_trust IN ('trusted', 'unverified'));
ALTER TABLE imports ADD COLUMN signer_trusted_by TEXT;
UPDATE imports SET signer_trust = CASE
    WHEN (SELECT json_extract(detail_json, '$.verification.trusted') FROM audit_log
          WHERE audit_log.assessment_id = imports.assessment_id AND action = 'assessment.imported' ORDER BY seq LIMIT 1) = 1
    THEN 'trusted' ELSE 'unverified' END
  WHERE kind = 'pack';
`,
};
