import type { HandlerTable } from '../dispatch';
import type { HandlerContext } from './context';

type Channels = 'workspace.current' | 'workspace.open' | 'workspace.close' | 'workspace.checkIntegrity' | 'jobs.cancel';

export function workspaceHandlers({ session, ws, jobs }: HandlerContext, onOpened?: (dbPath: string) => void): Pick<HandlerTable, Channels> {
  return {
    'workspace.current': async () => {
      const current = session.peek();
      return current ? { dbPath: current.dbPath } : null;
    },
    'workspace.open': async ({ dbPath }) => {
      jobs.cancelAll();
      const opened = session.open(dbPath);
      onOpened?.(opened.dbPath);
      return { dbPath: opened.dbPath };
    },
    'workspace.close': async () => {
      jobs.cancelAll();
      session.close();
      return null;
    },
    'workspace.checkIntegrity': async () => {
      const workspace = ws();
      const jobId = jobs.start(async ({ progress }) => {
        const report = await workspace.checkIntegrity((done, total) => progress('Checking evidence files', done, total));
        return { ok: report.ok, problems: report.problems };
      });
      return { jobId };
    },
    'jobs.cancel': async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
  };
}
