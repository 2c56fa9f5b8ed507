import { compareIsoDates, isIsoDate } from '../../../shared/domain/dates';
import type { VendorRole } from '../../../shared/domain/types';
import type { ContractArgs } from '../../../shared/ipc/contract';

export interface NewAssessmentDraft {
  readonly organisation: string;
  readonly products: string;
  readonly role: VendorRole;
  readonly theme3InScope: boolean;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly sroName: string;
  readonly sroRole: string;
}

type Errors = Partial<Record<keyof NewAssessmentDraft, string>>;

/** Turns what was typed into the fields to send, or says what to fix, field by field. */
export function checkNewAssessment(draft: NewAssessmentDraft): { fields: ContractArgs<'assessments.create'> | null; errors: Errors } {
  const errors: Errors = {};
  if (!draft.organisation.trim()) errors.organisation = 'Enter the name of the organisation being assessed.';
  // Who signs may be named later, as in the CLI: signing refuses until they are.
  if (draft.periodStart && !isIsoDate(draft.periodStart)) errors.periodStart = 'Enter a real date.';
  if (draft.periodEnd && !isIsoDate(draft.periodEnd)) errors.periodEnd = 'Enter a real date.';
  if (
    !errors.periodStart &&
    !errors.periodEnd &&
    draft.periodStart &&
    draft.periodEnd &&
    compareIsoDates(draft.periodStart, draft.periodEnd) > 0
  ) {
    errors.periodEnd = 'The end of the period must be on or after its start.';
  }
  if (Object.keys(errors).length > 0) return { fields: null, errors };
  return {
    errors,
    fields: {
      organisation: draft.organisation.trim(),
      products: draft.products
        .split('\n')
        .map((p) => p.trim())
        .filter((p) => p.length > 0),
      role: draft.role,
      theme3InScope: draft.role === 'developer-only' && draft.theme3InScope,
      periodStart: draft.periodStart || null,
      periodEnd: draft.periodEnd || null,
      sroName: draft.sroName.trim(),
      sroRole: draft.sroRole.trim(),
    },
  };
}
