import type { Session } from 'electron';
import { isAllowedRequest } from './app-url';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

/**
 * Makes the session unable to reach anything outside the app bundle: every other request is
 * cancelled before it starts, every response carries the CSP, and no permission (camera,
 * notifications, clipboard read, …) is ever granted.
 */
export function hardenSession(session: Session, rendererRoot: string): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, rendererRoot) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
