import type { Assessment, AssessmentDetail, AuditEntry, ClaimResponse, EvidenceItem } from '../../shared/domain/types';
import { CURRENT_CATALOG } from '../../shared/catalog/index';
import type { IdentityView, PackImportPreviewView, VerificationView } from '../../shared/ipc/views-signing';

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

/** What main answers to `claims.update`: the response as it was, with the patch applied. */
export function savedResponse(args: { assessmentId: string; claimId: string; patch: Partial<ClaimResponse> }): ClaimResponse {
  return {
    assessmentId: args.assessmentId,
    claimId: args.claimId,
    status: 'not-started',
    result: 'not-assessed',
    evidenceText: '',
    arguments: '',
    updatedAt: '2026-11-02T00:00:00.000Z',
    ...args.patch,
  };
}

/** One row of an assessment's audit log; by default the one that created it. */
export function makeAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq: 1,
    at: '2026-11-01T09:00:00.000Z',
    assessmentId: 'a1',
    action: 'assessment.created',
    detail: {},
    actor: null,
    prevHash: '',
    hash: '',
    ...overrides,
  };
}

/** A signing identity in the key store: self-signed, never backed up, never reminded. */
export function makeIdentity(overrides: Partial<IdentityView> = {}): IdentityView {
  return {
    label: 'Priya 2026',
    kind: 'self-signed',
    algorithm: 'p256',
    fingerprint: 'cd'.repeat(32),
    subject: { commonName: 'Priya Raman', title: 'CTO', organisation: 'Acme' },
    notBefore: '2026-01-01T00:00:00.000Z',
    notAfter: '2028-01-01T00:00:00.000Z',
    rootFingerprint: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    backedUpAt: null,
    backupRemindedAt: null,
    ...overrides,
  };
}

/** The verifier's answer for a pack that verifies but whose signer nothing establishes. */
export function makeVerification(overrides: Partial<VerificationView> = {}): VerificationView {
  return {
    valid: true,
    trusted: false,
    trust: { status: 'unknown', trustedBy: [], ownIdentity: null, message: 'Nothing establishes who the signer is.' },
    summary: 'Valid: signed by Priya Raman, and nothing has changed since.',
    problems: [],
    warnings: [],
    checks: [{ id: 'digest', outcome: 'pass', message: 'The signed bytes match the signature.' }],
    signer: { commonName: 'Priya Raman', title: 'CTO', organisation: 'Acme', fingerprint: 'ab'.repeat(32) },
    fingerprint: 'ab'.repeat(32),
    signedAt: '2026-11-22T15:00:00.000Z',
    certification: { certified: true, permission: 1, meaning: 'no changes of any kind are allowed' },
    packId: 'p1',
    profile: 'customer',
    files: [],
    fileSize: 1000,
    ...overrides,
  };
}

/** What a pack shows before it is imported: /in/pack.pdf, Acme's customer pack, never imported before. */
export function makePackPreview(verification: VerificationView): PackImportPreviewView {
  return {
    file: { path: '/in/pack.pdf', name: 'pack.pdf', size: 1000, sha256: 'cd'.repeat(32) },
    verification,
    packId: 'p1',
    profile: 'customer',
    signedAt: verification.signedAt,
    assessment: {
      organisation: 'Acme',
      products: [],
      role: 'developer-distributor',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      sroName: 'Priya Raman',
      sroRole: 'CTO',
      catalog: 'uk-sscp 2025.1',
      claims: 45,
      results: { 'not-assessed': 40, met: 3, 'partially-met': 1, 'not-met': 1, 'not-applicable': 0 },
      actions: 1,
      evidenceFiles: 2,
      evidenceWithheld: 0,
    },
    alreadyImported: null,
    renamed: [],
    cleaned: [],
  };
}
