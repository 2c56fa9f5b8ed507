import type { Assessment, AssessmentState } from './types';

/** Only a signed assessment has a signing time, so an archived one knows what it was before. */
export function stateBeforeArchiving(a: Pick<Assessment, 'signedAt'>): Exclude<AssessmentState, 'archived'> {
  return a.signedAt !== null ? 'signed' : 'draft';
}

/**
 * The hints name the action as both front ends label it, never a command to type: the app shows
 * them as they are, and the CLI adds its own command (FROZEN_HINT_COMMANDS).
 */
export const CARRY_FORWARD_HINT = 'Carry it forward into a new period to make changes: Carry forward starts a new draft from its answers and evidence.';
export const UNARCHIVE_HINT = 'Unarchive it first, then make your changes.';

/** The command the CLI names after each hint above. */
export const FROZEN_HINT_COMMANDS: Readonly<Record<string, string>> = {
  [CARRY_FORWARD_HINT]: 'sscp carry-forward ID --db FILE',
  [UNARCHIVE_HINT]: 'sscp unarchive ID --db FILE',
};

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
      hint: CARRY_FORWARD_HINT,
    };
  }
  return {
    message: `This draft assessment has been archived, so it cannot be ${attempt === 'sign' ? 'signed' : 'changed'} while archived.`,
    hint: UNARCHIVE_HINT,
  };
}
