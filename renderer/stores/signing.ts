import { create } from 'zustand';
import type { ContractArgs } from '../../shared/ipc/contract';
import type { ExportedPackView } from '../../shared/ipc/views-signing';
import type { JobProgress } from '../../shared/ipc/views';
import { useWork } from './work';
import { call, startJob } from '../ipc/client';
import { useAnnouncer } from './announcer';
import { useAssessment } from './assessment';

interface SigningState {
  readonly outPath: string | null;
  readonly jobId: string | null;
  readonly progress: JobProgress | null;
  readonly result: ExportedPackView | null;
  readonly chooseOutPath: (suggestedName: string) => Promise<void>;
  readonly sign: (args: Omit<ContractArgs<'packs.export'>, 'outPath'>) => Promise<void>;
  readonly cancel: () => Promise<void>;
  readonly reset: () => void;
}

/** One signing at a time: where the pack goes, how far it has got, and what the verifier said. */
export const useSigning = create<SigningState>((set, get) => ({
  outPath: null,
  jobId: null,
  progress: null,
  result: null,
  chooseOutPath: async (suggestedName) => {
    const { path } = await call('dialogs.saveFile', { purpose: 'pack', suggestedName });
    if (path) set({ outPath: path });
  },
  sign: async (args) => {
    const outPath = get().outPath;
    if (!outPath) return;
    set({ result: null, progress: null });
    const work = useWork.getState();
    work.begin({
      id: 'signing',
      label: 'Signing and exporting the pack: preparing',
      done: 0,
      total: 0,
      cancel: () =>
        void get()
          .cancel()
          .catch(() => undefined),
    });
    try {
      const job = await startJob('packs.export', { ...args, outPath }, (progress) => {
        set({ progress });
        work.update('signing', { label: `Signing and exporting the pack: ${progress.stage}`, done: progress.done, total: progress.total });
      });
      set({ jobId: job.jobId });
      const result = await job.done;
      set({ result });
      useAnnouncer
        .getState()
        .announce(
          result.verification.valid
            ? 'The pack is signed, written and verified.'
            : 'The pack was written but did not verify: see the result.',
        );
      await useAssessment.getState().refresh();
    } finally {
      work.end('signing');
      set({ jobId: null, progress: null });
    }
  },
  cancel: async () => {
    const jobId = get().jobId;
    if (jobId) await call('jobs.cancel', { jobId });
  },
  reset: () => set({ outPath: null, result: null, progress: null, jobId: null }),
}));
