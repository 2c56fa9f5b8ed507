import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../main/cli/commands/index';
import { commandNameIn } from '../../main/cli/run';
import { sscp, tempFolder } from './run-sscp';
import { BUNDLED_PACKAGES, packageOfPath } from '../../scripts/cli-bundle.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/sscp.mjs');
const RECORD_LOADS = join(import.meta.dirname, 'fixtures/record-loads.mjs');

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function node(args: readonly string[], env: Record<string, string> = {}, cwd = ROOT): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...args], {
      cwd,
      env: { ...process.env, SSCP_DEBUG: '', ...env },
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof x.code !== 'number') throw e;
    return { code: x.code, out: x.stdout ?? '', err: x.stderr ?? '' };
  }
}

/** Runs bin/sscp.mjs and returns what it printed and every module it loaded (by URL). */
async function loadsOf(...argv: string[]): Promise<Run & { readonly loaded: string[] }> {
  const log = join(mkdtempSync(join(tmpdir(), 'sscp-loads-')), 'loaded.txt');
  writeFileSync(log, '');
  const run = await node(['--import', RECORD_LOADS, BIN, ...argv], { SSCP_TEST_LOAD_LOG: log });
  const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  rmSync(resolve(log, '..'), { recursive: true, force: true });
  return { ...run, loaded };
}

/**
 * The packages a run loaded: from node_modules, and those bundled into the CLI files it loaded
 * (scripts/cli-bundle.mjs bundles pure-JavaScript packages in and lists them per file).
 */
function packagesLoaded(loaded: readonly string[]): string[] {
  const names = new Set<string>();
  for (const url of loaded) {
    const fromNodeModules = packageOfPath(url);
    if (fromNodeModules) names.add(fromNodeModules);
    const inBuild = /\/dist\/cli\/builds\/([^/]+)\/([^/]+)$/.exec(url);
    if (inBuild) {
      const list = JSON.parse(readFileSync(join(ROOT, 'dist/cli/builds', inBuild[1]!, BUNDLED_PACKAGES), 'utf8')) as Record<
        string,
        string[]
      >;
      for (const name of list[inBuild[2]!] ?? []) names.add(name);
    }
  }
  return [...names].sort();
}

describe('bin/sscp.mjs runs the bundled CLI and loads only what the command needs', () => {
  it('--version and --help load the bundle and commander, no command and no heavy package', async () => {
    for (const argv of [['--version'], ['--help'], []]) {
      const r = await loadsOf(...argv);
      expect(r.err, argv.join(' ')).toBe(argv.length === 0 ? r.err : '');
      expect(packagesLoaded(r.loaded), argv.join(' ')).toEqual(['commander']);
      expect(
        r.loaded.some((u) => u.includes('/dist/cli/builds/')),
        'runs the bundle',
      ).toBe(true);
      expect(
        r.loaded.filter((u) => u.endsWith('.ts')),
        'no TypeScript source',
      ).toEqual([]);
    }
  });

  it('list loads the database driver but none of signing, the pack or the Word form', async () => {
    const t = tempFolder();
    try {
      expect((await sscp('new', '--db', t.db, '--org', 'Acme', '--role', 'developer-distributor')).code).toBe(0);
      const r = await loadsOf('list', '--db', t.db);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('Acme');
      const packages = packagesLoaded(r.loaded);
      expect(packages).toContain('better-sqlite3');
      for (const heavy of ['pdfkit', 'pkijs', '@peculiar/x509', 'docx', 'tsx', 'esbuild']) expect(packages).not.toContain(heavy);
    } finally {
      t.cleanup();
    }
  });

  it('lists the same commands, usage and help as when every command is loaded', async () => {
    for (const argv of [['--help'], ['help', 'set'], ['identity', '--help'], ['export', '--help']]) {
      const fromBundle = await node([BIN, ...argv]);
      const inProcess = await sscp(...argv);
      expect(fromBundle.code, argv.join(' ')).toBe(0);
      expect(fromBundle.out, argv.join(' ')).toBe(inProcess.out);
    }
    const typo = await node([BIN, 'lst', '--db', 'x.sscp']);
    expect(typo.code).toBe(2);
    expect(typo.err).toBe((await sscp('lst', '--db', 'x.sscp')).err);
    expect(typo.err).toMatch(/unknown command 'lst'[\s\S]*list/);
  });

  it('keeps going when the reader of its output stops early (sscp … | head)', async () => {
    const r = await promisify(execFile)('bash', ['-c', `set -o pipefail; node ${JSON.stringify(BIN)} catalog | head -1`], {
      env: { ...process.env, SSCP_DEBUG: '' },
    }).then(
      (x) => ({ code: 0, ...x }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Software Security Code of Practice/);
  });
});

describe('the command index', () => {
  it('names each command as the file it loads registers it, in a load that is a separate module', async () => {
    for (const entry of commands) {
      const program = new Command('sscp');
      (await entry.load())(program, {
        io: { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, isTTY: false },
        exitCode: 0,
      });
      expect(program.commands.map((c) => c.name())).toEqual([entry.name]);
    }
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
    // Statically imported command files would load with run.ts: the whole point is that they do not.
    const index = readFileSync(join(ROOT, 'main/cli/commands/index.ts'), 'utf8');
    expect(index).not.toMatch(/^import (?!type)/m);
  });

  it('finds the command word in argv the way Commander does', () => {
    expect(commandNameIn(['list', '--db', 'a'])).toBe('list');
    expect(commandNameIn(['--as', 'list', 'show', 'x'])).toBe('show');
    expect(commandNameIn(['--as=Ada', 'show'])).toBe('show');
    expect(commandNameIn(['help', 'set'])).toBe('set');
    expect(commandNameIn(['--', 'diff'])).toBe('diff');
    expect(commandNameIn(['--version'])).toBeUndefined();
    expect(commandNameIn([])).toBeUndefined();
  });

  it('runs a command correctly even after --as whose value looks like a command', async () => {
    const t = tempFolder();
    try {
      const r = await node([BIN, '--as', 'list', 'new', '--db', t.db, '--org', 'Acme', '--role', 'developer-distributor'], {
        SSCP_HOME: process.env.SSCP_HOME!,
      });
      expect(r.code, r.err).toBe(0);
      const log = await node([BIN, 'log', r.out.trim(), '--db', t.db]);
      expect(log.out).toContain('list');
    } finally {
      t.cleanup();
    }
  });
});

describe('a fresh checkout builds its bundle on first use, and again only when a source changes', () => {
  let repo: string;
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'sscp-clone-'));
    for (const part of ['bin', 'main', 'shared', 'scripts', 'package.json', 'tsconfig.json'])
      cpSync(join(ROOT, part), join(repo, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(repo, 'node_modules'));
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  const builds = () => {
    try {
      return readdirSync(join(repo, 'dist/cli/builds')).sort();
    } catch {
      return [];
    }
  };

  it('several first runs at once all work and leave one current build', async () => {
    const runs = await Promise.all([1, 2, 3].map(() => node([join(repo, 'bin/sscp.mjs'), '--version'], {}, repo)));
    for (const r of runs) {
      expect(r.code, r.err).toBe(0);
      expect(r.out.trim()).toMatch(/^\d+\.\d+\.\d+/);
      expect(r.err).toBe('');
    }
    const current = JSON.parse(readFileSync(join(repo, 'dist/cli/current.json'), 'utf8')) as {
      build: string;
      inputs: Record<string, unknown>;
    };
    expect(builds()).toContain(current.build);
    expect(Object.keys(current.inputs)).toContain('main/cli/run.ts');
    expect(Object.keys(current.inputs)).toContain('package.json');
    // A bundled package is watched through its package.json, not file by file.
    // (node_modules is a link here, so esbuild names the files where the link points.)
    expect(Object.keys(current.inputs).some((p) => p.endsWith('node_modules/commander/package.json'))).toBe(true);
    expect(Object.keys(current.inputs).filter((p) => p.includes('node_modules/') && !p.endsWith('/package.json'))).toEqual([]);
  });

  it('reuses the build while nothing changed, and rebuilds after an edit', async () => {
    const before = builds();
    expect((await node([join(repo, 'bin/sscp.mjs'), 'catalog'], {}, repo)).code).toBe(0);
    expect(builds()).toEqual(before);

    const pkgPath = join(repo, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string };
    writeFileSync(pkgPath, JSON.stringify({ ...pkg, version: '97.5.3' }, null, 2));
    const r = await node([join(repo, 'bin/sscp.mjs'), '--version'], {}, repo);
    expect(r.out.trim()).toBe('97.5.3');
    expect(builds().length).toBe(before.length + 1);

    // A file put back with its old time but other content is a change too (size and time are compared, not "newer").
    const source = join(repo, 'main/version.ts');
    const text = readFileSync(source, 'utf8');
    writeFileSync(
      source,
      text.replace(
        'export const APP_VERSION: string = packageJson.version;',
        'export const APP_VERSION: string = `${packageJson.version}-edited`;',
      ),
    );
    utimesSync(source, new Date(2001, 0, 1), new Date(2001, 0, 1));
    const edited = await node([join(repo, 'bin/sscp.mjs'), '--version'], {}, repo);
    expect(edited.out.trim()).toBe('97.5.3-edited');
  });

  it('runs from the sources through tsx, saying so, when it cannot build its bundle', async () => {
    rmSync(join(repo, 'dist'), { recursive: true, force: true });
    writeFileSync(join(repo, 'dist'), 'not a folder');
    try {
      const r = await node([join(repo, 'bin/sscp.mjs'), '--version'], {}, repo);
      expect(r.code).toBe(0);
      expect(r.out.trim()).toMatch(/^\d+\.\d+\.\d+/);
      expect(r.err).toMatch(/^sscp: could not build the command-line bundle \(.*\); running from the sources instead\.\n$/);
    } finally {
      rmSync(join(repo, 'dist'), { force: true });
    }
  });

  it('looks for the files it reads beside its sources where the sources are, not in dist/cli', async () => {
    // This copy lacks docs/: the demo says where it looked for them, which must be the copy's
    // root (import.meta.url of main/demo/evidence-files.ts), not a folder under dist/cli.
    const out = mkdtempSync(join(tmpdir(), 'sscp-clone-demo-'));
    try {
      const r = await node([join(repo, 'bin/sscp.mjs'), 'demo', '--out', join(out, 'demo')], { SSCP_HOME: join(out, 'home') }, repo);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`cites docs/architecture.md, but it is not in ${repo}.`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
