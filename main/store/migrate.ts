import type Database from 'better-sqlite3';
import { SscpError } from '../../shared/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations/index';

/**
 * Brings the schema up to date in one transaction, so a crash leaves either the old schema
 * or the new one. A file from a newer build is refused rather than half-understood.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  // Versions may skip numbers (steps reserved for other work); they must only ascend.
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version <= migrations[i - 1]!.version) throw new Error(`Migrations out of order: ${migrations[i]!.version} follows ${migrations[i - 1]!.version}.`);
  }
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  const apply = db.transaction(() => {
    const current = readUserVersion(db);
    if (current > latest) throw newerSchemaError(current, latest);
    for (const m of migrations) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  // IMMEDIATE: two processes opening an old file at once must not both migrate it.
  apply.immediate();
}

export function readUserVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function newerSchemaError(found: number, readsUpTo: number): SscpError {
  return new SscpError(
    'unsupported-version',
    `This database was written by a newer version of SSCP Evidence Pack (schema ${found}; this version reads up to ${readsUpTo}).`,
    'Update the app, or open a different database.',
  );
}

export { LATEST_SCHEMA_VERSION };
