import { CURRENT_CATALOG } from '../../shared/catalog/index';
import type { Settings } from '../../shared/ipc/views';
import { readForm } from '../form/read/read-form';
import type { NativeDialogs } from './dialog-handlers';
import type { HandlerTable } from './dispatch';

/** Where the chosen blank form is remembered: the app's settings file, or the e2e run's memory. */
export interface FormTemplateSetting {
  readonly remember: (path: string) => void;
  readonly settings: () => Settings;
}

/**
 * Choosing the person's copy of the official blank form, once: the open dialog, then a full
 * read of the file so a file that is not the form (or is encrypted, damaged, or far too big)
 * is refused now with the reason, not at every export. Only a path main itself showed in a
 * dialog is remembered; the page can clear the setting but never set it.
 */
export function formTemplateHandlers(
  dialogs: NativeDialogs,
  setting: FormTemplateSetting,
): Pick<HandlerTable, 'settings.chooseFormTemplate'> {
  return {
    'settings.chooseFormTemplate': async () => {
      const { path } = await dialogs.chooseFile('form');
      if (!path) return setting.settings();
      await readForm(path, CURRENT_CATALOG);
      setting.remember(path);
      return setting.settings();
    },
  };
}
