import type { ReasonOf } from '../error-reasons';
import type { Assessment, AssessmentState } from './types';

/** Only a signed assessment has a signing time, so an archived one knows what it was before. */
export function stateBeforeArchiving(a: Pick<Assessment, 'signedAt'>): Exclude<AssessmentState, 'archived'> {
  return a.signedAt !== null ? 'signed' : 'draft';
}

export type FrozenReason = ReasonOf<'assessment-signed'> | ReasonOf<'assessment-archived'>;

/**
 * Why an assessment can no longer be changed; null for a draft. The store's refusal, the
 * exporter's refusal and the workspace banner all give this reason, so the SRO reads one
 * explanation wherever they meet it (each surface words what to do about it).
 */
export function frozenReason(a: Pick<Assessment, 'state' | 'signedAt'>, attempt: 'change' | 'sign' = 'change'): FrozenReason | null {
  if (a.state === 'draft') return null;
  if (a.signedAt) return { code: 'assessment-signed', signedAt: a.signedAt, archived: a.state === 'archived', attempt };
  return { code: 'assessment-archived', attempt };
}
