import Database from 'better-sqlite3';
import { accessSync, chmodSync, closeSync, constants, copyFileSync, existsSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { isSscpError, SscpError } from '../../shared/errors';
import type { Actor } from '../../shared/domain/actor';
import { openRegularFileSync, type FileRole } from '../fs/regular-file';
import { setAuditActor, type ActorProvider } from './audit-log';
import { LATEST_SCHEMA_VERSION, migrate, newerSchemaError, readUserVersion } from './migrate';
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
  /**
   * Who is working: every audit entry written through this connection names them. Without
   * it, entries record an unidentified actor (tests and read-only tools).
   */
  readonly actor?: Actor | ActorProvider;
  /**
   * For commands that only read: open a read-only connection, which works where the file
   * (or its folder) may not be written, and cannot change it by accident. A database whose
   * schema is older than this build is still opened for writing, once, to upgrade it.
   */
  readonly readOnly?: boolean;
}

/**
 * Opens (or creates) the one database file, with WAL, foreign keys and a busy timeout, and
 * migrates it. Anything that is not an SQLite database is refused before SQLite touches it.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Db {
  checkFileLooksLikeSqlite(path, (options.mustExist ?? false) || (options.readOnly ?? false));
  if (options.readOnly) {
    const db = openReadOnly(path, options.migrations);
    if (db) return db;
  }
  checkWritable(path);
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
    if (options.actor !== undefined) setAuditActor(db, options.actor);
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
    (appId === 0 &&
      readUserVersion(db) === 0 &&
      db.prepare("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").pluck().get() !== 0);
  if (foreign) {
    throw SscpError.because({ code: 'database-foreign', path });
  }
}

/** The database holds the whole assessment and its audit log: readable by its owner only. */
export const DATABASE_FILE_MODE = 0o600;

const DATABASE_FILE: FileRole = {
  what: 'database',
  hint: 'Give the path of an SSCP Evidence Pack database file (for example assessments.sscp).',
};

function checkFileLooksLikeSqlite(path: string, mustExist: boolean): void {
  let opened: { fd: number; size: number };
  try {
    // From the opened descriptor: a folder, pipe or device is refused before SQLite sees it.
    opened = openRegularFileSync(path, DATABASE_FILE);
  } catch (e) {
    if (!(isSscpError(e) && e.kind === 'not-found')) throw e;
    if (mustExist) {
      throw SscpError.because({ code: 'no-database', path });
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
    throw SscpError.because({ code: 'database-not-sqlite', path });
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

/**
 * A read-only connection, or null when the schema is older than this build and must be
 * upgraded by a read-write open first. Where even a read-only connection cannot be had (a
 * database in WAL mode in a folder nobody may write, so SQLite cannot create its shared-memory
 * file), a private snapshot of the file is read instead: the same bytes, at that moment.
 */
/**
 * A read-only look into a database as it is, with no checks and no migration (for tools that
 * only peek, such as finding identities an older version kept): a read-only connection, or a
 * private copy where SQLite cannot open even that (a folder that may not be written).
 */
export function openForPeeking(path: string): Db {
  try {
    return readOnlyConnection(path);
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_CANTOPEN') throw unreadable(path, e);
    return readOnlySnapshot(path);
  }
}

function openReadOnly(path: string, migrations: readonly Migration[] | undefined): Db | null {
  let db: Db;
  try {
    db = readOnlyConnection(path);
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_CANTOPEN') throw unreadable(path, e);
    db = readOnlySnapshot(path);
  }
  try {
    checkIsOurs(db, path);
    const latest = migrations === undefined ? LATEST_SCHEMA_VERSION : (migrations[migrations.length - 1]?.version ?? 0);
    const version = readUserVersion(db);
    if (version > latest) throw newerSchemaError(version, latest);
    if (version < latest) {
      db.close();
      return null;
    }
    return db;
  } catch (e) {
    db.close();
    if (e instanceof SscpError) throw e;
    throw unreadable(path, e);
  }
}

/**
 * SQLite quietly opens a file it may not write read-only, and the first change then fails
 * deep inside a command. Say so up front instead, in words the person can act on.
 */
function checkWritable(path: string): void {
  try {
    accessSync(path, constants.W_OK);
  } catch (e) {
    // Not there yet: SQLite creates it in a folder that must be writable anyway.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw unreadable(path, e);
  }
}

function readOnlyConnection(path: string): Db {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // SQLite opens the -wal and -shm files at the first read: fail here, not mid-command.
    db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function readOnlySnapshot(path: string): Db {
  const dir = mkdtempSync(join(tmpdir(), 'sscp-readonly-'));
  const copy = join(dir, basename(path));
  try {
    copyFileSync(path, copy);
    // A -wal left beside it holds committed changes not yet in the main file.
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    chmodSync(copy, DATABASE_FILE_MODE);
    // The copy is private, so it may be opened for writing: SQLite must be able to recover a
    // -wal into it. query_only keeps every command from changing even the copy.
    const db = new Database(copy, { fileMustExist: true });
    db.pragma('query_only = ON');
    const close = db.close.bind(db);
    db.close = () => {
      try {
        return close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    return db;
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw unreadable(path, e);
  }
}

const NOT_WRITABLE = new Set([
  'SQLITE_READONLY',
  'SQLITE_READONLY_DIRECTORY',
  'SQLITE_READONLY_RECOVERY',
  'SQLITE_READONLY_CANTINIT',
  'SQLITE_CANTOPEN',
  'SQLITE_PERM',
  'EACCES',
  'EPERM',
  'EROFS',
]);
const DAMAGED = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_IOERR_SHORT_READ']);

/**
 * Why a database cannot be opened, with a hint that does not send the person to a command
 * that would fail the same way: the damage check itself has to open the file.
 */
function unreadable(path: string, cause: unknown): SscpError {
  const code = (cause as { code?: string } | null)?.code ?? '';
  // A system error's message repeats the path; its code alone says enough.
  const detail = /^E[A-Z]+$/.test(code) ? code : cause instanceof Error ? cause.message : String(cause);
  if (NOT_WRITABLE.has(code) || code.startsWith('SQLITE_READONLY')) {
    return SscpError.because({ code: 'database-read-only', path, detail });
  }
  if (DAMAGED.has(code) || code.startsWith('SQLITE_CORRUPT')) {
    return SscpError.because({ code: 'database-damaged', path, detail });
  }
  return SscpError.because({ code: 'database-unreadable', path, detail });
}
