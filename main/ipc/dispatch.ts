import { isJobChannel, type Channel, type ContractResult, type ParsedArgs } from '../../shared/ipc/contract';
import { failed, ok, type IpcResult } from '../../shared/ipc/result';
import { toIpcError } from './errors';
import type { GrantLease } from './path-grants';
import { validateRequest } from './validate';

/** A complete answer for every channel: the service table plus the platform (Electron or test) table. */
export type HandlerTable = { readonly [C in Channel]: (args: ParsedArgs<C>) => Promise<ContractResult<C>> };

export type Dispatch = (channel: unknown, args: unknown) => Promise<IpcResult<unknown>>;

/** Main's registry of files the window may use (main/ipc/path-grants.ts). */
export interface PathGuard {
  readonly authorise: (channel: Channel, args: unknown) => GrantLease;
  readonly holdForJob: (jobId: string, lease: GrantLease) => void;
}

/**
 * The single door into main: validate, check every file path against the window's grants, run,
 * and turn any failure into a typed value. Electron's `ipcMain.handle` and the end-to-end HTTP
 * bridge both call this, so they behave the same; no handler sees a path main did not grant.
 */
export function createDispatch(table: HandlerTable, guard: PathGuard): Dispatch {
  return async (channel, args) => {
    try {
      const request = validateRequest(channel, args);
      const lease = guard.authorise(request.channel, request.args);
      const handler = table[request.channel] as (a: unknown) => Promise<unknown>;
      let value: unknown;
      try {
        value = await handler(request.args);
      } catch (e) {
        lease.restore();
        throw e;
      }
      if (isJobChannel(request.channel)) guard.holdForJob((value as { jobId: string }).jobId, lease);
      return ok(value);
    } catch (e) {
      return failed(toIpcError(e));
    }
  };
}
