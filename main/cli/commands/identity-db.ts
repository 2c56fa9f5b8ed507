import { createIdentityService, type IdentityService } from '../../signing/identity-service';
import { openDatabase } from '../../store/database';
import { currentCliActor } from '../actor';

/**
 * Opens the database for one identity command and always closes it. Creating or importing an
 * identity may start a new database (an SRO often sets up signing first); reading commands
 * require it to exist, so a typo in --db does not quietly create an empty one.
 */
export async function withIdentityService<T>(dbPath: string, fn: (service: IdentityService) => Promise<T> | T, options: { create?: boolean; readOnly?: boolean } = {}): Promise<T> {
  const db = openDatabase(dbPath, { mustExist: !options.create, actor: currentCliActor(), readOnly: options.readOnly ?? false });
  try {
    return await fn(createIdentityService(db));
  } finally {
    db.close();
  }
}
