import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import {
  bundleOptions,
  CLI_NODE_TARGET,
  inputsUnchanged,
  makeCurrent,
  newBuildId,
  recordedInputs,
  removeOldBuilds,
  statSources,
} from '../../scripts/cli-bundle.mjs';

/**
 * The TypeScript scripts tests run in child processes (crash tests' children, the fuzz loop,
 * the 2 GiB pack's build and verify, the forked job host), bundled by esbuild once per test run
 * in the global setup, and again only when a file they were built from changes. Each child then
 * starts under plain Node: under `node --import tsx` every child compiled the same modules
 * again and started an esbuild service of its own, about 0.8 s of CPU per child.
 *
 * A child script is a `.ts` file in a folder named `child`, or named `*-child.ts`, under
 * `test/`, or one of EXTRA_SCRIPTS. All are built in one esbuild run with code splitting, so
 * the modules they share are transformed once and written once. As in the CLI bundle
 * (scripts/cli-bundle.mjs), pure-JavaScript packages are bundled in (loading @peculiar/x509's
 * and pkijs's many small files one by one cost a child 0.25 s of CPU), the native
 * better-sqlite3 and the others the CLI keeps external load from node_modules, and each source
 * file's `import.meta.url` still names that file (the pack's fonts are found beside their
 * module).
 *
 * As the CLI bundle: every build goes into a folder of its own and `current.json` is replaced
 * in one rename, so a build killed part-way or two built at once (two workers finding the
 * bundle stale) never leave a half-written child in use.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIR = join(ROOT, '.tmp', 'test-children');
const BUILDS = join(DIR, 'builds');
/** Bump when the layout of current.json or of a build changes: older records are rebuilt. */
const FORMAT = 2;
/** Child scripts outside test/ that tests start as processes of their own. */
const EXTRA_SCRIPTS = ['main/ipc/jobs/node-host-entry.ts'];
/** Folders whose files a child can import; stat'ed before building (see buildChildren). */
const SOURCE_FOLDERS = ['main', 'shared', 'scripts', 'test'];
/** Builds no longer current are removed once this old: a child may still be loading a chunk from one. */
const OLD_BUILD_MS = 60 * 60 * 1000;

interface Record {
  readonly format: number;
  readonly target: string;
  readonly build: string;
  /** Repository path → [mtimeMs, size] of every file the build read. */
  readonly inputs: { readonly [path: string]: readonly [number, number] };
  /** Repository path of each child script → its file in the build folder. */
  readonly entries: { readonly [script: string]: string };
}

const isChildScript = (path: string) => /^test\/(?:.+\/)?(?:child\/[^/]+|[^/]+-child)\.ts$/.test(path);

/** Repository-relative paths (with `/`) of every child script there is now. */
function childScripts(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const item of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${item.name}`;
      if (item.isDirectory()) walk(path);
      else if (item.isFile() && isChildScript(path)) found.push(path);
    }
  };
  walk('test');
  return [...found, ...EXTRA_SCRIPTS].sort();
}

/** The current build, or undefined when there is none, a file it was built from changed, or a child script was added or removed. */
function currentChildren(): Record | undefined {
  let record: Record;
  try {
    record = JSON.parse(readFileSync(join(DIR, 'current.json'), 'utf8')) as Record;
  } catch {
    return undefined;
  }
  if (record.format !== FORMAT || record.target !== CLI_NODE_TARGET || typeof record.inputs !== 'object') return undefined;
  // A child script added since (a new test's): built here, in the global setup, not by a test
  // file itself, where a page's test (jsdom in a VM context) cannot run esbuild.
  if (childScripts().join('\n') !== Object.keys(record.entries).sort().join('\n')) return undefined;
  return inputsUnchanged(record.inputs) ? record : undefined;
}

/** Bundles every child script into a new build folder and makes it current. */
async function buildChildren(): Promise<Record> {
  const before = statSources(SOURCE_FOLDERS, ['test/e2e/screenshots']);
  const scripts = childScripts();
  const id = newBuildId();
  const outdir = join(BUILDS, id);
  mkdirSync(outdir, { recursive: true });
  // Entries sit in the build folder itself, beside the shared chunks, as sourceLocationPlugin expects.
  const names = Object.fromEntries(scripts.map((script) => [script.replace(/\.ts$/, '').replaceAll('/', '--'), script]));
  // Loaded here, not at the top: a page's test (jsdom in a VM context) imports childEntry, and
  // esbuild refuses to load where a TextEncoder's arrays are another realm's.
  const { build } = await import('esbuild');
  const result = await build({ entryPoints: names, ...bundleOptions(outdir) });
  const inputs = recordedInputs(result.metafile, before);
  const entries = Object.fromEntries(Object.entries(names).map(([name, script]) => [script, `${name}.mjs`]));
  const record: Record = { format: FORMAT, target: CLI_NODE_TARGET, build: id, inputs, entries };
  makeCurrent(DIR, record);
  removeOldBuilds(DIR, id, OLD_BUILD_MS);
  return record;
}

/** The current build of the child scripts, built first if there is none or it is out of date. */
export async function ensureChildren(): Promise<void> {
  if (!currentChildren()) await buildChildren();
}

/**
 * The bundled file to run with plain `node` for a child script (its path, absolute or from the
 * repository root). Builds the children again first if a source file changed since the run
 * began (an edit in watch mode), so a child never runs stale code.
 */
export async function childEntry(script: string): Promise<string> {
  const path = relative(ROOT, resolve(ROOT, script)).split(sep).join('/');
  if (!isChildScript(path) && !EXTRA_SCRIPTS.includes(path))
    throw new Error(`${path} is not a child script: name it *-child.ts or put it in a folder named child (test/setup/child-bundle.ts)`);
  let record = currentChildren() ?? (await buildChildren());
  // A child script added since the last build.
  if (record.entries[path] === undefined) record = await buildChildren();
  const file = record.entries[path];
  if (file === undefined) throw new Error(`${path} was not bundled: is it there?`);
  return join(BUILDS, record.build, file);
}

/** Global setup: the children are bundled once, before any test file runs. */
export default async function setup(): Promise<void> {
  await ensureChildren();
}
