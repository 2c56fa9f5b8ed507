import type { BrowserWindow } from 'electron';
import { app, ipcMain, Menu, nativeTheme } from 'electron';
import { join } from 'node:path';
import { CURRENT_CATALOG } from '../../shared/catalog/index';
import { createDispatch } from '../ipc/dispatch';
import { createServiceHandlers } from '../ipc/handlers';
import { JobRunner, type JobEventSink } from '../ipc/jobs/runner';
import { processExecutor } from '../ipc/jobs/process-executor';
import { collectLicences } from '../ipc/licences';
import { PathGrants } from '../ipc/path-grants';
import { appActor } from '../services/actor';
import { openWorkspace } from '../services/workspace';
import { guardClose } from './close-guard';
import { forkUtilityHost } from './job-host';
import { createDialogs } from './dialogs';
import { registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { createPlatformHandlers } from './platform-handlers';
import { makeSenderCheck } from './sender-check';
import { createSettingsStore } from './settings';
import { createMainWindow } from './window';

// dist/app/main.cjs sits beside dist/app/preload.cjs; the renderer is built to dist/renderer.
const preloadPath = join(__dirname, 'preload.cjs');
const rendererRoot = join(__dirname, '..', 'renderer');

let mainWindow: BrowserWindow | null = null;
let closeGuard: { readonly pageSaved: () => void } | null = null;
// Quitting waits for the window to save and close; then the quit carries on (macOS included).
let quitting = false;
const getWindow = (): BrowserWindow | null => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);

function sendToWindow(channel: string, payload: unknown): void {
  getWindow()?.webContents.send(channel, payload);
}

function start(): void {
  // The pack's fonts ship in the app bundle; the bundled code cannot find them by its own path.
  process.env.SSCP_ASSETS_DIR ??= join(app.getAppPath(), 'assets');
  // The regional format (en-GB in London even with an American English build), for dates.
  const settings = createSettingsStore(() => app.getSystemLocale());
  // The files the window may have main read or write; revoked when the window closes.
  const grants = new PathGrants({
    trustedDatabases: () => settings.get().recentDatabases,
    trustedReads: () => [settings.get().formTemplatePath],
  });
  const emit: JobEventSink = grants.watchJobs((event, payload) => sendToWindow(event, payload));
  const jobs = new JobRunner(emit);
  // Long jobs run in a utility process, so signing a big pack never stalls the window.
  const executor = processExecutor(() => forkUtilityHost(join(__dirname, 'job-host.cjs')), emit);
  const { handlers, session } = createServiceHandlers({
    openWorkspace,
    // Asked at every change, so a profile edited in Settings applies from the next change on.
    actor: () => appActor(settings.get().profile),
    jobs,
    executor,
    onWorkspaceOpened: (dbPath) => settings.addRecentDatabase(dbPath),
  });
  const platform = createPlatformHandlers({
    dialogs: createDialogs(getWindow, () => settings.get().defaultExportFolder),
    grants,
    settings,
    appInfo: async () => ({
      productName: 'SSCP Evidence Pack',
      version: app.getVersion(),
      catalogVersion: `${CURRENT_CATALOG.id} ${CURRENT_CATALOG.version}`,
      licences: await collectLicences(app.getAppPath()),
    }),
    applyTheme: (theme) => {
      nativeTheme.themeSource = theme;
    },
    pageSaved: () => closeGuard?.pageSaved(),
  });
  registerIpc(ipcMain, createDispatch({ ...handlers, ...platform }, grants), makeSenderCheck(getWindow, rendererRoot));

  app.setAboutPanelOptions({
    applicationName: 'SSCP Evidence Pack',
    applicationVersion: app.getVersion(),
    copyright: 'Licensed under the Apache License 2.0',
    credits: 'Built with Electron, React, SQLite and open-source libraries listed in Settings → About.',
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate((command) => sendToWindow('menu.command', { command }), process.platform)),
  );

  const openWindow = (): void => {
    const theme = settings.get().theme;
    nativeTheme.themeSource = theme;
    mainWindow = createMainWindow({
      preloadPath,
      rendererRoot,
      bounds: settings.windowBounds(),
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#15181d' : '#f6f7f9',
    });
    mainWindow.on('close', () => {
      const window = getWindow();
      if (window) settings.saveWindowBounds(window.getNormalBounds());
    });
    closeGuard = guardClose(mainWindow, () => sendToWindow('app.closing', {}));
    mainWindow.on('closed', () => {
      executor.cancelAll();
      grants.revokeAll();
      mainWindow = null;
      if (quitting) app.quit();
    });
  };

  openWindow();
  app.on('activate', () => {
    if (!getWindow()) openWindow();
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  // Only once every window has closed (and saved), so a last edit still reaches the database.
  app.on('will-quit', () => {
    executor.close();
    session.close();
  });
}

// One running copy per user: a second launch focuses the existing window instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = getWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.enableSandbox();
  void app.whenReady().then(start);
}
