import { inScopeClaimIds } from '../../shared/domain/applicability';
import { completeness } from '../../shared/domain/completeness';
import type { Assessment, ClaimResponse, EvidenceLink } from '../../shared/domain/types';
import type { Completeness } from './workspace-types';
import { catalogFor } from './validate';

/**
 * Progress over the claims the assessment's role puts in scope: the shared domain's count
 * (so the list, the dashboard and the pack agree), plus how many of those claims have evidence.
 */
export function computeCompleteness(a: Assessment, responses: readonly ClaimResponse[], links: readonly EvidenceLink[]): Completeness {
  const catalog = catalogFor(a);
  const progress = completeness({ assessment: a, responses }, catalog);
  const linked = new Set(links.map((l) => l.claimId));
  return {
    claimsInScope: progress.inScope,
    assessed: progress.assessed,
    done: progress.done,
    withEvidence: inScopeClaimIds(catalog, a).filter((id) => linked.has(id)).length,
    percentAssessed: progress.assessedPercent,
  };
}
