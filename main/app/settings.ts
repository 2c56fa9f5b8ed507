import Store from 'electron-store';
import type { Rectangle } from 'electron';
import type { Settings, ThemeSetting } from '../../shared/ipc/views';
import { withRecent } from './settings-recent';

interface StoredSettings {
  theme: ThemeSetting;
  recentDatabases: string[];
  defaultIdentityId: string | null;
  defaultExportFolder: string | null;
  windowBounds: Rectangle | null;
}

export interface SettingsStore {
  readonly get: () => Settings;
  readonly update: (patch: Partial<Pick<Settings, 'theme' | 'defaultIdentityId' | 'defaultExportFolder'>>) => Settings;
  readonly addRecentDatabase: (path: string) => void;
  readonly windowBounds: () => Rectangle | null;
  readonly saveWindowBounds: (bounds: Rectangle) => void;
}

/** User preferences in the app's own settings file (electron-store writes it atomically). */
export function createSettingsStore(): SettingsStore {
  const store = new Store<StoredSettings>({
    name: 'settings',
    defaults: { theme: 'system', recentDatabases: [], defaultIdentityId: null, defaultExportFolder: null, windowBounds: null },
  });
  const get = (): Settings => ({
    theme: store.get('theme'),
    recentDatabases: store.get('recentDatabases'),
    defaultIdentityId: store.get('defaultIdentityId'),
    defaultExportFolder: store.get('defaultExportFolder'),
  });
  return {
    get,
    update: (patch) => {
      if (patch.theme !== undefined) store.set('theme', patch.theme);
      if (patch.defaultIdentityId !== undefined) store.set('defaultIdentityId', patch.defaultIdentityId);
      if (patch.defaultExportFolder !== undefined) store.set('defaultExportFolder', patch.defaultExportFolder);
      return get();
    },
    addRecentDatabase: (path) => {
      store.set('recentDatabases', withRecent(store.get('recentDatabases'), path));
    },
    windowBounds: () => store.get('windowBounds'),
    saveWindowBounds: (bounds) => store.set('windowBounds', bounds),
  };
}
