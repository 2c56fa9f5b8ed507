import type { PlatformChannel } from '../../shared/ipc/contract';
import type { Settings } from '../../shared/ipc/views';
import { CURRENT_CATALOG } from '../../shared/catalog/index';
import { dialogHandlers, type NativeDialogs } from '../../main/ipc/dialog-handlers';
import { formTemplateHandlers } from '../../main/ipc/form-template';
import type { HandlerTable } from '../../main/ipc/dispatch';
import { collectLicences } from '../../main/ipc/licences';
import { PathGrants } from '../../main/ipc/path-grants';

type Purpose = 'openDatabase' | 'newDatabase' | 'openEvidenceFiles' | 'chooseFile' | 'chooseFolder' | 'saveFile';

export interface TestPlatform {
  readonly handlers: Pick<HandlerTable, PlatformChannel>;
  /** The window's path grants, the same registry main keeps: the queue stands in for the dialog, not the check. */
  readonly grants: PathGrants;
  /** What the next native dialog of this kind "chooses": the test's stand-in for the user. */
  readonly answerNextDialog: (purpose: Purpose, paths: readonly string[]) => void;
  readonly recordRecent: (path: string) => void;
  /** The settings as they stand (the bridge records changes under their profile). */
  readonly settings: () => Settings;
  readonly revealed: string[];
  readonly openedExternally: string[];
  /** Each time the page said it had saved everything after `app.closing`. */
  readonly closeReadyCalls: string[];
}

/**
 * The desktop-only channels for the browser run: dialogs answer from a queue the test fills
 * (a cancelled dialog when it is empty) and those answers are granted by main's own dialog
 * handlers, settings live in memory, the shell only records.
 */
export function createTestPlatform(appRoot: string): TestPlatform {
  const answers = new Map<Purpose, (readonly string[])[]>();
  // The journey starts past the first-run profile step; component tests cover that step.
  let settings: Settings = {
    theme: 'light',
    recentDatabases: [],
    defaultIdentityId: null,
    defaultExportFolder: null,
    profile: { name: 'Priya Raman', role: 'CTO', email: '' },
  };
  const revealed: string[] = [];
  const openedExternally: string[] = [];
  const closeReadyCalls: string[] = [];
  const next = (purpose: Purpose): readonly string[] => answers.get(purpose)?.shift() ?? [];
  const one = (purpose: Purpose) => ({ path: next(purpose)[0] ?? null });
  const grants = new PathGrants({ trustedDatabases: () => settings.recentDatabases, trustedReads: () => [settings.formTemplatePath] });
  const dialogs: NativeDialogs = {
    openDatabase: async () => one('openDatabase'),
    newDatabase: async () => one('newDatabase'),
    openEvidenceFiles: async () => ({ paths: next('openEvidenceFiles') }),
    chooseFile: async () => one('chooseFile'),
    chooseFolder: async () => one('chooseFolder'),
    saveFile: async () => one('saveFile'),
  };
  return {
    grants,
    revealed,
    openedExternally,
    closeReadyCalls,
    settings: () => settings,
    answerNextDialog: (purpose, paths) => answers.set(purpose, [...(answers.get(purpose) ?? []), paths]),
    recordRecent: (path) => {
      settings = { ...settings, recentDatabases: [path, ...settings.recentDatabases.filter((p) => p !== path)].slice(0, 8) };
    },
    handlers: {
      'app.info': async () => ({
        productName: 'SSCP Evidence Pack',
        version: '0.1.0',
        catalogVersion: `${CURRENT_CATALOG.id} ${CURRENT_CATALOG.version}`,
        licences: await collectLicences(appRoot),
      }),
      'app.readyToClose': async () => {
        closeReadyCalls.push(new Date().toISOString());
        return null;
      },
      'settings.get': async () => settings,
      'settings.update': async (patch) => {
        settings = {
          ...settings,
          ...(patch.theme !== undefined ? { theme: patch.theme } : {}),
          ...(patch.defaultIdentityId !== undefined ? { defaultIdentityId: patch.defaultIdentityId } : {}),
          ...(patch.defaultExportFolder !== undefined ? { defaultExportFolder: patch.defaultExportFolder } : {}),
          ...(patch.profile !== undefined ? { profile: patch.profile } : {}),
          ...(patch.formTemplatePath === null ? { formTemplatePath: null } : {}),
          ...(patch.dateFormat !== undefined ? { dateFormat: patch.dateFormat } : {}),
        };
        return settings;
      },
      ...dialogHandlers(dialogs, grants),
      ...formTemplateHandlers(dialogs, {
        remember: (path) => {
          settings = { ...settings, formTemplatePath: path };
        },
        settings: () => settings,
      }),
      'shell.reveal': async ({ path }) => {
        revealed.push(path);
        return null;
      },
      'shell.openExternal': async ({ url }) => {
        openedExternally.push(url);
        return null;
      },
    },
  };
}
