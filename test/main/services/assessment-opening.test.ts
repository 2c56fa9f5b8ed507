import { describe, expect, it } from 'vitest';
import { CURRENT_CATALOG, listClaims } from '../../../shared/catalog/index';
import { touching } from '../../helpers/sql-counter';
import { countedWorkspace } from './workspace-fixture';

// Opening an assessment in the app comes in two reads (main/services/assessment-opening.ts):
// what its first screen shows, then every evidence record. Together they must say exactly what
// the whole detail says, and the first must not read every item's record.

const counted = countedWorkspace();

const CLAIMS = listClaims(CURRENT_CATALOG).map((c) => c.claim.id);
const FIRST_OF_THEME_3 = CLAIMS.find((id) => id.startsWith('3.'))!;

/** An assessment with `n` files over its first three claims and the first claim of theme 3; one on claim 1.1.1's neighbour expires. */
async function seeded(n: number, role: 'developer-distributor' | 'reseller' = 'developer-distributor') {
  const a = counted.f.ws.createAssessment({ organisation: 'Acme', role, sroName: 'Priya', sroRole: 'CTO' });
  const on = [CLAIMS[0]!, CLAIMS[1]!, CLAIMS[2]!, FIRST_OF_THEME_3];
  const items = [];
  for (let i = 0; i < n; i += 1) {
    const meta = i === 1 ? { expiryDate: '2026-03-01' } : {};
    items.push(await counted.f.ws.attachEvidence(a.id, on[i % on.length]!, counted.f.file(`file ${i}.txt`, `bytes ${i}`), meta));
  }
  // One item on two claims, and an answer and an action, so every part of the detail has something in it.
  counted.f.ws.linkEvidence(a.id, CLAIMS[2]!, items[0]!.id);
  counted.f.ws.updateClaim(a.id, CLAIMS[0]!, { result: 'met', evidenceText: 'See the policy.' });
  counted.f.ws.addAction(a.id, { claimId: CLAIMS[1]!, description: 'Write the policy' });
  return { a, items };
}

describe('opening an assessment in two reads', () => {
  it('sends the first screen, then every record, which together are exactly the whole detail', async () => {
    const { a, items } = await seeded(40);
    const whole = counted.f.ws.getAssessment(a.id);
    const opening = counted.f.ws.openAssessment(a.id, CLAIMS[0]!);
    expect(opening.assessment).toEqual(whole.assessment);
    expect(opening.responses).toEqual(whole.responses);
    expect(opening.actions).toEqual(whole.actions);
    expect(opening.shownClaimId).toBe(CLAIMS[0]);
    // Each claim's ids, which flatten to the detail's links in its order.
    const links = opening.claimEvidence.flatMap(({ claimId, evidenceIds }) =>
      evidenceIds.map((evidenceId) => ({ assessmentId: a.id, claimId, evidenceId })),
    );
    expect(links).toEqual(whole.links);
    expect(opening.claimEvidence.map((c) => c.claimId)).toEqual([CLAIMS[0], CLAIMS[1], CLAIMS[2], FIRST_OF_THEME_3]);
    // The shown claim's items and the one that expires (the claim list's filter reads it), in the detail's order.
    const shown = new Set(whole.links.filter((l) => l.claimId === CLAIMS[0]).map((l) => l.evidenceId));
    expect(opening.evidence).toEqual(whole.evidence.filter((e) => shown.has(e.id) || e.id === items[1]!.id));
    expect(opening.evidence).toHaveLength(11);
    expect(counted.f.ws.assessmentEvidence(a.id)).toEqual(whole.evidence);
  });

  it("sends the claim the screen would choose when none is asked for: the first in the role's scope", async () => {
    const { a } = await seeded(8, 'reseller');
    const opening = counted.f.ws.openAssessment(a.id, null);
    // A reseller's scope starts at theme 3: its first claim is what the screen shows first.
    expect(opening.shownClaimId).toBe(FIRST_OF_THEME_3);
    const shown = new Set(opening.claimEvidence.find((c) => c.claimId === FIRST_OF_THEME_3)!.evidenceIds);
    expect(opening.evidence.filter((e) => shown.has(e.id))).toHaveLength(2);
    // A claim number the catalog does not have falls back the same way.
    expect(counted.f.ws.openAssessment(a.id, '9.9.9').shownClaimId).toBe(FIRST_OF_THEME_3);
  });

  it("reads only the shown claim's records (and those that expire), in a fixed number of statements", async () => {
    const { a } = await seeded(60);
    counted.f.ws.openAssessment(a.id, CLAIMS[0]!);
    const small = counted.sql.during(() => counted.f.ws.openAssessment(a.id, CLAIMS[0]!));
    // 15 on the shown claim and the one that expires: never the 60 the assessment has.
    expect(touching(small.runs, 'evidence_items').rows).toBe(16);
    expect(small.compiled).toEqual([]);
    for (let i = 60; i < 120; i += 1) await counted.f.ws.attachEvidence(a.id, CLAIMS[1]!, counted.f.file(`more ${i}.txt`, `more ${i}`));
    const big = counted.sql.during(() => counted.f.ws.openAssessment(a.id, CLAIMS[0]!));
    expect(big.runs.map((r) => r.sql)).toEqual(small.runs.map((r) => r.sql));
    expect(touching(big.runs, 'evidence_items').rows).toBe(16);
  });

  it('refuses an assessment that is not there, as the whole read does', () => {
    expect(() => counted.f.ws.openAssessment('no-such-assessment', null)).toThrow(/no assessment/i);
    expect(() => counted.f.ws.assessmentEvidence('no-such-assessment')).toThrow(/no assessment/i);
  });
});
