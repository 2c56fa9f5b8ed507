import { create } from 'zustand';
import type { UserProfile } from '../../shared/domain/actor';
import type { DateFormatSetting } from '../../shared/format/dates';
import type { AppInfo, Settings, ThemeSetting } from '../../shared/ipc/views';
import { call } from '../ipc/client';
import { useAnnouncer } from './announcer';
import { useAssessment } from './assessment';
import { useNavigation } from './navigation';

interface SessionState {
  readonly ready: boolean;
  readonly dbPath: string | null;
  readonly settings: Settings | null;
  readonly appInfo: AppInfo | null;
  readonly init: () => Promise<void>;
  readonly openDatabase: (dbPath: string) => Promise<boolean>;
  readonly chooseDatabase: () => Promise<boolean>;
  readonly createDatabase: () => Promise<boolean>;
  readonly setTheme: (theme: ThemeSetting) => Promise<void>;
  readonly updateSettings: (patch: {
    defaultIdentityId?: string | null;
    defaultExportFolder?: string | null;
    profile?: UserProfile;
    formTemplatePath?: null;
    dateFormat?: DateFormatSetting;
  }) => Promise<void>;
}

/** The open database, the user's settings and what the app is. */
export const useSession = create<SessionState>((set, get) => ({
  ready: false,
  dbPath: null,
  settings: null,
  appInfo: null,
  init: async () => {
    const [settings, workspace, appInfo] = await Promise.all([
      call('settings.get', {}),
      call('workspace.current', {}),
      call('app.info', {}),
    ]);
    set({ settings, dbPath: workspace?.dbPath ?? null, appInfo, ready: true });
  },
  openDatabase: async (dbPath) => {
    // Whatever is still waiting for the autosave pause belongs to the database open now.
    await useAssessment.getState().flush();
    const opened = await call('workspace.open', { dbPath });
    const settings = await call('settings.get', {});
    useAssessment.getState().forget();
    set({ dbPath: opened.dbPath, settings });
    // Identities an older version kept in the database now live in the key store: say so.
    useAnnouncer.getState().announce([`Opened ${fileName(opened.dbPath)}.`, ...(opened.identityNotes ?? [])].join(' '));
    useNavigation.getState().forgetAssessment();
    return true;
  },
  chooseDatabase: async () => {
    const { path } = await call('dialogs.openDatabase', {});
    return path ? get().openDatabase(path) : false;
  },
  createDatabase: async () => {
    const { path } = await call('dialogs.newDatabase', {});
    return path ? get().openDatabase(path) : false;
  },
  setTheme: async (theme) => {
    // Show the new theme at once; the saved settings arrive a moment later.
    const current = get().settings;
    if (current) set({ settings: { ...current, theme } });
    try {
      set({ settings: await call('settings.update', { theme }) });
    } catch (e) {
      set({ settings: current });
      throw e;
    }
  },
  updateSettings: async (patch) => {
    set({ settings: await call('settings.update', patch) });
  },
}));

/** The last part of a path, whichever separator the platform uses. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
