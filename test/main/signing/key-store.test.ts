import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityService, type IdentityService } from '../../../main/signing/identity-service';
import { sqliteIdentityRows } from '../../../main/signing/identity-repo';
import { APP_PRODUCT_NAME, keyStorePath, openKeyStore, readSealedKey, sscpHome, type KeyStore } from '../../../main/signing/key-store';
import { ownIdentityCertificates } from '../../../main/cli/own-identities';
import type { CliIo } from '../../../main/cli/io';
import { certificateFingerprint } from '../../../main/signing/fingerprint';
import { adoptLegacyIdentities, describeMovedIdentities } from '../../../main/signing/legacy-identities';
import { listAudit } from '../../../main/store/audit-log';
import { openDatabase } from '../../../main/store/database';
import { sscp } from '../../cli/run-sscp';
import { childEntry } from '../../setup/child-bundle';
import { makeTempDir, openssl } from './helpers';

const PASSPHRASE = 'a long enough passphrase';
const CHEAP_KDF = { kdf: { name: 'pbkdf2-sha256', iterations: 600_000 } } as const;
const mode = (path: string) => statSync(path).mode & 0o777;

describe('where the key store lives', () => {
  it('is SSCP_HOME when set, else the folder Electron calls userData on each platform', () => {
    expect(sscpHome({ SSCP_HOME: '/portable/sscp' }, 'linux', '/home/ada')).toBe('/portable/sscp');
    expect(sscpHome({ SSCP_HOME: '' }, 'linux', '/home/ada')).toBe(join('/home/ada', '.config', APP_PRODUCT_NAME));
    expect(sscpHome({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ada')).toBe(join('/xdg', 'SSCP Evidence Pack'));
    // Like Electron and the XDG spec, a relative XDG_CONFIG_HOME is ignored.
    expect(sscpHome({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/ada')).toBe(join('/home/ada', '.config', 'SSCP Evidence Pack'));
    expect(sscpHome({}, 'darwin', '/Users/ada')).toBe(join('/Users/ada', 'Library', 'Application Support', 'SSCP Evidence Pack'));
    expect(sscpHome({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ada').endsWith('SSCP Evidence Pack')).toBe(true);
    expect(keyStorePath('/h')).toBe(join('/h', 'key-store', 'identities.sqlite'));
  });

  it('the test setup points every file at a temp home, never the real one', () => {
    expect(process.env.SSCP_HOME).toBeTruthy();
    expect(sscpHome()).toBe(process.env.SSCP_HOME);
    expect(sscpHome()).not.toBe(sscpHome({}, process.platform));
  });
});

describe('the key store on disk', () => {
  const temp = makeTempDir('key-store');
  afterAll(() => temp.cleanup());

  it('is a folder only its owner may enter and files only its owner may read, tightening a folder others could list', async () => {
    const home = join(temp.dir, 'loose');
    mkdirSync(join(home, 'key-store'), { recursive: true, mode: 0o755 });
    chmodSync(join(home, 'key-store'), 0o755);
    const store = openKeyStore(home);
    await createIdentityService(store, CHEAP_KDF).create({
      label: 'Ada',
      sroName: 'Ada',
      sroRole: 'CTO',
      organisation: 'Org',
      passphrase: PASSPHRASE,
    });
    expect(mode(join(home, 'key-store'))).toBe(0o700);
    expect(mode(keyStorePath(home))).toBe(0o600);
    expect(mode(`${keyStorePath(home)}-wal`)).toBe(0o600);
    store.close();
    const fresh = join(temp.dir, 'fresh', 'nested');
    openKeyStore(fresh).close();
    expect(mode(join(fresh, 'key-store'))).toBe(0o700);
  });

  it('reads a sealed key for an early unlock without creating or changing anything', async () => {
    const nowhere = join(temp.dir, 'no-home-yet');
    expect(readSealedKey(nowhere, 'Ada')).toBeUndefined();
    expect(existsSync(nowhere)).toBe(false);
    const home = join(temp.dir, 'sealed');
    const store = openKeyStore(home);
    await createIdentityService(store, CHEAP_KDF).create({
      label: 'Ada',
      sroName: 'Ada',
      sroRole: 'CTO',
      organisation: 'Org',
      passphrase: PASSPHRASE,
    });
    const stored = store.repository.findByLabel('Ada')!.encryptedKey;
    store.close();
    const before = statSync(keyStorePath(home)).mtimeMs;
    expect(readSealedKey(home, 'Ada')).toEqual(stored);
    expect(readSealedKey(home, 'Bob')).toBeUndefined();
    expect(statSync(keyStorePath(home)).mtimeMs).toBe(before);
    // Not a key store at all: nothing, and the unlock proper says what is wrong.
    const wrong = join(temp.dir, 'sealed-wrong');
    mkdirSync(join(wrong, 'key-store'), { recursive: true });
    writeFileSync(keyStorePath(wrong), 'not a database');
    expect(readSealedKey(wrong, 'Ada')).toBeUndefined();
  });

  it('refuses a file that is not a key store, rather than writing into it', () => {
    const home = join(temp.dir, 'wrong');
    mkdirSync(join(home, 'key-store'), { recursive: true });
    openDatabase(keyStorePath(home)).close();
    expect(() => openKeyStore(home)).toThrow(
      expect.objectContaining({ kind: 'unreadable', message: expect.stringContaining('is not an SSCP Evidence Pack key store') }),
    );
    const other = join(temp.dir, 'store-as-db');
    openKeyStore(other).close();
    expect(() => openDatabase(keyStorePath(other), { mustExist: true })).toThrow(/not one made by SSCP Evidence Pack/);
  });

  it('takes identities from two processes at once without losing or mixing any', async () => {
    const home = join(temp.dir, 'shared');
    const child = await childEntry(join(import.meta.dirname, 'fixtures', 'key-store-child.ts'));
    const run = (prefix: string) =>
      new Promise<string>((resolve, reject) => {
        const p = spawn(process.execPath, [child, home, prefix, '4'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        p.stdout.on('data', (d: Buffer) => (out += d.toString()));
        p.stderr.on('data', (d: Buffer) => (err += d.toString()));
        p.on('error', reject);
        p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`child ${prefix} exited ${code}: ${err}`))));
      });
    expect(await Promise.all([run('a'), run('b')])).toEqual(['done\n', 'done\n']);
    const store = openKeyStore(home);
    try {
      expect(
        store.repository
          .list()
          .map((i) => i.label)
          .sort(),
      ).toEqual(['a-1', 'a-2', 'a-3', 'a-4', 'b-1', 'b-2', 'b-3', 'b-4']);
      expect(store.events()).toHaveLength(8);
    } finally {
      store.close();
    }
  });
});

describe('own certificates for the trust policy', () => {
  const temp = makeTempDir('own-certs');
  afterAll(() => temp.cleanup());
  const io = (home: string): CliIo => ({
    stdout: { write: () => true },
    stderr: { write: () => true },
    env: { SSCP_HOME: home },
    isTTY: false,
  });

  it('counts each SRO certificate and the organisation root the app made, once each; a home without a store has none and gets none', async () => {
    const empty = join(temp.dir, 'empty');
    expect(await ownIdentityCertificates(io(empty))).toEqual([]);
    expect(existsSync(keyStorePath(empty))).toBe(false);

    const home = join(temp.dir, 'home');
    const store = openKeyStore(home);
    const service = createIdentityService(store, CHEAP_KDF);
    const org = await service.create({
      label: 'Org',
      sroName: 'Ada',
      sroRole: 'CTO',
      organisation: 'Org',
      withRoot: true,
      passphrase: PASSPHRASE,
    });
    const solo = await service.create({ label: 'Solo', sroName: 'Bo', sroRole: 'CEO', organisation: 'Org', passphrase: PASSPHRASE });
    store.close();
    const own = await ownIdentityCertificates(io(home));
    expect(own.map((c) => [c.label, certificateFingerprint(c.certificateDer)])).toEqual([
      ['Org', org.fingerprint],
      ['Org', org.rootFingerprint],
      ['Solo', solo.fingerprint],
    ]);
    const rootPem = join(temp.dir, 'root.pem');
    const reopened = openKeyStore(home);
    writeFileSync(rootPem, createIdentityService(reopened).exportCertificatePem('Org', { root: true }));
    reopened.close();
    const fp = openssl(['x509', '-in', rootPem, '-noout', '-fingerprint', '-sha256'])
      .stdout.split('=')[1]!
      .trim()
      .replaceAll(':', '')
      .toLowerCase();
    expect(fp).toBe(org.rootFingerprint);
  });
});

describe('identities an older version kept in an assessment database', () => {
  const temp = makeTempDir('legacy');
  const path = (name: string) => join(temp.dir, name);
  let scratch: KeyStore;
  let made: IdentityService;

  /** A database as versions before the key store left it: identities in signing_identities. */
  function legacyDatabase(name: string, labels: readonly string[], relabel: Record<string, string> = {}): string {
    const file = path(name);
    const db = openDatabase(file);
    const rows = sqliteIdentityRows(db, 'signing_identities').repository;
    for (const label of labels) rows.insert({ ...scratch.repository.findByLabel(label)!, label: relabel[label] ?? label });
    db.close();
    return file;
  }
  const legacyCount = (file: string) => {
    const db = openDatabase(file, { mustExist: true });
    try {
      return db.prepare('SELECT count(*) FROM signing_identities').pluck().get();
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    scratch = openKeyStore(path('scratch-home'));
    made = createIdentityService(scratch, CHEAP_KDF);
    await made.create({
      label: 'Ada 2026',
      sroName: 'Ada Jones',
      sroRole: 'CTO',
      organisation: 'Org',
      withRoot: true,
      passphrase: PASSPHRASE,
    });
    await made.create({ label: 'Other', sroName: 'Bo', sroRole: 'CEO', organisation: 'Org', passphrase: PASSPHRASE });
  });
  afterAll(() => {
    scratch.close();
    temp.cleanup();
  });

  it('moves them into the key store, then out of the database, with an audit entry; the key still unlocks', async () => {
    const home = path('home-1');
    const db = legacyDatabase('old.sscp', ['Ada 2026']);
    const moved = adoptLegacyIdentities(db, home);
    expect(moved).toEqual([
      {
        label: 'Ada 2026',
        storedAs: 'Ada 2026',
        fingerprint: made.get('Ada 2026').fingerprint,
        outcome: 'moved',
        removedFromDatabase: true,
      },
    ]);
    expect(describeMovedIdentities(moved)).toEqual([
      'Moved signing identity "Ada 2026" from this database into your key store; the database no longer holds its key.',
    ]);
    expect(legacyCount(db)).toBe(0);
    const check = openDatabase(db, { mustExist: true });
    expect(listAudit(check).map((e) => e.action)).toContain('identity.moved-to-key-store');
    check.close();
    const store = openKeyStore(home);
    try {
      const service = createIdentityService(store);
      expect(service.get('Ada 2026')).toMatchObject({ kind: 'org-issued', rootFingerprint: made.get('Ada 2026').rootFingerprint });
      expect((await service.unlock('Ada 2026', PASSPHRASE)).label).toBe('Ada 2026');
    } finally {
      store.close();
    }
    expect(adoptLegacyIdentities(db, home)).toEqual([]);
  });

  it('never stores the same identity twice, and gives a different key with a taken label a new label, reported', () => {
    const home = path('home-2');
    const first = legacyDatabase('first.sscp', ['Ada 2026']);
    const again = legacyDatabase('again.sscp', ['Ada 2026']);
    const clash = legacyDatabase('clash.sscp', ['Other'], { Other: 'ada 2026' });
    expect(adoptLegacyIdentities(first, home).map((m) => m.outcome)).toEqual(['moved']);
    const same = adoptLegacyIdentities(again, home);
    expect(same.map((m) => [m.label, m.storedAs, m.outcome])).toEqual([['Ada 2026', 'Ada 2026', 'already-stored']]);
    expect(describeMovedIdentities(same)[0]).toBe(
      'Signing identity "Ada 2026" is already in your key store; the database no longer holds its key.',
    );
    const moved = adoptLegacyIdentities(clash, home);
    expect(moved.map((m) => [m.label, m.storedAs, m.outcome])).toEqual([['ada 2026', 'ada 2026 (2)', 'moved']]);
    expect(describeMovedIdentities(moved)[0]).toBe(
      'Moved signing identity "ada 2026" from this database into your key store as "ada 2026 (2)" (that label was taken by another key); the database no longer holds its key.',
    );
    expect([legacyCount(again), legacyCount(clash)]).toEqual([0, 0]);
    const store = openKeyStore(home);
    try {
      expect(store.repository.list().map((i) => i.label)).toEqual(['Ada 2026', 'ada 2026 (2)']);
    } finally {
      store.close();
    }
  });

  it('keeps the database copy when the database cannot be changed, and still has the identity in the store', () => {
    const home = path('home-3');
    const db = legacyDatabase('locked.sscp', ['Other']);
    // Another program holds the write lock for longer than the busy timeout.
    const holder = openDatabase(db, { mustExist: true });
    holder.prepare('BEGIN IMMEDIATE').run();
    try {
      const moved = adoptLegacyIdentities(db, home);
      expect(moved).toEqual([expect.objectContaining({ outcome: 'moved', removedFromDatabase: false })]);
      expect(describeMovedIdentities(moved)[0]).toContain('the database could not be changed, so it still holds a copy.');
    } finally {
      holder.prepare('ROLLBACK').run();
      holder.close();
    }
    expect(legacyCount(db)).toBe(1);
    const store = openKeyStore(home);
    try {
      expect(store.repository.findByLabel('Other')).toBeDefined();
    } finally {
      store.close();
    }
    // The next open finishes the move, without a second copy.
    expect(adoptLegacyIdentities(db, home)).toEqual([expect.objectContaining({ outcome: 'already-stored', removedFromDatabase: true })]);
    expect(legacyCount(db)).toBe(0);
  });

  it('the CLI moves them when given the database, says so, and signs from the store with no --db at all', async () => {
    const db = legacyDatabase('cli.sscp', ['Ada 2026']);
    const listed = await sscp('identity', 'list', '--db', db);
    expect(listed.code, listed.err).toBe(0);
    expect(listed.err).toContain('Moved signing identity "Ada 2026" from this database into your key store');
    const again = await sscp('identity', 'list');
    expect(again.out).toContain('Ada 2026  org-issued  p256');
    expect(again.out).toContain("no backup yet: sscp identity export 'Ada 2026' --out FILE.p12 --with-root-key");
    expect(legacyCount(db)).toBe(0);
  });
});
