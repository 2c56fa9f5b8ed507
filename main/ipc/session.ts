import type { Actor } from '../../shared/domain/actor';
import { SscpError } from '../../shared/errors';
import type { Workspace } from '../services/workspace-types';
import { createIdentityService, type IdentityService } from '../signing/identity-service';
import { openKeyStore, sscpHome, type KeyStore } from '../signing/key-store';
import { adoptLegacyIdentities, describeMovedIdentities } from '../signing/legacy-identities';

export type OpenWorkspace = (dbPath: string, options: { readonly actor: () => Actor }) => Workspace;

/**
 * The one database the window works in; opening another closes the previous one. Every change
 * made through it is recorded under `actor`, asked at each change (the profile can be edited
 * while a database is open). Signing identities are the user's, not the database's: they come
 * from the per-user key store (SSCP_HOME or the app's user-data folder), whichever database is open.
 */
export class WorkspaceSession {
  private current: Workspace | null = null;
  private keyStore: KeyStore | null = null;
  private identityService: IdentityService | null = null;

  constructor(
    private readonly openWorkspace: OpenWorkspace,
    readonly actor: () => Actor,
    readonly keyStoreHome: string = sscpHome(),
  ) {}

  open(dbPath: string): Workspace {
    const next = this.openWorkspace(dbPath, { actor: this.actor });
    this.close();
    this.current = next;
    return next;
  }

  /**
   * Moves identities an older version kept in the open database into the key store, and
   * says what moved (nothing for a database that holds none).
   */
  adoptIdentities(): string[] {
    return describeMovedIdentities(adoptLegacyIdentities(this.get().dbPath, this.keyStoreHome));
  }

  get(): Workspace {
    if (!this.current) {
      throw SscpError.because({ code: 'no-database-open' });
    }
    return this.current;
  }

  identities(): IdentityService {
    if (!this.identityService) {
      this.keyStore = openKeyStore(this.keyStoreHome);
      this.identityService = createIdentityService(this.keyStore);
    }
    return this.identityService;
  }

  peek(): Workspace | null {
    return this.current;
  }

  close(): void {
    this.keyStore?.close();
    this.keyStore = null;
    this.identityService = null;
    this.current?.close();
    this.current = null;
  }
}
