import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, vi } from 'vitest';

/**
 * Every test file gets its own empty SSCP_HOME, so no test ever reads or writes the real
 * per-user key store (docs/key-store.md) and no two files share identities. Tests that need
 * a fresh store within a file set SSCP_HOME (or pass a home) themselves.
 *
 * Most files share one long-lived worker (test/setup/pools.ts), so whatever a file changed in
 * the process is put back once it ends, even when it failed half-way: the environment
 * variables, fake timers and spies. The next file starts as if it had the worker to itself.
 */
const env = { ...process.env };
const home = mkdtempSync(join(tmpdir(), 'sscp-home-'));
process.env.SSCP_HOME = home;
afterAll(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
  Object.assign(process.env, env);
  rmSync(home, { recursive: true, force: true });
});
