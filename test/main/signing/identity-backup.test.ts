import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityListJson } from '../../../main/cli/commands/identity-list';
import type { CliIo } from '../../../main/cli/io';
import { runCli } from '../../../main/cli/run';
import { readSealedKey } from '../../../main/signing/key-store';
import { readPkcs12 } from '../../../main/signing/pkcs12';
import { TEST_KEY_COST } from '../../helpers/key-cost';
import { makeTempDir, openssl } from './helpers';

/** `sscp identity export` backups: a standard .p12 OpenSSL 3 reads, restored on "another computer" (another SSCP_HOME). */
describe('sscp identity export (backup) and import (restore)', () => {
  const temp = makeTempDir('identity-backup');
  const path = (name: string) => join(temp.dir, name);
  const laptop = { SSCP_HOME: path('old-laptop') };
  const newLaptop = { SSCP_HOME: path('new-laptop') };
  const P12_PASSWORD = 'backup pässword, kept apart';

  /**
   * `sscp` in this process. Keys are sealed, and backups written, with cheap parameters
   * (TEST_KEY_COST) unless `production` is given: the commands and formats are the same, each
   * derivation is not. The first two tests prove the production parameters.
   */
  async function sscpAt(keyCost: CliIo['keyCost'], env: Record<string, string>, ...argv: string[]) {
    let out = '';
    let err = '';
    const code = await runCli(argv, {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
      env,
      isTTY: false,
      ...(keyCost ? { keyCost } : {}),
    });
    return { code, out, err };
  }
  const sscp = (env: Record<string, string>, ...argv: string[]) => sscpAt(TEST_KEY_COST, env, ...argv);
  const production = (env: Record<string, string>, ...argv: string[]) => sscpAt(undefined, env, ...argv);
  const pass = () => ['--passphrase-file', path('pass.txt')];
  const p12 = () => ['--p12-password-file', path('p12.txt')];

  beforeAll(async () => {
    writeFileSync(path('pass.txt'), 'a long enough passphrase\n');
    writeFileSync(path('p12.txt'), `${P12_PASSWORD}\n`);
    writeFileSync(path('p12-openssl.txt'), P12_PASSWORD);
    const created = await sscp(
      laptop,
      'identity',
      'create',
      '--label',
      'Ada 2026',
      '--sro',
      'Ada Jones',
      '--sro-role',
      'CTO',
      '--org',
      'Zoë & Søn',
      '--with-root',
      ...pass(),
    );
    expect(created.code, created.err).toBe(0);
    expect(created.out).toContain(
      "Back it up now (your key store is on this computer only): sscp identity export 'Ada 2026' --out FILE.p12 --with-root-key",
    );
  });
  afterAll(() => temp.cleanup());

  it('seals a new identity with the production key derivation, scrypt N=2^17, r=8, p=1', async () => {
    const home = path('production-home');
    const created = await production(
      { SSCP_HOME: home },
      'identity',
      'create',
      '--label',
      'Prod',
      '--sro',
      'Ada Jones',
      '--sro-role',
      'CTO',
      '--org',
      'Acme',
      ...pass(),
    );
    expect(created.code, created.err).toBe(0);
    expect(readSealedKey(home, 'Prod')?.kdf).toMatchObject({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
  });

  it('writes a PKCS#12 that OpenSSL 3 reads without -legacy: PBES2 AES-256-CBC, PBKDF2-SHA256 600,000 times, a SHA-256 MAC, the key, certificate and chain', async () => {
    const r = await production(laptop, 'identity', 'export', 'Ada 2026', '--out', path('ada.p12'), '--with-root-key', ...pass(), ...p12());
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`Wrote a backup of signing identity "Ada 2026" and its organisation root key to ${path('ada.p12')}`);
    expect(statSync(path('ada.p12')).mode & 0o777).toBe(0o600);

    const noout = openssl(['pkcs12', '-in', path('ada.p12'), '-info', '-nokeys', '-noout', '-passin', `file:${path('p12-openssl.txt')}`]);
    expect(noout.status, noout.stderr).toBe(0);
    expect(noout.stderr).toContain('MAC: sha256');
    // The production iteration counts: only the tests below write cheaper backups.
    expect(noout.stderr).toMatch(/MAC: sha256, Iteration 600000\b/);
    expect(noout.stderr).toMatch(/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256/);
    expect(noout.stderr).toMatch(/PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256/);

    const certs = openssl(['pkcs12', '-in', path('ada.p12'), '-info', '-nokeys', '-passin', `file:${path('p12-openssl.txt')}`]);
    expect(certs.status, certs.stderr).toBe(0);
    expect(certs.stdout.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    expect(certs.stdout).toContain('friendlyName: Ada 2026');
    const keys = openssl(['pkcs12', '-in', path('ada.p12'), '-nocerts', '-nodes', '-passin', `file:${path('p12-openssl.txt')}`]);
    expect(keys.status, keys.stderr).toBe(0);
    expect(keys.stdout.match(/BEGIN PRIVATE KEY/g)).toHaveLength(2);
    expect(openssl(['pkcs12', '-in', path('ada.p12'), '-info', '-nokeys', '-noout', '-passin', 'pass:wrong password']).status).not.toBe(0);

    const json = JSON.parse((await sscp(laptop, 'identity', 'list', '--json')).out) as IdentityListJson;
    expect(json.identities[0]!.backedUpAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('restores on another computer as the same identity under the same root, which renews there', async () => {
    const rootBefore = path('root-before.pem');
    expect((await sscp(laptop, 'identity', 'export-cert', 'Ada 2026', '--root', '--out', rootBefore)).code).toBe(0);
    const restored = await sscp(
      { ...newLaptop, SSCP_P12_PASSWORD: P12_PASSWORD, SSCP_PASSPHRASE: 'a new passphrase on the new laptop' },
      'identity',
      'import',
      path('ada.p12'),
      '--label',
      'Ada 2026',
    );
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain('Imported signing identity "Ada 2026" (org-issued, p256, 1 chain certificate(s))');
    const before = (JSON.parse((await sscp(laptop, 'identity', 'list', '--json')).out) as IdentityListJson).identities[0]!;
    const after = (JSON.parse((await sscp(newLaptop, 'identity', 'list', '--json')).out) as IdentityListJson).identities[0]!;
    expect(after).toMatchObject({
      fingerprint: before.fingerprint,
      rootFingerprint: before.rootFingerprint,
      kind: 'org-issued',
      renewable: true,
    });

    const again = await sscp(
      { ...newLaptop, SSCP_P12_PASSWORD: P12_PASSWORD, SSCP_PASSPHRASE: 'a new passphrase on the new laptop' },
      'identity',
      'import',
      path('ada.p12'),
      '--label',
      'Ada again',
    );
    expect(again.code).toBe(2);
    expect(again.err).toContain('This certificate is already in your key store, as the signing identity "Ada 2026".');

    const renewed = await sscp({ ...newLaptop, SSCP_PASSPHRASE: 'a new passphrase on the new laptop' }, 'identity', 'renew', 'Ada 2026');
    expect(renewed.code, renewed.err).toBe(0);
    expect(renewed.out).toContain('Organisation root fingerprint (unchanged)');
    expect((await sscp(newLaptop, 'identity', 'export-cert', 'Ada 2026', '--root', '--out', path('root-after.pem'))).code).toBe(0);
    expect(readFileSync(path('root-after.pem'), 'utf8')).toBe(readFileSync(rootBefore, 'utf8'));
    expect((await sscp(newLaptop, 'identity', 'export-cert', 'Ada 2026', '--out', path('chain-after.pem'))).code).toBe(0);
    expect(openssl(['verify', '-CAfile', rootBefore, path('chain-after.pem')]).status).toBe(0);
    // The renewed key is in no backup yet.
    const listed = await sscp(newLaptop, 'identity', 'list');
    expect(listed.out).toContain("no backup yet: sscp identity export 'Ada 2026' --out FILE.p12 --with-root-key");
  });

  it('without the root key, warns that the restored identity cannot renew, and it restores as imported', async () => {
    const r = await sscp(laptop, 'identity', 'export', 'Ada 2026', '--out', path('signing-only.p12'), ...pass(), ...p12());
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain("Warning: This backup does not hold the organisation root's key");
    const contents = await readPkcs12(path('signing-only.p12'), P12_PASSWORD);
    expect(contents.rootPrivateKeyPkcs8).toBeNull();
    expect(contents.chainDer).toHaveLength(1);
    const restored = await sscp(
      { SSCP_HOME: path('third'), SSCP_P12_PASSWORD: P12_PASSWORD, SSCP_PASSPHRASE: 'a long enough passphrase' },
      'identity',
      'import',
      path('signing-only.p12'),
      '--label',
      'Ada',
    );
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain('(imported, p256');
  });

  it('refuses an existing --out unless --force, a wrong passphrase and a short password, writing nothing', async () => {
    writeFileSync(path('taken.p12'), 'precious');
    const taken = await sscp(laptop, 'identity', 'export', 'Ada 2026', '--out', path('taken.p12'), ...pass(), ...p12());
    expect(taken.code).toBe(2);
    expect(taken.err).toContain(`${path('taken.p12')} already exists; it was left as it was.`);
    expect(taken.err).toContain('Add --force to replace it');
    expect(readFileSync(path('taken.p12'), 'utf8')).toBe('precious');
    const forced = await sscp(laptop, 'identity', 'export', 'Ada 2026', '--out', path('taken.p12'), '--force', ...pass(), ...p12());
    expect(forced.code, forced.err).toBe(0);
    expect((await readPkcs12(path('taken.p12'), P12_PASSWORD)).certificateDer.length).toBeGreaterThan(100);

    const wrong = await sscp(
      { ...laptop, SSCP_PASSPHRASE: 'not the passphrase' },
      'identity',
      'export',
      'Ada 2026',
      '--out',
      path('wrong.p12'),
      ...p12(),
    );
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('That passphrase does not unlock the signing identity "Ada 2026".');
    expect(existsSync(path('wrong.p12'))).toBe(false);

    writeFileSync(path('short.txt'), 'short');
    const short = await sscp(
      laptop,
      'identity',
      'export',
      'Ada 2026',
      '--out',
      path('short.p12'),
      ...pass(),
      '--p12-password-file',
      path('short.txt'),
    );
    expect(short.code).toBe(2);
    expect(short.err).toContain('The backup password is too short');
    expect(existsSync(path('short.p12'))).toBe(false);

    const noPassword = await sscp(laptop, 'identity', 'export', 'Ada 2026', '--out', path('none.p12'), ...pass());
    expect(noPassword.code).toBe(2);
    expect(noPassword.err).toContain('SSCP_P12_PASSWORD');

    const folder = await sscp(laptop, 'identity', 'export', 'Ada 2026', '--out', path('no such folder/x.p12'), ...pass(), ...p12());
    expect(folder.code).toBe(2);
    expect(folder.err).toContain('does not exist, so the backup cannot be written there');
  });
});

describe('writing a backup never replaces something that is not an ordinary file, nor the key store', () => {
  it('refuses a device, a folder or the key store itself as --out, even with --force', async () => {
    const { saveUserFile } = await import('../../../main/fs/write-file-atomic');
    const request = { what: 'backup', replace: true } as const;
    await expect(saveUserFile('/dev/null', new Uint8Array([1]), request)).rejects.toMatchObject({
      kind: 'invalid-input',
      message: expect.stringContaining('/dev/null is not an ordinary file'),
    });
    await expect(saveUserFile(tmpdir(), new Uint8Array([1]), request)).rejects.toMatchObject({
      kind: 'invalid-input',
      message: expect.stringContaining(`${tmpdir()} is a folder`),
    });
    const home = mkdtempSync(join(tmpdir(), 'sscp-backup-guard-'));
    const { keyStorePath, openKeyStore } = await import('../../../main/signing/key-store');
    openKeyStore(home).close();
    const store = keyStorePath(home);
    for (const target of [store, `${store}-wal`]) {
      await expect(saveUserFile(target, new Uint8Array([1]), { ...request, protect: [store] })).rejects.toMatchObject({
        kind: 'conflict',
        message: expect.stringContaining('the key store that holds your signing keys'),
      });
    }
  });
});
