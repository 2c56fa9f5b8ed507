import type { Workspace } from '../../services/workspace-types';
import type { IdentityService } from '../../signing/identity-service';
import type { JobExecutor } from '../jobs/executor';
import type { WorkspaceSession } from '../session';

/** What every group of handlers works with: the open database, its identities, where long jobs run. */
export interface HandlerContext {
  readonly session: WorkspaceSession;
  readonly ws: () => Workspace;
  readonly identities: () => IdentityService;
  readonly executor: JobExecutor;
}
