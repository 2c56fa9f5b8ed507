import type { HandlerTable } from '../dispatch';
import type { HandlerContext } from './context';

type Channels = 'workspace.current' | 'workspace.open' | 'workspace.close' | 'jobs.cancel';

export function workspaceHandlers(
  { session, executor }: HandlerContext,
  onOpened?: (dbPath: string) => void,
): Pick<HandlerTable, Channels> {
  return {
    'workspace.current': async () => {
      const current = session.peek();
      return current ? { dbPath: current.dbPath } : null;
    },
    'workspace.open': async ({ dbPath }) => {
      executor.cancelAll();
      const opened = session.open(dbPath);
      onOpened?.(opened.dbPath);
      // Identities an older version kept in this database move to the user's key store.
      const identityNotes = session.adoptIdentities();
      return identityNotes.length > 0 ? { dbPath: opened.dbPath, identityNotes } : { dbPath: opened.dbPath };
    },
    'workspace.close': async () => {
      executor.cancelAll();
      session.close();
      return null;
    },
    'jobs.cancel': async ({ jobId }) => ({ cancelled: executor.cancel(jobId) }),
  };
}
