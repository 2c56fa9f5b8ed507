import { describe, expect, it } from 'vitest';
import { CURRENT_CATALOG, listClaims } from '../../../shared/catalog/index';
import {
  actionOwners,
  claimsInWorkingOrder,
  filterClaims,
  hasExpiringEvidence,
  NO_CLAIM_FILTER,
} from '../../../shared/domain/claim-filter';
import type { AssessmentDetail, ClaimResponse, RemedialAction } from '../../../shared/domain/types';

const claims = listClaims(CURRENT_CATALOG);

function detail(
  overrides: Partial<AssessmentDetail> = {},
  role: AssessmentDetail['assessment']['role'] = 'developer-distributor',
): AssessmentDetail {
  return {
    assessment: {
      id: 'a1',
      organisation: 'Acme',
      products: [],
      role,
      theme3InScope: false,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      sroName: '',
      sroRole: '',
      catalogId: CURRENT_CATALOG.id,
      catalogVersion: CURRENT_CATALOG.version,
      state: 'draft',
      origin: 'created',
      previousId: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      signedAt: null,
    },
    responses: [],
    actions: [],
    evidence: [],
    links: [],
    ...overrides,
  };
}

const response = (claimId: string, patch: Partial<ClaimResponse>): ClaimResponse => ({
  assessmentId: 'a1',
  claimId,
  status: 'not-started',
  result: 'not-assessed',
  evidenceText: '',
  arguments: '',
  updatedAt: '',
  ...patch,
});
const action = (claimId: string, owner: string): RemedialAction => ({
  id: `x${claimId}${owner}`,
  assessmentId: 'a1',
  claimId,
  description: 'Do it',
  owner,
  dueDate: null,
  state: 'open',
  createdAt: '',
  updatedAt: '',
});

describe('the claims in working order', () => {
  it("puts a reseller's 16 claims in scope first and the 29 out of scope last", () => {
    const ordered = claimsInWorkingOrder(claims, detail({}, 'reseller'));
    expect(ordered).toHaveLength(45);
    expect(ordered.slice(0, 16).every((c) => c.theme.id === '3' || c.theme.id === '4')).toBe(true);
    expect(ordered.slice(16).every((c) => c.theme.id === '1' || c.theme.id === '2')).toBe(true);
  });

  it('keeps catalog order for a role with everything in scope', () => {
    expect(claimsInWorkingOrder(claims, detail()).map((c) => c.claim.id)).toEqual(claims.map((c) => c.claim.id));
  });
});

describe('filtering claims', () => {
  const today = '2026-06-01';

  it('finds by number, title words and the answer text, all words required', () => {
    const d = detail({ responses: [response('2.2.1', { evidenceText: 'SIEM retention is 400 days' })] });
    expect(filterClaims(claims, d, { ...NO_CLAIM_FILTER, query: '1.4.' }, today).map((c) => c.claim.id)).toEqual([
      '1.4.1',
      '1.4.2',
      '1.4.3',
      '1.4.4',
      '1.4.5',
    ]);
    expect(filterClaims(claims, d, { ...NO_CLAIM_FILTER, query: 'siem RETENTION' }, today).map((c) => c.claim.id)).toEqual(['2.2.1']);
    expect(filterClaims(claims, d, { ...NO_CLAIM_FILTER, query: 'siem nowhere' }, today)).toEqual([]);
  });

  it('narrows by result (unanswered counts as not assessed), status, owner and scope', () => {
    const d = detail(
      {
        responses: [response('1.1.1', { result: 'met', status: 'done' }), response('1.1.2', { status: 'needs-review' })],
        actions: [action('1.1.2', 'Head of Engineering'), action('3.1.1', ' Head of Engineering ')],
      },
      'developer-only',
    );
    expect(filterClaims(claims, d, { ...NO_CLAIM_FILTER, result: 'met' }, today).map((c) => c.claim.id)).toEqual(['1.1.1']);
    expect(filterClaims(claims, d, { ...NO_CLAIM_FILTER, result: 'not-assessed' }, today)).toHaveLength(44);
    expect(filterClaims(claims, d, { ...NO_CLAIM_FILTER, status: 'needs-review' }, today).map((c) => c.claim.id)).toEqual(['1.1.2']);
    expect(filterClaims(claims, d, { ...NO_CLAIM_FILTER, owner: 'Head of Engineering' }, today).map((c) => c.claim.id)).toEqual([
      '1.1.2',
      '3.1.1',
    ]);
    expect(actionOwners(d)).toEqual(['Head of Engineering']);
    expect(
      filterClaims(claims, d, { ...NO_CLAIM_FILTER, scope: 'out' }, today).every((c) => c.theme.id === '3' || c.theme.id === '4'),
    ).toBe(true);
    expect(filterClaims(claims, d, { ...NO_CLAIM_FILTER, scope: 'in', status: 'done' }, today).map((c) => c.claim.id)).toEqual(['1.1.1']);
  });

  it('flags evidence that has lapsed or lapses before the period ends, not evidence that outlasts it', () => {
    const item = (id: string, expiryDate: string | null) => ({
      id,
      sha256: '',
      fileName: `${id}.pdf`,
      size: 1,
      mediaType: 'application/pdf',
      description: '',
      effectiveDate: null,
      expiryDate,
      confidential: false,
      withholdDetails: false,
      kind: 'file' as const,
      owner: '',
      present: true,
      addedAt: '',
    });
    const d = detail({
      evidence: [item('lapsed', '2026-02-01'), item('during', '2026-09-30'), item('after', '2027-03-01'), item('never', null)],
      links: [
        { assessmentId: 'a1', claimId: '1.1.1', evidenceId: 'lapsed' },
        { assessmentId: 'a1', claimId: '1.1.2', evidenceId: 'during' },
        { assessmentId: 'a1', claimId: '1.1.3', evidenceId: 'after' },
        { assessmentId: 'a1', claimId: '1.1.4', evidenceId: 'never' },
      ],
    });
    expect(filterClaims(claims, d, { ...NO_CLAIM_FILTER, expiring: true }, today).map((c) => c.claim.id)).toEqual(['1.1.1', '1.1.2']);
    // With no period end, the next 90 days count.
    const open = { ...d, assessment: { ...d.assessment, periodEnd: null } };
    expect(hasExpiringEvidence(open, '1.1.2', '2026-08-01')).toBe(true);
    expect(hasExpiringEvidence(open, '1.1.3', '2026-08-01')).toBe(false);
  });
});
