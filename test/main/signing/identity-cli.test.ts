import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityListJson } from '../../../main/cli/commands/identity-list';
import { runCli } from '../../../main/cli/run';
import { sscpBin } from '../../cli/run-sscp';
import { keyStorePath } from '../../../main/signing/key-store';
import { TEST_KEY_COST } from '../../helpers/key-cost';
import { makeTempDir, openssl, UNICODE_ORG } from './helpers';

async function sscp(env: Record<string, string>, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: { SSCP_HOME: process.env.SSCP_HOME, ...env },
    isTTY: false,
    keyCost: TEST_KEY_COST,
  });
  return { code, out, err };
}

describe('sscp identity', () => {
  const temp = makeTempDir('identity-cli');
  const path = (name: string) => join(temp.dir, name);

  beforeAll(() => writeFileSync(path('passphrase.txt'), 'a long enough passphrase\n'));
  afterAll(() => temp.cleanup());

  it('creates an identity with an organisation root and prints both fingerprints', async () => {
    const r = await sscp(
      {},
      'identity',
      'create',
      '--label',
      'SRO 2026',
      '--sro',
      'Zoë Søn',
      '--sro-role',
      'CISO',
      '--org',
      UNICODE_ORG,
      '--with-root',
      '--passphrase-file',
      path('passphrase.txt'),
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Certificate fingerprint \(SHA-256\): ([0-9a-f]{2}:){31}[0-9a-f]{2}\n/);
    expect(r.out).toMatch(/Organisation root fingerprint \(SHA-256\): ([0-9a-f]{2}:){31}[0-9a-f]{2}\n/);
  });

  it('exports the root and the chain as PEM that openssl verifies, and lists the identity as JSON', async () => {
    expect((await sscp({}, 'identity', 'export-cert', 'SRO 2026', '--out', path('root.pem'), '--root')).code).toBe(0);
    expect((await sscp({}, 'identity', 'export-cert', 'SRO 2026', '--out', path('chain.pem'))).code).toBe(0);
    expect(openssl(['verify', '-CAfile', path('root.pem'), path('chain.pem')]).status).toBe(0);
    const nowhere = await sscp({}, 'identity', 'export-cert', 'SRO 2026', '--out', path(join('no such folder', 'root.pem')), '--root');
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toContain(`The folder ${path('no such folder')} does not exist, so the certificate cannot be written there.`);
    expect(nowhere.err).not.toContain('.tmp');

    const r = await sscp({}, 'identity', 'list', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as IdentityListJson;
    expect(json.identities).toHaveLength(1);
    const [identity] = json.identities;
    expect(identity).toMatchObject({
      label: 'SRO 2026',
      kind: 'org-issued',
      algorithm: 'p256',
      subject: { commonName: 'Zoë Søn', title: 'CISO', organisation: UNICODE_ORG },
      chainLength: 1,
      renewable: true,
    });
    const rootFingerprint = openssl(['x509', '-in', path('root.pem'), '-noout', '-fingerprint', '-sha256'])
      .stdout.split('=')[1]!
      .trim()
      .replaceAll(':', '')
      .toLowerCase();
    expect(identity!.rootFingerprint).toBe(rootFingerprint);
    expect(Object.keys(identity!).sort()).toEqual(
      [
        'algorithm',
        'backedUpAt',
        'chainLength',
        'createdAt',
        'fingerprint',
        'issuer',
        'kind',
        'label',
        'notAfter',
        'notBefore',
        'renewable',
        'rootFingerprint',
        'subject',
        'updatedAt',
      ].sort(),
    );
    expect(identity!.backedUpAt).toBeNull();
    expect(json.keyStore).toBe(keyStorePath(process.env.SSCP_HOME!));
  });

  it('imports a .p12 with both secrets from the environment', async () => {
    openssl([
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      path('k.pem'),
      '-out',
      path('c.pem'),
      '-subj',
      '/CN=Imported',
      '-days',
      '10',
    ]);
    expect(
      openssl(['pkcs12', '-export', '-in', path('c.pem'), '-inkey', path('k.pem'), '-out', path('id.p12'), '-passout', 'pass:p12pw'])
        .status,
    ).toBe(0);
    const wrong = await sscp(
      { SSCP_P12_PASSWORD: 'nope', SSCP_PASSPHRASE: 'a long enough passphrase' },
      'identity',
      'import',
      path('id.p12'),
      '--label',
      'Imported',
    );
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('The password for this .p12 file is not right.');
    const r = await sscp(
      { SSCP_P12_PASSWORD: 'p12pw', SSCP_PASSPHRASE: 'a long enough passphrase' },
      'identity',
      'import',
      path('id.p12'),
      '--label',
      'Imported',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Imported signing identity "Imported"');
  });

  it('exits 2 and says how to give a passphrase when none is given, never reading one from argv', async () => {
    const r = await sscp({}, 'identity', 'create', '--label', 'X', '--sro', 'A', '--sro-role', 'B', '--org', 'C');
    expect(r.code).toBe(2);
    expect(r.err).toContain('No signing passphrase was given.');
    expect(r.err).toContain('--passphrase-file FILE');
    expect(r.err).toContain('SSCP_PASSPHRASE');
    const withArgv = await sscp(
      {},
      'identity',
      'create',
      '--label',
      'X',
      '--sro',
      'A',
      '--sro-role',
      'B',
      '--org',
      'C',
      '--passphrase',
      'secret on argv',
    );
    expect(withArgv.code).toBe(2);
  });

  it('renews under the same root, and reports a wrong passphrase in plain words', async () => {
    const bad = await sscp({ SSCP_PASSPHRASE: 'the wrong passphrase' }, 'identity', 'renew', 'SRO 2026');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('That passphrase does not unlock the signing identity "SRO 2026".');
    const r = await sscp({}, 'identity', 'renew', 'SRO 2026', '--passphrase-file', path('passphrase.txt'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Organisation root fingerprint (unchanged)');
    expect((await sscp({}, 'identity', 'export-cert', 'SRO 2026', '--out', path('chain2.pem'))).code).toBe(0);
    expect(openssl(['verify', '-CAfile', path('root.pem'), path('chain2.pem')]).status).toBe(0);
    expect(readFileSync(path('chain2.pem'), 'utf8')).not.toBe(readFileSync(path('chain.pem'), 'utf8'));
  });

  it('still accepts --db from older scripts: a database that does not exist gets a note, and the real sscp binary lists the key store', async () => {
    const missing = await sscp({}, 'identity', 'list', '--db', path('nope.sscp'));
    expect(missing.code, missing.err).toBe(0);
    expect(missing.err).toContain(
      `Note: there is no database at ${path('nope.sscp')}; identities live in your key store, so --db is not needed.`,
    );
    expect(missing.out).toContain('SRO 2026  org-issued  p256');
    const real = await sscpBin(temp.dir, 'identity', 'list');
    expect(real.code, real.err).toBe(0);
    expect(real.out).toContain(`Key store: ${keyStorePath(process.env.SSCP_HOME!)}`);
    expect(real.out).toContain('SRO 2026  org-issued  p256');
  });
});
