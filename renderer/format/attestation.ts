import type { Assessment } from '../../shared/domain/types';

/**
 * The declaration the SRO signs, worded as the pack prints it (main/pack/report/appendix.ts),
 * so what they read here is what the signed document says.
 */
export function attestationText(a: Pick<Assessment, 'sroName' | 'sroRole' | 'organisation'>, catalogTitle: string): string {
  return `I, ${a.sroName}, ${a.sroRole} of ${a.organisation}, am the Senior Responsible Owner accountable for the organisation's conformance with the ${catalogTitle}. I declare that this assessment reflects, to the best of my knowledge and belief, the organisation's practices during the period stated; that the evidence referenced in it is genuine and is the evidence on which the results were judged; and that where a claim is not fully met the remedial action plan states what will be done to correct it.`;
}
