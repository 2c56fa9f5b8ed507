import type { RollupStatus } from './rollup';
import type { Assessment } from './types';

/**
 * The CycloneDX conformance score (0 to 1) of a result that claims something: met 1, partially
 * met 0.5, not met 0. Null where nothing is claimed or it is excluded: not applicable, out of
 * scope, not assessed. The one table for the attestation (claims and principles) and for
 * contributions (docs/attestation.md, docs/contributions.md).
 */
export const CONFORMANCE_SCORES: Readonly<Record<RollupStatus, number | null>> = {
  met: 1,
  'partially-met': 0.5,
  'not-met': 0,
  'not-assessed': null,
  'not-applicable': null,
  'out-of-scope': null,
};

/**
 * The score the SRO's attestation gives a claim or principle: a requirement in scope but not
 * (fully) assessed scores 0, since no conformance is claimed for it. A contribution proposes no
 * score for it (CONFORMANCE_SCORES).
 */
export function attestedScore(status: RollupStatus): number | null {
  return status === 'not-assessed' ? 0 : CONFORMANCE_SCORES[status];
}

/**
 * The declaration the SRO signs. The pack prints it and the sign screen shows it from this
 * one function, so what the SRO reads before signing is word for word what the pack says.
 */
export function attestationText(a: Pick<Assessment, 'sroName' | 'sroRole' | 'organisation'>, catalogTitle: string): string {
  return `I, ${a.sroName}, ${a.sroRole} of ${a.organisation}, am the Senior Responsible Owner accountable for the organisation's conformance with the ${catalogTitle}. I declare that this assessment reflects, to the best of my knowledge and belief, the organisation's practices during the period stated; that the evidence referenced in it is genuine and is the evidence on which the results were judged; and that where a claim is not fully met the remedial action plan states what will be done to correct it.`;
}
