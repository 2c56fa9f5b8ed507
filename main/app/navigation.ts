import { shell, type WebContents } from 'electron';
import { isAppUrl } from './app-url';

/**
 * The window never navigates away from the app and never opens another window. A link to an
 * https page the user clicked opens in their browser; nothing else leaves the app.
 */
export function guardNavigation(contents: WebContents, rendererRoot: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, rendererRoot)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, rendererRoot)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isHttpsUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
