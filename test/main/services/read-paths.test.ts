import { describe, expect, it } from 'vitest';
import { listClaims, CURRENT_CATALOG } from '../../../shared/catalog/index';
import { touching } from '../../helpers/sql-counter';
import { countedWorkspace } from './workspace-fixture';

// How much each of the app's hot operations reads, counted in statements and rows rather than
// timed: with thousands of files, a reply about one claim must not read them all.

const counted = countedWorkspace();

const CLAIMS = listClaims(CURRENT_CATALOG).map((c) => c.claim.id);

/** An assessment with `n` files spread over its first three claims. */
async function seeded(n: number) {
  const a = counted.f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor', sroName: 'Priya', sroRole: 'CTO' });
  const items = [];
  for (let i = 0; i < n; i += 1)
    items.push(await counted.f.ws.attachEvidence(a.id, CLAIMS[i % 3]!, counted.f.file(`file ${i}.txt`, `bytes ${i}`)));
  return { a, items };
}

describe('read paths at scale', () => {
  it('saves a claim with statements compiled once per connection, reading no evidence', async () => {
    const { a } = await seeded(30);
    counted.f.ws.updateClaim(a.id, '1.1.1', { result: 'met' });
    const { result, runs, compiled } = counted.sql.during(() => counted.f.ws.updateClaim(a.id, '1.1.1', { result: 'partially-met' }));
    expect(result.result).toBe('partially-met');
    expect(compiled).toEqual([]);
    expect(touching(runs, 'claim_responses').statements).toBeGreaterThan(0);
    expect(touching(runs, 'evidence_items').statements).toBe(0);
    expect(touching(runs, 'evidence_links').statements).toBe(0);
  });

  it('counts completeness from which claims have evidence, never reading an evidence row', async () => {
    const { a } = await seeded(30);
    const { result, runs } = counted.sql.during(() => counted.f.ws.completeness(a.id));
    expect(result.withEvidence).toBe(3);
    expect(touching(runs, 'evidence_items').statements).toBe(0);
    // The distinct claims, not one row per link.
    expect(touching(runs, 'evidence_links').rows).toBe(3);
  });

  it('lists assessments in the same statements whether there is one or five', async () => {
    await seeded(6);
    const one = counted.sql.during(() => counted.f.ws.listAssessments());
    for (let i = 0; i < 4; i += 1) counted.f.ws.createAssessment({ organisation: `Org ${i}`, role: 'reseller' });
    const five = counted.sql.during(() => counted.f.ws.listAssessments());
    expect(five.result).toHaveLength(5);
    expect(five.result.find((s) => s.assessment.organisation === 'Acme')!.completeness.withEvidence).toBe(3);
    expect(five.runs.map((r) => r.sql)).toEqual(one.runs.map((r) => r.sql));
  });

  it("replies to a link or unlink with that claim's evidence, reading only that claim's items", async () => {
    const { a, items } = await seeded(30);
    const other = items[1]!; // on the second claim
    const linked = counted.sql.during(() => counted.f.ws.linkEvidence(a.id, CLAIMS[0]!, other.id));
    expect(linked.result.claimId).toBe(CLAIMS[0]);
    expect(linked.result.evidence.map((e) => e.id)).toEqual(items.filter((_, i) => i % 3 === 0 || i === 1).map((e) => e.id));
    // The item itself once, then the claim's 11 items: never the 30 in the assessment.
    expect(touching(linked.runs, 'evidence_items').rows).toBeLessThanOrEqual(1 + 11);
    const unlinked = counted.sql.during(() => counted.f.ws.unlinkEvidence(a.id, CLAIMS[0]!, other.id));
    expect(unlinked.result.evidence.map((e) => e.id)).toEqual(items.filter((_, i) => i % 3 === 0).map((e) => e.id));
    expect(touching(unlinked.runs, 'evidence_items').rows).toBeLessThanOrEqual(1 + 10);
    expect(
      counted.f.ws
        .getAssessment(a.id)
        .links.filter((l) => l.claimId === CLAIMS[0])
        .map((l) => l.evidenceId)
        .sort(),
    ).toEqual(unlinked.result.evidence.map((e) => e.id).sort());
  });

  it('reads only the newest history entries it is asked for, and counts the rest', async () => {
    const { a } = await seeded(12);
    const all = counted.f.ws.auditEntries(a.id);
    const { result, runs } = counted.sql.during(() => counted.f.ws.recentAuditEntries(a.id, 5));
    expect(result.total).toBe(all.length);
    expect(result.entries).toEqual(all.slice(-5));
    expect(touching(runs, 'audit_log').rows).toBeLessThanOrEqual(5 + 1);
  });
});
