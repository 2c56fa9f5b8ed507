import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/store/database';
import { sscp, tempFolder } from './run-sscp';

/**
 * Tests run as root, which may write a chmod 0444 file; an immutable file (and folder) is
 * one even root may not change, so it stands in for a colleague's file or a read-only share.
 * Where `chattr` is not allowed (no CAP_LINUX_IMMUTABLE) these tests are skipped, not faked.
 */
function canMakeImmutable(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'sscp-chattr-'));
  const probe = join(dir, 'probe');
  writeFileSync(probe, '');
  const ok = spawnSync('chattr', ['+i', probe]).status === 0;
  if (ok) spawnSync('chattr', ['-i', probe]);
  rmSync(dir, { recursive: true, force: true });
  return ok;
}
const immutable = canMakeImmutable();

describe.skipIf(!immutable)('a database in a place that may not be written', () => {
  const tmp = tempFolder();
  const locked: string[] = [];
  let id: string;
  let bytesBefore: Buffer;

  beforeAll(async () => {
    id = (await sscp('new', '--db', tmp.db, '--org', 'Acme', '--role', 'developer-distributor')).out.trim();
    writeFileSync(join(tmp.dir, 'policy.txt'), 'Our policy.\n');
    expect((await sscp('attach', id, '1.1.1', join(tmp.dir, 'policy.txt'), '--db', tmp.db)).code).toBe(0);
    bytesBefore = readFileSync(tmp.db);
    // The file and its folder: SQLite cannot even create its -shm file beside it.
    for (const path of [tmp.db, tmp.dir]) {
      execFileSync('chattr', ['+i', path]);
      locked.push(path);
    }
  });
  afterAll(() => {
    for (const path of locked.reverse()) spawnSync('chattr', ['-i', path]);
    tmp.cleanup();
  });

  it('list, show, check, diff, identity list, export-form and export-cdx read it', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sscp-ro-out-')), 'form.docx');
    for (const argv of [
      ['list'],
      ['show', id],
      ['check'],
      ['diff', id, id],
      ['identity', 'list'],
      ['export-form', id, '--out', out],
      ['export-cdx', id, '--out', join(out, '..', 'attestation.cdx.json')],
    ]) {
      const r = await sscp(...argv, '--db', tmp.db);
      expect(r.code, `${argv.join(' ')}: ${r.err}`).toBe(0);
    }
    expect((await sscp('list', '--db', tmp.db)).out).toContain(id);
    expect((await sscp('check', '--db', tmp.db)).out).toContain('Everything checks out.');
    // Read, never written: the same bytes, and nothing new beside it.
    expect(readFileSync(tmp.db).equals(bytesBefore)).toBe(true);
    expect(readdirSync(tmp.dir).sort()).toEqual(['assessments.sscp', 'assessments.sscp.evidence', 'policy.txt']);
    rmSync(join(out, '..'), { recursive: true, force: true });
  });

  it('a command that changes it says why it cannot, and points nowhere that fails the same way', async () => {
    const r = await sscp('set', id, '1.1.1', '--result', 'met', '--db', tmp.db);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`The database ${tmp.db} cannot be opened for changes: it, or the folder it is in, may not be written`);
    expect(r.err).toContain('copy the database file with the .evidence folder beside it to a folder of your own');
    expect(r.err).not.toMatch(/Unexpected error|sscp check|readonly database/);
  });
});

describe.skipIf(!immutable)('a read-only database whose last changes are still in its -wal file', () => {
  const tmp = tempFolder();
  const locked: string[] = [];
  afterAll(() => {
    for (const path of locked.reverse()) spawnSync('chattr', ['-i', path]);
    tmp.cleanup();
  });

  it('is read with those changes, through a private snapshot that is removed afterwards', async () => {
    expect((await sscp('new', '--db', tmp.db, '--org', 'Before', '--role', 'developer-distributor')).code).toBe(0);
    // A process that committed a change and was killed before it could checkpoint.
    const script = [
      "const Database = require('better-sqlite3');",
      `const db = new Database(${JSON.stringify(tmp.db)});`,
      "db.pragma('wal_autocheckpoint = 0');",
      'db.prepare("UPDATE assessments SET organisation = \'Committed in the WAL\'").run();',
      "process.kill(process.pid, 'SIGKILL');",
    ].join('\n');
    spawnSync(process.execPath, ['-e', script], { cwd: join(import.meta.dirname, '../..') });
    rmSync(`${tmp.db}-shm`, { force: true });
    for (const path of [tmp.db, `${tmp.db}-wal`, tmp.dir]) {
      execFileSync('chattr', ['+i', path]);
      locked.push(path);
    }
    const snapshotsBefore = readdirSync(tmpdir()).filter((n) => n.startsWith('sscp-readonly-')).length;
    const r = await sscp('list', '--db', tmp.db);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Committed in the WAL');
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('sscp-readonly-')).length).toBe(snapshotsBefore);
  });
});

describe('a damaged database', () => {
  const tmp = tempFolder();
  afterAll(() => tmp.cleanup());

  it('is refused with a hint to restore it, not to run the damage check that cannot open it either', async () => {
    const damaged = join(tmp.dir, 'damaged.sscp');
    writeFileSync(damaged, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4096, 0xff)]));
    for (const argv of [['list'], ['check'], ['set', 'x', '1.1.1', '--result', 'met']]) {
      const r = await sscp(...argv, '--db', damaged);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`The database ${damaged} is damaged and cannot be read`);
      expect(r.err).toContain('Restore the database from a backup');
      expect(r.err).not.toMatch(/sscp check|Check for damage/);
    }
  });

  it('opening read-only never creates anything, even for a file that is not there', () => {
    const missing = join(tmp.dir, 'missing.sscp');
    expect(() => openDatabase(missing, { readOnly: true })).toThrow(expect.objectContaining({ kind: 'not-found' }));
    expect(readdirSync(tmp.dir)).not.toContain('missing.sscp');
  });
});
