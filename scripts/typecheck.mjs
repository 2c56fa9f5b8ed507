// npm run typecheck: each environment on its own, then the whole tree with the tests.
// - tsconfig.shared.json: shared/ with no Node types and no DOM (it runs in both processes);
// - tsconfig.main.json: main/ and shared/ with Node types, no DOM;
// - tsconfig.renderer.json: renderer/ and shared/ with the DOM, no Node;
// - tsconfig.json: everything, tests and scripts included.
// With TypeScript 7 (the `typescript7` dev dependency: the same checker, compiled to native
// code, about four times faster here), one check after another; each keeps what it learned
// under .tmp/tsbuildinfo7/ (--incremental), so a second run checks only what changed. The
// `typescript` package (5.x) stays for typescript-eslint's type-aware rules, whose API the
// native compiler does not offer. Exits non-zero on the first environment that fails.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The native compiler's command-line entry (the `typescript7` package's bin). */
export const TSC = fileURLToPath(new URL('../node_modules/typescript7/bin/tsc', import.meta.url));

const PROJECTS = ['shared', 'main', 'renderer', 'all'];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const name of PROJECTS) {
    const config = name === 'all' ? 'tsconfig.json' : `tsconfig.${name}.json`;
    const args = [TSC, '-p', config, '--incremental', '--tsBuildInfoFile', `.tmp/tsbuildinfo7/${name}.json`];
    const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
    if (r.status !== 0) {
      console.error(`typecheck: ${config} has type errors (above).`);
      process.exit(r.status ?? 1);
    }
  }
}
