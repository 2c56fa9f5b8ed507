import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Every test file gets its own empty SSCP_HOME, so no test ever reads or writes the real
 * per-user key store (docs/key-store.md) and no two files share identities. Tests that need
 * a fresh store within a file set SSCP_HOME (or pass a home) themselves.
 */
const home = mkdtempSync(join(tmpdir(), 'sscp-home-'));
process.env.SSCP_HOME = home;
afterAll(() => rmSync(home, { recursive: true, force: true }));
