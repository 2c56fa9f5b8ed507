import { describe, expect, it } from 'vitest';
import {
  CATALOGS,
  CURRENT_CATALOG,
  describeDocuments,
  findCatalog,
  findClaim,
  listClaims,
  listPrinciples,
} from '../../../shared/catalog/index';
import { ukSscp2025v1 } from '../../../shared/catalog/uk-sscp-2025.1';
import { ukSscp2025v2 } from '../../../shared/catalog/uk-sscp-2025.2';

const statement = (id: string): string => findClaim(ukSscp2025v2, id)?.claim.statement ?? '';
const guidance = (id: string): string => (findClaim(ukSscp2025v2, id)?.claim.guidance ?? []).join(' ');

// The claims whose 2025.1 statement said more (or less) than the APC claim.
const CHANGED = [
  '1.1.2',
  '1.1.3',
  '1.1.4',
  '1.1.5',
  '1.1.6',
  '1.2.3',
  '1.2.5',
  '1.3.2',
  '1.3.3',
  '1.4.3',
  '1.4.5',
  '2.1.3',
  '2.1.4',
  '3.1.2',
  '3.2.1',
  '3.4.2',
  '4.3.1',
  '4.3.2',
];

describe('uk-sscp 2025.2', () => {
  it('is registered, the newest, and what new assessments use', () => {
    expect(findCatalog('uk-sscp', '2025.2')).toBe(ukSscp2025v2);
    expect(CURRENT_CATALOG).toBe(ukSscp2025v2);
    expect(CATALOGS.at(-1)).toBe(ukSscp2025v2);
  });

  it('keeps the 45 claims numbered, titled by principle and ordered exactly as 2025.1', () => {
    expect(listClaims(ukSscp2025v2)).toHaveLength(45);
    expect(listClaims(ukSscp2025v2).map((c) => c.claim.id)).toEqual(listClaims(ukSscp2025v1).map((c) => c.claim.id));
    expect(listPrinciples(ukSscp2025v2).map((p) => [p.principle.id, p.principle.title])).toEqual(
      listPrinciples(ukSscp2025v1).map((p) => [p.principle.id, p.principle.title]),
    );
    for (const { claim } of listClaims(ukSscp2025v2)) {
      expect(claim.guidance.length, claim.id).toBeGreaterThanOrEqual(2);
      expect(claim.guidance.length, claim.id).toBeLessThanOrEqual(4);
      expect(claim.typicalEvidence.length, claim.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('records the documents and versions it follows', () => {
    expect(ukSscp2025v2.documents?.map((d) => [d.key, d.version, d.published])).toEqual([
      ['code', 'May 2025', '2025-05-07'],
      ['guidance', '1.0', '2025-05-07'],
      ['apc', '1.0', '2025-05-07'],
      ['form', '0.4', '2025-05-09'],
    ]);
    expect(describeDocuments(ukSscp2025v2)).toBe(
      'Code of Practice May 2025; Implementation guidance v1.0; Assurance Principles and Claims (APC) v1.0; self-assessment form v0.4',
    );
    expect(describeDocuments(ukSscp2025v1)).toBeNull();
  });

  it("covers default and persistent passwords in the software and in the vendor's own tools (1.4.3)", () => {
    expect(statement('1.4.3')).toMatch(/default/i);
    expect(statement('1.4.3')).toMatch(/persistent/i);
    expect(statement('1.4.3')).toMatch(/tools/i);
    expect(statement('1.4.3')).not.toMatch(/ships without/i);
  });

  it('requires both the disclosure policy and the process to be published (3.2.1)', () => {
    expect(statement('3.2.1')).toMatch(/policy/i);
    expect(statement('3.2.1')).toMatch(/process/i);
    expect(statement('3.2.1')).toMatch(/\bboth\b/i);
    expect(statement('3.2.1')).toMatch(/are published/i);
    expect(statement('3.2.1')).not.toMatch(/has a process behind it/i);
  });

  it('requires the incident support plan to be published, not merely shared (4.3.1)', () => {
    expect(statement('4.3.1')).toMatch(/published/i);
    expect(statement('4.3.1')).not.toMatch(/shared|or /i);
  });

  it.each([
    ['1.1.2', /current/i, /current/i],
    ['1.1.3', /supported/i, /supported/i],
    ['1.1.4', /reproduce/i, /reproduce/i],
    ['1.1.5', /before and during/i, /before development/i],
    ['1.1.6', /unnecessary features/i, /features nobody needs/i],
    ['1.2.3', /risk/i, /risk/i],
    ['1.2.5', /prioritis/i, /prioritis/i],
    ['1.3.2', /same result/i, /same result/i],
    ['1.3.3', /fix/i, /fix/i],
    ['1.4.5', /cryptograph/i, /cryptograph/i],
    ['2.1.3', /shared/i, /shared accounts/i],
    ['2.1.4', /rotat|revok/i, /rotate[\s\S]*revoke/i],
    ['3.1.2', /transit/i, /TLS/],
    ['3.4.2', /advice/i, /protect themselves/i],
    ['4.3.2', /until .* resolved/i, /until .* resolved/i],
  ] as const)('claim %s no longer states what the APC claim does not (%s); its guidance says it', (id, addition, inGuidance) => {
    expect(findClaim(ukSscp2025v1, id)?.claim.statement, 'the 2025.1 statement had it').toMatch(addition);
    expect(statement(id)).not.toMatch(addition);
    expect(guidance(id)).toMatch(inGuidance);
  });

  it('says "addressed" for defects, as the APC does (1.3.3)', () => {
    expect(statement('1.3.3')).toMatch(/addressed/i);
    expect(findClaim(ukSscp2025v2, '1.3.3')?.claim.title).toMatch(/addressed/i);
  });

  it('lists in its change log exactly the claims whose statement differs from 2025.1, each with a reason', () => {
    const differs = listClaims(ukSscp2025v2)
      .filter(({ claim }) => findClaim(ukSscp2025v1, claim.id)?.claim.statement !== claim.statement)
      .map(({ claim }) => claim.id);
    expect(differs).toEqual(CHANGED);
    expect(ukSscp2025v2.changes?.map((c) => c.claimId)).toEqual(CHANGED);
    for (const change of ukSscp2025v2.changes ?? []) {
      expect(change.since).toBe('2025.1');
      expect(change.note.length, change.claimId).toBeGreaterThan(30);
    }
  });
});
