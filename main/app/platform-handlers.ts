import { shell } from 'electron';
import type { PlatformChannel } from '../../shared/ipc/contract';
import type { AppInfo, ThemeSetting } from '../../shared/ipc/views';
import { dialogHandlers, type NativeDialogs } from '../ipc/dialog-handlers';
import type { HandlerTable } from '../ipc/dispatch';
import { formTemplateHandlers } from '../ipc/form-template';
import type { PathGrants } from '../ipc/path-grants';
import type { SettingsStore } from './settings';

export type PlatformHandlers = Pick<HandlerTable, PlatformChannel>;

/** The channels only a desktop shell can answer: native dialogs, the file manager, settings. */
export function createPlatformHandlers(deps: {
  readonly dialogs: NativeDialogs;
  /** The window's path grants: every dialog answer and dropped file is recorded there. */
  readonly grants: PathGrants;
  readonly settings: SettingsStore;
  readonly appInfo: () => Promise<AppInfo>;
  /** Native dialogs and the window background follow the chosen theme. */
  readonly applyTheme: (theme: ThemeSetting) => void;
  /** The page saved everything after being told the window is closing. */
  readonly pageSaved: () => void;
}): PlatformHandlers {
  const { dialogs, settings } = deps;
  return {
    'app.info': () => deps.appInfo(),
    'app.readyToClose': async () => {
      deps.pageSaved();
      return null;
    },
    'settings.get': async () => settings.get(),
    'settings.update': async (patch) => {
      const next = settings.update(patch);
      if (patch.theme) deps.applyTheme(next.theme);
      return next;
    },
    ...dialogHandlers(dialogs, deps.grants),
    ...formTemplateHandlers(dialogs, { remember: (path) => settings.setFormTemplate(path), settings: () => settings.get() }),
    'shell.reveal': async ({ path }) => {
      shell.showItemInFolder(path);
      return null;
    },
    'shell.openExternal': async ({ url }) => {
      await shell.openExternal(url);
      return null;
    },
  };
}
