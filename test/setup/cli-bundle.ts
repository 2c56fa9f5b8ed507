import { ensureCliBundle } from '../../scripts/cli-bundle.mjs';

/**
 * Once per test run, before any test file: the bundled CLI that bin/sscp.mjs runs is built
 * if it is missing or out of date, so the many tests that spawn `sscp` run the real bundle
 * and none of them pays for (or races another on) building it.
 */
export default async function setup(): Promise<void> {
  await ensureCliBundle();
}
