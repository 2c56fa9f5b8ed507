import type { ContractArgs, ContractEvents, ContractResult, EventName, PageChannel } from './contract';
import type { IpcResult } from './result';
import type { PickedPath } from './views';

type Method<C extends PageChannel> = (args: ContractArgs<C>) => Promise<IpcResult<ContractResult<C>>>;

/**
 * The whole surface the preload exposes as `window.sscp`: one method per contract channel the
 * page may call, plus a subscription to the events main sends. Derived from the contract,
 * never written out.
 */
export type SscpApi<DroppedFile = unknown> = { readonly [C in PageChannel]: Method<C> } & {
  /** Returns the function that unsubscribes. */
  readonly onEvent: <E extends EventName>(event: E, listener: (payload: ContractEvents[E]) => void) => () => void;
  /**
   * Lets main read a file dropped onto the window: the preload finds its path (Electron's
   * webUtils.getPathForFile) and main grants this window read access to it. Answers the path,
   * or null for something that is not a file on disk (text dragged from another app).
   */
  readonly droppedFile: (file: DroppedFile) => Promise<IpcResult<PickedPath>>;
};
