import { CURRENT_CATALOG, listClaims } from '../../shared/catalog/index';
import type { AssessmentDetail, EvidenceItem } from '../../shared/domain/types';

export interface BenchFile {
  readonly fileName: string;
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  readonly mediaType: string;
}

/** A complete assessment (every claim met) whose evidence is the generated files, spread over the claims. */
export function benchAssessment(files: readonly BenchFile[]): AssessmentDetail {
  const now = new Date().toISOString();
  const id = 'bench-assessment';
  const claims = listClaims(CURRENT_CATALOG).map((c) => c.claim.id);
  const evidence: EvidenceItem[] = files.map((f, i) => ({
    id: `ev-${i}`,
    sha256: f.sha256,
    fileName: f.fileName,
    size: f.size,
    mediaType: f.mediaType,
    description: `Benchmark evidence ${i + 1}`,
    effectiveDate: now.slice(0, 10),
    expiryDate: null,
    confidential: false,
    withholdDetails: false,
    kind: 'file' as const,
    owner: '',
    present: true,
    addedAt: now,
  }));
  return {
    assessment: {
      id,
      organisation: 'Benchmark Ltd',
      products: ['Bench'],
      role: 'developer-distributor',
      theme3InScope: true,
      periodStart: null,
      periodEnd: null,
      sroName: 'Bench SRO',
      sroRole: 'CTO',
      catalogId: CURRENT_CATALOG.id,
      catalogVersion: CURRENT_CATALOG.version,
      state: 'draft',
      origin: 'created',
      previousId: null,
      createdAt: now,
      updatedAt: now,
      signedAt: null,
    },
    responses: claims.map((claimId) => ({ assessmentId: id, claimId, status: 'done', result: 'met', evidenceText: 'Benchmark evidence.', arguments: '', updatedAt: now })),
    actions: [],
    evidence,
    links: evidence.map((e, i) => ({ assessmentId: id, claimId: claims[i % claims.length]!, evidenceId: e.id })),
  };
}
