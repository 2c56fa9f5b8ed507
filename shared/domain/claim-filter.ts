import type { ClaimInContext } from '../catalog/index';
import { isClaimInScope } from './applicability';
import { addDays, compareIsoDates, isIsoDate } from './dates';
import { claimResultOf } from './rollup';
import type { AssessmentDetail, ClaimResult, IsoDate, WorkStatus } from './types';

/** What the SRO narrows the claim list to. `null` means "any". */
export interface ClaimFilter {
  readonly query: string;
  readonly result: ClaimResult | null;
  readonly status: WorkStatus | null;
  /** The owner of one of the claim's remedial actions. */
  readonly owner: string | null;
  readonly scope: 'in' | 'out' | null;
  readonly expiring: boolean;
}

export const NO_CLAIM_FILTER: ClaimFilter = { query: '', result: null, status: null, owner: null, scope: null, expiring: false };

/** Evidence counts as expiring when it lapses before the period ends, or within this many days when no end is set. */
export const EXPIRY_WINDOW_DAYS = 90;

export function isFilterActive(filter: ClaimFilter): boolean {
  return (
    filter.query.trim() !== '' ||
    filter.result !== null ||
    filter.status !== null ||
    filter.owner !== null ||
    filter.scope !== null ||
    filter.expiring
  );
}

/**
 * The claims in working order for the vendor's role: those in scope first, in catalog order,
 * then those out of scope, so the answerable ones are never behind a run of unanswerable ones.
 */
export function claimsInWorkingOrder(
  claims: readonly ClaimInContext[],
  detail: Pick<AssessmentDetail, 'assessment'>,
): readonly ClaimInContext[] {
  const inScope = claims.filter((c) => isClaimInScope(detail.assessment, c.claim.id));
  const outOfScope = claims.filter((c) => !isClaimInScope(detail.assessment, c.claim.id));
  return [...inScope, ...outOfScope];
}

/**
 * The claim the assessment screen shows: the one asked for, else the first in scope, else the
 * first. One rule for the screen and for main, which sends that claim's evidence first.
 */
export function claimToShow<C extends ClaimInContext>(
  ordered: readonly C[],
  assessment: AssessmentDetail['assessment'],
  claimId: string | null,
): C | undefined {
  return ordered.find((c) => c.claim.id === claimId) ?? ordered.find((c) => isClaimInScope(assessment, c.claim.id)) ?? ordered[0];
}

/** Everyone named as the owner of a remedial action, for the owner filter. */
export function actionOwners(detail: Pick<AssessmentDetail, 'actions'>): readonly string[] {
  const owners = new Set(detail.actions.map((a) => a.owner.trim()).filter((o) => o !== ''));
  return [...owners].sort((a, b) => a.localeCompare(b));
}

/** True when evidence linked to the claim has lapsed, or lapses before the period ends (or soon, with no end set). */
export function hasExpiringEvidence(
  detail: Pick<AssessmentDetail, 'assessment' | 'evidence' | 'links'>,
  claimId: string,
  today: IsoDate,
): boolean {
  const end =
    detail.assessment.periodEnd && isIsoDate(detail.assessment.periodEnd)
      ? detail.assessment.periodEnd
      : addDays(today, EXPIRY_WINDOW_DAYS);
  const horizon = compareIsoDates(end, today) < 0 ? today : end;
  const ids = new Set(detail.links.filter((l) => l.claimId === claimId).map((l) => l.evidenceId));
  return detail.evidence.some(
    (e) => ids.has(e.id) && e.expiryDate !== null && isIsoDate(e.expiryDate) && compareIsoDates(e.expiryDate, horizon) <= 0,
  );
}

function responseOf(detail: Pick<AssessmentDetail, 'responses'>, claimId: string) {
  return detail.responses.find((r) => r.claimId === claimId);
}

function matchesQuery(context: ClaimInContext, detail: Pick<AssessmentDetail, 'responses'>, query: string): boolean {
  const words = query
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return true;
  const r = responseOf(detail, context.claim.id);
  const haystack = [
    context.claim.id,
    context.claim.title,
    context.claim.statement,
    context.principle.title,
    r?.evidenceText ?? '',
    r?.arguments ?? '',
  ]
    .join('\n')
    .toLocaleLowerCase();
  return words.every((w) => haystack.includes(w));
}

/** The claims that pass every part of the filter, in the order given. */
export function filterClaims(
  claims: readonly ClaimInContext[],
  detail: AssessmentDetail,
  filter: ClaimFilter,
  today: IsoDate,
): readonly ClaimInContext[] {
  return claims.filter((c) => {
    const id = c.claim.id;
    const inScope = isClaimInScope(detail.assessment, id);
    if (filter.scope === 'in' && !inScope) return false;
    if (filter.scope === 'out' && inScope) return false;
    if (filter.result !== null && claimResultOf(detail, id) !== filter.result) return false;
    if (filter.status !== null && (responseOf(detail, id)?.status ?? 'not-started') !== filter.status) return false;
    if (filter.owner !== null && !detail.actions.some((a) => a.claimId === id && a.owner.trim() === filter.owner)) return false;
    if (filter.expiring && !hasExpiringEvidence(detail, id, today)) return false;
    return matchesQuery(c, detail, filter.query);
  });
}
