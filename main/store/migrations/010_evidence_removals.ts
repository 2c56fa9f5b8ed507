import type { Migration } from './migration';

/**
 * Evidence removed from the library (main/services/evidence-removal.ts). Removing deletes the
 * item rows and their links in one transaction and writes one row here holding what was
 * removed (items, links, the rows that pointed at them), so the removal can be undone while
 * `hold_until` has not passed. The stored files are deleted only afterwards, by the purge,
 * and only those no evidence item, pending contribution or other held removal still needs;
 * the row goes last. A kill at any moment leaves either the rows or this record, never a row
 * without its file: at worst a file nothing uses, which the next purge (at the next open for
 * changes) deletes.
 */
export const migration010EvidenceRemovals: Migration = {
  version: 10,
  name: 'evidence-removals',
  sql: `
CREATE TABLE evidence_removals (
  id           TEXT PRIMARY KEY,
  removed_at   TEXT NOT NULL,
  hold_until   TEXT NOT NULL CHECK (hold_until >= removed_at),
  record_json  TEXT NOT NULL CHECK (json_valid(record_json))
);
CREATE INDEX evidence_removals_by_hold ON evidence_removals(hold_until);
`,
};
