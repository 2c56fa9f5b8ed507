import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_CATALOG, listClaims } from '../../shared/catalog/index';
import { addDays } from '../../shared/domain/dates';
import { CITED_EVIDENCE } from '../../main/demo/cited-evidence';
import { SELF_ASSESSED_CLAIMS } from '../../main/demo/self-assessment-claims';
import { buildSelfAssessment, PROJECT_START } from '../../main/demo/self-assessment';

const ROOT = resolve(__dirname, '../..');
const TODAY = '2027-03-01';

describe('the self-assessment cites only files that exist', () => {
  it('every required repository file it cites is in the repository', () => {
    const missing = CITED_EVIDENCE.filter((e) => e.source.kind === 'repo-file' && !e.optional)
      .map((e) => (e.source.kind === 'repo-file' ? e.source.path : ''))
      .filter((path) => !existsSync(join(ROOT, path)));
    expect(missing).toEqual([]);
  });

  it('every evidence key a claim cites is defined, and every defined item is cited', () => {
    const defined = new Set(CITED_EVIDENCE.map((e) => e.key));
    const cited = new Set(SELF_ASSESSED_CLAIMS.flatMap((c) => c.evidence));
    expect([...cited].filter((k) => !defined.has(k))).toEqual([]);
    expect([...defined].filter((k) => !cited.has(k))).toEqual([]);
  });
});

describe('the self-assessment covers the whole Code, honestly', () => {
  const withNothingOptional = buildSelfAssessment({ version: '9.8.7', today: TODAY, isAvailable: () => false });
  const withEverything = buildSelfAssessment({ version: '9.8.7', today: TODAY, isAvailable: () => true });

  it('answers all 45 claims of the current catalog, in catalog order', () => {
    const catalogIds = listClaims(CURRENT_CATALOG).map((c) => c.claim.id);
    expect(catalogIds).toHaveLength(45);
    expect(SELF_ASSESSED_CLAIMS.map((c) => c.claimId)).toEqual(catalogIds);
    expect(withEverything.claims.map((c) => c.claimId)).toEqual(catalogIds);
  });

  it('describes the project, its version, its role and the period up to the day before it is signed (a finished period)', () => {
    expect(withEverything).toMatchObject({
      organisation: 'SSCP Evidence Pack project',
      products: ['SSCP Evidence Pack 9.8.7'],
      role: 'developer-distributor',
      periodStart: PROJECT_START,
      periodEnd: addDays(TODAY, -1),
      sroRole: 'Project lead',
    });
    // A day before the project began cannot end a period that starts later.
    const early = buildSelfAssessment({ version: '1', today: '2026-01-01', isAvailable: () => true });
    expect(early.periodStart <= early.periodEnd).toBe(true);
  });

  it('backs every met or partially met claim with evidence, even when optional evidence is missing', () => {
    for (const claim of withNothingOptional.claims.filter((c) => c.result === 'met' || c.result === 'partially-met')) {
      expect(claim.evidence.length, `claim ${claim.claimId}`).toBeGreaterThan(0);
    }
  });

  it('gives every shortfall a remedial action with an owner and a due date after the assessment', () => {
    for (const claim of withEverything.claims.filter((c) => c.result === 'not-met' || c.result === 'partially-met')) {
      expect(claim.actions.length, `claim ${claim.claimId}`).toBeGreaterThan(0);
      for (const action of claim.actions) {
        expect(action.owner).not.toBe('');
        expect(action.dueDate > TODAY, `claim ${claim.claimId}`).toBe(true);
      }
    }
  });

  it('admits the gaps a small project has: the build-environment claims are not met, two are not even assessed', () => {
    const result = (id: string) => withEverything.claims.find((c) => c.claimId === id)?.result;
    for (const id of ['2.1.1', '2.1.3', '2.1.4', '2.1.5', '2.1.6', '2.2.2', '2.2.3', '2.2.4', '1.1.2'])
      expect(result(id), id).toBe('not-met');
    const notAssessed = withEverything.claims.filter((c) => c.result === 'not-assessed');
    expect(notAssessed.map((c) => c.claimId)).toEqual(['2.1.2', '2.2.1']);
    for (const claim of notAssessed) {
      expect(claim.arguments).toMatch(/^Not assessed\./);
      expect(claim.status).not.toBe('done');
      expect(claim.actions.length).toBeGreaterThan(0);
    }
    const counts = new Map<string, number>();
    for (const c of withEverything.claims) counts.set(c.result, (counts.get(c.result) ?? 0) + 1);
    expect(counts.get('met')).toBeLessThan(25);
  });

  it('says so in the arguments when optional evidence was not available, instead of citing it', () => {
    const report = CITED_EVIDENCE.find((e) => e.key === 'test-report')!;
    const without = withNothingOptional.claims.find((c) => c.claimId === '1.3.2')!;
    const with_ = withEverything.claims.find((c) => c.claimId === '1.3.2')!;
    expect(with_.evidence).toContain('test-report');
    expect(without.evidence).not.toContain('test-report');
    expect(without.arguments).toContain(report.optional!.whenMissing);
    expect(with_.arguments).not.toContain(report.optional!.whenMissing);
    expect(withNothingOptional.evidence.map((e) => e.key)).not.toContain('test-report');
  });

  it('lists each piece of evidence once, in the order it is first cited', () => {
    const keys = withEverything.evidence.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    const firstCited = [...new Set(withEverything.claims.flatMap((c) => c.evidence))];
    expect(keys).toEqual(firstCited);
  });

  it("puts no person's name in it: owners and the SRO are roles", () => {
    const owners = new Set(withEverything.claims.flatMap((c) => c.actions.map((a) => a.owner)));
    expect([...owners].sort()).toEqual(['Maintainers', 'Project lead', 'Release manager']);
    expect(withEverything.sroName).toMatch(/project lead/i);
  });
});
