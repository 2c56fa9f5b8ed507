import { create } from 'zustand';
import type { AssessmentDetail, RemedialAction } from '../../shared/domain/types';
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

/**
 * Applies main's reply to the open assessment in place: an action changes only the actions
 * list, so there is no need to read the whole assessment (thousands of evidence rows) again.
 */
function patchActions(assessmentId: string, change: (actions: readonly RemedialAction[]) => readonly RemedialAction[]): void {
  const detail = useAssessment.getState().detail;
  if (!detail || detail.assessment.id !== assessmentId) return;
  const next: AssessmentDetail = { ...detail, actions: change(detail.actions) };
  useAssessment.setState({ detail: next });
}

/** Remedial actions on the assessment being edited. */
export const useActions = create<ActionsState>(() => ({
  add: async (claimId, draft) => {
    const detail = useAssessment.getState().detail;
    if (!detail) return;
    const added = await call('actions.add', { assessmentId: detail.assessment.id, claimId, fields: draft });
    patchActions(detail.assessment.id, (actions) => [...actions, added]);
    useAnnouncer.getState().announce('Remedial action added.');
  },
  update: async (actionId, patch) => {
    const saved = await call('actions.update', { actionId, patch });
    patchActions(saved.assessmentId, (actions) => actions.map((a) => (a.id === saved.id ? saved : a)));
    useAnnouncer.getState().announce(patch.state === 'done' ? 'Remedial action marked done.' : 'Remedial action saved.');
  },
  remove: async (actionId) => {
    await call('actions.remove', { actionId });
    const detail = useAssessment.getState().detail;
    if (detail) patchActions(detail.assessment.id, (actions) => actions.filter((a) => a.id !== actionId));
    useAnnouncer.getState().announce('Remedial action removed.');
  },
}));
