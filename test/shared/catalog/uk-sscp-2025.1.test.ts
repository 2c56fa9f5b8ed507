import { describe, expect, it } from 'vitest';
import { CURRENT_CATALOG, findCatalog, findClaim, listClaims, listPrinciples } from '../../../shared/catalog/index';
import { ukSscp2025v1 } from '../../../shared/catalog/uk-sscp-2025.1';

// The numbering the reference notes give, principle by principle: the catalog must match exactly.
const EXPECTED_CLAIM_COUNTS: Record<string, number> = {
  '1.1': 6,
  '1.2': 5,
  '1.3': 3,
  '1.4': 5,
  '2.1': 6,
  '2.2': 4,
  '3.1': 2,
  '3.2': 2,
  '3.3': 2,
  '3.4': 2,
  '3.5': 2,
  '4.1': 3,
  '4.2': 1,
  '4.3': 2,
};

describe('uk-sscp 2025.1', () => {
  it('is registered, and no longer the one new assessments use', () => {
    expect(findCatalog('uk-sscp', '2025.1')).toBe(ukSscp2025v1);
    expect(CURRENT_CATALOG).not.toBe(ukSscp2025v1);
    expect(ukSscp2025v1.source).toMatch(/NCSC|National Cyber Security Centre/);
    expect(ukSscp2025v1.source).toMatch(/Canad/);
  });

  it('has 4 themes, 14 principles and 45 claims numbered exactly as the Code', () => {
    expect(ukSscp2025v1.themes.map((t) => t.id)).toEqual(['1', '2', '3', '4']);
    const principles = listPrinciples(ukSscp2025v1);
    expect(principles.map((p) => p.principle.id)).toEqual(Object.keys(EXPECTED_CLAIM_COUNTS));
    for (const { theme, principle } of principles) {
      expect(principle.id.startsWith(`${theme.id}.`)).toBe(true);
      expect(principle.claims.map((c) => c.id)).toEqual(
        Array.from({ length: EXPECTED_CLAIM_COUNTS[principle.id]! }, (_, i) => `${principle.id}.${i + 1}`),
      );
    }
    expect(listClaims(ukSscp2025v1)).toHaveLength(45);
  });

  it('gives every claim a short title, a statement, 2-4 hints and 2-4 evidence examples', () => {
    for (const { claim } of listClaims(ukSscp2025v1)) {
      expect(claim.title.length, claim.id).toBeGreaterThan(0);
      expect(claim.title.length, claim.id).toBeLessThanOrEqual(60);
      expect(claim.statement.length, claim.id).toBeGreaterThan(20);
      expect(claim.guidance.length, claim.id).toBeGreaterThanOrEqual(2);
      expect(claim.guidance.length, claim.id).toBeLessThanOrEqual(4);
      expect(claim.typicalEvidence.length, claim.id).toBeGreaterThanOrEqual(2);
      expect(claim.typicalEvidence.length, claim.id).toBeLessThanOrEqual(4);
    }
    for (const { principle } of listPrinciples(ukSscp2025v1)) {
      expect(principle.statement.length, principle.id).toBeGreaterThan(20);
      expect(principle.guidance.length, principle.id).toBeGreaterThan(0);
    }
  });

  it('places the two claims some form copies omit where the reference notes put them', () => {
    expect(findClaim(ukSscp2025v1, '2.1.6')?.claim.title).toMatch(/review/i);
    expect(findClaim(ukSscp2025v1, '4.3.1')?.claim.title).toMatch(/incident/i);
    expect(findClaim(ukSscp2025v1, '4.3.2')?.claim.title).toMatch(/incident/i);
  });

  it("words principles in its own words, not the Code's headings", () => {
    // The Code's own principle sentences (quoted here only to check we do not repeat them).
    const codeWording = [
      'follow an established secure development framework',
      'have a clear process for testing software and software updates before distribution',
      'protect the build environment against unauthorised access',
      'control and log changes to the build environment',
      'distribute software securely to customers',
      'implement and publish an effective vulnerability disclosure process',
      'report vulnerabilities to relevant parties where appropriate',
      'provide timely security updates, patches and notifications to customers',
      'make information available to customers about notable incidents that may cause significant impact to customer organisations',
    ];
    for (const { principle } of listPrinciples(ukSscp2025v1)) {
      for (const text of [principle.title, principle.statement]) {
        const ours = text.toLowerCase().replace(/\.$/, '');
        expect(codeWording, `${principle.id}: ${text}`).not.toContain(ours);
      }
    }
  });
});
