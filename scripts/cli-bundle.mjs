// The `sscp` CLI as Node runs it: main/cli/run.ts and everything it imports from this
// repository bundled by esbuild into dist/cli, one ES module per command (code splitting on
// the dynamic imports of main/cli/commands/index.ts), so a command loads only its own code.
// Packages in node_modules stay outside the bundle and load from there, as under tsx.
//
// dist/cli/current.json names the build in use, the stat (mtime, size) of every source file
// it was built from, and the commands' help summaries. bin/sscp.mjs runs that build when
// every one of those files is unchanged, and builds a new one first otherwise (a fresh
// clone, a pull, an edit): nothing to remember to run, and never a stale CLI.
//
// Each build goes into its own folder, and current.json is replaced in one rename once the
// build is complete: a build killed part-way, or two built at once (tests spawning many
// `sscp` at the same moment), never leaves a half-written CLI in use.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_DIR = join(ROOT, 'dist', 'cli');
const CURRENT = join(CLI_DIR, 'current.json');
const BUILDS = join(CLI_DIR, 'builds');
/** Bump when the layout of current.json or of a build changes: older records are rebuilt. */
const FORMAT = 3;
/** Packages loaded from node_modules at run time rather than bundled (see buildCliBundle). */
const BUNDLE_EXTERNAL = [
  'better-sqlite3',
  'pdfkit',
  'fontkit',
  'esbuild',
  'tsx',
  '@cyclonedx/cyclonedx-library',
  'ajv',
  'ajv-formats',
  'ajv-formats-draft2019',
];
/**
 * `import.meta.url`, spelled apart: sourceLocationPlugin rewrites that expression wherever it
 * appears in a source file, and a test child bundles this file too.
 */
const META_URL = ['import', 'meta', 'url'].join('.');
/** Atop each output file: `require` for the CommonJS packages bundled into an ES module. */
const REQUIRE_BANNER = `import { createRequire as __sscpCreateRequire } from 'node:module'; const require = __sscpCreateRequire(${META_URL});`;

/** In each build folder: output file name → the packages bundled into it. */
export const BUNDLED_PACKAGES = 'bundled-packages.json';

/** The package a node_modules path belongs to ("@scope/name" or "name"), or undefined. */
export function packageOfPath(path) {
  return /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];
}

/** The package.json of the package a bundled node_modules file belongs to, or undefined. */
function packageJsonOf(path) {
  const at = path.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const name = packageOfPath(path.slice(at));
  return name === undefined ? undefined : `${path.slice(0, at)}node_modules/${name}/package.json`;
}

/** Folders whose files can be part of the bundle (stat'ed before building, see buildCliBundle). */
const SOURCE_FOLDERS = ['main', 'shared', 'scripts'];
/** Builds no longer current are removed once they are this old (a running `sscp` may still be loading from one). */
const OLD_BUILD_MS = 24 * 60 * 60 * 1000;
/**
 * The oldest Node the bundle is for: the lowest that package.json `engines` admits (checked by
 * test/cli/node-runtime.test.ts). Node 24 is tested too (`npm run test:node24`), and Electron
 * 45's Node 24 runs the app's own build (scripts/build.mjs).
 */
export const CLI_NODE_TARGET = 'node22';

/**
 * The bundle to run, or undefined when there is none or any file it was built from has
 * changed since (or is gone). Cheap: one small JSON read and a stat per source file.
 * @returns {{ entry: string, summaries: unknown[] } | undefined}
 */
export function currentCliBundle() {
  let record;
  try {
    record = JSON.parse(readFileSync(CURRENT, 'utf8'));
  } catch {
    return undefined;
  }
  if (
    record?.format !== FORMAT ||
    record.target !== CLI_NODE_TARGET ||
    typeof record.build !== 'string' ||
    typeof record.inputs !== 'object'
  )
    return undefined;
  if (!inputsUnchanged(record.inputs)) return undefined;
  return { entry: join(BUILDS, record.build, 'run.mjs'), summaries: record.summaries };
}

/** The current bundle, built first if there is none or it is out of date. */
export async function ensureCliBundle() {
  return currentCliBundle() ?? (await buildCliBundle());
}

/**
 * Builds the CLI into a new folder under dist/cli/builds, records the commands' help
 * summaries from it, and makes it current. Source files are stat'ed before esbuild reads
 * them, so a file edited while the build runs shows as changed and is built again next time.
 */
export async function buildCliBundle() {
  const { build } = await import('esbuild');
  const before = statSources(SOURCE_FOLDERS);
  before.set('package.json', statSync(join(ROOT, 'package.json')));
  const id = newBuildId();
  const outdir = join(BUILDS, id);
  const result = await build({ entryPoints: { run: 'main/cli/run.ts' }, ...bundleOptions(outdir) });
  const inputs = recordedInputs(result.metafile, before);
  // Which packages each output file holds, for the tests that check what a command loads.
  const bundled = {};
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    const names = new Set(Object.keys(output.inputs).flatMap((input) => packageOfPath(input) ?? []));
    if (names.size > 0) bundled[relative(outdir, join(ROOT, file)).split(sep).join('/')] = [...names].sort();
  }
  writeFileSync(join(outdir, BUNDLED_PACKAGES), `${JSON.stringify(bundled, null, 1)}\n`);
  const entry = join(outdir, 'run.mjs');
  const { describeCommands } = await import(pathToFileURL(entry).href);
  const summaries = await describeCommands();
  makeCurrent(CLI_DIR, { format: FORMAT, target: CLI_NODE_TARGET, build: id, builtAt: new Date().toISOString(), inputs, summaries });
  removeOldBuilds(CLI_DIR, id, OLD_BUILD_MS);
  return { entry, summaries };
}

/**
 * Path (relative to the repository, with `/`) → stats of every file under `folders`, taken
 * before esbuild reads them, so a file edited while a build runs shows as changed next time.
 */
export function statSources(folders, skip = []) {
  const found = new Map();
  const walk = (dir) => {
    for (const item of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${item.name}`;
      if (item.isDirectory()) {
        if (!skip.includes(path)) walk(path);
      } else if (item.isFile()) found.set(path, statSync(join(ROOT, path)));
    }
  };
  for (const folder of folders) walk(folder);
  return found;
}

/** A build folder's name: unique across processes building at once. */
export function newBuildId() {
  return `${Date.now().toString(36)}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Path → [mtimeMs, size] of every file an esbuild `metafile` says it read, from `before`
 * (statSources) where it has them. A bundled package is recorded by its package.json (an
 * install or upgrade rewrites it), not by each of its files: every run stats the inputs, and
 * packages have hundreds.
 */
export function recordedInputs(metafile, before) {
  const inputs = {};
  for (const input of Object.keys(metafile.inputs)) {
    const path = packageJsonOf(input) ?? input;
    if (path in inputs) continue;
    const stats = before.get(path) ?? statSync(join(ROOT, path));
    inputs[path] = [stats.mtimeMs, stats.size];
  }
  return inputs;
}

/** Whether every file a build recorded (recordedInputs) is still there, unchanged. */
export function inputsUnchanged(inputs) {
  for (const [path, [mtimeMs, size]] of Object.entries(inputs)) {
    let stats;
    try {
      stats = statSync(join(ROOT, path));
    } catch {
      return false;
    }
    if (stats.mtimeMs !== mtimeMs || stats.size !== size) return false;
  }
  return true;
}

/**
 * How esbuild bundles code for Node here (the CLI, and the tests' child scripts), into
 * `outdir`: ES modules split by dynamic import, for the oldest Node `engines` admits, each
 * source file's `import.meta.url` its own. Pure-JavaScript packages are bundled in: loading
 * @peculiar/x509 and its ~200 small CommonJS files one by one cost more start-up than any
 * command's own work. Native modules, packages that read their own data files at run time,
 * and the big lazily-used ones stay in node_modules (BUNDLE_EXTERNAL).
 */
export function bundleOptions(outdir) {
  return {
    absWorkingDir: ROOT,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: CLI_NODE_TARGET,
    external: [...BUNDLE_EXTERNAL],
    banner: { js: REQUIRE_BANNER },
    outExtension: { '.js': '.mjs' },
    metafile: true,
    logLevel: 'silent',
    plugins: [sourceLocationPlugin(outdir)],
  };
}

/** Makes `record` the current build of `dir` (its current.json) in one rename: never half-written. */
export function makeCurrent(dir, record) {
  const current = join(dir, 'current.json');
  const temp = `${current}.${record.build}.tmp`;
  writeFileSync(temp, `${JSON.stringify(record)}\n`);
  renameSync(temp, current);
}

/**
 * `import.meta.url` in a bundled file would name the bundle's chunk, not the source file:
 * code that finds files beside its source (the pack's fonts, the demo's repository files)
 * would look in the wrong place. Each source file's `import.meta.url` is rewritten to its own
 * location, reached from the chunk (all chunks sit in the build folder itself).
 */
export function sourceLocationPlugin(outdir) {
  return {
    name: 'source-location',
    setup(b) {
      b.onLoad({ filter: /\.(ts|mts|mjs|js)$/ }, (args) => {
        if (args.path.split(sep).includes('node_modules')) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const fromChunk = relative(outdir, args.path).split(sep).join('/');
        const url = `new URL(${JSON.stringify(fromChunk)}, import.meta.url).href`;
        return {
          contents: text.replaceAll('import.meta.url', url),
          loader: /\.m?ts$/.test(args.path) ? 'ts' : 'js',
          resolveDir: dirname(args.path),
        };
      });
    },
  };
}

/**
 * The builds in `dir`/builds other than `keep`, and records a killed build left unrenamed in
 * `dir`, once older than `maxAgeMs` (a process may still be loading a chunk from a build).
 */
export function removeOldBuilds(dir, keep, maxAgeMs) {
  const now = Date.now();
  const old = [];
  try {
    const builds = join(dir, 'builds');
    old.push(...readdirSync(builds).flatMap((name) => (name === keep ? [] : [join(builds, name)])));
    old.push(...readdirSync(dir).flatMap((name) => (name.endsWith('.tmp') ? [join(dir, name)] : [])));
  } catch {
    return;
  }
  for (const path of old) {
    try {
      if (now - statSync(path).mtimeMs > maxAgeMs) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another process removed it first, or it cannot be removed: either way not ours to worry about.
    }
  }
}
