import type { Channel, ContractResult, ParsedArgs } from '../../shared/ipc/contract';
import { failed, ok, type IpcResult } from '../../shared/ipc/result';
import { toIpcError } from './errors';
import { validateRequest } from './validate';

/** A complete answer for every channel: the service table plus the platform (Electron or test) table. */
export type HandlerTable = { readonly [C in Channel]: (args: ParsedArgs<C>) => Promise<ContractResult<C>> };

export type Dispatch = (channel: unknown, args: unknown) => Promise<IpcResult<unknown>>;

/**
 * The single door into main: validate, run, and turn any failure into a typed value. Electron's
 * `ipcMain.handle` and the end-to-end HTTP bridge both call this, so they behave the same.
 */
export function createDispatch(table: HandlerTable): Dispatch {
  return async (channel, args) => {
    try {
      const request = validateRequest(channel, args);
      const handler = table[request.channel] as (a: unknown) => Promise<unknown>;
      return ok(await handler(request.args));
    } catch (e) {
      return failed(toIpcError(e));
    }
  };
}
