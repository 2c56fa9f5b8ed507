import type { Migration } from './migration';

/**
 * Rows made in the same millisecond (a bulk attach, an import, actions added in one go) are
 * listed in the order they were made. Their ids are random UUIDs, so ordering by time and then
 * id shuffled them; lists now break ties by rowid, which SQLite assigns in insertion order.
 * Each index is on the time alone: SQLite appends the rowid to every index entry, so
 * `ORDER BY added_at, rowid` (and its reverse, newest first) is still read straight from the
 * index, never sorted in a temporary tree (test/main/store/query-plans.test.ts).
 *
 * Indexes only: no row changes, so the audit chain and every signed snapshot read as before.
 */
export const migration011InsertionOrder: Migration = {
  version: 11,
  name: 'insertion-order',
  sql: `
DROP INDEX evidence_items_by_added;
CREATE INDEX evidence_items_by_added ON evidence_items(added_at);
DROP INDEX remedial_actions_by_assessment_created;
CREATE INDEX remedial_actions_by_assessment_created ON remedial_actions(assessment_id, created_at);
DROP INDEX assessments_by_created;
CREATE INDEX assessments_by_created ON assessments(created_at);
`,
};
