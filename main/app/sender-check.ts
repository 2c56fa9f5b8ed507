import type { BrowserWindow } from 'electron';
import { isAppUrl } from './app-url';
import type { SenderCheck } from './ipc';

/** Trusts only the main window's own top frame showing the bundled page. */
export function makeSenderCheck(getWindow: () => BrowserWindow | null, rendererRoot: string): SenderCheck {
  return (event) => {
    const window = getWindow();
    if (!window || window.isDestroyed()) return false;
    if (event.sender.id !== window.webContents.id) return false;
    const frame = event.senderFrame;
    // Subframes never get the API, even if one were somehow loaded.
    if (!frame || frame.parent !== null) return false;
    return isAppUrl(frame.url, rendererRoot);
  };
}
