import { create } from 'zustand';
import type { Assessment } from '../../shared/domain/types';
import type { ContractArgs, ContractResult } from '../../shared/ipc/contract';
import type { AssessmentListItem } from '../../shared/ipc/views';
import { call } from '../ipc/client';
import { useAnnouncer } from './announcer';
import { useAssessment } from './assessment';

interface AssessmentsState {
  readonly items: readonly AssessmentListItem[];
  readonly loaded: boolean;
  readonly load: () => Promise<void>;
  readonly create: (fields: ContractArgs<'assessments.create'>) => Promise<Assessment>;
  readonly carryForward: (args: ContractArgs<'assessments.carryForward'>) => Promise<ContractResult<'assessments.carryForward'>>;
  /** Whether the start page lists archived assessments too (they are hidden by default). */
  readonly showArchived: boolean;
  readonly setShowArchived: (show: boolean) => void;
  readonly archive: (assessmentId: string) => Promise<Assessment>;
  readonly unarchive: (assessmentId: string) => Promise<Assessment>;
}

/** The assessments in the open database, for the start page. */
export const useAssessments = create<AssessmentsState>((set, get) => {
  // Archiving changes only the state, and the list is ordered by creation: the answer is enough.
  // The open assessment takes its new state too: whether a change of evidence moves it to a new version depends on it.
  const replaceAssessment = (assessment: Assessment): void => {
    set({ items: get().items.map((i) => (i.assessment.id === assessment.id ? { ...i, assessment } : i)) });
    useAssessment.getState().applyAssessment(assessment);
  };
  return {
    items: [],
    loaded: false,
    load: async () => {
      set({ items: await call('assessments.list', {}), loaded: true });
    },
    create: async (fields) => {
      const created = await call('assessments.create', fields);
      useAnnouncer.getState().announce(`Assessment for ${created.organisation} created.`);
      await get().load();
      return created;
    },
    carryForward: async (args) => {
      const carried = await call('assessments.carryForward', args);
      const reworded = carried.plan.statementChanges.length;
      const rewordedNote = reworded
        ? ` ${reworded} claim${reworded === 1 ? '' : 's'} read${reworded === 1 ? 's' : ''} differently in catalog ${carried.assessment.catalogVersion}.`
        : '';
      useAnnouncer
        .getState()
        .announce(`Started the next period for ${carried.assessment.organisation}: every claim is marked for review.${rewordedNote}`);
      await get().load();
      return carried;
    },
    showArchived: false,
    setShowArchived: (showArchived) => set({ showArchived }),
    archive: async (assessmentId) => {
      const archived = await call('assessments.archive', { assessmentId });
      const where = get().showArchived ? 'It stays listed as archived.' : 'It is hidden from the list; tick Show archived to see it.';
      useAnnouncer.getState().announce(`Archived the assessment for ${archived.organisation}. ${where}`);
      replaceAssessment(archived);
      return archived;
    },
    unarchive: async (assessmentId) => {
      const back = await call('assessments.unarchive', { assessmentId });
      useAnnouncer
        .getState()
        .announce(`Unarchived the assessment for ${back.organisation}: it is ${back.state === 'signed' ? 'signed' : 'a draft'} again.`);
      replaceAssessment(back);
      return back;
    },
  };
});
