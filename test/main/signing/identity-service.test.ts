import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDigest, verifyCms } from '../../../main/signing/cms';
import { createIdentityService, type IdentityService } from '../../../main/signing/identity-service';
import { keyStorePath, openKeyStore, type KeyStore } from '../../../main/signing/key-store';
import { makeTempDir, openssl, UNICODE_ORG } from './helpers';
import { cliHintOf } from '../../setup/error-words';

const PASSPHRASE = 'a long enough passphrase';
/** Cheap to seal and unlock: what the service does with a KDF is the same at any cost (test/main/signing/key-vault.test.ts checks the default's parameters). */
const KDF = { kdf: { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 } } as const;
const content = Buffer.from('bytes a pack would sign');
const digest = createHash('sha256').update(content).digest();

describe('IdentityService over a real key store', () => {
  const temp = makeTempDir('identities');
  const path = (name: string) => join(temp.dir, name);
  let store: KeyStore;
  let service: IdentityService;

  beforeAll(() => {
    store = openKeyStore(path('home'));
    service = createIdentityService(store, KDF);
    writeFileSync(path('content.bin'), content);
  });
  afterAll(() => {
    store.close();
    temp.cleanup();
  });

  it('creates an organisation root and an SRO certificate under it, keeping UTF-8 names exact', async () => {
    const info = await service.create({
      label: 'Zoë 2026',
      sroName: 'Zoë Søn',
      sroRole: 'Chief Information Security Officer',
      organisation: UNICODE_ORG,
      withRoot: true,
      passphrase: PASSPHRASE,
    });
    expect(info).toMatchObject({ label: 'Zoë 2026', kind: 'org-issued', algorithm: 'p256', chainLength: 1, renewable: true });
    expect(info.subject).toEqual({ commonName: 'Zoë Søn', title: 'Chief Information Security Officer', organisation: UNICODE_ORG });
    expect(info.rootFingerprint).toMatch(/^[0-9a-f]{64}$/);

    writeFileSync(path('zoe-root.pem'), service.exportCertificatePem('Zoë 2026', { root: true }));
    writeFileSync(path('zoe-chain.pem'), service.exportCertificatePem('Zoë 2026'));
    const verify = openssl(['verify', '-CAfile', path('zoe-root.pem'), path('zoe-chain.pem')]);
    expect(verify.status).toBe(0);
    const text = openssl([
      'x509',
      '-in',
      path('zoe-chain.pem'),
      '-noout',
      '-subject',
      '-fingerprint',
      '-sha256',
      '-nameopt',
      'utf8,sep_comma_plus_space',
    ]);
    expect(text.stdout).toContain(`O=${UNICODE_ORG}, title=Chief Information Security Officer, CN=Zoë Søn`);
    expect(text.stdout.toLowerCase()).toContain(info.fingerprint.match(/../g)!.join(':'));
    const rootFingerprint = openssl(['x509', '-in', path('zoe-root.pem'), '-noout', '-fingerprint', '-sha256']).stdout;
    expect(rootFingerprint.toLowerCase()).toContain(info.rootFingerprint!.match(/../g)!.join(':'));
  });

  it('unlocks with the passphrase and signs a CMS that openssl verifies to the exported root', async () => {
    const identity = await service.unlock('Zoë 2026', PASSPHRASE);
    expect(identity.privateKey.extractable).toBe(false);
    const cms = await signDigest(digest, identity, new Date());
    writeFileSync(path('zoe.der'), cms);
    const result = openssl([
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      path('zoe.der'),
      '-content',
      path('content.bin'),
      '-CAfile',
      path('zoe-root.pem'),
      '-purpose',
      'any',
      '-out',
      '/dev/null',
    ]);
    expect(result.status).toBe(0);
    const rootPem = readFileSync(path('zoe-root.pem'), 'utf8');
    expect((await verifyCms(cms, digest, { rootsPem: [rootPem] })).trust).toBe('trusted-root');
  });

  it('refuses the wrong passphrase with the exact message and hint', async () => {
    const refused = await service.unlock('Zoë 2026', 'not the passphrase at all').catch((e: unknown) => e);
    expect(refused).toMatchObject({
      kind: 'wrong-passphrase',
      message: 'That passphrase does not unlock the signing identity "Zoë 2026".',
    });
    expect(cliHintOf(refused)).toBe('Check the passphrase; it is never stored, so it cannot be recovered.');
  });

  it('renews under the same root: new key and certificate, same root fingerprint, old packs still verify', async () => {
    const before = service.get('Zoë 2026');
    const oldCms = readFileSync(path('zoe.der'));
    const renewed = await service.renew('Zoë 2026', PASSPHRASE);
    expect(renewed.fingerprint).not.toBe(before.fingerprint);
    expect(renewed.rootFingerprint).toBe(before.rootFingerprint);
    expect(renewed.subject).toEqual(before.subject);

    const identity = await service.unlock('Zoë 2026', PASSPHRASE);
    const cms = await signDigest(digest, identity, new Date());
    const rootPem = service.exportCertificatePem('Zoë 2026', { root: true });
    const check = await verifyCms(cms, digest, { fingerprint: before.rootFingerprint! });
    expect(check).toMatchObject({ intact: true, trust: 'pinned-fingerprint' });
    expect((await verifyCms(oldCms, digest, { rootsPem: [rootPem] })).trust).toBe('trusted-root');
    await expect(service.renew('Zoë 2026', 'wrong passphrase here')).rejects.toMatchObject({ kind: 'wrong-passphrase' });
  });

  it('creates a self-signed RSA-3072 identity; its root export is refused with a way forward', async () => {
    const info = await service.create({
      label: 'Solo',
      sroName: 'Sam Solo',
      sroRole: 'CTO',
      organisation: 'Solo Ltd',
      algorithm: 'rsa3072',
      passphrase: PASSPHRASE,
    });
    expect(info).toMatchObject({ kind: 'self-signed', algorithm: 'rsa3072', chainLength: 0, rootFingerprint: null });
    expect(() => service.exportCertificatePem('Solo', { root: true })).toThrow(expect.objectContaining({ kind: 'invalid-input' }));
    const identity = await service.unlock('Solo', PASSPHRASE);
    const cms = await signDigest(digest, identity, new Date());
    writeFileSync(path('solo.der'), cms);
    expect(
      openssl([
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        path('solo.der'),
        '-content',
        path('content.bin'),
        '-noverify',
        '-out',
        '/dev/null',
      ]).status,
    ).toBe(0);
  });

  it('refuses a duplicate label (whatever its case), a short passphrase and an unknown label', async () => {
    await expect(
      service.create({ label: 'solo', sroName: 'A', sroRole: 'B', organisation: 'C', passphrase: PASSPHRASE }),
    ).rejects.toMatchObject({ kind: 'conflict' });
    await expect(
      service.create({ label: 'New', sroName: 'A', sroRole: 'B', organisation: 'C', passphrase: 'too short' }),
    ).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(() => service.get('Nobody')).toThrow(expect.objectContaining({ kind: 'not-found' }));
  });

  it('imports a .p12 written by openssl; the key is stored only sealed and it cannot be renewed here', async () => {
    const run = (args: string[]) => expect(openssl(args).status).toBe(0);
    run([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      path('imp.key'),
      '-out',
      path('imp.pem'),
      '-subj',
      '/O=Imported Org/CN=Ivy Import',
      '-days',
      '30',
    ]);
    run(['pkcs12', '-export', '-in', path('imp.pem'), '-inkey', path('imp.key'), '-out', path('imp.p12'), '-passout', 'pass:p12-secret']);
    await expect(service.importP12(path('imp.p12'), 'wrong', 'Ivy', PASSPHRASE)).rejects.toMatchObject({
      kind: 'wrong-passphrase',
      message: 'The password for this .p12 file is not right.',
    });
    const info = await service.importP12(path('imp.p12'), 'p12-secret', 'Ivy', PASSPHRASE);
    expect(info).toMatchObject({
      kind: 'imported',
      algorithm: 'rsa2048',
      renewable: false,
      subject: { commonName: 'Ivy Import', title: '', organisation: 'Imported Org' },
    });
    await expect(service.renew('Ivy', PASSPHRASE)).rejects.toMatchObject({ kind: 'invalid-input' });

    const identity = await service.unlock('Ivy', PASSPHRASE);
    expect((await verifyCms(await signDigest(digest, identity, new Date()), digest)).intact).toBe(true);

    store.checkpoint();
    const fileBytes = readFileSync(keyStorePath(path('home')));
    const keyDer = Buffer.from(
      openssl(['pkcs8', '-topk8', '-nocrypt', '-outform', 'DER', '-in', path('imp.key'), '-out', path('imp.key.der')]).status === 0
        ? readFileSync(path('imp.key.der'))
        : [],
    );
    expect(keyDer.length).toBeGreaterThan(1000);
    // The tail of an RSA PKCS#8 is private (CRT parameters); the modulus near the start is in the certificate too.
    const privatePart = keyDer.subarray(keyDer.length - 200, keyDer.length - 136);
    expect(keyDer.includes(privatePart)).toBe(true);
    expect(fileBytes.includes(privatePart)).toBe(false);
  });

  it("lists identities and records each change in the key store's log", () => {
    expect(service.list().map((i) => i.label)).toEqual(['Zoë 2026', 'Solo', 'Ivy']);
    const actions = store.events().map((e) => e.action);
    expect(actions).toEqual(['identity.created', 'identity.renewed', 'identity.created', 'identity.imported']);
  });
});

describe('backup state in the key store', () => {
  const temp = makeTempDir('backup-state');
  afterAll(() => temp.cleanup());

  it('records a backup and a reminder, and a renewal clears both: the new key is in no earlier backup', async () => {
    const store = openKeyStore(join(temp.dir, 'home'));
    try {
      const service = createIdentityService(store, { ...KDF, p12Iterations: 2048 });
      await service.create({
        label: 'Ada',
        sroName: 'Ada Jones',
        sroRole: 'CTO',
        organisation: 'Org',
        withRoot: true,
        passphrase: PASSPHRASE,
      });
      expect(service.get('Ada')).toMatchObject({ backedUpAt: null, backupRemindedAt: null });
      expect(service.markBackupReminded('Ada').backupRemindedAt).toMatch(/^\d{4}-/);
      const written = await service.exportBackup('Ada', {
        passphrase: PASSPHRASE,
        p12Password: 'a long backup password',
        outPath: join(temp.dir, 'ada.p12'),
      });
      expect(written.warnings[0]).toContain("does not hold the organisation root's key");
      expect(service.get('Ada').backedUpAt).toMatch(/^\d{4}-/);
      await service.renew('Ada', PASSPHRASE);
      expect(service.get('Ada')).toMatchObject({ backedUpAt: null, backupRemindedAt: null });
      expect(store.events().map((e) => e.action)).toEqual(['identity.created', 'identity.backed-up', 'identity.renewed']);
      await expect(
        service.exportBackup('Ada', { passphrase: PASSPHRASE, p12Password: 'a long backup password', outPath: join(temp.dir, 'ada.p12') }),
      ).rejects.toMatchObject({ kind: 'conflict' });
    } finally {
      store.close();
    }
  });
});
