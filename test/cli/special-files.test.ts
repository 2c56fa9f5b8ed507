import { spawn, execFileSync } from 'node:child_process';
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sscp, tempFolder, type CliResult } from './run-sscp';

const BIN = resolve(import.meta.dirname, '../../bin/sscp.mjs');
/**
 * A backstop only, so that a regression (reading /dev/zero until memory runs out, waiting
 * on a pipe forever) fails this test instead of hanging the suite. Nothing asserts speed.
 */
const KILL_AFTER_MS = 120_000;

interface Ended extends CliResult {
  readonly killed: boolean;
}

/** Runs the real `sscp` in a child process, killed if it has not ended long after it should. */
function sscpChild(...argv: string[]): Promise<Ended> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...argv], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SSCP_DEBUG: '' } });
    let out = '';
    let err = '';
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, KILL_AFTER_MS);
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.on('error', fail);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code: code ?? -1, out, err, killed });
    });
  });
}

function expectRefused(r: Ended, message: string): void {
  expect(r.killed, 'sscp hung or ran away and had to be killed').toBe(false);
  expect(r.code, r.err).toBe(2);
  expect(r.err).toContain(message);
  expect(r.err).not.toMatch(/at .*\.ts:\d+|Maximum call stack|heap out of memory/);
}

/**
 * Every file a user names is opened without blocking and checked from the opened descriptor:
 * a named pipe, /dev/zero or a folder is refused at once with exit 2, instead of hanging on
 * the pipe or reading the device until memory runs out.
 */
describe('files that are not regular files', () => {
  const tmp = tempFolder();
  const fifo = join(tmp.dir, 'pipe');
  const folder = join(tmp.dir, 'folder');
  const passphrase = join(tmp.dir, 'passphrase.txt');
  let id: string;

  beforeAll(async () => {
    execFileSync('mkfifo', [fifo]);
    mkdirSync(folder);
    writeFileSync(passphrase, 'correct horse battery staple\n');
    id = (await sscp('new', '--db', tmp.db, '--org', 'Acme', '--role', 'developer-distributor')).out.trim();
  });
  afterAll(() => tmp.cleanup());

  const special = () => [
    { name: 'a named pipe', path: fifo, says: 'is a named pipe (FIFO), not a file.' },
    { name: '/dev/zero', path: '/dev/zero', says: 'is a device, not a file.' },
  ];

  for (const which of ['a named pipe', '/dev/zero']) {
    const pick = () => special().find((s) => s.name === which)!;

    it(`sscp verify and sscp import refuse ${which}`, async () => {
      const { path, says } = pick();
      expectRefused(await sscpChild('verify', path), `${path} ${says}`);
      expectRefused(await sscpChild('import', path, '--db', tmp.db), `${path} ${says}`);
      expectRefused(await sscpChild('import-form', path, '--db', tmp.db), `${path} ${says}`);
    });

    it(`--trust, --passphrase-file and --p12-password-file refuse ${which}`, async () => {
      const { path, says } = pick();
      const trust = await sscpChild('verify', join(tmp.dir, 'pack.pdf'), '--trust', path);
      expectRefused(trust, `The trusted root certificate file ${path} ${says}`);
      expect(trust.err).toContain('Check the path given to --trust');
      const newDb = join(tmp.dir, `identity-${which.replace(/\W/g, '')}.sscp`);
      const create = await sscpChild(
        'identity',
        'create',
        '--db',
        newDb,
        '--label',
        'sro',
        '--sro',
        'Sam',
        '--sro-role',
        'CTO',
        '--org',
        'Acme',
        '--passphrase-file',
        path,
      );
      expectRefused(create, `The signing passphrase file ${path} ${says}`);
      // Refused before the database was opened: nothing was created.
      expect(readdirSync(tmp.dir)).not.toContain(`identity-${which.replace(/\W/g, '')}.sscp`);
      const p12 = await sscpChild(
        'identity',
        'import',
        join(tmp.dir, 'id.p12'),
        '--db',
        newDb,
        '--label',
        'x',
        '--p12-password-file',
        path,
        '--passphrase-file',
        passphrase,
      );
      expectRefused(p12, `The .p12 password file ${path} ${says}`);
    });

    it(`a .p12, the database and evidence to attach refuse ${which}`, async () => {
      const { path, says } = pick();
      const p12 = await sscpChild(
        'identity',
        'import',
        path,
        '--db',
        tmp.db,
        '--label',
        'x',
        '--p12-password-file',
        passphrase,
        '--passphrase-file',
        passphrase,
      );
      expectRefused(p12, `The .p12/.pfx certificate file ${path} ${says}`);
      expectRefused(await sscpChild('list', '--db', path), `The database ${path} ${says}`);
      const attach = await sscpChild('attach', id, '1.1.1', path, '--db', tmp.db);
      expectRefused(attach, `${path} ${says}`);
      expect(attach.err).toContain('Choose a file to attach');
    });
  }

  it('a folder is refused in the same words everywhere', async () => {
    // A folder cannot hang anything, so these run in-process.
    const refused = async (argv: string[], message: string) => expectRefused({ ...(await sscp(...argv)), killed: false }, message);
    await refused(['verify', folder], `${folder} is a folder, not a file.`);
    await refused(['import', folder, '--db', tmp.db], `${folder} is a folder, not a file.`);
    await refused(
      ['verify', join(tmp.dir, 'pack.pdf'), '--trust', folder],
      `The trusted root certificate file ${folder} is a folder, not a file.`,
    );
    await refused(['attach', id, '1.1.1', folder, '--db', tmp.db], `${folder} is a folder, not a file.`);
    await refused(['list', '--db', folder], `The database ${folder} is a folder, not a file.`);
  });

  it('a passphrase or certificate file far larger than one can be is refused without reading it', async () => {
    // 17 GB, but sparse: it takes no disk space, and reading it whole would exhaust memory.
    const huge = join(tmp.dir, 'huge.txt');
    closeSync(openSync(huge, 'w'));
    execFileSync('truncate', ['-s', '17G', huge]);
    const create = await sscpChild(
      'identity',
      'create',
      '--db',
      join(tmp.dir, 'never.sscp'),
      '--label',
      'sro',
      '--sro',
      'Sam',
      '--sro-role',
      'CTO',
      '--org',
      'Acme',
      '--passphrase-file',
      huge,
    );
    expectRefused(create, `The signing passphrase file ${huge} is larger than 64 KB`);
    expectRefused(
      await sscpChild('verify', join(tmp.dir, 'pack.pdf'), '--trust', huge),
      `The trusted root certificate file ${huge} is larger than 1 MB`,
    );
  });
});

describe('evidence given as a symbolic link', () => {
  const tmp = tempFolder();
  let id: string;
  beforeAll(async () => {
    id = (await sscp('new', '--db', tmp.db, '--org', 'Acme', '--role', 'developer-distributor')).out.trim();
  });
  afterAll(() => tmp.cleanup());

  it('is followed to an ordinary file, and the CLI says so', async () => {
    const target = join(tmp.dir, 'policy.txt');
    writeFileSync(target, 'Our secure development policy.\n');
    const link = join(tmp.dir, 'policy-link.txt');
    symlinkSync(target, link);
    const r = await sscp('attach', id, '1.1.1', link, '--db', tmp.db);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^[0-9a-f]{64} {2}policy-link\.txt\n$/);
    expect(r.err).toBe(`Note: ${link} is a symbolic link; attaching the file it points to, ${target}.\n`);
    // An ordinary file is attached without a note.
    const plain = await sscp('attach', id, '1.1.2', target, '--db', tmp.db);
    expect(plain).toMatchObject({ code: 0, err: '' });
  });

  it('is never followed to a device, a pipe or a folder', async () => {
    const fifo = join(tmp.dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    for (const [name, target, says] of [
      ['zero-link', '/dev/zero', 'is a device, not a file.'],
      ['pipe-link', fifo, 'is a named pipe (FIFO), not a file.'],
      ['folder-link', tmp.dir, 'is a folder, not a file.'],
    ] as const) {
      const link = join(tmp.dir, name);
      symlinkSync(target, link);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      const r = await sscpChild('attach', id, '1.1.1', link, '--db', tmp.db);
      expectRefused(r, `${link} ${says}`);
      expect(r.err).not.toContain('Note:');
    }
    // Nothing was stored for any of them: the evidence folder holds no stray file.
    const evidence = `${tmp.db}.evidence`;
    expect(readdirSync(join(evidence, 'tmp'))).toEqual([]);
    expect(statSync(evidence).isDirectory()).toBe(true);
  });
});
