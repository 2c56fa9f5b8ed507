import type { Migration } from './migration';

/**
 * Two kinds of evidence change (shared/domain/types.ts, shared/domain/recipient-view.ts):
 *
 * - Confidential evidence whose name and description are withheld from a customer pack too:
 *   only the hash, size and dates are shown. Withholding the details of a file that is not
 *   confidential means nothing, so the schema refuses it.
 * - A reference: evidence that is not a file (a system setting, a ticket, an interview).
 *   `file_name` holds its URL or location, `owner` who answers for it. It has no bytes, so
 *   it is never `present`, its size is 0, and its `sha256` column holds only a per-item key
 *   (the SHA-256 of "reference:" and its id) that the store never reports as a hash.
 */
export const migration007EvidenceWithholdDetails: Migration = {
  version: 7,
  name: 'evidence-withhold-details-and-references',
  sql: `
ALTER TABLE evidence_items ADD COLUMN withhold_details INTEGER NOT NULL DEFAULT 0
  CHECK (withhold_details IN (0, 1) AND (withhold_details = 0 OR confidential = 1));
ALTER TABLE evidence_items ADD COLUMN kind TEXT NOT NULL DEFAULT 'file'
  CHECK (kind IN ('file', 'reference') AND (kind = 'file' OR (present = 0 AND size = 0)));
ALTER TABLE evidence_items ADD COLUMN owner TEXT NOT NULL DEFAULT '';
`,
};
