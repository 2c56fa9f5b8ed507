import { eventNames, pageChannels, type Channel, type EventName } from '../../shared/ipc/contract';
import type { SscpApi } from '../../shared/ipc/api';
import { ok, type IpcResult } from '../../shared/ipc/result';
import type { PickedPath } from '../../shared/ipc/views';

export interface PreloadTransport {
  readonly invoke: (channel: Channel, args: unknown) => Promise<unknown>;
  readonly subscribe: (event: EventName, listener: (payload: unknown) => void) => () => void;
  /** The path of a dropped File, or '' when it is not a file on disk. */
  readonly pathForFile: (file: unknown) => string;
}

/**
 * Builds `window.sscp` from the contract's channel list, so the exposed surface is exactly
 * the contract's page channels. Kept free of electron so a test can check the surface, and
 * the end-to-end stand-in can reuse it over HTTP.
 */
export function buildApi(transport: PreloadTransport): SscpApi {
  const api: Record<string, unknown> = {};
  for (const channel of pageChannels) {
    api[channel] = (args: unknown) => transport.invoke(channel, args ?? {}) as Promise<IpcResult<unknown>>;
  }
  api.onEvent = (event: EventName, listener: (payload: unknown) => void) => {
    if (!eventNames.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    return transport.subscribe(event, listener);
  };
  // The path is found here, in the preload, and only this code sends `grants.registerDrop`:
  // the page hands over a File object, never a path of its own choosing.
  api.droppedFile = async (file: unknown): Promise<IpcResult<PickedPath>> => {
    const path = transport.pathForFile(file);
    if (!path) return ok({ path: null });
    return (await transport.invoke('grants.registerDrop', { path })) as IpcResult<PickedPath>;
  };
  return Object.freeze(api) as unknown as SscpApi;
}
