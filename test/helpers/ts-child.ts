import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';
import { build } from 'esbuild';
import { CLI_NODE_TARGET, sourceLocationPlugin } from '../../scripts/cli-bundle.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const built = new Map<string, Promise<string>>();

/**
 * A TypeScript child script (a crash test's child) bundled with esbuild, once per test worker,
 * so each of the dozens of children a crash test starts runs under plain Node: starting one
 * under tsx costs about 0.8 s of CPU, most of it compiling the same modules again. Packages stay
 * external (the native better-sqlite3 among them) and each source file's `import.meta.url`
 * still names that file (the pack's fonts are found beside their module), as in the CLI bundle.
 */
export function bundledChild(script: string): Promise<string> {
  let entry = built.get(script);
  if (!entry) {
    const outdir = join(ROOT, '.tmp', 'test-children', `${process.pid}-${threadId}`);
    mkdirSync(outdir, { recursive: true });
    const outfile = join(outdir, `${basename(script, '.ts')}-${built.size}.mjs`);
    entry = build({
      absWorkingDir: ROOT,
      entryPoints: [script],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: CLI_NODE_TARGET,
      packages: 'external',
      logLevel: 'silent',
      plugins: [sourceLocationPlugin(outdir)],
    }).then(() => outfile);
    built.set(script, entry);
  }
  return entry;
}
