// The end-to-end stand-in for main/preload: the same buildApi, but each call goes to the test
// runner through a page binding, which forwards it over HTTP to the bridge. Bundled to an
// IIFE and injected before the page's own scripts, as Electron injects the real preload.
import { buildApi } from '../../main/preload/api';
import type { EventName } from '../../shared/ipc/contract';

interface Bindings {
  /** The bridge's reply as JSON text (see harness.ts). */
  __sscpInvoke(channel: string, args: unknown): Promise<string>;
  __sscpPoll(): Promise<{ event: EventName; payload: unknown }[]>;
  __sscpDroppedPaths?: Record<string, string>;
}

const host = window as unknown as Bindings & Window;
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

Object.defineProperty(window, 'sscp', {
  configurable: false,
  writable: false,
  value: buildApi({
    invoke: async (channel, args) => JSON.parse(await host.__sscpInvoke(channel, args)) as unknown,
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    pathForFile: (file) => host.__sscpDroppedPaths?.[(file as File).name] ?? '',
  }),
});

async function pollEvents(): Promise<void> {
  for (;;) {
    const batch = await host.__sscpPoll();
    for (const { event, payload } of batch) for (const l of listeners.get(event) ?? []) l(payload);
  }
}
void pollEvents();
