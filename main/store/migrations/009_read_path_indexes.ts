import type { Migration } from './migration';

/**
 * Indexes for the app's hot read paths at the scale of thousands of evidence items
 * (docs/architecture.md, "Thousands of files stay fast"; each checked with EXPLAIN QUERY PLAN
 * in test/main/store/query-plans.test.ts):
 *
 * - `evidence_items(added_at, id)`: the library lists every item in the order it was added,
 *   read straight from the index instead of sorted in a temporary tree on each open.
 * - `evidence_items(replaces_id)`: an item's newer version, and the foreign key check when an
 *   item is removed (without it SQLite reads every item to find rows naming it).
 * - `remedial_actions(assessment_id, created_at, id)`: an assessment's actions in the order
 *   they are shown.
 * - `assessments(created_at DESC, id)`: the assessments list, newest first.
 *
 * Indexes only: no row changes, so the audit chain and every signed snapshot read as before.
 */
export const migration009ReadPathIndexes: Migration = {
  version: 9,
  name: 'read-path-indexes',
  sql: `
CREATE INDEX evidence_items_by_added ON evidence_items(added_at, id);
CREATE INDEX evidence_items_by_replaces ON evidence_items(replaces_id);
CREATE INDEX remedial_actions_by_assessment_created ON remedial_actions(assessment_id, created_at, id);
CREATE INDEX assessments_by_created ON assessments(created_at DESC, id);
`,
};
