import type Database from 'better-sqlite3';
import { SscpError } from '../../shared/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations/index';

/**
 * Brings the schema up to date in one transaction, so a crash leaves either the old schema
 * or the new one. A file from a newer build is refused rather than half-understood.
 *
 * Which migrations a file has is recorded by version in `schema_migrations`, not only as the
 * highest one (`user_version`): migrations written on parallel branches may land out of order
 * (004 before 003), and a file that has 004 must still get 003 when it arrives. A file from
 * before the table existed had every migration up to its `user_version`.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  // Versions may skip numbers (steps reserved for other work); they must only ascend.
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version <= migrations[i - 1]!.version)
      throw new Error(`Migrations out of order: ${migrations[i]!.version} follows ${migrations[i - 1]!.version}.`);
  }
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  const known = new Set(migrations.map((m) => m.version));
  const apply = db.transaction(() => {
    const current = readUserVersion(db);
    if (current > latest) throw newerSchemaError(current, latest);
    const applied = appliedVersions(db, current, migrations);
    const unknown = [...applied].find((v) => !known.has(v));
    if (unknown !== undefined) throw newerSchemaError(unknown, latest);
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)').run(m.version, m.name);
      if (m.version > readUserVersion(db)) db.pragma(`user_version = ${m.version}`);
    }
  });
  // IMMEDIATE: two processes opening an old file at once must not both migrate it.
  apply.immediate();
}

function appliedVersions(db: Database.Database, current: number, migrations: readonly Migration[]): Set<number> {
  const exists = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").pluck().get() === 1;
  if (!exists) {
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)');
    for (const m of migrations) if (m.version <= current) insert.run(m.version, m.name);
  }
  return new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
}

export function readUserVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function newerSchemaError(found: number, readsUpTo: number): SscpError {
  return SscpError.because({ code: 'database-newer', found, readsUpTo });
}

export { LATEST_SCHEMA_VERSION };
