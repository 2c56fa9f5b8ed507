import { create } from 'zustand';
import type { RemedialAction } from '../../shared/domain/types';
import { call } from '../ipc/client';
import { useAnnouncer } from './announcer';
import { useAssessment } from './assessment';

export interface ActionDraft {
  readonly description: string;
  readonly owner: string;
  readonly dueDate: string | null;
}

interface ActionsState {
  readonly add: (claimId: string, draft: ActionDraft) => Promise<void>;
  readonly update: (actionId: string, patch: Partial<ActionDraft> & { state?: RemedialAction['state'] }) => Promise<void>;
  readonly remove: (actionId: string) => Promise<void>;
}

/** Remedial actions on the assessment being edited. */
export const useActions = create<ActionsState>(() => ({
  add: async (claimId, draft) => {
    const detail = useAssessment.getState().detail;
    if (!detail) return;
    await call('actions.add', { assessmentId: detail.assessment.id, claimId, fields: draft });
    await useAssessment.getState().refresh();
    useAnnouncer.getState().announce('Remedial action added.');
  },
  update: async (actionId, patch) => {
    await call('actions.update', { actionId, patch });
    await useAssessment.getState().refresh();
    useAnnouncer.getState().announce(patch.state === 'done' ? 'Remedial action marked done.' : 'Remedial action saved.');
  },
  remove: async (actionId) => {
    await call('actions.remove', { actionId });
    await useAssessment.getState().refresh();
    useAnnouncer.getState().announce('Remedial action removed.');
  },
}));
