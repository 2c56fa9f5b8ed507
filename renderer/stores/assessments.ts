import { create } from 'zustand';
import type { Assessment } from '../../shared/domain/types';
import type { ContractArgs, ContractResult } from '../../shared/ipc/contract';
import type { AssessmentListItem } from '../../shared/ipc/views';
import { call } from '../ipc/client';
import { useAnnouncer } from './announcer';

interface AssessmentsState {
  readonly items: readonly AssessmentListItem[];
  readonly loaded: boolean;
  readonly load: () => Promise<void>;
  readonly create: (fields: ContractArgs<'assessments.create'>) => Promise<Assessment>;
  readonly carryForward: (args: ContractArgs<'assessments.carryForward'>) => Promise<ContractResult<'assessments.carryForward'>>;
}

/** The assessments in the open database, for the start page. */
export const useAssessments = create<AssessmentsState>((set, get) => ({
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
    useAnnouncer.getState().announce(`Started the next period for ${carried.assessment.organisation}: every claim is marked for review.`);
    await get().load();
    return carried;
  },
}));
