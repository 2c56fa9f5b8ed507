import { create } from 'zustand';
import type { FormImportView, FormPlacementView } from '../../shared/ipc/views-form';
import type { PackImportPreviewView, PackImportResultView } from '../../shared/ipc/views-signing';
import { escapeUnsafe } from '../../shared/domain/text-rules';
import { call } from '../ipc/client';
import { useAnnouncer } from './announcer';
import { useAssessments } from './assessments';
import { fileName } from './session';
import { runTracked } from './tracked-job';

interface ImportsState {
  readonly packPath: string | null;
  readonly fingerprint: string;
  readonly packPreview: PackImportPreviewView | null;
  readonly packResult: PackImportResultView | null;
  readonly formPath: string | null;
  readonly formPlacement: FormPlacementView | null;
  readonly formResult: FormImportView | null;
  /** Which card's job runs; its progress and Cancel are the job's own (JobProgressAt), as in the status bar. */
  readonly busy: 'pack' | 'form' | null;
  readonly setFingerprint: (fingerprint: string) => void;
  readonly choosePack: () => Promise<void>;
  /** Checks the chosen pack again, with the fingerprint as it is now. */
  readonly recheckPack: () => Promise<void>;
  /**
   * Imports the checked pack. A signer nothing vouches for is imported only when the user
   * accepted it, by its fingerprint as shown; it is then marked as from an unverified signer.
   */
  readonly importPack: (acceptUntrustedSigner?: string) => Promise<void>;
  readonly chooseForm: () => Promise<void>;
  readonly importForm: () => Promise<void>;
  readonly reset: () => void;
}

/** Where each card shows its running job (see JobProgressAt). */
export const PACK_CARD = 'import-pack';
export const FORM_CARD = 'import-form';

const INITIAL = {
  packPath: null,
  fingerprint: '',
  packPreview: null,
  packResult: null,
  formPath: null,
  formPlacement: null,
  formResult: null,
  busy: null,
} as const;

/** Bringing a signed pack or a filled-in Word form into the database: check first, then import. */
export const useImports = create<ImportsState>((set, get) => {
  const running = async <T>(kind: 'pack' | 'form', work: () => Promise<T>): Promise<T> => {
    set({ busy: kind });
    try {
      return await work();
    } finally {
      set({ busy: null });
    }
  };
  const fingerprintArg = () => (get().fingerprint.trim() ? { fingerprint: get().fingerprint.trim() } : {});
  const checkPack = async (path: string) => {
    const name = fileName(path);
    const preview = await runTracked(
      'packs.previewImport',
      { path, ...fingerprintArg() },
      { label: 'Verifying', name, cancellable: true, place: PACK_CARD },
    );
    set({ packPreview: preview });
    const { valid, trusted } = preview.verification;
    const outcome = !valid
      ? 'it did not verify: see the problems found.'
      : trusted
        ? 'the signature and every file are intact, and you trust the signer.'
        : 'the signature and every file are intact, but nothing you trust vouches for the signer.';
    useAnnouncer.getState().announce(`Verified ${escapeUnsafe(name, false)}: ${outcome}`);
  };
  return {
    ...INITIAL,
    setFingerprint: (fingerprint) => {
      set({ fingerprint });
    },
    choosePack: async () => {
      const { path } = await call('dialogs.chooseFile', { purpose: 'pack' });
      if (!path) return;
      set({ packPath: path, packPreview: null, packResult: null });
      await running('pack', () => checkPack(path));
    },
    recheckPack: async () => {
      const path = get().packPath;
      if (!path) return;
      set({ packPreview: null, packResult: null });
      await running('pack', () => checkPack(path));
    },
    importPack: async (acceptUntrustedSigner) => {
      const path = get().packPath;
      if (!path) return;
      const args = { path, ...fingerprintArg(), ...(acceptUntrustedSigner ? { acceptUntrustedSigner } : {}) };
      const result = await running('pack', async () =>
        runTracked('packs.import', args, { label: 'Importing', name: fileName(path), cancellable: true, place: PACK_CARD }),
      );
      set({ packResult: result });
      await useAssessments.getState().load();
      const unverified = result.preview.verification.trusted ? '' : ' It is marked as from an unverified signer.';
      useAnnouncer.getState().announce(`Imported the signed assessment of ${result.assessment.organisation}.${unverified}`);
    },
    chooseForm: async () => {
      const { path } = await call('dialogs.chooseFile', { purpose: 'form' });
      if (!path) return;
      set({ formPath: path, formPlacement: null, formResult: null });
      const placement = await running('form', async () =>
        runTracked(
          'forms.previewImport',
          { path },
          { label: 'Reading the Word form', name: fileName(path), cancellable: true, place: FORM_CARD },
        ),
      );
      set({ formPlacement: placement });
    },
    importForm: async () => {
      const path = get().formPath;
      if (!path) return;
      const result = await running('form', async () =>
        runTracked(
          'forms.import',
          { path },
          { label: 'Importing the Word form', name: fileName(path), cancellable: true, place: FORM_CARD },
        ),
      );
      set({ formResult: result });
      await useAssessments.getState().load();
      useAnnouncer.getState().announce(`Imported the form as a new draft for ${result.assessment.organisation}.`);
    },
    reset: () => set(INITIAL),
  };
});
