import type { BrowserWindow } from 'electron';

/** How long the page gets to save pending edits before the window closes anyway. */
export const SAVE_BEFORE_CLOSE_MS = 3000;

/**
 * Closing the window first asks the page to save what is still waiting for its autosave
 * pause, so the last words typed are never lost; the page answers `app.readyToClose`. A page
 * that does not answer (hung, or crashed) cannot keep the window open.
 */
export function guardClose(window: BrowserWindow, askPageToSave: () => void): { readonly pageSaved: () => void } {
  let allowed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const closeNow = (): void => {
    allowed = true;
    if (timer) clearTimeout(timer);
    if (!window.isDestroyed()) window.close();
  };
  window.on('close', (event) => {
    if (allowed) return;
    event.preventDefault();
    if (timer) return;
    askPageToSave();
    timer = setTimeout(closeNow, SAVE_BEFORE_CLOSE_MS);
  });
  return { pageSaved: () => (timer ? closeNow() : undefined) };
}
