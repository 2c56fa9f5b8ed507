import type { ErrorReason } from '../../../shared/error-reasons';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { openWorkspace, type Workspace } from '../../../main/services/workspace';
import type { MarkSignedInput } from '../../../main/services/workspace-types';
import { countSql, type SqlCounter } from '../../helpers/sql-counter';

/** A pack an assessment is marked signed with (`markSigned`), where a test needs a signed assessment but not a real pack. */
export const SIGNED_PACK: MarkSignedInput = {
  packSha256: 'a'.repeat(64),
  packId: 'pack-1',
  signerFingerprint: 'AB:CD',
  signedAt: '2026-03-31T10:00:00.000Z',
  profile: 'customer',
};

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

/**
 * For a test file that counts the statements its workspace runs: one SQL counter for the whole
 * file and a fresh workspace for each test, their hooks registered here. Read `sql` and `f`
 * inside the tests (they change between tests).
 */
export function countedWorkspace(): { readonly sql: SqlCounter; readonly f: WorkspaceFixture } {
  let sql: SqlCounter | undefined;
  let f: WorkspaceFixture | undefined;
  beforeAll(() => {
    sql = countSql();
  });
  afterAll(() => sql?.restore());
  beforeEach(() => {
    f = makeWorkspace();
  });
  afterEach(() => f?.cleanup());
  return {
    get sql() {
      if (!sql) throw new Error('The SQL counter is there only while the file runs');
      return sql;
    },
    get f() {
      if (!f) throw new Error('The workspace is there only inside a test');
      return f;
    },
  };
}
