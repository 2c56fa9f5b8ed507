import { create } from 'zustand';
import { NO_CLAIM_FILTER, type ClaimFilter } from '../../shared/domain/claim-filter';

interface ClaimFilterState {
  /** The assessment the filter was set on: another assessment starts unfiltered. */
  readonly assessmentId: string | null;
  readonly filter: ClaimFilter;
  readonly set: (assessmentId: string, patch: Partial<ClaimFilter>) => void;
  readonly clear: () => void;
  /** In a narrow window the claim list folds away under the claim; this opens it. */
  readonly listOpen: boolean;
  readonly setListOpen: (open: boolean) => void;
}

/** What the claim list is narrowed to; it stays while the SRO moves from claim to claim. */
export const useClaimFilter = create<ClaimFilterState>((set, get) => ({
  assessmentId: null,
  filter: NO_CLAIM_FILTER,
  set: (assessmentId, patch) =>
    set({ assessmentId, filter: { ...(get().assessmentId === assessmentId ? get().filter : NO_CLAIM_FILTER), ...patch } }),
  clear: () => set({ filter: NO_CLAIM_FILTER }),
  listOpen: false,
  setListOpen: (listOpen) => set({ listOpen }),
}));

/** The filter in force for an assessment. */
export function filterFor(state: Pick<ClaimFilterState, 'assessmentId' | 'filter'>, assessmentId: string): ClaimFilter {
  return state.assessmentId === assessmentId ? state.filter : NO_CLAIM_FILTER;
}
