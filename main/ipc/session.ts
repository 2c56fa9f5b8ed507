import type { Actor } from '../../shared/domain/actor';
import { SscpError } from '../../shared/errors';
import type { Workspace } from '../services/workspace-types';
import { createIdentityService, type IdentityService } from '../signing/identity-service';
import { openDatabase, type Db } from '../store/database';

export type OpenWorkspace = (dbPath: string, options: { readonly actor: () => Actor }) => Workspace;

/**
 * The one database the window works in; opening another closes the previous one. Every change
 * made through it is recorded under `actor`, asked at each change (the profile can be edited
 * while a database is open).
 */
export class WorkspaceSession {
  private current: Workspace | null = null;
  // Signing identities live in the same file, reached through their own connection (WAL).
  private identityDb: Db | null = null;
  private identityService: IdentityService | null = null;

  constructor(
    private readonly openWorkspace: OpenWorkspace,
    readonly actor: () => Actor,
  ) {}

  open(dbPath: string): Workspace {
    const next = this.openWorkspace(dbPath, { actor: this.actor });
    this.close();
    this.current = next;
    return next;
  }

  get(): Workspace {
    if (!this.current) {
      throw new SscpError('not-found', 'No database is open.', 'Open an existing database or create a new one from the start page.');
    }
    return this.current;
  }

  identities(): IdentityService {
    const workspace = this.get();
    if (!this.identityService) {
      this.identityDb = openDatabase(workspace.dbPath, { mustExist: true, actor: this.actor });
      this.identityService = createIdentityService(this.identityDb);
    }
    return this.identityService;
  }

  peek(): Workspace | null {
    return this.current;
  }

  close(): void {
    this.identityDb?.close();
    this.identityDb = null;
    this.identityService = null;
    this.current?.close();
    this.current = null;
  }
}
