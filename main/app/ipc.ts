import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels } from '../../shared/ipc/contract';
import { failed } from '../../shared/ipc/result';
import type { Dispatch } from '../ipc/dispatch';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * Registers one handler per contract channel. A request from any frame other than the app's
 * own window is refused before its arguments are even read; the dispatch then validates them.
 */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, isTrustedSender: SenderCheck): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, args: unknown) => {
      if (!isTrustedSender(event)) {
        return failed({ kind: 'invalid-input', message: 'This request did not come from the application window and was refused.' });
      }
      return dispatch(channel, args);
    });
  }
}
