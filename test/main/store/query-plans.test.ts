import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listClaims, CURRENT_CATALOG } from '../../../shared/catalog/index';
import { countSql, type SqlCounter, type SqlRun } from '../../helpers/sql-counter';
import { makeWorkspace, type WorkspaceFixture } from '../services/workspace-fixture';

// EXPLAIN QUERY PLAN of every statement the app's hot operations run (caught as they run, so a
// new query is checked too): an assessment or a claim is found through an index, never by
// reading a whole table, and the library is read in index order rather than sorted each time.

const BIG_TABLES = ['evidence_items', 'evidence_links', 'claim_responses', 'audit_log', 'remedial_actions'];
const CLAIMS = listClaims(CURRENT_CATALOG).map((c) => c.claim.id);

let sql: SqlCounter;
beforeAll(() => {
  sql = countSql();
});
afterAll(() => sql.restore());

let f: WorkspaceFixture;
beforeEach(() => {
  f = makeWorkspace();
});
afterEach(() => f.cleanup());

/** Each distinct statement run and its plan, explained on a connection of its own. */
function plans(runs: readonly SqlRun[]): { sql: string; plan: string[] }[] {
  const db = new Database(f.dbPath, { readonly: true });
  try {
    const distinct = [...new Set(runs.map((r) => r.sql))].filter((s) => /^\s*(SELECT|UPDATE|DELETE)/i.test(s));
    return distinct.map((s) => {
      const params = (s.match(/\?/g) ?? []).length;
      const rows = db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${s}`).all(...Array<null>(params).fill(null));
      return { sql: s.replace(/\s+/g, ' ').trim(), plan: rows.map((r) => r.detail) };
    });
  } finally {
    db.close();
  }
}

const fullScans = (p: { plan: string[] }) =>
  p.plan.filter((line) => BIG_TABLES.some((t) => new RegExp(`^SCAN ${t}\\b`).test(line) || new RegExp(`^SCAN \\w+$`).test(line)));

async function seeded() {
  const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor', sroName: 'Priya', sroRole: 'CTO' });
  const items = [];
  for (let i = 0; i < 12; i += 1) items.push(await f.ws.attachEvidence(a.id, CLAIMS[i % 3]!, f.file(`file ${i}.txt`, `bytes ${i}`)));
  f.ws.addAction(a.id, { claimId: CLAIMS[0]!, description: 'Write the policy' });
  return { a, items };
}

describe('query plans of the hot paths', () => {
  it('finds an assessment, a claim and its evidence through indexes: opening, saving, linking, the dashboard', async () => {
    const { a, items } = await seeded();
    const { runs } = sql.during(() => {
      f.ws.getAssessment(a.id);
      f.ws.openAssessment(a.id, CLAIMS[0]!);
      f.ws.assessmentEvidence(a.id);
      f.ws.updateClaim(a.id, CLAIMS[0]!, { result: 'met' });
      f.ws.completeness(a.id);
      f.ws.linkEvidence(a.id, CLAIMS[0]!, items[1]!.id);
      f.ws.unlinkEvidence(a.id, CLAIMS[0]!, items[1]!.id);
      f.ws.updateEvidence(items[0]!.id, { description: 'Reviewed' });
      f.ws.recentAuditEntries(a.id, 8);
    });
    const explained = plans(runs);
    expect(explained.length).toBeGreaterThan(10);
    expect(explained.filter((p) => fullScans(p).length > 0)).toEqual([]);
  });

  it('reads the library and the assessments list in index order, never sorting them in a temporary tree', async () => {
    await seeded();
    const { runs } = sql.during(() => {
      f.ws.listEvidence();
      f.ws.listAssessments();
      f.ws.getAssessment(f.ws.listAssessments()[0]!.assessment.id);
    });
    const sorted = plans(runs).filter(
      (p) => p.plan.some((line) => line.startsWith('USE TEMP B-TREE')) && !/evidence_links WHERE assessment_id = \?\)/.test(p.sql),
    );
    // The one sort left is of a single assessment's own items (a subset of the library): not listed here.
    expect(sorted).toEqual([]);
  });
});
