import type { Assessment } from './types';

/**
 * The declaration the SRO signs. The pack prints it and the sign screen shows it from this
 * one function, so what the SRO reads before signing is word for word what the pack says.
 */
export function attestationText(a: Pick<Assessment, 'sroName' | 'sroRole' | 'organisation'>, catalogTitle: string): string {
  return `I, ${a.sroName}, ${a.sroRole} of ${a.organisation}, am the Senior Responsible Owner accountable for the organisation's conformance with the ${catalogTitle}. I declare that this assessment reflects, to the best of my knowledge and belief, the organisation's practices during the period stated; that the evidence referenced in it is genuine and is the evidence on which the results were judged; and that where a claim is not fully met the remedial action plan states what will be done to correct it.`;
}
