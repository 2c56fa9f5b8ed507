import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, shell, type FakeSession } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { createMainWindow } = await import('../../../main/app/window');
const { CONTENT_SECURITY_POLICY } = await import('../../../shared/csp');

const rendererRoot = join('/opt', 'sscp', 'resources', 'app.asar', 'dist', 'renderer');
const appPage = pathToFileURL(join(rendererRoot, 'index.html')).href;

function openWindow(): FakeBrowserWindow {
  return createMainWindow({
    preloadPath: '/opt/sscp/preload.cjs',
    rendererRoot,
    bounds: null,
    backgroundColor: '#fff',
  }) as unknown as FakeBrowserWindow;
}

function requestVerdict(session: FakeSession, url: string): boolean {
  let cancelled: boolean | undefined;
  const listener = session.webRequest.beforeRequest as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
  listener({ url }, (r) => {
    cancelled = r.cancel;
  });
  if (cancelled === undefined) throw new Error('the request listener did not answer');
  return cancelled;
}

describe('the main window', () => {
  beforeEach(() => {
    FakeBrowserWindow.created = [];
    shell.opened.length = 0;
  });

  it('is created with context isolation, the sandbox, no Node and web security', () => {
    const window = openWindow();
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      preload: '/opt/sscp/preload.cjs',
    });
    expect(window.loadedFile).toBe(join(rendererRoot, 'index.html'));
  });

  it('cancels every request that is not a file of the bundled renderer', () => {
    const session = openWindow().webContents.session;
    expect(requestVerdict(session, appPage)).toBe(false);
    expect(requestVerdict(session, pathToFileURL(join(rendererRoot, 'assets', 'index-abc.js')).href)).toBe(false);
    expect(requestVerdict(session, 'data:image/png;base64,AAAA')).toBe(false);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/x',
      'ws://localhost:1/',
      'file:///etc/passwd',
      pathToFileURL(join(rendererRoot, '..', 'app', 'main.cjs')).href,
      `${appPage}/../../../../../etc/passwd`,
      'devtools://devtools/bundled/inspector.html',
      'chrome-extension://abc/x.js',
      'not a url',
    ]) {
      expect(requestVerdict(session, url), url).toBe(true);
    }
  });

  it('adds the content security policy to every response', () => {
    const session = openWindow().webContents.session;
    let headers: Record<string, string[]> | undefined;
    const listener = session.webRequest.headersReceived as (
      d: unknown,
      cb: (r: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    listener({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => {
      headers = r.responseHeaders;
    });
    expect(headers?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers?.['Content-Type']).toEqual(['text/html']);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
  });

  it('denies every permission request and check', () => {
    const session = openWindow().webContents.session;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      (session.permissionRequest as (wc: unknown, p: string, cb: (g: boolean) => void) => void)(null, permission, (g) => {
        granted = g;
      });
      expect(granted, permission).toBe(false);
      expect((session.permissionCheck as (...a: unknown[]) => boolean)(null, permission)).toBe(false);
    }
    expect((session.devicePermission as () => boolean)()).toBe(false);
  });

  it('stays on the app: navigation away is prevented, new windows denied, only clicked https links open outside', () => {
    const contents = openWindow().webContents;
    const navigate = (url: string): boolean => {
      const event = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      contents.emit('will-navigate', event, url);
      return event.prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(appPage)).toBe(false);

    const open = contents.windowOpenHandler!;
    expect(open({ url: 'https://www.gov.uk/government/publications/software-security-code-of-practice' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://insecure.example/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://www.gov.uk/government/publications/software-security-code-of-practice']);

    const webview = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    contents.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
  });
});
