import { channels, eventNames, type Channel, type EventName } from '../../shared/ipc/contract';
import type { SscpApi } from '../../shared/ipc/api';
import type { IpcResult } from '../../shared/ipc/result';

export interface PreloadTransport {
  readonly invoke: (channel: Channel, args: unknown) => Promise<unknown>;
  readonly subscribe: (event: EventName, listener: (payload: unknown) => void) => () => void;
  readonly pathForFile: (file: unknown) => string;
}

/**
 * Builds `window.sscp` from the contract's channel list, so the exposed surface is exactly
 * the contract. Kept free of electron so a test can check the surface, and the end-to-end
 * stand-in can reuse it over HTTP.
 */
export function buildApi(transport: PreloadTransport): SscpApi {
  const api: Record<string, unknown> = {};
  for (const channel of channels) {
    api[channel] = (args: unknown) => transport.invoke(channel, args ?? {}) as Promise<IpcResult<unknown>>;
  }
  api.onEvent = (event: EventName, listener: (payload: unknown) => void) => {
    if (!eventNames.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    return transport.subscribe(event, listener);
  };
  api.pathForFile = (file: unknown) => transport.pathForFile(file);
  return Object.freeze(api) as unknown as SscpApi;
}
