import { BrowserWindow, type Rectangle } from 'electron';
import { join } from 'node:path';
import { guardNavigation } from './navigation';
import { hardenSession } from './session-security';

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly rendererRoot: string;
  readonly bounds: Partial<Rectangle> | null;
  readonly backgroundColor: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: options.bounds?.width ?? 1280,
    height: options.bounds?.height ?? 820,
    x: options.bounds?.x,
    y: options.bounds?.y,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'SSCP Evidence Pack',
    backgroundColor: options.backgroundColor,
    // Written out here, not built elsewhere, so reviewers and electronegativity see them.
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise try to open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
      safeDialogs: true,
    },
  });
  hardenSession(window.webContents.session, options.rendererRoot);
  guardNavigation(window.webContents, options.rendererRoot);
  window.once('ready-to-show', () => window.show());
  void window.loadFile(join(options.rendererRoot, 'index.html'));
  return window;
}
