import { assessmentCompleteness, type AssessmentCompleteness } from '../../shared/domain/completeness';
import type { Assessment, ClaimResponse, EvidenceLink } from '../../shared/domain/types';
import { catalogFor } from './validate';

/**
 * Progress over the claims the assessment's role puts in scope, and how many of them have
 * evidence: the shared domain's one count, so the list, the dashboard and the pack agree.
 */
export function computeCompleteness(
  a: Assessment,
  responses: readonly ClaimResponse[],
  links: readonly EvidenceLink[],
): AssessmentCompleteness {
  return assessmentCompleteness({ assessment: a, responses, links }, catalogFor(a));
}
