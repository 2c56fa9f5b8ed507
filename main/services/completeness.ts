import { assessmentCompleteness as countCompleteness, type AssessmentCompleteness } from '../../shared/domain/completeness';
import type { Assessment, ClaimResponse } from '../../shared/domain/types';
import { listClaimsWithEvidence } from '../store/evidence-repo';
import { listResponses } from '../store/responses-repo';
import { requireAssessment, type StoreContext } from './store-context';
import { catalogFor } from './validate';

/**
 * Progress over the claims the assessment's role puts in scope, and how many of them have
 * evidence: the shared domain's one count, so the list, the dashboard and the pack agree.
 * Only which claims have evidence matters here, never the evidence itself.
 */
export function computeCompleteness(
  a: Assessment,
  responses: readonly ClaimResponse[],
  claimsWithEvidence: ReadonlySet<string>,
): AssessmentCompleteness {
  const links = [...claimsWithEvidence].map((claimId) => ({ claimId }));
  return countCompleteness({ assessment: a, responses, links }, catalogFor(a));
}

/** One assessment's completeness from its responses and its links' claim ids, in one read transaction. */
export function assessmentCompleteness(ctx: StoreContext, id: string): AssessmentCompleteness {
  return ctx.db.transaction(() => {
    const assessment = requireAssessment(ctx, id);
    return computeCompleteness(assessment, listResponses(ctx.db, id), new Set(listClaimsWithEvidence(ctx.db, id)));
  })();
}
