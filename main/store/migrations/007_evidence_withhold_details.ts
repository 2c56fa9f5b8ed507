import type { Migration } from './migration';

/**
 * Confidential evidence whose name and description are withheld from a customer pack too
 * (shared/domain/recipient-view.ts): only the hash, size and dates are shown. Withholding the
 * details of a file that is not confidential means nothing, so the schema refuses it.
 */
export const migration007EvidenceWithholdDetails: Migration = {
  version: 7,
  name: 'evidence-withhold-details',
  sql: `
ALTER TABLE evidence_items ADD COLUMN withhold_details INTEGER NOT NULL DEFAULT 0
  CHECK (withhold_details IN (0, 1) AND (withhold_details = 0 OR confidential = 1));
`,
};
