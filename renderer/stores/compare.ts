import { create } from 'zustand';
import type { AssessmentDetail } from '../../shared/domain/types';
import { call } from '../ipc/client';

interface CompareState {
  readonly fromId: string | null;
  readonly toId: string | null;
  readonly from: AssessmentDetail | null;
  readonly to: AssessmentDetail | null;
  readonly choose: (side: 'from' | 'to', assessmentId: string | null) => Promise<void>;
}

/** The two assessments being compared, loaded whole; the comparison itself is shared/domain/diff. */
export const useCompare = create<CompareState>((set) => ({
  fromId: null,
  toId: null,
  from: null,
  to: null,
  choose: async (side, assessmentId) => {
    set(side === 'from' ? { fromId: assessmentId, from: null } : { toId: assessmentId, to: null });
    if (!assessmentId) return;
    const detail = await call('assessments.get', { assessmentId });
    set(side === 'from' ? { from: detail } : { to: detail });
  },
}));
