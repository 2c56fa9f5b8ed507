import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listClaims, CURRENT_CATALOG } from '../../../shared/catalog/index';
import type { SqlRun } from '../../helpers/sql-counter';
import { countedWorkspace } from '../services/workspace-fixture';

// EXPLAIN QUERY PLAN of every statement the app's hot operations run (caught as they run, so a
// new query is checked too): an assessment or a claim is found through an index, never by
// reading a whole table, and the library is read in index order rather than sorted each time.

const BIG_TABLES = ['evidence_items', 'evidence_links', 'claim_responses', 'audit_log', 'remedial_actions'];
const CLAIMS = listClaims(CURRENT_CATALOG).map((c) => c.claim.id);

const counted = countedWorkspace();

/** Each distinct statement run and its plan, explained on a connection of its own. */
function plans(runs: readonly SqlRun[]): { sql: string; plan: string[] }[] {
  const db = new Database(counted.f.dbPath, { readonly: true });
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
  const a = counted.f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor', sroName: 'Priya', sroRole: 'CTO' });
  const items = [];
  for (let i = 0; i < 12; i += 1)
    items.push(await counted.f.ws.attachEvidence(a.id, CLAIMS[i % 3]!, counted.f.file(`file ${i}.txt`, `bytes ${i}`)));
  counted.f.ws.addAction(a.id, { claimId: CLAIMS[0]!, description: 'Write the policy' });
  return { a, items };
}

describe('query plans of the hot paths', () => {
  it('finds an assessment, a claim and its evidence through indexes: opening, saving, linking, the dashboard', async () => {
    const { a, items } = await seeded();
    const { runs } = counted.sql.during(() => {
      counted.f.ws.getAssessment(a.id);
      counted.f.ws.openAssessment(a.id, CLAIMS[0]!);
      counted.f.ws.assessmentEvidence(a.id);
      counted.f.ws.updateClaim(a.id, CLAIMS[0]!, { result: 'met' });
      counted.f.ws.completeness(a.id);
      counted.f.ws.linkEvidence(a.id, CLAIMS[0]!, items[1]!.id);
      counted.f.ws.unlinkEvidence(a.id, CLAIMS[0]!, items[1]!.id);
      counted.f.ws.updateEvidence(items[0]!.id, { description: 'Reviewed' });
      counted.f.ws.recentAuditEntries(a.id, 8);
    });
    const explained = plans(runs);
    expect(explained.length).toBeGreaterThan(10);
    expect(explained.filter((p) => fullScans(p).length > 0)).toEqual([]);
  });

  it('reads the library and the assessments list in index order, never sorting them in a temporary tree', async () => {
    await seeded();
    const { runs } = counted.sql.during(() => {
      counted.f.ws.listEvidence();
      counted.f.ws.listAssessments();
      counted.f.ws.getAssessment(counted.f.ws.listAssessments()[0]!.assessment.id);
    });
    const sorted = plans(runs).filter(
      (p) => p.plan.some((line) => line.startsWith('USE TEMP B-TREE')) && !/evidence_links WHERE assessment_id = \?\)/.test(p.sql),
    );
    // The one sort left is of a single assessment's own items (a subset of the library): not listed here.
    expect(sorted).toEqual([]);
  });
});
