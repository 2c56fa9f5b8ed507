import type { Actor } from '../../shared/domain/actor';
import type { ServiceChannel } from '../../shared/ipc/contract';
import type { HandlerTable } from './dispatch';
import { archiveHandlers } from './handlers/archive';
import { contributionHandlers } from './handlers/contributions';
import { assessmentHandlers } from './handlers/assessments';
import type { HandlerContext } from './handlers/context';
import { evidenceHandlers } from './handlers/evidence';
import { identityHandlers } from './handlers/identities';
import { jobHandlers } from './handlers/jobs';
import { workspaceHandlers } from './handlers/workspace';
import type { JobRunner } from './jobs/runner';
import type { JobExecutor } from './jobs/executor';
import { inProcessExecutor } from './jobs/in-process';
import { WorkspaceSession, type OpenWorkspace } from './session';

export type ServiceHandlers = Pick<HandlerTable, ServiceChannel>;

export interface ServiceDeps {
  readonly openWorkspace: OpenWorkspace;
  /** Who is working (the desktop app: the profile in settings); every change records them. */
  readonly actor: () => Actor;
  readonly jobs: JobRunner;
  /** Where long jobs run; by default in this process on `jobs` (the Electron layer passes a job host). */
  readonly executor?: JobExecutor;
  /** The Electron layer records recent databases here. */
  readonly onWorkspaceOpened?: (dbPath: string) => void;
  /** The folder holding the user's key store; SSCP_HOME or the app's user-data folder by default. */
  readonly keyStoreHome?: string;
}

/**
 * Channel → service call, for every channel that is not the desktop shell's. No electron here:
 * Electron's ipcMain and the end-to-end HTTP bridge register this same table.
 */
export function createServiceHandlers(deps: ServiceDeps): { handlers: ServiceHandlers; session: WorkspaceSession } {
  const session = new WorkspaceSession(deps.openWorkspace, deps.actor, deps.keyStoreHome);
  const services = { ws: () => session.get(), identities: () => session.identities() };
  const executor = deps.executor ?? inProcessExecutor(deps.jobs, services);
  const context: HandlerContext = { session, ...services, executor };
  const handlers: ServiceHandlers = {
    ...workspaceHandlers(context, deps.onWorkspaceOpened),
    ...assessmentHandlers(context),
    ...archiveHandlers(context),
    ...evidenceHandlers(context),
    ...identityHandlers(context),
    ...contributionHandlers(context),
    ...jobHandlers(context),
  };
  return { handlers, session };
}
