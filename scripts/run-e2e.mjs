// npm run test:e2e: build the renderer, then drive it in Debian Chromium through the user's
// journey (vitest.e2e.config.ts). The report lands in .tmp/e2e-report.json for
// scripts/test-summary.mjs; any failure, or a run that could not start, exits non-zero.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const report = `${root}.tmp/e2e-report.json`;
mkdirSync(`${root}.tmp`, { recursive: true });
rmSync(report, { force: true });

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: false });
  return result.status ?? 1;
}

function fail(message) {
  console.error(`test:e2e: ${message}`);
  // A run that could not start still leaves a report, so the summary counts it as failed.
  if (!existsSync(report)) writeFileSync(report, JSON.stringify({ numPassedTests: 0, numFailedTests: 1, numPendingTests: 0 }));
  process.exit(1);
}

if (!existsSync('/usr/bin/chromium')) fail('Chromium is not installed at /usr/bin/chromium (apt-get install chromium).');
if (run(process.execPath, ['scripts/build.mjs', '--renderer-only']) !== 0) fail('the renderer did not build.');
const status = run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.e2e.config.ts']);
if (!existsSync(report)) fail('the end-to-end run wrote no report.');
process.exit(status);
