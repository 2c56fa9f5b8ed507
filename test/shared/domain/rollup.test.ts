import { describe, expect, it } from 'vitest';
import { findClaim, listClaims } from '../../../shared/catalog/index';
import { ukSscp2025v1 } from '../../../shared/catalog/uk-sscp-2025.1';
import { rollupAssessment, rollupPrinciple, rollupTheme } from '../../../shared/domain/rollup';
import type { ClaimResult } from '../../../shared/domain/types';
import { allMet, assessment, detail, evidence, response } from './fixtures';

const p11 = findClaim(ukSscp2025v1, '1.1.1')!.principle; // claims 1.1.1 - 1.1.6
const p11Ids = p11.claims.map((c) => c.id);
const theme1 = ukSscp2025v1.themes[0]!;
const allIds = listClaims(ukSscp2025v1).map((c) => c.claim.id);

function withResults(results: readonly ClaimResult[], evidenced = true) {
  return detail({
    responses: results.map((r, i) => response(p11Ids[i]!, r)),
    evidence: [evidence('e1')],
    links: evidenced ? p11Ids.map((claimId) => ({ assessmentId: 'a1', claimId, evidenceId: 'e1' })) : [],
  });
}

describe('principle roll-up', () => {
  it('is met when every claim is met or not applicable and every met claim is evidenced', () => {
    const r = rollupPrinciple(withResults(['met', 'met', 'not-applicable', 'met', 'met', 'met']), p11);
    expect(r.status).toBe('met');
    expect(r.counts).toMatchObject({ met: 5, 'not-applicable': 1, 'not-assessed': 0, 'out-of-scope': 0 });
    expect(r.unevidencedClaimIds).toEqual([]);
  });

  it('is only partially met when a met claim has no evidence, and says which', () => {
    const d = allMet(p11Ids);
    const r = rollupPrinciple({ ...d, links: d.links.filter((l) => l.claimId !== '1.1.4') }, p11);
    expect(r.status).toBe('partially-met');
    expect(r.unevidencedClaimIds).toEqual(['1.1.4']);
  });

  it('is not assessed while any in-scope claim has no result', () => {
    expect(rollupPrinciple(detail(), p11).status).toBe('not-assessed');
    const r = rollupPrinciple(withResults(['met', 'not-met', 'met', 'met', 'met']), p11); // 1.1.6 missing
    expect(r.status).toBe('not-assessed');
    expect(r.counts).toMatchObject({ met: 4, 'not-met': 1, 'not-assessed': 1 });
  });

  it('is not met when no claim is met or partially met', () => {
    expect(rollupPrinciple(withResults(['not-met', 'not-met', 'not-applicable', 'not-met', 'not-met', 'not-met']), p11).status).toBe(
      'not-met',
    );
  });

  it('is partially met for a mix of met and not met, or any partially met claim', () => {
    expect(rollupPrinciple(withResults(['met', 'not-met', 'met', 'met', 'met', 'met']), p11).status).toBe('partially-met');
    expect(rollupPrinciple(withResults(['partially-met', 'not-met', 'not-met', 'not-met', 'not-met', 'not-met']), p11).status).toBe(
      'partially-met',
    );
    expect(rollupPrinciple(withResults(['met', 'met', 'met', 'met', 'met', 'partially-met']), p11).status).toBe('partially-met');
  });

  it('is not applicable when every claim is not applicable', () => {
    expect(rollupPrinciple(withResults(Array(6).fill('not-applicable'), false), p11).status).toBe('not-applicable');
  });

  it('is out of scope for a role that excludes its theme, whatever results were stored', () => {
    const d = { ...withResults(Array(6).fill('not-met')), assessment: assessment({ role: 'reseller' }) };
    const r = rollupPrinciple(d, p11);
    expect(r.status).toBe('out-of-scope');
    expect(r.counts).toMatchObject({ 'out-of-scope': 6, 'not-met': 0 });
  });
});

describe('theme and assessment roll-up', () => {
  it('meets a theme only when all its principles are met', () => {
    const t = rollupTheme(allMet(allIds), theme1);
    expect(t.status).toBe('met');
    expect(t.principles.map((p) => p.status)).toEqual(['met', 'met', 'met', 'met']);
    expect(t.counts.met).toBe(19);
  });

  it('carries a principle short of met up to the theme', () => {
    const d = allMet(allIds);
    const oneNotMet = { ...d, responses: d.responses.map((r) => (r.claimId === '1.3.2' ? response('1.3.2', 'not-met') : r)) };
    expect(rollupTheme(oneNotMet, theme1).status).toBe('partially-met');
    const allNotMet = { ...d, responses: d.responses.map((r) => response(r.claimId, 'not-met')) };
    expect(rollupTheme(allNotMet, theme1).status).toBe('not-met');
    const oneMissing = { ...d, responses: d.responses.filter((r) => r.claimId !== '1.4.5') };
    expect(rollupTheme(oneMissing, theme1).status).toBe('not-assessed');
  });

  it('counts every claim once per result across the assessment, out-of-scope apart', () => {
    const d = { ...allMet(allIds), assessment: assessment({ role: 'developer-only', theme3InScope: false }) };
    const r = rollupAssessment(d, ukSscp2025v1);
    expect(r.themes.map((t) => t.status)).toEqual(['met', 'met', 'out-of-scope', 'out-of-scope']);
    expect(r.counts).toEqual({ met: 29, 'out-of-scope': 16, 'not-assessed': 0, 'partially-met': 0, 'not-met': 0, 'not-applicable': 0 });
    const total = Object.values(r.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(45);
  });

  it('treats an empty assessment as not assessed everywhere in scope', () => {
    const r = rollupAssessment(detail(), ukSscp2025v1);
    expect(r.themes.map((t) => t.status)).toEqual(['not-assessed', 'not-assessed', 'not-assessed', 'not-assessed']);
    expect(r.counts['not-assessed']).toBe(45);
  });
});
