import { describe, expect, it } from 'vitest';
import { CURRENT_CATALOG, findCatalog, listClaims, statementChanges } from '../../shared/catalog/index';
import { carryForward } from '../../shared/domain/carry-forward';
import { makeDetail } from '../fixtures/form/make-detail';

const ids = listClaims(CURRENT_CATALOG).map((c) => c.claim.id);
const hash = (c: string): string => c.repeat(64);

const last = makeDetail(CURRENT_CATALOG, {
  assessment: {
    id: 'y1',
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    state: 'signed',
    sroName: 'Jane',
    sroRole: 'CTO',
    products: ['A', 'B'],
  },
  responses: {
    '1.1.1': { result: 'met', status: 'done', evidenceText: 'Policy v3\nsigned', arguments: 'Because.' },
    '2.1.6': { result: 'not-met', status: 'done', arguments: 'No review yet.' },
  },
  evidence: [
    { id: 'e-expired', sha256: hash('a'), fileName: 'pentest-2024.pdf', expiryDate: '2026-01-10' },
    { id: 'e-before', sha256: hash('b'), fileName: 'cert.pdf', expiryDate: '2026-01-15' },
    { id: 'e-during', sha256: hash('c'), fileName: 'iso.pdf', expiryDate: '2026-12-31' },
    { id: 'e-fine', sha256: hash('d'), fileName: 'policy.pdf', expiryDate: '2027-01-01' },
    { id: 'e-no-expiry', sha256: hash('e'), fileName: 'sbom.json' },
    { id: 'e-unlinked', sha256: hash('f'), fileName: 'spare.pdf', expiryDate: '2020-01-01' },
  ],
  links: [
    { claimId: '1.1.1', evidenceId: 'e-fine' },
    { claimId: '1.3.1', evidenceId: 'e-expired' },
    { claimId: '1.3.2', evidenceId: 'e-expired' },
    { claimId: '2.1.5', evidenceId: 'e-before' },
    { claimId: '2.2.3', evidenceId: 'e-during' },
    { claimId: '1.2.1', evidenceId: 'e-no-expiry' },
  ],
  actions: [
    { claimId: '2.1.6', description: 'Start access reviews', owner: 'Bob', dueDate: '2026-03-31', state: 'open' },
    { claimId: '2.1.6', description: 'Write the policy', state: 'done' },
  ],
});

describe('carryForward', () => {
  const plan = carryForward(last, { periodStart: '2026-01-12', periodEnd: '2026-12-31', today: '2026-01-11' }, ids);

  it('sets up the new draft from the old one', () => {
    expect(plan.assessment).toEqual({
      organisation: 'Acme Widgets Ltd',
      products: ['A', 'B'],
      role: 'developer-distributor',
      theme3InScope: false,
      periodStart: '2026-01-12',
      periodEnd: '2026-12-31',
      sroName: 'Jane',
      sroRole: 'CTO',
      origin: 'carried-forward',
      previousId: 'y1',
    });
  });

  it('carries text, results and links, and marks every claim needs-review', () => {
    expect(plan.responses).toHaveLength(45);
    expect(plan.responses.every((r) => r.status === 'needs-review')).toBe(true);
    expect(plan.responses.find((r) => r.claimId === '1.1.1')).toEqual({
      claimId: '1.1.1',
      status: 'needs-review',
      result: 'met',
      evidenceText: 'Policy v3\nsigned',
      arguments: 'Because.',
    });
    expect(plan.responses.find((r) => r.claimId === '2.1.6')?.result).toBe('not-met');
    expect(plan.links).toEqual(last.links.map(({ claimId, evidenceId }) => ({ claimId, evidenceId })));
  });

  it('carries open remedial actions only', () => {
    expect(plan.actions).toEqual([
      { claimId: '2.1.6', description: 'Start access reviews', owner: 'Bob', dueDate: '2026-03-31', state: 'open' },
    ]);
  });

  it('flags linked evidence that has expired or expires before the new period ends', () => {
    expect(plan.expiryFlags).toEqual([
      { evidenceId: 'e-expired', fileName: 'pentest-2024.pdf', expiryDate: '2026-01-10', reason: 'expired', claimIds: ['1.3.1', '1.3.2'] },
      { evidenceId: 'e-before', fileName: 'cert.pdf', expiryDate: '2026-01-15', reason: 'expires-during-period', claimIds: ['2.1.5'] },
      { evidenceId: 'e-during', fileName: 'iso.pdf', expiryDate: '2026-12-31', reason: 'expires-during-period', claimIds: ['2.2.3'] },
    ]);
    // Still valid today but gone before the new period starts.
    const later = carryForward(last, { periodStart: '2026-02-01', periodEnd: '2026-12-31', today: '2026-01-11' }, ids);
    expect(later.expiryFlags.find((f) => f.evidenceId === 'e-before')?.reason).toBe('expires-before-period');
  });

  it('defaults the period to the next one of the same length, whole years and months kept whole', () => {
    expect(carryForward(last, { today: '2026-01-02' }, ids).assessment).toMatchObject({
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
    });
    const fy = makeDetail(CURRENT_CATALOG, { assessment: { periodStart: '2027-03-01', periodEnd: '2028-02-29' } });
    expect(carryForward(fy, { today: '2028-03-01' }, ids).assessment).toMatchObject({ periodStart: '2028-03-01', periodEnd: '2029-02-28' });
    const odd = makeDetail(CURRENT_CATALOG, { assessment: { periodStart: '2026-01-05', periodEnd: '2026-01-14' } });
    expect(carryForward(odd, { today: '2026-01-15' }, ids).assessment).toMatchObject({
      periodStart: '2026-01-15',
      periodEnd: '2026-01-24',
    });
    const none = makeDetail(CURRENT_CATALOG, { assessment: { periodStart: null, periodEnd: null } });
    expect(carryForward(none, { today: '2026-01-15' }, ids).assessment).toMatchObject({ periodStart: null, periodEnd: null });
  });

  it('maps onto a catalog with different claims by id, reporting what it could not carry', () => {
    const newIds = [...ids.filter((id) => id !== '2.1.6'), '5.1.1'];
    const p = carryForward(last, { today: '2026-01-02' }, newIds);
    expect(p.droppedClaims).toEqual(['2.1.6']);
    expect(p.newClaims).toEqual(['5.1.1']);
    expect(p.actions).toEqual([]);
    expect(p.responses.find((r) => r.claimId === '5.1.1')).toEqual({
      claimId: '5.1.1',
      status: 'not-started',
      result: 'not-assessed',
      evidenceText: '',
      arguments: '',
    });
  });

  it('refuses a period that ends before it starts, and bad dates', () => {
    expect(() => carryForward(last, { periodStart: '2026-05-01', periodEnd: '2026-04-30', today: '2026-01-01' }, ids)).toThrow(
      /would end \(2026-04-30\) before it starts/,
    );
    expect(() => carryForward(last, { periodStart: '2026-02-30', today: '2026-01-01' }, ids)).toThrow(/not a real calendar day/);
  });
});

describe('carryForward from catalog 2025.1 to 2025.2', () => {
  const v1 = findCatalog('uk-sscp', '2025.1')!;
  const v2 = findCatalog('uk-sscp', '2025.2')!;
  const lastYear = makeDetail(v1, {
    assessment: { id: 'y0', state: 'signed' },
    responses: { '1.4.3': { result: 'met', status: 'done', evidenceText: 'Installer forces a new password.' } },
  });
  const v2Ids = listClaims(v2).map((c) => c.claim.id);

  it('lists exactly the claims whose statement changed, each with old and new wording and the reason', () => {
    const p = carryForward(lastYear, { today: '2027-01-02' }, v2Ids, statementChanges(v1, v2));
    expect(p.statementChanges.map((c) => c.claimId)).toEqual([
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
    ]);
    for (const c of p.statementChanges) {
      expect(c.from, c.claimId).toBe(findClaimStatement(v1, c.claimId));
      expect(c.to, c.claimId).toBe(findClaimStatement(v2, c.claimId));
      expect(c.note, c.claimId).toBe(v2.changes!.find((x) => x.claimId === c.claimId)!.note);
      expect(p.responses.find((r) => r.claimId === c.claimId)?.status, c.claimId).toBe('needs-review');
    }
    expect(p.responses.find((r) => r.claimId === '1.4.3')).toMatchObject({
      result: 'met',
      evidenceText: 'Installer forces a new password.',
    });
  });

  it('reports no statement change between assessments on the same version, nor for a claim it did not carry', () => {
    expect(statementChanges(v2, v2)).toEqual([]);
    const p = carryForward(
      lastYear,
      { today: '2027-01-02' },
      v2Ids.filter((id) => id !== '3.2.1'),
      statementChanges(v1, v2),
    );
    expect(p.statementChanges.map((c) => c.claimId)).not.toContain('3.2.1');
    expect(p.statementChanges).toHaveLength(17);
  });

  it('explains a change whichever way round the versions are compared', () => {
    const back = statementChanges(v2, v1);
    expect(back).toHaveLength(18);
    expect(back.find((c) => c.claimId === '3.2.1')).toMatchObject({
      fromVersion: '2025.2',
      toVersion: '2025.1',
      note: expect.stringMatching(/published/),
    });
  });
});

function findClaimStatement(catalog: NonNullable<ReturnType<typeof findCatalog>>, id: string): string | undefined {
  return listClaims(catalog).find((c) => c.claim.id === id)?.claim.statement;
}
