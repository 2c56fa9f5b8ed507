import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSscpError } from '../../../shared/errors';
import { LATEST_SCHEMA_VERSION, openDatabase, readUserVersion } from '../../../main/store/index';
import { MIGRATIONS } from '../../../main/store/migrations/index';
import { SSCP_APPLICATION_ID } from '../../../main/store/database';
import { makeTempDir } from './temp-dir';
import { cliHintOf } from '../../setup/error-words';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('openDatabase', () => {
  it('creates a database with WAL, foreign keys and the latest schema', () => {
    const db = openDatabase(join(dir, 'a.sscp'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(db.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    expect(readUserVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'assessments',
        'claim_responses',
        'remedial_actions',
        'evidence_items',
        'evidence_links',
        'audit_log',
        'imports',
      ]),
    );
    db.close();
  });

  it('reopens an existing database without re-running migrations', () => {
    const path = join(dir, 'a.sscp');
    openDatabase(path).close();
    const db = openDatabase(path, { mustExist: true });
    expect(readUserVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('applies only the migrations a file lacks, in one step each', () => {
    const path = join(dir, 'a.sscp');
    openDatabase(path).close();
    const extra = { version: LATEST_SCHEMA_VERSION + 1, name: 'test-extra', sql: 'CREATE TABLE extra (x INTEGER);' };
    const db = openDatabase(path, { migrations: [...MIGRATIONS, extra] });
    expect(readUserVersion(db)).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").pluck().get()).toBe(1);
    db.close();
  });

  it('applies a migration that lands after a higher-numbered one (003 merged after 004)', () => {
    const path = join(dir, 'gap.sscp');
    const early = MIGRATIONS.filter((m) => m.version !== 2);
    openDatabase(path, { migrations: early }).close();
    const db = openDatabase(path);
    expect(readUserVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'signing_identities'").pluck().get()).toBe(1);
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
    db.close();
    // A file that has a migration this build does not know is from a newer build.
    const future = { version: LATEST_SCHEMA_VERSION + 1, name: 'from-another-branch', sql: 'CREATE TABLE other (x INTEGER);' };
    const newer = join(dir, 'newer.sscp');
    openDatabase(newer, { migrations: [...MIGRATIONS, future].sort((a, b) => a.version - b.version) }).close();
    const e = catchError(() => openDatabase(newer));
    expect(isSscpError(e) && e.kind).toBe('unsupported-version');
  });

  it('004 fills the signer trust of packs imported before it from their audit entries', () => {
    const path = join(dir, 'old-imports.sscp');
    const old = openDatabase(path, { migrations: MIGRATIONS.filter((m) => m.version <= 2) });
    const at = '2026-11-01T10:00:00.000Z';
    const insertAssessment = old.prepare(
      `INSERT INTO assessments (id, organisation, role, catalog_id, catalog_version, state, origin, created_at, updated_at, signed_at, signer_fingerprint)
       VALUES (?, 'Acme', 'reseller', 'uk-sscp', '2025.1', 'signed', 'imported-pack', ?, ?, ?, ?)`,
    );
    const insertImport = old.prepare(
      "INSERT INTO imports (source_sha256, pack_id, assessment_id, kind, imported_at) VALUES (?, ?, ?, 'pack', ?)",
    );
    const insertAudit = old.prepare(
      "INSERT INTO audit_log (at, assessment_id, action, detail_json, prev_hash, hash) VALUES (?, ?, 'assessment.imported', ?, ?, ?)",
    );
    for (const [id, trusted] of [
      ['trusted-one', true],
      ['untrusted-one', false],
    ] as const) {
      insertAssessment.run(id, at, at, at, id === 'trusted-one' ? 'a'.repeat(64) : 'b'.repeat(64));
      insertImport.run((trusted ? '1' : '2').repeat(64), `pack-${id}`, id, at);
      insertAudit.run(
        at,
        id,
        JSON.stringify({ from: 'pack', verification: { valid: true, trusted, summary: '…' } }),
        '0'.repeat(64),
        (trusted ? 'c' : 'd').repeat(64),
      );
    }
    old.close();
    const db = openDatabase(path);
    expect(db.prepare('SELECT assessment_id, signer_trust FROM imports ORDER BY assessment_id').all()).toEqual([
      { assessment_id: 'trusted-one', signer_trust: 'trusted' },
      { assessment_id: 'untrusted-one', signer_trust: 'unverified' },
    ]);
    db.close();
  });

  it('rolls back a migration that fails halfway, leaving the old schema', () => {
    const path = join(dir, 'a.sscp');
    openDatabase(path).close();
    const broken = { version: LATEST_SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE half (x); THIS IS NOT SQL;' };
    expect(() => openDatabase(path, { migrations: [...MIGRATIONS, broken] })).toThrow();
    const db = openDatabase(path);
    expect(readUserVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a database written by a newer version', () => {
    const path = join(dir, 'future.sscp');
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const e = catchError(() => openDatabase(path));
    expect(isSscpError(e) && e.kind).toBe('unsupported-version');
    expect((e as Error).message).toBe(
      `This database was written by a newer version of SSCP Evidence Pack (schema ${LATEST_SCHEMA_VERSION + 5}; this version reads up to ${LATEST_SCHEMA_VERSION}).`,
    );
    expect(cliHintOf(e)).toBe('Update the app, or open a different database.');
  });

  it('refuses a file that is not SQLite', () => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'These are my notes, not a database.\n'.repeat(20));
    const e = catchError(() => openDatabase(path));
    expect(isSscpError(e) && e.kind).toBe('unreadable');
    expect((e as Error).message).toContain('not an SQLite file');
  });

  it("refuses another program's SQLite database instead of adding tables to it", () => {
    const path = join(dir, 'other.db');
    const raw = new Database(path);
    raw.exec('CREATE TABLE contacts (name TEXT)');
    raw.close();
    const e = catchError(() => openDatabase(path));
    expect(isSscpError(e) && e.kind).toBe('unreadable');
    expect((e as Error).message).toBe(`${path} is an SQLite database, but not one made by SSCP Evidence Pack.`);
    const stamped = new Database(join(dir, 'stamped.db'));
    stamped.pragma('application_id = 1234');
    stamped.close();
    expect(isSscpError(catchError(() => openDatabase(join(dir, 'stamped.db'))))).toBe(true);
  });

  it('stamps its own application id', () => {
    const db = openDatabase(join(dir, 'a.sscp'));
    expect(db.pragma('application_id', { simple: true })).toBe(SSCP_APPLICATION_ID);
    db.close();
  });

  it('refuses a damaged SQLite file', () => {
    const path = join(dir, 'damaged.sscp');
    writeFileSync(path, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(200, 0xff)]));
    const e = catchError(() => openDatabase(path));
    expect(isSscpError(e) && e.kind).toBe('unreadable');
  });

  it('refuses a folder and, when asked, a missing file', () => {
    expect(isSscpError(catchError(() => openDatabase(dir)))).toBe(true);
    const e = catchError(() => openDatabase(join(dir, 'missing.sscp'), { mustExist: true }));
    expect(isSscpError(e) && e.kind).toBe('not-found');
    expect((e as Error).message).toBe(`No database at ${join(dir, 'missing.sscp')}.`);
  });

  it('rejects values outside the enumerations through CHECK constraints', () => {
    const db = openDatabase(join(dir, 'a.sscp'));
    const insert = (role: string) =>
      db
        .prepare(
          `INSERT INTO assessments (id, organisation, role, catalog_id, catalog_version, created_at, updated_at)
           VALUES (?, 'Org', ?, 'uk-sscp', '2025.1', 'now', 'now')`,
        )
        .run(role + '-id', role);
    expect(() => insert('developer-only')).not.toThrow();
    expect(() => insert('manufacturer')).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO claim_responses (assessment_id, claim_id, status, updated_at) VALUES ('developer-only-id', '1.1.1', 'finished', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
