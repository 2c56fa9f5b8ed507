import type { Catalog, CatalogPrinciple, CatalogTheme } from '../catalog/types';
import { isClaimInScope, type ScopeInput } from './applicability';
import type { AssessmentDetail, ClaimResult } from './types';

/**
 * How principles and themes stand, worked out from their claims.
 *
 * A principle's status, first rule that fits:
 * 1. `out-of-scope`: none of its claims is in scope for the vendor's role.
 * 2. `not-assessed`: at least one in-scope claim has no result yet; a principle is judged
 *    only once all its claims are (the counts still show how far it has got).
 * 3. `not-applicable`: every in-scope claim is not applicable.
 * 4. `met`: every in-scope claim is met or not applicable, and every met claim has at least
 *    one linked evidence item (the APC: a principle is claimed when its claims are evidenced).
 * 5. `not-met`: no in-scope claim is met or partially met.
 * 6. `partially-met`: anything else, including claims marked met with no evidence linked.
 *
 * A theme's status applies the same rules to its principles' statuses (a principle that is
 * partially met counts as neither met nor not met).
 */
export type RollupStatus = 'met' | 'partially-met' | 'not-met' | 'not-assessed' | 'not-applicable' | 'out-of-scope';

/** Claims per result, with out-of-scope claims counted apart whatever their stored result. */
export type ClaimCounts = Readonly<Record<ClaimResult | 'out-of-scope', number>>;

export interface PrincipleRollup {
  readonly principleId: string;
  readonly status: RollupStatus;
  readonly counts: ClaimCounts;
  /** Claims marked met (or partially met) with no evidence linked: why `met` was withheld. */
  readonly unevidencedClaimIds: readonly string[];
}

export interface ThemeRollup {
  readonly themeId: string;
  readonly status: RollupStatus;
  readonly counts: ClaimCounts;
  readonly principles: readonly PrincipleRollup[];
}

export interface AssessmentRollup {
  readonly counts: ClaimCounts;
  readonly themes: readonly ThemeRollup[];
}

/** What the roll-up reads from an assessment: its scope, its claim results and its links. */
export type RollupInput = Pick<AssessmentDetail, 'responses' | 'links'> & { readonly assessment: ScopeInput };

export function emptyCounts(): Record<ClaimResult | 'out-of-scope', number> {
  return { 'not-assessed': 0, met: 0, 'partially-met': 0, 'not-met': 0, 'not-applicable': 0, 'out-of-scope': 0 };
}

function addCounts(parts: readonly ClaimCounts[]): ClaimCounts {
  const total = emptyCounts();
  for (const part of parts) for (const key of Object.keys(total) as (keyof ClaimCounts)[]) total[key] += part[key];
  return total;
}

/** A claim's result, `not-assessed` when it has no response yet. */
export function claimResultOf(input: Pick<AssessmentDetail, 'responses'>, claimId: string): ClaimResult {
  return input.responses.find((r) => r.claimId === claimId)?.result ?? 'not-assessed';
}

export function hasLinkedEvidence(input: Pick<AssessmentDetail, 'links'>, claimId: string): boolean {
  return input.links.some((l) => l.claimId === claimId);
}

export function rollupPrinciple(input: RollupInput, principle: CatalogPrinciple): PrincipleRollup {
  const counts = emptyCounts();
  const inScope: ClaimResult[] = [];
  const unevidencedClaimIds: string[] = [];
  for (const claim of principle.claims) {
    if (!isClaimInScope(input.assessment, claim.id)) {
      counts['out-of-scope'] += 1;
      continue;
    }
    const result = claimResultOf(input, claim.id);
    counts[result] += 1;
    inScope.push(result);
    if ((result === 'met' || result === 'partially-met') && !hasLinkedEvidence(input, claim.id)) unevidencedClaimIds.push(claim.id);
  }
  const allMetEvidenced = inScope.every((r) => r === 'met' || r === 'not-applicable') && unevidencedClaimIds.length === 0;
  return { principleId: principle.id, status: statusOf(inScope, allMetEvidenced), counts, unevidencedClaimIds };
}

/**
 * The rules 1-6 above over a list of in-scope results. `metIsEvidenced` says whether the
 * items counted as met are backed (always true for themes: principles carry it already).
 */
function statusOf(results: readonly (ClaimResult | RollupStatus)[], metIsEvidenced: boolean): RollupStatus {
  const inScope = results.filter((r) => r !== 'out-of-scope');
  if (inScope.length === 0) return 'out-of-scope';
  if (inScope.includes('not-assessed')) return 'not-assessed';
  if (inScope.every((r) => r === 'not-applicable')) return 'not-applicable';
  if (inScope.every((r) => r === 'met' || r === 'not-applicable')) return metIsEvidenced ? 'met' : 'partially-met';
  if (!inScope.some((r) => r === 'met' || r === 'partially-met')) return 'not-met';
  return 'partially-met';
}

export function rollupTheme(input: RollupInput, theme: CatalogTheme): ThemeRollup {
  const principles = theme.principles.map((p) => rollupPrinciple(input, p));
  return {
    themeId: theme.id,
    status: statusOf(
      principles.map((p) => p.status),
      true,
    ),
    counts: addCounts(principles.map((p) => p.counts)),
    principles,
  };
}

/** Every theme and principle's status, with claim counts per result for charts. */
export function rollupAssessment(input: RollupInput, catalog: Catalog): AssessmentRollup {
  const themes = catalog.themes.map((t) => rollupTheme(input, t));
  return { counts: addCounts(themes.map((t) => t.counts)), themes };
}
