import { pageChannels, type Channel, type ContractEvents, type EventName } from '../../shared/ipc/contract';
import type { SscpApi } from '../../shared/ipc/api';
import type { IpcErrorValue } from '../../shared/ipc/result';
import { resetJobTracking } from '../../renderer/ipc/job-tracker';

type Handler = (args: never) => unknown;

export interface FakeApi {
  readonly calls: { channel: Channel; args: unknown }[];
  readonly emit: <E extends EventName>(event: E, payload: ContractEvents[E]) => void;
  /** Answers `channel` with the handler's value; a thrown IpcErrorValue-shaped object becomes a failure. */
  readonly answer: (channel: Channel, handler: Handler) => void;
  /** File name → the path main granted for it when dropped; a name not here is refused as main would. */
  readonly droppedPaths: Map<string, string>;
}

/**
 * A stand-in for `window.sscp` built from the contract's channel list: every call is recorded;
 * unanswered channels fail loudly, so a test cannot pass by accident.
 */
export function installFakeApi(): FakeApi {
  resetJobTracking();
  const handlers = new Map<Channel, Handler>();
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const calls: FakeApi['calls'] = [];
  const droppedPaths = new Map<string, string>();
  const api: Record<string, unknown> = {};
  for (const channel of pageChannels) {
    api[channel] = async (args: unknown) => {
      calls.push({ channel, args });
      const handler = handlers.get(channel);
      if (!handler) return { ok: false, error: { kind: 'internal', message: `No fake answer for ${channel}` } };
      try {
        return { ok: true, value: await handler(args as never) };
      } catch (e) {
        return { ok: false, error: e as IpcErrorValue };
      }
    };
  }
  api.onEvent = (event: EventName, listener: (p: unknown) => void) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  };
  api.droppedFile = async (file: File) => {
    const path = droppedPaths.get(file.name);
    return path
      ? { ok: true, value: { path } }
      : {
          ok: false,
          error: {
            kind: 'invalid-input',
            message: 'That file was not chosen in this window.',
            hint: 'Choose it again with the Browse button or drop it onto the claim.',
          },
        };
  };
  Object.defineProperty(window, 'sscp', { value: api as unknown as SscpApi<File>, configurable: true, writable: true });
  return {
    calls,
    droppedPaths,
    answer: (channel, handler) => handlers.set(channel, handler),
    emit: (event, payload) => {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
  };
}

/** Answers `settings.update` as main does: the settings as they were, with the patch applied. */
export function answerSettingsUpdate(fake: FakeApi): void {
  fake.answer('settings.update', (patch) => ({ theme: 'system', recentDatabases: [], defaultExportFolder: null, ...(patch as object) }));
}
