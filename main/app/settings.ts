import Store from 'electron-store';
import type { Rectangle } from 'electron';
import type { UserProfile } from '../../shared/domain/actor';
import { SscpError } from '../../shared/errors';
import { DEFAULT_DATE_FORMAT, isDateFormatSetting, type DateFormatSetting } from '../../shared/format/dates';
import type { Settings, ThemeSetting } from '../../shared/ipc/views';
import { checkedProfile, storedProfile } from './settings-profile';
import { withRecent } from './settings-recent';

interface StoredSettings {
  theme: ThemeSetting;
  recentDatabases: string[];
  defaultIdentityId: string | null;
  defaultExportFolder: string | null;
  formTemplatePath: string | null;
  windowBounds: Rectangle | null;
  profile: UserProfile | null;
  dateFormat: DateFormatSetting;
}

export interface SettingsStore {
  readonly get: () => Settings;
  readonly update: (
    patch: Partial<Pick<Settings, 'theme' | 'defaultIdentityId' | 'defaultExportFolder' | 'dateFormat'>> & {
      readonly profile?: UserProfile;
      readonly formTemplatePath?: null;
    },
  ) => Settings;
  /** Remembers the blank form chosen in main's own dialog (see settings.chooseFormTemplate). */
  readonly setFormTemplate: (path: string) => void;
  readonly addRecentDatabase: (path: string) => void;
  readonly windowBounds: () => Rectangle | null;
  readonly saveWindowBounds: (bounds: Rectangle) => void;
}

/**
 * User preferences in the app's own settings file (electron-store writes it atomically).
 * `systemLocale` is the operating system's regional format, which the `auto` date format follows.
 */
export function createSettingsStore(systemLocale: () => string | null = () => null): SettingsStore {
  const store = new Store<StoredSettings>({
    name: 'settings',
    defaults: {
      theme: 'system',
      recentDatabases: [],
      defaultIdentityId: null,
      defaultExportFolder: null,
      formTemplatePath: null,
      windowBounds: null,
      profile: null,
      dateFormat: DEFAULT_DATE_FORMAT,
    },
  });
  const get = (): Settings => ({
    theme: store.get('theme'),
    recentDatabases: store.get('recentDatabases'),
    defaultIdentityId: store.get('defaultIdentityId'),
    defaultExportFolder: store.get('defaultExportFolder'),
    formTemplatePath: store.get('formTemplatePath') ?? null,
    profile: storedProfile(store.get('profile')),
    // A value this version does not know (a hand edit, a newer version's choice) reads as the default.
    dateFormat: isDateFormatSetting(store.get('dateFormat')) ? store.get('dateFormat') : DEFAULT_DATE_FORMAT,
    systemLocale: systemLocale() || null,
  });
  return {
    get,
    update: (patch) => {
      if (patch.theme !== undefined) store.set('theme', patch.theme);
      if (patch.defaultIdentityId !== undefined) store.set('defaultIdentityId', patch.defaultIdentityId);
      if (patch.defaultExportFolder !== undefined) store.set('defaultExportFolder', patch.defaultExportFolder);
      if (patch.profile !== undefined) store.set('profile', checkedProfile(patch.profile));
      if (patch.formTemplatePath === null) store.set('formTemplatePath', null);
      if (patch.dateFormat !== undefined) {
        if (!isDateFormatSetting(patch.dateFormat))
          throw SscpError.because({ code: 'date-format-unknown', value: String(patch.dateFormat) });
        store.set('dateFormat', patch.dateFormat);
      }
      return get();
    },
    addRecentDatabase: (path) => {
      store.set('recentDatabases', withRecent(store.get('recentDatabases'), path));
    },
    setFormTemplate: (path) => store.set('formTemplatePath', path),
    windowBounds: () => store.get('windowBounds'),
    saveWindowBounds: (bounds) => store.set('windowBounds', bounds),
  };
}
