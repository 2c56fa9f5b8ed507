import Database from 'better-sqlite3';
import { closeSync, fchmodSync, lstatSync, mkdirSync, openSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { SscpError } from '../../shared/errors';
import { sqliteIdentityRows, type IdentityRepository, type StoredIdentity } from './identity-repo';
import type { EncryptedPrivateKey } from './key-vault';

/**
 * The per-user key store: signing identities belong to the person, not to an assessment
 * database, so next year's database signs under the same organisation root. One small SQLite
 * file in the user's application-data folder (WAL and a busy timeout, so the app, its job
 * host and the CLI can use it at once), the folder 0700 and the files 0600. Keys inside stay
 * sealed with the identity's passphrase (key-vault.ts). See docs/key-store.md.
 */

/** Electron's app name, from package.json's productName: `app.getPath('userData')` ends in it. */
export const APP_PRODUCT_NAME = 'SSCP Evidence Pack';
export const KEY_STORE_FOLDER = 'key-store';
export const KEY_STORE_FILE = 'identities.sqlite';
/** Stamped in the SQLite header ("SSCK"), so the key store is never taken for an assessment database or the reverse. */
export const KEY_STORE_APPLICATION_ID = 0x5353434b;
const KEY_STORE_SCHEMA_VERSION = 1;

/**
 * The folder the app and the CLI keep per-user data in: `SSCP_HOME` when set (tests, CI,
 * portable use), otherwise what Electron's `app.getPath('userData')` gives for this app —
 * `$XDG_CONFIG_HOME` (or `~/.config`) on Linux, `~/Library/Application Support` on macOS,
 * `%APPDATA%` on Windows, each followed by the product name. Plain Node, so both share it.
 */
export function sscpHome(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env.SSCP_HOME;
  if (override !== undefined && override.trim() !== '') return resolve(override);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_PRODUCT_NAME);
  if (platform === 'win32') {
    const appData = env.APPDATA;
    return join(appData && isAbsolute(appData) ? appData : join(home, 'AppData', 'Roaming'), APP_PRODUCT_NAME);
  }
  // Electron, like the XDG spec, ignores a relative XDG_CONFIG_HOME.
  const config = env.XDG_CONFIG_HOME;
  return join(config && isAbsolute(config) ? config : join(home, '.config'), APP_PRODUCT_NAME);
}

/** Where the key store file of a home folder lives. */
export function keyStorePath(home: string): string {
  return join(home, KEY_STORE_FOLDER, KEY_STORE_FILE);
}

/** Backup state kept beside each identity. */
export interface BackupState {
  /** When the identity was last exported as a .p12 backup (cleared by renewal: the new key is not in it). */
  readonly backedUpAt: string | null;
  /** When the app last reminded the SRO that it has no backup: it reminds once. */
  readonly backupRemindedAt: string | null;
}

export interface KeyStore {
  readonly home: string;
  readonly path: string;
  readonly repository: IdentityRepository;
  /** Runs `fn` in one IMMEDIATE transaction: other processes wait, nothing is half-written. */
  transaction<T>(fn: () => T): T;
  /** Appends to the store's own log of what happened to identities (never key material). */
  logEvent(action: string, detail: Record<string, unknown>, at: string): void;
  /** The log, oldest first. */
  events(): { readonly at: string; readonly action: string; readonly detail: Record<string, unknown> }[];
  /** Writes the WAL back into the main file (tests look at the file's bytes). */
  checkpoint(): void;
  backupState(id: string): BackupState;
  /** `null` clears it: a renewed key is not in any earlier backup. */
  markBackedUp(id: string, at: string | null): void;
  markBackupReminded(id: string, at: string | null): void;
  findById(id: string): StoredIdentity | undefined;
  findByFingerprint(fingerprint: string): StoredIdentity | undefined;
  close(): void;
}

const SCHEMA = `
CREATE TABLE identities (
  id                    TEXT PRIMARY KEY,
  label                 TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(label)) > 0),
  kind                  TEXT NOT NULL CHECK (kind IN ('self-signed', 'org-issued', 'imported')),
  algorithm             TEXT NOT NULL CHECK (algorithm IN ('p256', 'p384') OR algorithm GLOB 'rsa[0-9]*'),
  certificate_der       BLOB NOT NULL,
  chain_json            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(chain_json) AND json_type(chain_json) = 'array'),
  encrypted_key_json    TEXT NOT NULL CHECK (json_valid(encrypted_key_json)),
  fingerprint           TEXT NOT NULL UNIQUE CHECK (length(fingerprint) = 64 AND fingerprint NOT GLOB '*[^0-9a-f]*'),
  subject_common_name   TEXT NOT NULL DEFAULT '',
  subject_title         TEXT NOT NULL DEFAULT '',
  subject_organisation  TEXT NOT NULL DEFAULT '',
  not_before            TEXT NOT NULL,
  not_after             TEXT NOT NULL,
  root_encrypted_key_json TEXT CHECK (root_encrypted_key_json IS NULL OR json_valid(root_encrypted_key_json)),
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  backed_up_at          TEXT,
  backup_reminded_at    TEXT,
  CHECK (kind = 'org-issued' OR root_encrypted_key_json IS NULL)
);
CREATE TABLE events (
  seq         INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  action      TEXT NOT NULL,
  detail_json TEXT NOT NULL CHECK (json_valid(detail_json))
);
`;

function storeError(path: string, cause: unknown): SscpError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return SscpError.because({ code: 'key-store-unopenable', path, detail });
}

/** Makes `dir` (and missing parents) with mode 0700; refuses a non-folder or a symbolic link in its place. */
function ensurePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = lstatSync(dir);
  if (!st.isDirectory()) throw new Error(`${dir} is not a folder`);
  if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) {
    // Ours alone: a key store folder others may list is tightened rather than trusted.
    mkdirSync(dir, { recursive: true });
    const fd = openSync(dir, 'r');
    try {
      fchmodSync(fd, 0o700);
    } finally {
      closeSync(fd);
    }
  }
}

/** Creates the store file 0600 before SQLite opens it; SQLite gives its -wal and -shm files the same mode. */
function ensurePrivateFile(path: string): void {
  const fd = openSync(path, 'a', 0o600);
  try {
    if (process.platform !== 'win32') fchmodSync(fd, 0o600);
  } finally {
    closeSync(fd);
  }
}

/**
 * The sealed private key of the identity `label` in the key store of `home`, read without
 * creating or changing anything; undefined when there is no key store or no such identity.
 * For starting the key derivation early (key-vault.ts startKeyDerivation): the unlock itself
 * goes through the identity service and reports any problem.
 */
export function readSealedKey(home: string, label: string): EncryptedPrivateKey | undefined {
  let db: Database.Database;
  try {
    db = new Database(keyStorePath(home), { readonly: true, fileMustExist: true });
  } catch {
    return undefined;
  }
  try {
    return sqliteIdentityRows(db, 'identities').repository.findByLabel(label)?.encryptedKey;
  } catch {
    // A key store of another version, or damaged: the unlock opens it properly and says so.
    return undefined;
  } finally {
    db.close();
  }
}

/** Opens (creating if need be) the key store of `home`. Close it when done. */
export function openKeyStore(home: string): KeyStore {
  const path = keyStorePath(home);
  let db: Database.Database;
  try {
    ensurePrivateFolder(join(home, KEY_STORE_FOLDER));
    ensurePrivateFile(path);
    db = new Database(path);
  } catch (e) {
    throw storeError(path, e);
  }
  try {
    db.pragma('busy_timeout = 10000');
    db.pragma('journal_mode = WAL');
    // FULL: once a key is reported stored (or moved out of a database), it survives a power cut.
    db.pragma('synchronous = FULL');
    prepareSchema(db, path);
  } catch (e) {
    db.close();
    if (e instanceof SscpError) throw e;
    throw storeError(path, e);
  }
  const rows = sqliteIdentityRows(db, 'identities');
  const row = (sql: string, value: string): StoredIdentity | undefined => rows.one(sql, value);
  return {
    home,
    path,
    repository: rows.repository,
    transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    logEvent(action, detail, at) {
      db.prepare('INSERT INTO events (at, action, detail_json) VALUES (?, ?, ?)').run(at, action, JSON.stringify(detail));
    },
    events() {
      return db
        .prepare<[], { at: string; action: string; detail_json: string }>('SELECT at, action, detail_json FROM events ORDER BY seq')
        .all()
        .map((e) => ({ at: e.at, action: e.action, detail: JSON.parse(e.detail_json) as Record<string, unknown> }));
    },
    checkpoint() {
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    backupState(id) {
      const state = db
        .prepare<[string], { backed_up_at: string | null; backup_reminded_at: string | null }>(
          'SELECT backed_up_at, backup_reminded_at FROM identities WHERE id = ?',
        )
        .get(id);
      return { backedUpAt: state?.backed_up_at ?? null, backupRemindedAt: state?.backup_reminded_at ?? null };
    },
    markBackedUp(id, at) {
      db.prepare('UPDATE identities SET backed_up_at = ? WHERE id = ?').run(at, id);
    },
    markBackupReminded(id, at) {
      db.prepare('UPDATE identities SET backup_reminded_at = ? WHERE id = ?').run(at, id);
    },
    findById: (id) => row('id = ?', id),
    findByFingerprint: (fingerprint) => row('fingerprint = ?', fingerprint),
    close: () => db.close(),
  };
}

function prepareSchema(db: Database.Database, path: string): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (appId !== 0 && appId !== KEY_STORE_APPLICATION_ID) {
    throw SscpError.because({ code: 'key-store-foreign', path });
  }
  if (version > KEY_STORE_SCHEMA_VERSION) {
    throw SscpError.because({ code: 'key-store-newer', path });
  }
  if (version === KEY_STORE_SCHEMA_VERSION) return;
  db.transaction(() => {
    // Another process may have created it between our read and this write lock.
    if ((db.pragma('user_version', { simple: true }) as number) === KEY_STORE_SCHEMA_VERSION) return;
    db.exec(SCHEMA);
    db.pragma(`application_id = ${KEY_STORE_APPLICATION_ID}`);
    db.pragma(`user_version = ${KEY_STORE_SCHEMA_VERSION}`);
  }).immediate();
}

/** Opens the store of `home`, runs `fn`, and always closes it. */
export async function withKeyStore<T>(home: string, fn: (store: KeyStore) => T | Promise<T>): Promise<T> {
  const store = openKeyStore(home);
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

/** One of the user's own certificates: what the trust policy treats as trusted for verify and import. */
export interface OwnCertificate {
  readonly label: string;
  readonly role: 'signer' | 'root';
  /** SHA-256 of the DER, lower-case hex without colons. */
  readonly fingerprint: string;
  readonly der: Uint8Array;
  readonly pem: string;
}
