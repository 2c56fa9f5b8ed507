import type { ServiceChannel } from '../../shared/ipc/contract';
import type { HandlerTable } from './dispatch';
import { assessmentHandlers } from './handlers/assessments';
import type { HandlerContext } from './handlers/context';
import { evidenceHandlers } from './handlers/evidence';
import { formHandlers } from './handlers/forms';
import { identityHandlers } from './handlers/identities';
import { packHandlers } from './handlers/packs';
import { workspaceHandlers } from './handlers/workspace';
import type { JobRunner } from './jobs';
import { WorkspaceSession, type OpenWorkspace } from './session';

export type ServiceHandlers = Pick<HandlerTable, ServiceChannel>;

export interface ServiceDeps {
  readonly openWorkspace: OpenWorkspace;
  readonly jobs: JobRunner;
  /** The Electron layer records recent databases here. */
  readonly onWorkspaceOpened?: (dbPath: string) => void;
}

/**
 * Channel → service call, for every channel that is not the desktop shell's. No electron here:
 * Electron's ipcMain and the end-to-end HTTP bridge register this same table.
 */
export function createServiceHandlers(deps: ServiceDeps): { handlers: ServiceHandlers; session: WorkspaceSession } {
  const session = new WorkspaceSession(deps.openWorkspace);
  const context: HandlerContext = { session, ws: () => session.get(), identities: () => session.identities(), jobs: deps.jobs };
  const handlers: ServiceHandlers = {
    ...workspaceHandlers(context, deps.onWorkspaceOpened),
    ...assessmentHandlers(context),
    ...evidenceHandlers(context),
    ...identityHandlers(context),
    ...packHandlers(context),
    ...formHandlers(context),
  };
  return { handlers, session };
}
