import { defineConfig } from 'vitest/config';

// Tests run on real SQLite files, real temp folders and real PDF tools, so they get time;
// nothing here asserts on time (benchmarks do that, in `npm run bench`).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // A temp SSCP_HOME per file: no test touches the real key store.
    setupFiles: ['test/setup/sscp-home.ts'],
    // The bundled CLI (dist/cli) that tests spawning bin/sscp.mjs run, built once up front.
    globalSetup: ['test/setup/cli-bundle.ts'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: '.tmp/vitest-report.json' }]],
  },
});
