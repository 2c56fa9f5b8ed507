import Database from 'better-sqlite3';
import { basename } from 'node:path';
import { SscpError } from '../../shared/errors';
import { appendAudit } from '../store/audit-log';
import { openForPeeking, type Db } from '../store/database';
import { sqliteIdentityRows, type StoredIdentity } from './identity-repo';
import { openKeyStore, type KeyStore } from './key-store';

/**
 * Versions before the key store kept signing identities inside each assessment database
 * (table `signing_identities`). Opening such a database moves them into the user's key store:
 * each is copied first, in one durable transaction of the store, and only then deleted from
 * the database, so a kill at any moment leaves the identity in one place or both, never none.
 * The same identity (same id, or same certificate) is never stored twice; a label the store
 * already uses for a different key gets a free one ("Ada (2)"), and the caller reports it.
 * See docs/key-store.md.
 */
export interface MovedIdentity {
  /** The label in the database. */
  readonly label: string;
  /** The label in the key store: different when the database's label was taken by another key. */
  readonly storedAs: string;
  readonly fingerprint: string;
  /** `moved`: copied now; `already-stored`: the store had it (from this or another database). */
  readonly outcome: 'moved' | 'already-stored';
  /** Whether the database no longer holds the key (false if it could not be changed, e.g. read-only). */
  readonly removedFromDatabase: boolean;
}

function hasLegacyIdentities(db: Db): boolean {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'signing_identities'").get();
  return table !== undefined && db.prepare('SELECT 1 FROM signing_identities LIMIT 1').get() !== undefined;
}

function freeLabel(store: KeyStore, label: string): string {
  if (!store.repository.findByLabel(label)) return label;
  for (let n = 2; ; n += 1) {
    const candidate = `${label} (${n})`;
    if (!store.repository.findByLabel(candidate)) return candidate;
  }
}

function copyIntoStore(store: KeyStore, identity: StoredIdentity, from: string, at: string): Omit<MovedIdentity, 'removedFromDatabase'> {
  return store.transaction(() => {
    const existing = store.findById(identity.id) ?? store.findByFingerprint(identity.fingerprint);
    if (existing)
      return { label: identity.label, storedAs: existing.label, fingerprint: identity.fingerprint, outcome: 'already-stored' as const };
    const storedAs = freeLabel(store, identity.label);
    store.repository.insert({ ...identity, label: storedAs });
    store.logEvent(
      'identity.moved-from-database',
      { label: storedAs, previousLabel: identity.label, fingerprint: identity.fingerprint, database: basename(from) },
      at,
    );
    return { label: identity.label, storedAs, fingerprint: identity.fingerprint, outcome: 'moved' as const };
  });
}

/**
 * Moves the identities of the database at `dbPath` into the key store of `home`, and returns
 * what happened to each (nothing, and no key store touched, when it holds none).
 */
export interface AdoptOptions {
  readonly now?: () => Date;
  /** Told after each identity is durably in the store, and after the database lets go of them (the kill tests stop the process there). */
  readonly onStep?: (step: 'copied' | 'removed', label: string) => void;
}

export function adoptLegacyIdentities(dbPath: string, home: string, options: AdoptOptions = {}): MovedIdentity[] {
  const now = options.now ?? (() => new Date());
  // Opened plainly, not through openDatabase: looking for identities must not migrate or
  // need the write lock, so a database another program is busy with still opens.
  let db: Db;
  try {
    db = new Database(dbPath, { fileMustExist: true });
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
    } catch (e) {
      db.close();
      throw e;
    }
  } catch (e) {
    // A database the user may not change (a read-only share, a colleague's file) can still be
    // looked in: identities found there are copied, and stay in it until it can be written.
    try {
      db = openForPeeking(dbPath);
    } catch {
      throw unreadable(dbPath, e);
    }
  }
  try {
    db.pragma('busy_timeout = 5000');
    let found: boolean;
    try {
      found = hasLegacyIdentities(db);
    } catch (e) {
      throw unreadable(dbPath, e);
    }
    if (!found) return [];
    const legacy = sqliteIdentityRows(db, 'signing_identities').repository.list();
    const store = openKeyStore(home);
    const at = now().toISOString();
    let copied: Omit<MovedIdentity, 'removedFromDatabase'>[];
    try {
      // Each commit is durable (synchronous=FULL) before the database is touched below.
      copied = legacy.map((identity) => {
        const c = copyIntoStore(store, identity, dbPath, at);
        options.onStep?.('copied', identity.label);
        return c;
      });
    } finally {
      store.close();
    }
    let removed = false;
    try {
      db.transaction(() => {
        for (const c of copied) {
          db.prepare('DELETE FROM signing_identities WHERE fingerprint = ?').run(c.fingerprint);
          appendAudit(
            db,
            {
              assessmentId: null,
              action: 'identity.moved-to-key-store',
              detail: { label: c.label, storedAs: c.storedAs, fingerprint: c.fingerprint },
            },
            at,
          );
        }
      }).immediate();
      removed = true;
      options.onStep?.('removed', '');
    } catch {
      // A read-only or locked database keeps its copy; the store has one too, and the next
      // open tries again. Nothing is lost either way.
    }
    return copied.map((c) => ({ ...c, removedFromDatabase: removed }));
  } finally {
    db.close();
  }
}

function unreadable(path: string, cause: unknown): SscpError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return SscpError.because({ code: 'legacy-identities-unreadable', path, detail });
}

/** One line per identity for a person: what moved where. */
export function describeMovedIdentities(moved: readonly MovedIdentity[]): string[] {
  return moved.map((m) => {
    const verb =
      m.outcome === 'moved'
        ? `Moved signing identity "${m.label}" from this database into your key store${m.storedAs === m.label ? '' : ` as "${m.storedAs}" (that label was taken by another key)`}`
        : `Signing identity "${m.label}" is already in your key store${m.storedAs === m.label ? '' : ` as "${m.storedAs}"`}`;
    return `${verb}${m.removedFromDatabase ? '; the database no longer holds its key.' : '; the database could not be changed, so it still holds a copy.'}`;
  });
}
