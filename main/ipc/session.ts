import { SscpError } from '../../shared/errors';
import type { Workspace } from '../services/workspace-types';

export type OpenWorkspace = (dbPath: string) => Workspace;

/** The one database the window works in; opening another closes the previous one. */
export class WorkspaceSession {
  private current: Workspace | null = null;

  constructor(private readonly openWorkspace: OpenWorkspace) {}

  open(dbPath: string): Workspace {
    const next = this.openWorkspace(dbPath);
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

  peek(): Workspace | null {
    return this.current;
  }

  close(): void {
    this.current?.close();
    this.current = null;
  }
}
