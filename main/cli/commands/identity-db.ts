import { existsSync } from 'node:fs';
import { createIdentityService, type IdentityService } from '../../signing/identity-service';
import { openKeyStore, sscpHome } from '../../signing/key-store';
import { adoptLegacyIdentities, describeMovedIdentities } from '../../signing/legacy-identities';
import type { CliIo } from '../io';

/**
 * `--db` on identity commands: identities live in the per-user key store now, so the option is
 * only read to move identities an older version kept in that database (scripts that pass it
 * keep working). `sscp export` and the app move them the same way.
 */
export const IDENTITY_DB_OPTION_FLAGS = '--db <file>';
export const IDENTITY_DB_OPTION_HELP =
  'not needed: identities live in your key store (see SSCP_HOME); a database given here has any identities an older version kept in it moved there first';

/** Moves the identities of an older database into the key store, saying so on stderr. */
export function adoptFromDatabase(io: CliIo, dbPath: string): void {
  for (const line of describeMovedIdentities(adoptLegacyIdentities(dbPath, sscpHome(io.env)))) io.stderr.write(`${line}\n`);
}

/**
 * Opens the user's key store for one identity command and always closes it. With `db`, first
 * moves identities an older version kept in that database; a database that does not exist
 * (older scripts set up signing before `sscp new`) has nothing to move, which a note says.
 */
export async function withIdentityService<T>(
  io: CliIo,
  db: string | undefined,
  fn: (service: IdentityService) => Promise<T> | T,
): Promise<T> {
  if (db !== undefined) {
    if (existsSync(db)) adoptFromDatabase(io, db);
    else io.stderr.write(`Note: there is no database at ${db}; identities live in your key store, so --db is not needed.\n`);
  }
  const store = openKeyStore(sscpHome(io.env));
  try {
    return await fn(createIdentityService(store, io.keyCost));
  } finally {
    store.close();
  }
}
