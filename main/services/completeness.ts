import { inScopeClaimIds } from '../../shared/domain/applicability';
import { completeness } from '../../shared/domain/completeness';
import type { Assessment, ClaimResponse } from '../../shared/domain/types';
import { listClaimsWithEvidence } from '../store/evidence-repo';
import { listResponses } from '../store/responses-repo';
import type { Completeness } from './workspace-types';
import { requireAssessment, type StoreContext } from './store-context';
import { catalogFor } from './validate';

/**
 * Progress over the claims the assessment's role puts in scope: the shared domain's count
 * (so the list, the dashboard and the pack agree), plus how many of those claims have evidence.
 * Only which claims have evidence matters here, never the evidence itself.
 */
export function computeCompleteness(
  a: Assessment,
  responses: readonly ClaimResponse[],
  claimsWithEvidence: ReadonlySet<string>,
): Completeness {
  const catalog = catalogFor(a);
  const progress = completeness({ assessment: a, responses }, catalog);
  return {
    claimsInScope: progress.inScope,
    assessed: progress.assessed,
    done: progress.done,
    withEvidence: inScopeClaimIds(catalog, a).filter((id) => claimsWithEvidence.has(id)).length,
    percentAssessed: progress.assessedPercent,
  };
}

/** One assessment's completeness from its responses and its links' claim ids, in one read transaction. */
export function assessmentCompleteness(ctx: StoreContext, id: string): Completeness {
  return ctx.db.transaction(() => {
    const assessment = requireAssessment(ctx, id);
    return computeCompleteness(assessment, listResponses(ctx.db, id), new Set(listClaimsWithEvidence(ctx.db, id)));
  })();
}
