import { create } from 'zustand';
import { count } from '../../shared/format/plural';
import { call } from '../ipc/client';
import { useAnnouncer } from './announcer';
import { fileName, useSession } from './session';
import { runTracked } from './tracked-job';

interface FormExportState {
  readonly busy: boolean;
  readonly busyReminders: boolean;
  /** Writes the Word form: the person's own copy of the official form filled in if one is chosen, else the generated form. */
  readonly exportForm: (assessmentId: string, organisation: string) => Promise<void>;
  /** Chooses the official blank form once; it is remembered in settings. */
  readonly chooseTemplate: () => Promise<void>;
  /** Goes back to the generated form. */
  readonly clearTemplate: () => Promise<void>;
  /** Writes the reminders (due dates, evidence expiry) as a calendar file. */
  readonly exportReminders: (assessmentId: string, organisation: string) => Promise<void>;
}

const safeName = (organisation: string): string => organisation.replace(/[^\w .-]+/g, '_');

/** The official Word form and the calendar file, for people who work in Word and in their calendar. */
export const useFormExport = create<FormExportState>((set) => ({
  busy: false,
  busyReminders: false,
  exportForm: async (assessmentId, organisation) => {
    const templatePath = useSession.getState().settings?.formTemplatePath ?? null;
    const { path } = await call('dialogs.saveFile', {
      purpose: 'form',
      suggestedName: `${safeName(organisation)} SSCP assessment form.docx`,
    });
    if (!path) return;
    set({ busy: true });
    try {
      const result = await runTracked(
        'forms.export',
        { assessmentId, outPath: path, ...(templatePath ? { templatePath } : {}) },
        { label: 'Saving the Word form', name: fileName(path), cancellable: true },
      );
      const notes = [
        result.appendedClaims.length > 0
          ? `Your form has no rows for claims ${result.appendedClaims.join(' and ')}: they are in a table at its end.`
          : '',
        result.missingCoverFields.length > 0
          ? `It has no place for ${result.missingCoverFields.join(', ')}: fill ${result.missingCoverFields.length === 1 ? 'it' : 'them'} in by hand.`
          : '',
      ].filter(Boolean);
      useAnnouncer.getState().announce([`Word form saved to ${path}.`, ...notes].join(' '));
    } finally {
      set({ busy: false });
    }
  },
  chooseTemplate: async () => {
    const settings = await call('settings.chooseFormTemplate', {});
    useSession.setState({ settings });
    if (settings.formTemplatePath)
      useAnnouncer.getState().announce(`Word form exports will fill in ${fileName(settings.formTemplatePath)}.`);
  },
  clearTemplate: async () => {
    await useSession.getState().updateSettings({ formTemplatePath: null });
    useAnnouncer.getState().announce('Word form exports will use the generated form.');
  },
  exportReminders: async (assessmentId, organisation) => {
    const { path } = await call('dialogs.saveFile', { purpose: 'calendar', suggestedName: `${safeName(organisation)} SSCP reminders.ics` });
    if (!path) return;
    set({ busyReminders: true });
    try {
      const { actionsDue, evidenceExpiring } = await runTracked(
        'reminders.export',
        { assessmentId, outPath: path },
        { label: 'Saving the calendar reminders', name: fileName(path), cancellable: true },
      );
      useAnnouncer
        .getState()
        .announce(
          `Calendar reminders saved to ${path}: ${count(actionsDue, 'remedial action due date')}, ${count(evidenceExpiring, 'evidence expiry date')}. Open the file to add them to your calendar.`,
        );
    } finally {
      set({ busyReminders: false });
    }
  },
}));
