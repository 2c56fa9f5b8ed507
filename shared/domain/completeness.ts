import type { Catalog } from '../catalog/types';
import { isClaimInScope, type ScopeInput } from './applicability';
import type { AssessmentDetail } from './types';

/**
 * How far an assessment has got, over in-scope claims only: "assessed" means a result has
 * been chosen, "done" means the work status is done. Percentages round down, so 100 appears
 * only when every claim is there.
 */
export interface Completeness {
  readonly inScope: number;
  readonly assessed: number;
  readonly done: number;
  readonly assessedPercent: number;
  readonly donePercent: number;
}

export interface ThemeCompleteness extends Completeness {
  readonly themeId: string;
}

export type CompletenessInput = Pick<AssessmentDetail, 'responses'> & { readonly assessment: ScopeInput };

function percent(part: number, whole: number): number {
  // Nothing in scope means nothing left to do.
  return whole === 0 ? 100 : Math.floor((part * 100) / whole);
}

function measure(input: CompletenessInput, claimIds: readonly string[]): Completeness {
  const inScopeIds = claimIds.filter((id) => isClaimInScope(input.assessment, id));
  const responses = new Map(input.responses.map((r) => [r.claimId, r]));
  const assessed = inScopeIds.filter((id) => (responses.get(id)?.result ?? 'not-assessed') !== 'not-assessed').length;
  const done = inScopeIds.filter((id) => responses.get(id)?.status === 'done').length;
  return {
    inScope: inScopeIds.length,
    assessed,
    done,
    assessedPercent: percent(assessed, inScopeIds.length),
    donePercent: percent(done, inScopeIds.length),
  };
}

export function completeness(input: CompletenessInput, catalog: Catalog): Completeness {
  return measure(
    input,
    catalog.themes.flatMap((t) => t.principles.flatMap((p) => p.claims.map((c) => c.id))),
  );
}

export function completenessByTheme(input: CompletenessInput, catalog: Catalog): readonly ThemeCompleteness[] {
  return catalog.themes.map((t) => ({
    themeId: t.id,
    ...measure(
      input,
      t.principles.flatMap((p) => p.claims.map((c) => c.id)),
    ),
  }));
}
