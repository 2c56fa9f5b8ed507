// The software bill of materials (CycloneDX JSON) for what a release ships, generated from
// package-lock.json by npm itself, so the inventory customers get is the one the build used
// (Code of Practice 1.2.1). Runs offline: `npm sbom --package-lock-only` reads only the lockfile.
//
//   node scripts/sbom.mjs [--out dist/sbom.cdx.json] [--include-dev]
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeFileAtomically } from './lib/write-file-atomically.mjs';

export const PROJECT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SBOM_PATH = join(PROJECT_DIR, 'dist', 'sbom.cdx.json');

/**
 * Writes a CycloneDX SBOM for the project in `projectDir` to `outFile` (atomically) and
 * returns what it wrote. Without `includeDev` it lists what ships: the runtime dependencies
 * plus the Electron runtime, which package.json lists as a devDependency but which the
 * packaged app carries. With `includeDev` it lists every build and test tool too.
 */
export async function generateSbom({ projectDir = PROJECT_DIR, outFile = DEFAULT_SBOM_PATH, includeDev = false } = {}) {
  const pkg = JSON.parse(await readFile(join(projectDir, 'package.json'), 'utf8'));
  await assertLockfile(projectDir);
  // npm's own `--omit dev` drops runtime packages that dev tools also use (react, tsx with
  // npm 11.19), so the whole tree is listed and the dev-only part removed here instead.
  const bom = parseBom(await runNpm(['sbom', '--sbom-format', 'cyclonedx', '--package-lock-only', '--offline'], projectDir));

  describeProduct(bom, pkg);
  if (!includeDev) keepOnlyWhatShips(bom);
  await addBundledFonts(bom, projectDir);
  // Reproducible builds pin the clock; npm stamps the time it ran otherwise.
  if (process.env.SOURCE_DATE_EPOCH && /^\d+$/.test(process.env.SOURCE_DATE_EPOCH)) {
    bom.metadata.timestamp = new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000).toISOString();
  }

  const text = `${JSON.stringify(bom, null, 2)}\n`;
  await writeFileAtomically(outFile, text);
  return {
    outFile,
    componentCount: bom.components.length,
    sha256: createHash('sha256').update(text).digest('hex'),
    specVersion: bom.specVersion,
  };
}

async function assertLockfile(projectDir) {
  try {
    JSON.parse(await readFile(join(projectDir, 'package-lock.json'), 'utf8'));
  } catch (e) {
    throw new Error(
      `Cannot read package-lock.json in ${projectDir} (${e.message}). The SBOM is generated from the lockfile: run "npm install" once to create it.`,
      { cause: e },
    );
  }
}

/** npm names the root after the folder it runs in; the product's name belongs there. */
function describeProduct(bom, pkg) {
  const component = bom.metadata.component;
  component.name = pkg.name;
  component.version = pkg.version;
  component.type = 'application';
  if (pkg.description) component.description = pkg.description;
}

const DEV_PROPERTY = 'cdx:npm:package:development';
const isDevOnly = (component) => (component.properties ?? []).some((p) => p.name === DEV_PROPERTY && p.value === 'true');

/**
 * Removes build and test tools. Electron stays: package.json lists it as a devDependency,
 * but its runtime is what the packaged app runs in. Its own dependencies only download the
 * binary at install time, so they go.
 */
function keepOnlyWhatShips(bom) {
  const electron = bom.components.find((c) => c.name === 'electron');
  bom.components = bom.components.filter((c) => c === electron || !isDevOnly(c));
  if (electron) {
    electron.type = 'framework';
    electron.scope = 'required';
    electron.properties = [
      ...(electron.properties ?? []).filter((p) => p.name !== DEV_PROPERTY),
      {
        name: 'sscp:note',
        value: 'A devDependency in package.json, but its runtime (Chromium and Node.js) ships inside the packaged desktop app.',
      },
    ];
  }
  const rootRef = bom.metadata.component['bom-ref'];
  const kept = new Set([rootRef, ...bom.components.map((c) => c['bom-ref'])]);
  bom.dependencies = (bom.dependencies ?? [])
    .filter((d) => kept.has(d.ref))
    .map((d) => ({ ...d, dependsOn: (d.dependsOn ?? []).filter((ref) => kept.has(ref)) }));
  const root = bom.dependencies.find((d) => d.ref === rootRef);
  if (electron && root && !root.dependsOn.includes(electron['bom-ref'])) root.dependsOn.push(electron['bom-ref']);
}

/**
 * Fonts are third-party components too, copied into assets/ rather than installed by npm, so
 * npm cannot list them. Each is listed as a file with its SHA-256; licences are beside them.
 */
async function addBundledFonts(bom, projectDir) {
  const folder = join(projectDir, 'assets', 'fonts');
  let names;
  try {
    names = (await readdir(folder)).filter((n) => /\.(ttf|otf|woff2?)$/i.test(n)).sort();
  } catch (e) {
    if (e.code === 'ENOENT') return;
    throw e;
  }
  const licences = (await readdir(folder)).filter((n) => /^LICEN[CS]E/i.test(n)).sort();
  const root = bom.dependencies?.find((d) => d.ref === bom.metadata.component['bom-ref']);
  for (const name of names) {
    const bytes = await readFile(join(folder, name));
    bom.components.push({
      'bom-ref': `file:assets/fonts/${name}`,
      type: 'file',
      name: `assets/fonts/${name}`,
      scope: 'required',
      hashes: [{ alg: 'SHA-256', content: createHash('sha256').update(bytes).digest('hex') }],
      properties: [{ name: 'sscp:licence-files', value: licences.map((l) => `assets/fonts/${l}`).join(', ') }],
    });
    if (root) root.dependsOn = [...(root.dependsOn ?? []), `file:assets/fonts/${name}`];
  }
}

function parseBom(stdout) {
  let bom;
  try {
    bom = JSON.parse(stdout);
  } catch (e) {
    throw new Error('npm sbom did not print JSON. Check that npm 10 or later is installed ("npm --version").', { cause: e });
  }
  if (bom.bomFormat !== 'CycloneDX' || !Array.isArray(bom.components) || !bom.metadata?.component) {
    throw new Error('npm sbom printed something that is not a CycloneDX bill of materials.');
  }
  return bom;
}

/** Runs the npm that launched us (npm run build) if there is one, else npm from PATH. */
function runNpm(args, cwd) {
  const execPath = process.env.npm_execpath;
  const viaNode = execPath && /\.c?js$/.test(execPath);
  const command = viaNode ? process.execPath : 'npm';
  const commandArgs = viaNode ? [execPath, ...args] : args;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, commandArgs, { cwd, shell: !viaNode && process.platform === 'win32', stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    child.on('error', (e) => reject(new Error(`Cannot run npm (${e.message}). The SBOM needs npm 10 or later on the PATH.`)));
    child.on('close', (code) => {
      if (code === 0) resolvePromise(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`npm sbom failed (exit ${code}): ${Buffer.concat(err).toString('utf8').trim()}`));
    });
  });
}

function parseArgs(argv) {
  const options = { outFile: DEFAULT_SBOM_PATH, includeDev: false };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--out' && argv[i + 1]) options.outFile = resolve(argv[++i]);
    else if (argv[i] === '--include-dev') options.includeDev = true;
    else throw new Error(`Unknown argument "${argv[i]}". Usage: node scripts/sbom.mjs [--out FILE] [--include-dev]`);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const result = await generateSbom(parseArgs(process.argv.slice(2)));
    console.log(`SBOM (CycloneDX ${result.specVersion}, ${result.componentCount} components) written to ${result.outFile}`);
  } catch (e) {
    console.error(`sbom: ${e.message}`);
    process.exitCode = 1;
  }
}
