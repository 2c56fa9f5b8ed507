import { inScopeClaimIds } from '../../shared/domain/applicability';
import type { Assessment, ClaimResponse, EvidenceLink } from '../../shared/domain/types';
import type { Completeness } from './workspace-types';
import { catalogFor } from './validate';

/** Counts progress over the claims the assessment's role puts in scope. */
export function computeCompleteness(a: Assessment, responses: readonly ClaimResponse[], links: readonly EvidenceLink[]): Completeness {
  const inScope = new Set(inScopeClaimIds(catalogFor(a), a));
  const linked = new Set(links.map((l) => l.claimId));
  let assessed = 0;
  let done = 0;
  let withEvidence = 0;
  for (const r of responses) {
    if (!inScope.has(r.claimId)) continue;
    if (r.result !== 'not-assessed') assessed += 1;
    if (r.status === 'done') done += 1;
    if (linked.has(r.claimId)) withEvidence += 1;
  }
  const claimsInScope = inScope.size;
  return {
    claimsInScope,
    assessed,
    done,
    withEvidence,
    percentAssessed: claimsInScope === 0 ? 0 : Math.floor((assessed / claimsInScope) * 100),
  };
}
