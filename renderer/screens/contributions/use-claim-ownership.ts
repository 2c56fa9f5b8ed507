import { useEffect, useState } from 'react';
import type { ClaimOwnerView, ContributionReviewView } from '../../../shared/ipc/views-contributions';
import { call } from '../../ipc/client';

/** Who owns which claim and which contributed claims wait for the SRO's review, or why that could not be read. */
export type ClaimOwnership =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | {
      readonly state: 'ready';
      readonly owners: readonly ClaimOwnerView[];
      readonly pending: readonly ContributionReviewView[];
    };

/**
 * Reads the claim owners and the pending contributions of one assessment (the `owners.list` and
 * `contributions.review` channels). A failure is kept and shown where the owners would be, not
 * announced: the screen around it still works. Not `enabled`, it reads nothing yet (and says loading).
 */
export function useClaimOwnership(assessmentId: string, refreshKey?: string, enabled = true): ClaimOwnership {
  const [value, setValue] = useState<{ readonly key: string; readonly ownership: ClaimOwnership } | null>(null);
  const key = `${assessmentId}\u0000${refreshKey ?? ''}`;
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void (async () => {
      try {
        const [owners, pending] = await Promise.all([
          call('owners.list', { assessmentId }),
          call('contributions.review', { assessmentId }),
        ]);
        if (live) setValue({ key, ownership: { state: 'ready', owners, pending: pending.filter((p) => p.state === 'pending') } });
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (live) setValue({ key, ownership: { state: 'failed', message } });
      }
    })();
    return () => {
      live = false;
    };
  }, [assessmentId, key, enabled]);
  // A reply for another assessment is never shown for this one.
  return value && value.key === key ? value.ownership : { state: 'loading' };
}
