import type { ClaimPatch } from '../../shared/domain/inputs';
import type { AssessmentDetail, ClaimResponse } from '../../shared/domain/types';

// The one shape of a claim change (shared/domain/inputs.ts), which `claims.update` parses.
export type { ClaimPatch };

// Types only: the renderer does not bundle the schema. The compiler holds this list to it.
const FIELDS = ['status', 'result', 'evidenceText', 'arguments'] as const satisfies readonly (keyof ClaimPatch)[];
const everyField: Exclude<keyof ClaimPatch, (typeof FIELDS)[number]> extends never ? true : never = true;
void everyField;

/** The response for a claim, or the blank one a claim has before anyone touched it. */
export function responseFor(detail: AssessmentDetail, claimId: string): ClaimResponse {
  return (
    detail.responses.find((r) => r.claimId === claimId) ?? {
      assessmentId: detail.assessment.id,
      claimId,
      status: 'not-started',
      result: 'not-assessed',
      evidenceText: '',
      arguments: '',
      updatedAt: detail.assessment.createdAt,
    }
  );
}

/** The same fields as `patch`, with the values they have in `response` now: what undo restores. */
export function valuesBefore(response: ClaimResponse, patch: ClaimPatch): ClaimPatch {
  const before: Record<string, unknown> = {};
  for (const field of FIELDS) if (patch[field] !== undefined) before[field] = response[field];
  return before;
}

export function applyPatch(detail: AssessmentDetail, claimId: string, patch: ClaimPatch): AssessmentDetail {
  return replaceResponse(detail, { ...responseFor(detail, claimId), ...patch });
}

export function replaceResponse(detail: AssessmentDetail, response: ClaimResponse): AssessmentDetail {
  const exists = detail.responses.some((r) => r.claimId === response.claimId);
  return {
    ...detail,
    responses: exists ? detail.responses.map((r) => (r.claimId === response.claimId ? response : r)) : [...detail.responses, response],
  };
}

export function mergePatches(a: ClaimPatch | undefined, b: ClaimPatch): ClaimPatch {
  return { ...(a ?? {}), ...b };
}
