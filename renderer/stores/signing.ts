import { create } from 'zustand';
import type { ContractArgs } from '../../shared/ipc/contract';
import type { ExportedPackView } from '../../shared/ipc/views-signing';
import { call } from '../ipc/client';
import { useAnnouncer } from './announcer';
import { useAssessment } from './assessment';
import { fileName } from './session';
import { runTracked } from './tracked-job';

/** Where the signing shows its progress and Cancel on the Sign screen (see JobProgressAt). */
export const SIGN_FORM = 'sign';

interface SigningState {
  readonly outPath: string | null;
  /** A signing runs: the form is locked, and its progress and Cancel show under it and in the status bar. */
  readonly busy: boolean;
  readonly result: ExportedPackView | null;
  readonly chooseOutPath: (suggestedName: string) => Promise<void>;
  readonly sign: (args: Omit<ContractArgs<'packs.export'>, 'outPath'>) => Promise<void>;
  readonly reset: () => void;
}

/** One signing at a time: where the pack goes, whether it runs, and what the verifier said. */
export const useSigning = create<SigningState>((set, get) => ({
  outPath: null,
  busy: false,
  result: null,
  chooseOutPath: async (suggestedName) => {
    const { path } = await call('dialogs.saveFile', { purpose: 'pack', suggestedName });
    if (path) set({ outPath: path });
  },
  sign: async (args) => {
    const outPath = get().outPath;
    if (!outPath) return;
    set({ result: null, busy: true });
    try {
      // The export stops when cancelled up to the moment the pack is put in place; after that
      // it is signed, and is reported so.
      const result = await runTracked(
        'packs.export',
        { ...args, outPath },
        { label: 'Signing and exporting', name: fileName(outPath), cancellable: true, place: SIGN_FORM },
      );
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
      set({ busy: false });
    }
  },
  reset: () => set({ outPath: null, result: null, busy: false }),
}));
