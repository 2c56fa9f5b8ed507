import type {
  Assessment,
  AssessmentDetail,
  ClaimResponse,
  ClaimResult,
  EvidenceItem,
  RemedialAction,
  WorkStatus,
} from '../../../shared/domain/types';

const AT = '2026-01-10T09:00:00.000Z';

export function assessment(overrides: Partial<Assessment> = {}): Assessment {
  return {
    id: 'a1',
    organisation: 'Example Software Ltd',
    products: ['Ledger'],
    role: 'developer-distributor',
    theme3InScope: false,
    periodStart: '2025-03-01',
    periodEnd: '2026-02-28',
    sroName: 'Sam Rivers',
    sroRole: 'Chief Operating Officer',
    catalogId: 'uk-sscp',
    catalogVersion: '2025.1',
    state: 'draft',
    origin: 'created',
    previousId: null,
    createdAt: AT,
    updatedAt: AT,
    signedAt: null,
    ...overrides,
  };
}

export function response(claimId: string, result: ClaimResult, status: WorkStatus = 'done'): ClaimResponse {
  return { assessmentId: 'a1', claimId, status, result, evidenceText: '', arguments: '', updatedAt: AT };
}

export function evidence(id: string, overrides: Partial<EvidenceItem> = {}): EvidenceItem {
  return {
    id,
    sha256: id.padEnd(64, '0'),
    fileName: `${id}.pdf`,
    size: 10,
    mediaType: 'application/pdf',
    description: '',
    effectiveDate: null,
    expiryDate: null,
    confidential: false,
    withholdDetails: false,
    kind: 'file',
    owner: '',
    present: true,
    addedAt: AT,
    ...overrides,
  };
}

export function action(id: string, claimId: string, overrides: Partial<RemedialAction> = {}): RemedialAction {
  return {
    id,
    assessmentId: 'a1',
    claimId,
    description: 'Write the policy',
    owner: 'Head of Engineering',
    dueDate: null,
    state: 'open',
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function detail(parts: Partial<AssessmentDetail> = {}): AssessmentDetail {
  return { assessment: assessment(), responses: [], actions: [], evidence: [], links: [], ...parts };
}

/** A detail where every listed claim is met, done and backed by one evidence item `e1`. */
export function allMet(claimIds: readonly string[], parts: Partial<AssessmentDetail> = {}): AssessmentDetail {
  return detail({
    responses: claimIds.map((id) => response(id, 'met')),
    evidence: [evidence('e1')],
    links: claimIds.map((claimId) => ({ assessmentId: 'a1', claimId, evidenceId: 'e1' })),
    ...parts,
  });
}
