import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pageChannels, type Channel, type ContractEvents, type EventName } from '../../shared/ipc/contract';
import type { SscpApi } from '../../shared/ipc/api';
import { createDispatch, type HandlerTable } from '../../main/ipc/dispatch';
import { createServiceHandlers } from '../../main/ipc/handlers';
import { JobRunner } from '../../main/ipc/jobs/runner';
import { appActor } from '../../main/services/actor';
import { openWorkspace, type Workspace } from '../../main/services/workspace';
import { resetJobTracking } from '../../renderer/ipc/job-tracker';
import { createTestPlatform, type TestPlatform } from '../e2e/test-platform';

export interface RealApi {
  /** The database's folder: files written with `file` are there. */
  readonly dir: string;
  readonly dbPath: string;
  /** The workspace main's handlers use, to set up and check what is in the database. */
  readonly ws: () => Workspace;
  /** Every channel the page called, in order. */
  readonly calls: Channel[];
  readonly platform: TestPlatform;
  /** Writes a real file in the temp folder and returns its path. */
  readonly file: (name: string, content: string) => string;
  readonly cleanup: () => Promise<void>;
}

/**
 * `window.sscp` served by main's real handler table (the same dispatch, validation, path grants
 * and job runner as the app, the end-to-end bridge's platform for dialogs and settings) over a
 * real SQLite database in a temp folder, opened as the app opens one. The page's stores talk
 * to it exactly as they talk to Electron's preload.
 */
export async function installRealApi(): Promise<RealApi> {
  resetJobTracking();
  const dir = mkdtempSync(join(tmpdir(), 'sscp-page-'));
  const dbPath = join(dir, 'assessments.sscp');
  const platform = createTestPlatform(resolve(__dirname, '../..'));
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const emit = <E extends EventName>(event: E, payload: ContractEvents[E]) => {
    // As over IPC: the page hears of it after the call that caused it has returned.
    setTimeout(() => {
      for (const l of listeners.get(event) ?? []) l(payload);
    }, 0);
  };
  const jobs = new JobRunner(platform.grants.watchJobs(emit));
  const { handlers, session } = createServiceHandlers({
    openWorkspace,
    actor: () => appActor(platform.settings().profile),
    jobs,
    onWorkspaceOpened: (p) => platform.recordRecent(p),
  });
  const dispatch = createDispatch({ ...handlers, ...platform.handlers } as HandlerTable, platform.grants);
  const calls: Channel[] = [];
  const api: Record<string, unknown> = {};
  for (const channel of pageChannels) {
    api[channel] = async (args: unknown) => {
      calls.push(channel);
      // Through JSON, as the structured clone of IPC: the page never shares an object with main.
      return JSON.parse(JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(args ?? {}))))) as unknown;
    };
  }
  api.onEvent = (event: EventName, listener: (p: unknown) => void) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  };
  api.droppedFile = async () => ({ ok: false, error: { kind: 'internal', message: 'Not served here.', hint: '' } });
  Object.defineProperty(window, 'sscp', { value: api as unknown as SscpApi<File>, configurable: true, writable: true });
  // A new database, chosen in the dialog and opened, as the start screen does it.
  platform.answerNextDialog('newDatabase', [dbPath]);
  const chosen = (await dispatch('dialogs.newDatabase', {})) as { ok: boolean; value?: { path: string | null } };
  const opened = await dispatch('workspace.open', { dbPath: chosen.value?.path ?? dbPath });
  if (!opened.ok) throw new Error(`The test database did not open: ${opened.error.message}`);
  return {
    dir,
    dbPath,
    ws: () => session.get(),
    calls,
    platform,
    file: (name, content) => {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
    cleanup: async () => {
      session.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
