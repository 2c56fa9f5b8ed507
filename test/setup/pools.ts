/**
 * Which test files run where (vitest.config.ts). Most files run one after another in a
 * long-lived worker thread that keeps the modules it has loaded (the `shared` project): no
 * process to start, no module loaded or transformed twice. A file goes elsewhere only for a
 * reason written here; test/setup/pools.test.ts fails when a file does one of these things
 * without being listed.
 */

/**
 * A process of their own (pool `forks`, isolated), because what they assert is about the
 * whole process:
 * - `process.umask()` cannot be set from a worker thread;
 * - `process.memoryUsage().rss` in a thread would count the other threads' memory too;
 * - a child's peak RSS (`maxRSS`) starts from its parent's at the fork (Linux keeps the high
 *   water mark across exec), so a child spawned from a big shared worker reports that
 *   worker's memory, not its own.
 */
export const OWN_PROCESS: readonly string[] = [
  'test/main/store/file-modes.test.ts',
  'test/main/evidence/large-file-memory.test.ts',
  'test/main/pack/large-pack.test.ts',
  'test/main/pack/many-files-memory.test.ts',
];

/**
 * A page of their own (pool `vmThreads`): each file runs in a new V8 context with its own
 * globals, its own jsdom window and its own copy of every module it imports, inside a
 * long-lived worker thread. The renderer keeps state at module level (its zustand stores, the
 * job tracker's subscription to `window.sscp`) and on the window, which a file run before
 * would leave behind; a `vi.mock` here is its file's alone. A thread of their own per file
 * (`threads`, isolated) gives the same, but loads jsdom and React again for every file, which
 * cost more than the renderer's tests themselves (docs/testing.md).
 */
export const OWN_PAGE: readonly string[] = ['test/renderer/**'];

/**
 * Fresh modules for each file (pool `threads`, isolated): `vi.mock` replaces a module for one
 * file only.
 */
export const FRESH_MODULES: readonly string[] = [
  'test/main/app/**',
  'test/cli/id-prefix-and-db-env.test.ts',
  'test/cli/version.test.ts',
  'test/main/fs/write-failures.test.ts',
  'test/main/contribution/read-once.test.ts',
];

/** Why a file would need one of the lists above, as a pattern over its source. */
export const NEEDS_OWN_PROCESS = /\bprocess\.(umask|chdir|memoryUsage)\s*\(|\bmaxRss/;
export const NEEDS_FRESH_MODULES = /\bvi\.(mock|doMock|unmock|doUnmock|resetModules)\s*\(/;

/** The include globs vitest takes for a list: `dir/**` means every test file under dir. */
export function asTestGlobs(list: readonly string[]): string[] {
  return list.map((p) => (p.endsWith('/**') ? `${p}/*.test.{ts,tsx}` : p));
}

/** Whether a repository-relative test file path is in a list (exact path, or under a `dir/**`). */
export function listed(list: readonly string[], file: string): boolean {
  return list.some((p) => (p.endsWith('/**') ? file.startsWith(p.slice(0, -2)) : file === p));
}
