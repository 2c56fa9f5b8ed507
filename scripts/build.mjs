// Builds what the desktop app runs: the renderer with Vite into dist/renderer, and the main
// process and the sandboxed preload with esbuild into dist/app as CommonJS (the sandbox
// loads the preload as a plain script, so it must be one self-contained file). It also
// builds the `sscp` CLI bundle into dist/cli (scripts/cli-bundle.mjs), which bin/sscp.mjs
// otherwise builds itself on first use; `--cli-only` builds just that.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { buildCliBundle } from './cli-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.includes('--renderer-only')
  ? 'renderer'
  : process.argv.includes('--app-only')
    ? 'app'
    : process.argv.includes('--cli-only')
      ? 'cli'
      : 'all';

async function buildRenderer() {
  // renderer/vite.config.ts imports shared/csp.ts without a .ts extension (the tsconfig
  // forbids one); Vite's bundling config loader, the one used here, resolves it. Its notice
  // about a future native loader is not about this build.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  await viteBuild({ configFile: `${root}renderer/vite.config.ts`, logLevel: 'warn' });
}

async function buildApp() {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: false,
    logLevel: 'warning',
    absWorkingDir: root,
  };
  // ESM dependencies (electron-store, conf, our own services) read import.meta.url; give
  // CommonJS its equivalent.
  const nodeCommon = {
    ...common,
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  };
  await esbuild({
    ...nodeCommon,
    entryPoints: ['main/app/main.ts'],
    outfile: 'dist/app/main.cjs',
    // Native and Electron-provided modules stay outside the bundle.
    external: ['electron', 'better-sqlite3'],
  });
  // The job host utility process: same bundling as main, without electron.
  await esbuild({
    ...nodeCommon,
    entryPoints: ['main/app/job-host-entry.ts'],
    outfile: 'dist/app/job-host.cjs',
    external: ['better-sqlite3'],
  });
  await esbuild({
    ...common,
    entryPoints: ['main/preload/index.ts'],
    outfile: 'dist/app/preload.cjs',
    platform: 'browser',
    external: ['electron'],
    // Parsed in every window's sandbox before the page runs: keep it small.
    minify: true,
  });
}

if (only === 'all' || only === 'renderer') await buildRenderer();
if (only === 'all' || only === 'app') await buildApp();
if (only === 'all' || only === 'cli') await buildCliBundle();
console.log(`Built ${only === 'all' ? 'renderer, app and CLI' : only} into dist/.`);
