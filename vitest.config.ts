import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { FRESH_MODULES, OWN_PAGE, OWN_PROCESS, asTestGlobs } from './test/setup/pools';

const ALL = ['test/**/*.test.ts', 'test/**/*.test.tsx'];
const NEVER = ['test/e2e/**', 'node_modules/**'];

// Tests run on real SQLite files, real temp folders and real PDF tools, so they get time;
// nothing here asserts on time (benchmarks do that, in `npm run bench`).
//
// Where the time goes (docs/testing.md, "Keeping npm test fast"): starting a worker, loading
// and transforming the modules a file imports, and setting up jsdom cost more than most
// tests do. So most files run in long-lived worker threads that keep the modules they have
// loaded (isolate: false; test/setup/pools.ts says which files cannot, and why). Each file
// still gets its own SSCP_HOME, and its changes to the process are undone, by the setup file.
export default defineConfig({
  test: {
    environment: 'node',
    // A temp SSCP_HOME per file: no test touches the real key store.
    setupFiles: ['test/setup/sscp-home.ts'],
    // Built once up front: the bundled CLI (dist/cli) that tests spawning bin/sscp.mjs run, and the
    // child scripts that tests run in processes of their own (test/setup/child-bundle.ts).
    globalSetup: ['test/setup/cli-bundle.ts', 'test/setup/child-bundle.ts'],
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, idle
    // while its test waits for a child process, openssl or fsync. Two keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: '.tmp/vitest-report.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ALL,
          exclude: [...NEVER, ...asTestGlobs(OWN_PROCESS), ...asTestGlobs(FRESH_MODULES), ...asTestGlobs(OWN_PAGE)],
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'page', include: asTestGlobs(OWN_PAGE), exclude: NEVER, pool: 'vmThreads', isolate: true },
      },
      {
        extends: true,
        test: { name: 'fresh', include: asTestGlobs(FRESH_MODULES), exclude: NEVER, pool: 'threads', isolate: true },
      },
      {
        extends: true,
        test: { name: 'own-process', include: asTestGlobs(OWN_PROCESS), exclude: NEVER, pool: 'forks', isolate: true },
      },
    ],
  },
});
