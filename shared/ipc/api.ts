import type { Channel, ContractArgs, ContractEvents, ContractResult, EventName } from './contract';
import type { IpcResult } from './result';

type Method<C extends Channel> = (args: ContractArgs<C>) => Promise<IpcResult<ContractResult<C>>>;

/**
 * The whole surface the preload exposes as `window.sscp`: one method per contract channel,
 * plus a subscription to the events main sends. Derived from the contract, never written out.
 */
export type SscpApi<DroppedFile = unknown> = { readonly [C in Channel]: Method<C> } & {
  /** Returns the function that unsubscribes. */
  readonly onEvent: <E extends EventName>(event: E, listener: (payload: ContractEvents[E]) => void) => () => void;
  /** The path of a file dropped onto the window (Electron's webUtils.getPathForFile). */
  readonly pathForFile: (file: DroppedFile) => string;
};
