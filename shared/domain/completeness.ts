import type { Catalog } from '../catalog/types';
import { isClaimInScope, type ScopeInput } from './applicability';
import type { UnverifiedSigner } from './signer-trust';
import type { Assessment, AssessmentDetail, EvidenceLink } from './types';

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

/**
 * An assessment's completeness as the lists show it (the app's start screen, `sscp list`,
 * `sscp show`): the progress above, plus how many in-scope claims have evidence linked. The
 * CLI's JSON spells two of these its own documented way (main/cli/assessment-json.ts).
 */
export interface AssessmentCompleteness extends Completeness {
  /** In-scope claims with at least one evidence item linked. */
  readonly withEvidence: number;
}

/** One assessment in a list, with how far it has got. */
export interface AssessmentSummary {
  readonly assessment: Assessment;
  readonly completeness: AssessmentCompleteness;
  /** Set when its content came from a pack whose signer the user accepted unverified (directly or by carry-forward). */
  readonly unverifiedSigner: UnverifiedSigner | null;
}

export type CompletenessInput = Pick<AssessmentDetail, 'responses'> & { readonly assessment: ScopeInput };

function percent(part: number, whole: number): number {
  // Nothing in scope means nothing left to do.
  return whole === 0 ? 100 : Math.floor((part * 100) / whole);
}

function inScopeOf(input: CompletenessInput, claimIds: readonly string[]): readonly string[] {
  return claimIds.filter((id) => isClaimInScope(input.assessment, id));
}

function measure(input: CompletenessInput, claimIds: readonly string[]): Completeness {
  const inScopeIds = inScopeOf(input, claimIds);
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

function allClaimIds(catalog: Catalog): readonly string[] {
  return catalog.themes.flatMap((t) => t.principles.flatMap((p) => p.claims.map((c) => c.id)));
}

export function completeness(input: CompletenessInput, catalog: Catalog): Completeness {
  return measure(input, allClaimIds(catalog));
}

/** The progress, and how many in-scope claims have evidence: what a list of assessments shows. */
export function assessmentCompleteness(
  input: CompletenessInput & { readonly links: readonly Pick<EvidenceLink, 'claimId'>[] },
  catalog: Catalog,
): AssessmentCompleteness {
  const ids = allClaimIds(catalog);
  const linked = new Set(input.links.map((l) => l.claimId));
  return { ...measure(input, ids), withEvidence: inScopeOf(input, ids).filter((id) => linked.has(id)).length };
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
