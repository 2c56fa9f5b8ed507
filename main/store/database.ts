import Database from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';
import { isSscpError, SscpError } from '../../shared/errors';
import { openRegularFileSync, type FileRole } from '../fs/regular-file';
import { migrate, readUserVersion } from './migrate';
import type { Migration } from './migrations/index';

export type Db = Database.Database;

const SQLITE_HEADER = 'SQLite format 3\0';
/** Stamped in the SQLite header ("SSCP"), so another program's database is never migrated into ours. */
export const SSCP_APPLICATION_ID = 0x53534350;

export interface OpenDatabaseOptions {
  /** Refuse to create a new file: for commands that read an existing database. */
  readonly mustExist?: boolean;
  /** Tests pass a longer or shorter list to exercise upgrades. */
  readonly migrations?: readonly Migration[];
}

/**
 * Opens (or creates) the one database file, with WAL, foreign keys and a busy timeout, and
 * migrates it. Anything that is not an SQLite database is refused before SQLite touches it.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Db {
  checkFileLooksLikeSqlite(path, options.mustExist ?? false);
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: options.mustExist ?? false });
  } catch (e) {
    throw unreadable(path, e);
  }
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // FULL: a commit the user saw succeed survives a power cut, not only a crash.
    db.pragma('synchronous = FULL');
    checkIsOurs(db, path);
    migrate(db, options.migrations);
    if (db.pragma('application_id', { simple: true }) === 0) db.pragma(`application_id = ${SSCP_APPLICATION_ID}`);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof SscpError) throw e;
    throw unreadable(path, e);
  }
}

/** Refuses an SQLite file some other program made: stamped by it, or holding tables but no schema version of ours. */
function checkIsOurs(db: Db, path: string): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const foreign =
    (appId !== 0 && appId !== SSCP_APPLICATION_ID) ||
    (appId === 0 && readUserVersion(db) === 0 && db.prepare("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").pluck().get() !== 0);
  if (foreign) {
    throw new SscpError('unreadable', `${path} is an SQLite database, but not one made by SSCP Evidence Pack.`, 'Check that you chose the right file: the database is the file you created with SSCP Evidence Pack.');
  }
}

/** The database holds the whole assessment and its audit log: readable by its owner only. */
export const DATABASE_FILE_MODE = 0o600;

const DATABASE_FILE: FileRole = { what: 'database', hint: 'Give the path of an SSCP Evidence Pack database file (for example assessments.sscp).' };

function checkFileLooksLikeSqlite(path: string, mustExist: boolean): void {
  let opened: { fd: number; size: number };
  try {
    // From the opened descriptor: a folder, pipe or device is refused before SQLite sees it.
    opened = openRegularFileSync(path, DATABASE_FILE);
  } catch (e) {
    if (!(isSscpError(e) && e.kind === 'not-found')) throw e;
    if (mustExist) {
      throw new SscpError('not-found', `No database at ${path}.`, 'Check the path, or start a new database with sscp new --db FILE --org NAME --role ROLE.');
    }
    createPrivateFile(path);
    return;
  }
  const header = Buffer.alloc(16);
  try {
    // An empty file is what SQLite itself would create: let it become a new database.
    if (opened.size === 0) return;
    readSync(opened.fd, header, 0, 16, 0);
  } catch (e) {
    throw unreadable(path, e);
  } finally {
    closeSync(opened.fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new SscpError('unreadable', `${path} is not an SSCP Evidence Pack database (it is not an SQLite file).`, 'Check that you chose the right file: the database is the file you created with SSCP Evidence Pack.');
  }
}

/**
 * A new database starts as an empty file only its owner may read; SQLite gives its -wal and
 * -shm files the same mode. An existing database keeps the mode it has.
 */
function createPrivateFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', DATABASE_FILE_MODE));
  } catch (e) {
    // Another process created it first: it is checked like any existing file when opened.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw unreadable(path, e);
  }
}

function unreadable(path: string, cause: unknown): SscpError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new SscpError('unreadable', `The database ${path} cannot be read (${detail}).`, 'Check that the file is an SSCP Evidence Pack database and that you may read and write it. Run the damage check (Settings, Check for damage; or sscp check --db FILE).');
}
