import type { ErrorReason } from '../../../shared/error-reasons';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace, type Workspace } from '../../../main/services/workspace';

export interface WorkspaceFixture {
  readonly dir: string;
  readonly dbPath: string;
  ws: Workspace;
  /** Writes a real file in the temp folder and returns its path. */
  file(name: string, content: string | Buffer): string;
  reopen(): Workspace;
  cleanup(): void;
}

export function makeWorkspace(): WorkspaceFixture {
  const dir = mkdtempSync(join(tmpdir(), 'sscp-ws-'));
  const dbPath = join(dir, 'assessments.sscp');
  const fixture: WorkspaceFixture = {
    dir,
    dbPath,
    ws: openWorkspace(dbPath),
    file(name, content) {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
    reopen() {
      fixture.ws.close();
      fixture.ws = openWorkspace(dbPath);
      return fixture.ws;
    },
    cleanup() {
      fixture.ws.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}

/** Runs fn and returns what it threw (sync or async), failing if it did not throw. */
export async function caught(fn: () => unknown): Promise<Error & { kind?: string; hint?: string; reason?: ErrorReason }> {
  try {
    await fn();
  } catch (e) {
    return e as Error & { kind?: string; hint?: string; reason?: ErrorReason };
  }
  throw new Error('expected an error');
}
