import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSbom } from '../../scripts/sbom.mjs';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/sbom.mjs');

interface Component {
  readonly type: string;
  readonly name: string;
  readonly version: string;
  readonly purl?: string;
  readonly hashes?: readonly { alg: string; content: string }[];
  readonly properties?: readonly { name: string; value: string }[];
}
interface Bom {
  readonly bomFormat: string;
  readonly specVersion: string;
  readonly metadata: { readonly timestamp: string; readonly component: { name: string; version: string; type: string; 'bom-ref': string } };
  readonly components: readonly Component[];
  readonly dependencies: readonly { ref: string; dependsOn?: readonly string[] }[];
}

describe('scripts/sbom.mjs', () => {
  let dir: string;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    dependencies: Record<string, string>;
  };
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { name?: string; version: string; integrity?: string; dev?: boolean; devOptional?: boolean }>;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sscp-sbom-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists what ships, from the lockfile: every runtime dependency and the Electron runtime, no test tools', async () => {
    const outFile = join(dir, 'shipped.cdx.json');
    const result = await generateSbom({ outFile });
    const text = await readFile(outFile, 'utf8');
    const bom = JSON.parse(text) as Bom;

    expect(bom.bomFormat).toBe('CycloneDX');
    expect(result.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(result.componentCount).toBe(bom.components.length);
    expect(bom.metadata.component).toMatchObject({ name: pkg.name, version: pkg.version, type: 'application' });

    const byName = new Map(bom.components.map((c) => [c.name, c]));
    const listed = new Set(bom.components.map((c) => `${c.name}@${c.version}`));
    // Every package the lockfile installs for production is listed at the version it pins.
    const shipped = Object.entries(lock.packages).filter(([path, p]) => path !== '' && !p.dev && !p.devOptional);
    expect(shipped.length).toBeGreaterThan(50);
    for (const [path, p] of shipped) {
      const name = p.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      expect(listed.has(`${name}@${p.version}`), `${name}@${p.version}`).toBe(true);
    }
    for (const dep of Object.keys(pkg.dependencies)) expect(byName.get(dep)?.hashes?.length, dep).toBeGreaterThan(0);
    const electron = byName.get('electron');
    expect(electron?.version).toBe(lock.packages['node_modules/electron']!.version);
    const electronSha512 = Buffer.from(lock.packages['node_modules/electron']!.integrity!.slice('sha512-'.length), 'base64').toString('hex');
    expect(electron?.hashes).toEqual([{ alg: 'SHA-512', content: electronSha512 }]);
    const root = bom.dependencies.find((d) => d.ref === bom.metadata.component['bom-ref']);
    expect(root?.dependsOn).toContain(`electron@${electron!.version}`);

    for (const devOnly of ['vitest', 'eslint', 'typescript']) expect(byName.has(devOnly), devOnly).toBe(false);
  });

  it('with includeDev lists the build and test tools too', async () => {
    const outFile = join(dir, 'build.cdx.json');
    const result = await generateSbom({ outFile, includeDev: true });
    const bom = JSON.parse(await readFile(outFile, 'utf8')) as Bom;
    const names = new Set(bom.components.map((c) => c.name));
    for (const tool of ['vitest', 'eslint', 'typescript', 'electron', 'electron-builder']) expect(names.has(tool), tool).toBe(true);
    expect(result.componentCount).toBeGreaterThan(Object.keys(pkg.dependencies).length * 3);
  });

  it('pins the timestamp to SOURCE_DATE_EPOCH when run as a command, for reproducible builds', async () => {
    const outFile = join(dir, 'cli.cdx.json');
    const { stdout } = await run(process.execPath, [SCRIPT, '--out', outFile], {
      cwd: ROOT,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' },
    });
    expect(stdout).toMatch(/SBOM \(CycloneDX [\d.]+, \d+ components\) written to/);
    const bom = JSON.parse(await readFile(outFile, 'utf8')) as Bom;
    expect(bom.metadata.timestamp).toBe('2026-01-01T00:00:00.000Z');
  });

  it('refuses an unknown argument with exit code 1 and says how to call it', async () => {
    await expect(run(process.execPath, [SCRIPT, '--bogus'], { cwd: ROOT })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Usage: node scripts/sbom.mjs'),
    });
  });

  it('lists bundled fonts as files with their SHA-256, since npm cannot know about them', async () => {
    const project = join(dir, 'project');
    await mkdir(join(project, 'assets', 'fonts'), { recursive: true });
    await copyFile(join(ROOT, 'package.json'), join(project, 'package.json'));
    await copyFile(join(ROOT, 'package-lock.json'), join(project, 'package-lock.json'));
    const fontBytes = Buffer.from('not really a font, but bytes to hash');
    await writeFile(join(project, 'assets', 'fonts', 'Example-Regular.ttf'), fontBytes);
    await writeFile(join(project, 'assets', 'fonts', 'LICENSE-Example.txt'), 'licence text');
    const outFile = join(project, 'out.cdx.json');
    await generateSbom({ projectDir: project, outFile });
    const bom = JSON.parse(await readFile(outFile, 'utf8')) as Bom;
    const files = bom.components.filter((c) => c.type === 'file');
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toBe('assets/fonts/Example-Regular.ttf');
    expect(files[0]!.hashes).toEqual([{ alg: 'SHA-256', content: createHash('sha256').update(fontBytes).digest('hex') }]);
    expect(files[0]!.properties).toEqual([{ name: 'sscp:licence-files', value: 'assets/fonts/LICENSE-Example.txt' }]);
    const root = bom.dependencies.find((d) => d.ref === bom.metadata.component['bom-ref']);
    expect(root?.dependsOn).toContain('file:assets/fonts/Example-Regular.ttf');
  });

  it('explains a missing lockfile instead of writing an empty inventory', async () => {
    await expect(generateSbom({ projectDir: dir, outFile: join(dir, 'x.json') })).rejects.toThrow();
  });
});
