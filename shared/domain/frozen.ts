import type { Assessment, AssessmentState } from './types';

/** Only a signed assessment has a signing time, so an archived one knows what it was before. */
export function stateBeforeArchiving(a: Pick<Assessment, 'signedAt'>): Exclude<AssessmentState, 'archived'> {
  return a.signedAt !== null ? 'signed' : 'draft';
}

export interface FrozenReason {
  readonly message: string;
  readonly hint: string;
}

/**
 * Why an assessment can no longer be changed, and what to do instead; null for a draft.
 * The store's refusal, the exporter's refusal and the workspace banner all say this, so the
 * SRO reads one explanation wherever they meet it.
 */
export function frozenReason(a: Pick<Assessment, 'state' | 'signedAt'>, attempt: 'change' | 'sign' = 'change'): FrozenReason | null {
  if (a.state === 'draft') return null;
  if (a.signedAt) {
    const archived = a.state === 'archived' ? ' and archived' : '';
    const cannot = attempt === 'sign' ? 'cannot be signed again' : 'can no longer be changed';
    return {
      message: `This assessment was signed on ${a.signedAt.slice(0, 10)}${archived} and ${cannot}.`,
      hint: 'Carry it forward into a new period to make changes (sscp carry-forward, or Carry forward in the app).',
    };
  }
  return {
    message: `This draft assessment has been archived, so it cannot be ${attempt === 'sign' ? 'signed' : 'changed'} while archived.`,
    hint: 'Unarchive it first (sscp unarchive ID --db FILE, or Unarchive on the assessments list), then make your changes.',
  };
}
