import { create } from 'zustand';
import { call, startJob } from '../ipc/client';
import { useAnnouncer } from './announcer';

interface FormExportState {
  readonly busy: boolean;
  readonly exportForm: (assessmentId: string, organisation: string) => Promise<void>;
}

/** Writes the assessment into the official Word form, for people who work in Word. */
export const useFormExport = create<FormExportState>((set) => ({
  busy: false,
  exportForm: async (assessmentId, organisation) => {
    const { path } = await call('dialogs.saveFile', { purpose: 'form', suggestedName: `${organisation.replace(/[^\w .-]+/g, '_')} SSCP assessment form.docx` });
    if (!path) return;
    set({ busy: true });
    try {
      const job = await startJob('forms.export', { assessmentId, outPath: path });
      await job.done;
      useAnnouncer.getState().announce(`Word form saved to ${path}.`);
    } finally {
      set({ busy: false });
    }
  },
}));
