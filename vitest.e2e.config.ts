import { defineConfig } from 'vitest/config';

// The user's journey in a real Chromium against the real services (scripts/run-e2e.mjs builds
// the renderer first). One file, steps in order, each step a test so the report counts them.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    // A temp SSCP_HOME: the bridge, its job host and the app under test never touch the real key store.
    setupFiles: ['test/setup/sscp-home.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // What the page shows is waited for, never timed: an `expect.poll` waits as long as a
    // Playwright action does (10 s, the harness's default), not vitest's 1 s, which a first
    // paint on a loaded machine can take.
    expect: { poll: { timeout: 10_000 } },
    reporters: ['default', ['json', { outputFile: '.tmp/e2e-report.json' }]],
  },
});
