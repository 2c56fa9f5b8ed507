import type { Assessment, AssessmentDetail, EvidenceItem } from '../../shared/domain/types';
import { CURRENT_CATALOG } from '../../shared/catalog/index';

export function makeAssessment(overrides: Partial<Assessment> = {}): Assessment {
  return {
    id: 'a1',
    organisation: 'Acme Software Ltd',
    products: ['Acme Ledger'],
    role: 'developer-distributor',
    theme3InScope: false,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    sroName: 'Priya Raman',
    sroRole: 'Chief Technology Officer',
    catalogId: CURRENT_CATALOG.id,
    catalogVersion: CURRENT_CATALOG.version,
    state: 'draft',
    origin: 'created',
    previousId: null,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    signedAt: null,
    ...overrides,
  };
}

export function makeEvidence(overrides: Partial<EvidenceItem> = {}): EvidenceItem {
  return {
    id: 'e1',
    sha256: 'ab'.repeat(32),
    fileName: 'Secure development policy.pdf',
    size: 123_456,
    mediaType: 'application/pdf',
    description: '',
    effectiveDate: '2026-03-12',
    expiryDate: null,
    confidential: false,
    withholdDetails: false,
    kind: 'file',
    owner: '',
    present: true,
    addedAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}

export function makeDetail(overrides: Partial<AssessmentDetail> = {}): AssessmentDetail {
  return { assessment: makeAssessment(), responses: [], actions: [], evidence: [], links: [], ...overrides };
}
