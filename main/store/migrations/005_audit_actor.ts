import type { Migration } from './migration';

/**
 * Every audit entry says who made the change (main/store/audit-log.ts). Entries written before
 * this step keep a NULL actor, which the app reports as "not recorded" rather than guessing;
 * `audit_actor_since` remembers where recording began, so an entry after it that names nobody
 * is reported by the chain check instead of passing for an old one.
 */
export const migration005AuditActor: Migration = {
  version: 5,
  name: 'audit-actor',
  sql: `
ALTER TABLE audit_log ADD COLUMN actor_json TEXT CHECK (actor_json IS NULL OR (json_valid(actor_json) AND json_type(actor_json) = 'object'));

CREATE TABLE audit_actor_since (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  first_seq INTEGER NOT NULL CHECK (first_seq >= 1)
);
INSERT INTO audit_actor_since (id, first_seq) SELECT 1, COALESCE((SELECT seq FROM audit_head WHERE id = 1), 0) + 1;

CREATE TRIGGER audit_actor_since_no_update BEFORE UPDATE ON audit_actor_since
BEGIN SELECT RAISE(ABORT, 'audit_actor_since never changes'); END;
CREATE TRIGGER audit_actor_since_no_delete BEFORE DELETE ON audit_actor_since
BEGIN SELECT RAISE(ABORT, 'audit_actor_since never changes'); END;
`,
};
