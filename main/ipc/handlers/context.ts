import type { Workspace } from '../../services/workspace-types';
import type { IdentityService } from '../../signing/identity-service';
import type { JobRunner } from '../jobs';
import type { WorkspaceSession } from '../session';

/** What every group of handlers works with: the open database, its identities, the job runner. */
export interface HandlerContext {
  readonly session: WorkspaceSession;
  readonly ws: () => Workspace;
  readonly identities: () => IdentityService;
  readonly jobs: JobRunner;
}
